import { FirewallRequirementsError, invalidValue, unknownOption } from '../model/errors';
import { packageInfo } from '../package-info';
import { FORMATS } from './args';
import type { ListIo } from './list-command';
import { profileUsage } from './profile-help';
import { CLI_PROFILES as PROFILES, CLI_PROFILE_NAMES } from './profiles';

// Each command loads its own modules when it runs (the validator, the export targets and every catalog are most of
// the package): `--version` or `list aks --help` should not pay for `export` or `validate`.
/* eslint-disable @typescript-eslint/no-require-imports */
const listCommand = () => require('./list-command') as typeof import('./list-command');
const exportCommand = () => require('./export-command') as typeof import('./export-command');
const validateCommand = () => require('./validate-command') as typeof import('./validate-command');
const driftCommand = () => require('./drift-command') as typeof import('./drift-command');
const explainCommand = () => require('./explain-command') as typeof import('./explain-command');
/* eslint-enable @typescript-eslint/no-require-imports */

const NAME = 'cdktf-firewall-requirements';

/** Where the CLI writes (and, for `list`, the environment and clock it reads). */
export type CliIo = ListIo;

const COMMANDS = ['list', 'validate', 'export', 'drift', 'explain', 'help'];
const TOP_FLAGS = ['--help', '--version'];

/**
 * Runs the CLI and returns the exit code: 0 on success, 1 when validation finds problems, 2 on bad input
 * (with one message on stderr and nothing on stdout), 3 when validation could not check everything.
 */
export function main(argv: readonly string[], io: CliIo = { out: process.stdout, err: process.stderr }): number {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case undefined:
      case '--help':
      case '-h':
      case 'help':
        return help(rest, io);
      case '--version':
      case '-v':
        noMore(rest, `${NAME} ${command}`);
        io.out.write(`${packageInfo()?.version ?? 'unknown'}\n`);
        return 0;
      case 'list':
        return list(rest, io);
      case 'validate':
        return validateCommand().runValidate([...rest], io.out, io.err);
      case 'export':
        return exportCommand().runExport(rest, io);
      case 'drift':
        return driftCommand().runDrift(rest, io);
      case 'explain':
        return explainCommand().runExplain(rest, io);
      default:
        if (command.startsWith('-')) throw unknownOption('flag', command, NAME, TOP_FLAGS, `Commands: ${COMMANDS.join(', ')}.`);
        throw unknownOption('command', command, NAME, COMMANDS);
    }
  } catch (e) {
    if (e instanceof FirewallRequirementsError) {
      io.err.write(`${NAME}: ${e.message}\n`);
      return 2;
    }
    // Anything else is a bug of the library, not bad input: one line and exit 1, the stack only when asked for.
    const debug = process.env.CDKTF_FIREWALL_REQUIREMENTS_DEBUG === '1';
    const text = e instanceof Error ? (debug ? (e.stack ?? e.message) : e.message) : String(e);
    io.err.write(`${NAME}: internal error: ${text}\n${debug ? '' : `Please report it with the command line; set CDKTF_FIREWALL_REQUIREMENTS_DEBUG=1 for the stack trace.\n`}`);
    return 1;
  }
}

/** `help [command]`. */
function help(args: readonly string[], io: CliIo): number {
  const [topic, ...more] = args;
  noMore(more, `${NAME} help ${topic}`);
  switch (topic) {
    case undefined:
      io.out.write(usage());
      return 0;
    case 'list':
      io.out.write(listUsage());
      return 0;
    case 'validate':
      return validateCommand().runValidate(['--help'], io.out, io.err);
    case 'export':
      return exportCommand().runExport(['--help'], io);
    case 'drift':
      io.out.write(driftCommand().driftUsage());
      return 0;
    case 'explain':
      io.out.write(explainCommand().explainUsage());
      return 0;
    default: {
      const profile = PROFILES.find((p) => p.name === topic);
      if (profile) {
        io.out.write(profileUsage(profile));
        return 0;
      }
      throw unknownOption('help topic', topic, `${NAME} help`, [...COMMANDS.filter((c) => c !== 'help'), ...CLI_PROFILE_NAMES]);
    }
  }
}

function noMore(args: readonly string[], origin: string): void {
  if (args.length > 0) throw invalidValue('argument', args[0], origin, `${origin} takes no further arguments.`, 'unexpected-argument');
}

function list(args: string[], io: CliIo): number {
  return listCommand().runList(args, io, PROFILES, { list: listUsage, profile: profileUsage });
}

function usage(): string {
  return [
    `Usage: ${NAME} <command> [options]`,
    '',
    'Commands:',
    '  list <profile>... [options]',
    '                             List the firewall requirements of one or more profiles (one merged listing)',
    '  validate [dir]             Check synthesized cdk.tf.json files against provider schemas (default dir: cdktf.out)',
    '  export <target> --spec <file> --out <dir>',
    '                             Write the firewall rules as a plain Terraform / OpenTofu module (no cdktf)',
    '  drift <catalog> --upstream <file>',
    "                             Compare a catalog with the vendor's own file (exit 1 on drift)",
    '  explain --profile-spec <spec.json> <flow or log file>...',
    '                             Why a flow was denied, and which catalog row and option would allow it',
    '  help [command|profile]     Show this help, or the help of a command or profile',
    '',
    'Options:',
    '  -h, --help                 Show this help',
    '  -v, --version              Print the version',
    '',
    `Profiles: ${CLI_PROFILE_NAMES.join(', ')}`,
    `Run "${NAME} list <profile> --help" for a profile's options.`,
    '',
    'Exit codes: 0 success; 1 validation found problems or drift; 2 bad input (one message on stderr, nothing on stdout);',
    '3 validation incomplete (objects without a schema; see validate --help).',
    '',
  ].join('\n');
}

function listUsage(): string {
  return [
    `Usage: ${NAME} list <profile> [<profile>...] [options] [--format ${FORMATS.join('|')}] [--wide]`,
    '',
    'Several profiles give one merged listing; each row names the profiles that ask for it. A flag goes to the',
    'profile that declares it; a flag two listed profiles declare is written with the profile: --eks.region.',
    '',
    'Profiles:',
    ...PROFILES.map((p) => `  ${p.name.padEnd(20)} ${p.description}`),
    '',
  ].join('\n');
}

