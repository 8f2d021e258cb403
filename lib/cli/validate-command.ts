import { FirewallRequirementsError, invalidValue, unknownOption } from '../model/errors';
import { SchemaLoadKind } from '../validate/schema-store';
import { validateDirectory, ValidationReport } from '../validate/validate-directory';

const COMMAND = 'cdktf-firewall-requirements validate';
const FLAGS = ['--help', '--cache-dir', '--schema-dir', '--verbose'];

/**
 * `validate [dir]`: checks every synthesized `cdk.tf.json` under `dir` (default `cdktf.out`) against the
 * provider schemas. Exit code 0 when clean, 1 with problems (one line each on `out`), 2 on bad usage.
 */
export function runValidate(args: string[], out: NodeJS.WritableStream, err: NodeJS.WritableStream): number {
  let parsed: ValidateArguments;
  let report: ValidationReport;
  try {
    parsed = parseArguments(args);
    if (parsed.help) {
      out.write(usage());
      return 0;
    }
    report = validateDirectory(parsed.dir, { cacheDir: parsed.cacheDir, schemaDir: parsed.schemaDir });
  } catch (e) {
    if (e instanceof FirewallRequirementsError) {
      err.write(`${COMMAND}: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
  for (const load of report.schemaLoads) {
    if (parsed.verbose || load.how === SchemaLoadKind.DERIVED) {
      const how = load.how === SchemaLoadKind.DERIVED ? 'derived from' : load.how === SchemaLoadKind.CACHED ? 'read cached schema of' : 'read';
      err.write(`schema ${load.source}: ${how} ${load.origin} in ${(load.millis / 1000).toFixed(2)} s\n`);
    }
  }
  for (const line of report.unchecked) err.write(`not checked: ${line}\n`);
  for (const note of report.notes) err.write(`note: ${note}\n`);
  for (const problem of report.problems) out.write(`${problem}\n`);
  const checked = `${plural(report.stacks, 'stack')}, ${plural(report.resources, 'resource')}, ${plural(report.dataSources, 'data source')}, ${plural(report.providerBlocks, 'provider block')}`;
  if (report.problems.length > 0) {
    err.write(`${plural(report.problems.length, 'problem')} (checked ${checked})\n`);
    return 1;
  }
  out.write(`OK: ${checked} checked, no problems\n`);
  return 0;
}

interface ValidateArguments {
  readonly dir: string;
  readonly help: boolean;
  readonly verbose: boolean;
  readonly cacheDir?: string;
  readonly schemaDir?: string;
}

function parseArguments(args: readonly string[]): ValidateArguments {
  let dir: string | undefined;
  let help = false;
  let verbose = false;
  let cacheDir: string | undefined;
  let schemaDir: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const eq = arg.indexOf('=');
    const flag = arg.startsWith('--') && eq !== -1 ? arg.slice(0, eq) : arg;
    const value = (): string => {
      if (eq !== -1 && arg.startsWith('--')) return arg.slice(eq + 1);
      const next = args[i + 1];
      if (next === undefined || next.startsWith('--')) {
        throw invalidValue(`value for ${flag}`, '', `${COMMAND} ${flag}`, `${flag} needs a folder, e.g. ${flag} .cache/schemas.`, 'missing-value');
      }
      i++;
      return next;
    };
    switch (flag) {
      case '--help':
      case '-h':
        help = true;
        break;
      case '--verbose':
        verbose = true;
        break;
      case '--cache-dir':
        cacheDir = value();
        break;
      case '--schema-dir':
        schemaDir = value();
        break;
      default:
        if (arg.startsWith('-')) throw unknownOption('flag', arg, COMMAND, FLAGS);
        if (dir !== undefined) {
          throw invalidValue('argument', arg, COMMAND, `validate takes one folder (already given: ${dir}).`, 'unexpected-argument');
        }
        dir = arg;
    }
  }
  return { dir: dir ?? 'cdktf.out', help, verbose, cacheDir, schemaDir };
}

function usage(): string {
  return [
    `Usage: ${COMMAND} [dir] [options]`,
    '',
    'Checks every synthesized cdk.tf.json under dir (default: cdktf.out) against the provider schemas,',
    'offline: arguments of each resource, data source and provider block are read from the installed',
    '@cdktf/provider-* packages (derived once per package version and cached), and from schemas/<provider>.json',
    'for providers without a binding (IBM Cloud).',
    '',
    'Checks: unknown arguments, missing required arguments and blocks, attribute versus block shape,',
    'at most one max-one block, nested blocks (and dynamic block content), and references to resources,',
    'data sources, variables, locals, modules and provider aliases the stack does not declare.',
    '',
    'Options:',
    '  --cache-dir <dir>   Where derived schemas are cached (default: node_modules/.cache/cdktf-firewall-requirements)',
    '  --schema-dir <dir>  Folder of <provider>.json schema files (default: the package\'s schemas folder)',
    '  --verbose           Also print how each schema was loaded and how long it took',
    '  -h, --help          Show this help',
    '',
    'Output: one line per problem, "<stack>/<address>[.<block path>]: <argument>: <what is wrong>".',
    'Exit code: 0 when clean, 1 when problems were found, 2 on bad usage.',
    '',
  ].join('\n');
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
