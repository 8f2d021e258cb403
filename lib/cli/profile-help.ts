import { OptionSpec, OptionType, ProfileDefinition } from '../catalog/profile-definition';
import { FORMATS } from './args';

const NAME = 'cdktf-firewall-requirements';

/** `list <profile> --help`: the profile's options as declared in its option table (flag, description, choices, range, default). */
export function profileUsage(profile: ProfileDefinition): string {
  const lines = [`Usage: ${NAME} list ${profile.name} [options] [--format ${FORMATS.join('|')}]`, '', profile.description, '', 'Options:'];
  for (const spec of profile.options) {
    lines.push(`  ${flagSyntax(spec).padEnd(44)} ${spec.description}${spec.required ? ' (required)' : ''}`);
    if (spec.choices) lines.push(`  ${''.padEnd(44)} one of: ${spec.choices.join(', ')}${spec.type === OptionType.CHOICE_LIST ? ', all' : ''}`);
    if (spec.type === OptionType.INTEGER && (spec.min !== undefined || spec.max !== undefined)) {
      lines.push(`  ${''.padEnd(44)} range: ${spec.min ?? ''}..${spec.max ?? ''}`);
    }
    if (spec.defaultText) lines.push(`  ${''.padEnd(44)} default: ${spec.defaultText}`);
  }
  lines.push(`  ${'--format <format>'.padEnd(44)} Output format: ${FORMATS.join(', ')} (default: table)`);
  lines.push(`  ${'--wide'.padEnd(44)} Table: every cell in full (cut to COLUMNS or the terminal width otherwise;`);
  lines.push(`  ${''.padEnd(44)} never cut when stdout is not a terminal and COLUMNS is unset)`);
  lines.push(`  ${'--help'.padEnd(44)} Show this help`, '');
  lines.push(
    'Each flag is given once (a second --flag, or --flag with --no-flag, is an error). List flags take',
    'comma-separated values and may repeat; empty and repeated items are errors.',
    '',
  );
  return lines.join('\n');
}

/** The flag as help shows it, e.g. `--gpu | --no-gpu`, `--addons <a,b,...>`. */
export function flagSyntax(spec: OptionSpec): string {
  switch (spec.type) {
    case OptionType.BOOLEAN:
      return `--${spec.flag} | --no-${spec.flag}`;
    case OptionType.STRING_LIST:
    case OptionType.CHOICE_LIST:
    case OptionType.CIDR_LIST:
    case OptionType.HOST_LIST:
      return `--${spec.flag} <a,b,...>`;
    case OptionType.INTEGER:
      return `--${spec.flag} <number>`;
    default:
      return `--${spec.flag} <value>`;
  }
}
