import { isListOption, OptionSpec, OptionType, ProfileDefinition } from '../profile-definition';

/** The markers around the generated option tables in README.md. */
export const OPTION_TABLES_BEGIN = '<!-- profile-options:begin (generated from the option tables by npm run docs:options; do not edit) -->';
export const OPTION_TABLES_END = '<!-- profile-options:end -->';

/** What an option takes, in words: `boolean`, `integer 1-65535`, `list of: a, b`, ... */
export function optionTypeText(option: OptionSpec): string {
  const choices = (option.choices ?? []).map((c) => `\`${c}\``).join(', ');
  switch (option.type) {
    case OptionType.BOOLEAN:
      return 'boolean';
    case OptionType.INTEGER:
      return option.min !== undefined && option.max !== undefined ? `integer ${option.min}-${option.max}` : 'integer';
    case OptionType.CHOICE:
      return `one of ${choices}`;
    case OptionType.CHOICE_LIST:
      return `list of ${choices} (CLI: or \`all\`)`;
    case OptionType.CIDR_LIST:
      return 'list of CIDRs';
    case OptionType.HOST:
      return 'IP address';
    case OptionType.HOST_LIST:
      return 'list of IP addresses';
    default:
      return isListOption(option.type) ? 'list of strings' : 'string';
  }
}

/** Text safe in a table cell: pipes, angle brackets and asterisks are shown as written. */
const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/</g, '&lt;').replace(/\*/g, '\\*').replace(/\n/g, ' ');

/** One Markdown table per profile: option (as the spec and TypeScript name it), CLI flag, type, default, description. */
export function optionTablesMarkdown(profiles: readonly ProfileDefinition[]): string {
  const lines: string[] = [];
  for (const profile of profiles) {
    lines.push(`#### \`${profile.name}\``, '', cell(profile.description), '');
    lines.push('| option | CLI flag | type | default | description |', '|---|---|---|---|---|');
    for (const o of profile.options) {
      const def = o.required ? '(required)' : o.defaultText ? `\`${o.defaultText}\`` : '';
      lines.push(`| \`${o.name}\` | \`--${o.flag}\` | ${cell(optionTypeText(o))} | ${cell(def)} | ${cell(o.description)} |`);
    }
    lines.push('');
  }
  return lines.join('\n');
}

/** The README text with the block between the markers replaced by `tables`. */
export function withOptionTables(readme: string, tables: string): string {
  const begin = readme.indexOf(OPTION_TABLES_BEGIN);
  const end = readme.indexOf(OPTION_TABLES_END);
  if (begin === -1 || end === -1 || end < begin) throw new Error('README.md has no profile-options markers');
  return `${readme.slice(0, begin + OPTION_TABLES_BEGIN.length)}\n\n${tables}\n${readme.slice(end)}`;
}
