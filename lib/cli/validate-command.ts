import { OptionSpec, OptionType } from '../catalog/profile-definition';
import { FirewallRequirementsError } from '../model/errors';
import { SchemaLoadKind } from '../validate/schema-store';
import { validateDirectory, ValidationReport } from '../validate/validate-directory';
import { parseFlags } from './args';

const COMMAND = 'cdktf-firewall-requirements validate';

/** Exit codes of `validate`. */
export enum ValidateExit {
  /** Every object checked, no problems. */
  OK = 0,
  /** Problems found (including stack files that cannot be read or parsed). */
  PROBLEMS = 1,
  /** Bad usage: unknown flag, missing or empty folder, a --schema-dir that is not a folder. */
  USAGE = 2,
  /** No problems, but some objects had no schema and were not checked (and --allow-unchecked was not given). */
  INCOMPLETE = 3,
}

/**
 * `validate [dir]`: checks every synthesized `cdk.tf.json` under `dir` (default `cdktf.out`) against the
 * provider schemas. Exit codes: see {@link ValidateExit}. Problems go to `out`, one line each; schema loads,
 * unchecked objects and counts go to `err`, except the final OK / INCOMPLETE line.
 */
export function runValidate(args: string[], out: NodeJS.WritableStream, err: NodeJS.WritableStream): number {
  let parsed: ValidateArguments;
  let report: ValidationReport;
  try {
    parsed = parseArguments(args);
    if (parsed.help) {
      out.write(usage());
      return ValidateExit.OK;
    }
    report = validateDirectory(parsed.dir, { cacheDir: parsed.cacheDir, schemaDir: parsed.schemaDir });
  } catch (e) {
    if (e instanceof FirewallRequirementsError) {
      err.write(`${COMMAND}: ${e.message}\n`);
      return ValidateExit.USAGE;
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
  const skipped = report.uncheckedProviders.reduce((n, u) => n + u.objects, 0);
  const notChecked = `${plural(skipped, 'object')} of ${report.uncheckedProviders.map((u) => u.source).join(', ')} not checked (no schema)`;
  if (report.problems.length > 0) {
    err.write(`${plural(report.problems.length, 'problem')} (checked ${checked}${skipped > 0 ? `; ${notChecked}` : ''})\n`);
    return ValidateExit.PROBLEMS;
  }
  if (skipped > 0) {
    if (parsed.allowUnchecked) {
      out.write(`OK, incomplete: ${checked} checked, no problems; ${notChecked}, allowed by --allow-unchecked\n`);
      return ValidateExit.OK;
    }
    out.write(`INCOMPLETE: ${checked} checked, no problems; ${notChecked}. Install what the "not checked" lines name, or pass --allow-unchecked.\n`);
    return ValidateExit.INCOMPLETE;
  }
  out.write(`OK: ${checked} checked, no problems\n`);
  return ValidateExit.OK;
}

interface ValidateArguments {
  readonly dir: string;
  readonly help: boolean;
  readonly verbose: boolean;
  readonly allowUnchecked: boolean;
  readonly cacheDir?: string;
  readonly schemaDir?: string;
}

/** The flags of `validate`, parsed by the same strict parser as the profile flags. */
const FLAG_SPECS: readonly OptionSpec[] = [
  { name: 'cacheDir', flag: 'cache-dir', type: OptionType.STRING, description: 'Where derived schemas are cached.' },
  { name: 'schemaDir', flag: 'schema-dir', type: OptionType.STRING, description: 'Folder of <provider>.json schema files.' },
  { name: 'verbose', flag: 'verbose', type: OptionType.BOOLEAN, description: 'Print how each schema was loaded.', defaultText: 'false' },
  {
    name: 'allowUnchecked',
    flag: 'allow-unchecked',
    type: OptionType.BOOLEAN,
    description: 'Exit 0 (not 3) when some objects have no schema; they are still listed.',
    defaultText: 'false',
  },
];

function parseArguments(args: readonly string[]): ValidateArguments {
  const parsed = parseFlags(args, { command: COMMAND, specs: FLAG_SPECS, positional: 'folder' });
  const o = parsed.options;
  return {
    dir: parsed.positionals[0] ?? 'cdktf.out',
    help: parsed.help,
    verbose: o.verbose === true,
    allowUnchecked: o.allowUnchecked === true,
    cacheDir: o.cacheDir as string | undefined,
    schemaDir: o.schemaDir as string | undefined,
  };
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
    '  --allow-unchecked   Exit 0 even when some objects have no schema (they are still listed)',
    '  -h, --help          Show this help',
    '',
    'Output: one line per problem on stdout, "<stack>/<address>[.<block path>]: <argument>: <what is wrong>";',
    'a section, type or body of the wrong JSON shape is reported at its JSON path ("<stack>/resource.aws_vpc:',
    'expected ..., got ... (in <file>)"), and a stack file that cannot be read or is not a JSON object as',
    '"<stack>/cdk.tf.json: ...". Objects of a provider without a schema (no @cdktf/provider-<name> installed,',
    'no <name>.json in the schema folder) are listed on stderr as "not checked" with what to install.',
    '',
    'Exit codes:',
    '  0  every object checked, no problems (or only unchecked objects, with --allow-unchecked)',
    '  1  problems found, including unreadable, dangling or non-JSON stack files',
    '  2  bad usage: unknown or repeated flag, a folder that does not exist or holds no cdk.tf.json,',
    '     a --schema-dir that is not a folder, a --cache-dir that is a file',
    '  3  incomplete: no problems, but some objects were not checked (no schema); see "not checked"',
    '',
  ].join('\n');
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
