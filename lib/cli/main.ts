import { PROFILES } from '../catalog';
import { OptionSpec, OptionType, ProfileDefinition } from '../catalog/profile-definition';
import { FirewallRequirementsError, unknownOption } from '../model/errors';
import { toRecord } from '../model/requirement-record';
import { FORMATS, parseListArguments } from './args';
import { formatRecords } from './format';
import { runValidate } from './validate-command';

const NAME = 'cdktf-firewall-requirements';

/** Where the CLI writes. */
export interface CliIo {
  readonly out: NodeJS.WritableStream;
  readonly err: NodeJS.WritableStream;
}

/**
 * Runs the CLI and returns the exit code: 0 on success, 1 when validation finds problems, 2 on bad input
 * (with the message on stderr and nothing on stdout).
 */
export function main(argv: readonly string[], io: CliIo = { out: process.stdout, err: process.stderr }): number {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case undefined:
      case '--help':
      case '-h':
      case 'help':
        io.out.write(usage());
        return 0;
      case 'list':
        return list(rest, io);
      case 'validate':
        return runValidate([...rest], io.out, io.err);
      default:
        throw unknownOption('command', command, NAME, ['list', 'validate', 'help']);
    }
  } catch (e) {
    if (e instanceof FirewallRequirementsError) {
      io.err.write(`${NAME}: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
}

function list(args: string[], io: CliIo): number {
  const [name, ...flags] = args;
  if (name === undefined || name === '--help' || name === '-h') {
    io.out.write(listUsage());
    return 0;
  }
  const profile = PROFILES.find((p) => p.name === name);
  if (!profile) {
    throw unknownOption('profile', name, `${NAME} list`, PROFILES.map((p) => p.name));
  }
  const parsed = parseListArguments(flags, profile.options, profile.name);
  if (parsed.help) {
    io.out.write(profileUsage(profile));
    return 0;
  }
  // Build everything before writing anything: bad input leaves stdout empty.
  const set = profile.build(parsed.options);
  const text = formatRecords(set.requirements.map(toRecord), parsed.format);
  io.out.write(text);
  return 0;
}

function usage(): string {
  return [
    `Usage: ${NAME} <command> [options]`,
    '',
    'Commands:',
    '  list <profile> [options]   List the firewall requirements of a profile',
    '  validate [dir]             Check synthesized cdk.tf.json files against provider schemas (default dir: cdktf.out)',
    '  help                       Show this help',
    '',
    `Profiles: ${PROFILES.map((p) => p.name).join(', ')}`,
    `Run "${NAME} list <profile> --help" for a profile's options.`,
    '',
  ].join('\n');
}

function listUsage(): string {
  return [
    `Usage: ${NAME} list <profile> [options] [--format ${FORMATS.join('|')}]`,
    '',
    'Profiles:',
    ...PROFILES.map((p) => `  ${p.name.padEnd(20)} ${p.description}`),
    '',
  ].join('\n');
}

function profileUsage(profile: ProfileDefinition): string {
  const lines = [`Usage: ${NAME} list ${profile.name} [options] [--format ${FORMATS.join('|')}]`, '', profile.description, '', 'Options:'];
  for (const spec of profile.options) {
    lines.push(`  ${flagSyntax(spec).padEnd(44)} ${spec.description}${spec.required ? ' (required)' : ''}`);
    if (spec.choices) lines.push(`  ${''.padEnd(44)} one of: ${spec.choices.join(', ')}${spec.type === OptionType.CHOICE_LIST ? ', all' : ''}`);
    if (spec.defaultText) lines.push(`  ${''.padEnd(44)} default: ${spec.defaultText}`);
  }
  lines.push(`  ${'--format <format>'.padEnd(44)} Output format: ${FORMATS.join(', ')} (default: table)`);
  lines.push(`  ${'--help'.padEnd(44)} Show this help`, '');
  return lines.join('\n');
}

function flagSyntax(spec: OptionSpec): string {
  switch (spec.type) {
    case OptionType.BOOLEAN:
      return `--${spec.flag} | --no-${spec.flag}`;
    case OptionType.STRING_LIST:
    case OptionType.CHOICE_LIST:
      return `--${spec.flag} <a,b,...>`;
    default:
      return `--${spec.flag} <value>`;
  }
}
