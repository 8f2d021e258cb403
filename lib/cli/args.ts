import { invalidValue, unknownOption } from '../model/errors';
import { isListOption, OptionSpec, OptionType, ProfileDefinition } from '../catalog/profile-definition';

/** Output formats of `list`. */
export const FORMATS = ['table', 'csv', 'markdown', 'json'] as const;

/** The `--format` flag every `list` call accepts besides the profile's own. */
export const FORMAT_SPEC: OptionSpec = {
  name: 'format',
  flag: 'format',
  type: OptionType.CHOICE,
  choices: FORMATS,
  description: `Output format: ${FORMATS.join(', ')}.`,
  defaultText: 'table',
};

/** What a command accepts besides its flags. */
export interface FlagParserProps {
  /** The command line so far, used in messages, e.g. `cdktf-firewall-requirements list aks`. */
  readonly command: string;
  /** The flags the command takes. `--help` / `-h` are always accepted. */
  readonly specs: readonly OptionSpec[];
  /**
   * Positional arguments the command takes (e.g. a folder), named for messages.
   * @default - none: every argument is a flag or a flag's value
   */
  readonly positional?: string;
  /**
   * At most this many positional arguments.
   * @default 1 when `positional` is set, else 0
   */
  readonly maxPositionals?: number;
  /**
   * Flags of sibling commands or profiles, so that a flag given to the wrong one is named as such
   * ("--region is an option of profile ibm-vpc"). Keyed by flag without dashes.
   * @default - no hint
   */
  readonly elsewhere?: ReadonlyMap<string, readonly string[]>;
  /**
   * What an unknown flag is called in the message ("Unknown option for profile aks").
   * @default 'flag'
   */
  readonly flagNoun?: string;
}

/** Parsed flags. */
export interface ParsedFlags {
  /** Option values keyed by `OptionSpec.name`: string, string[], boolean or number. Flags not given are absent. */
  readonly options: Record<string, unknown>;
  /** `--help` or `-h` was given. */
  readonly help: boolean;
  /** Positional arguments, in order. */
  readonly positionals: readonly string[];
}

/**
 * Parses command-line flags against option specs, strictly:
 *
 * - `--flag value`, `--flag=value`; a value that starts with `--` is taken for the next flag, so `--flag=--x` is
 *   the way to pass such a value.
 * - Booleans: `--flag`, `--no-flag`, `--flag=true`, `--flag=false`.
 * - Lists: comma-separated, and the flag may repeat; items are trimmed. An empty item, an item given twice, or
 *   (for choice lists) `all` next to named values is an error.
 * - Integers: whole decimal numbers within the spec's `min`/`max`.
 * - Every other flag is given at most once: a second occurrence is an error even when it repeats the same
 *   value, and so is a boolean given both ways. "Last one wins" would let a script's mistake pass unnoticed.
 *
 * Every rejection is a `FirewallRequirementsError` naming the flag and the value.
 */
export function parseFlags(args: readonly string[], props: FlagParserProps): ParsedFlags {
  const { command, specs } = props;
  const byFlag = new Map(specs.map((s) => [s.flag, s]));
  const maxPositionals = props.maxPositionals ?? (props.positional ? 1 : 0);
  const options: Record<string, unknown> = {};
  /** How each single-value flag was given, for the "given twice" message. */
  const given = new Map<string, string>();
  const positionals: string[] = [];
  let help = false;

  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '-h' || arg === '--help') {
      help = true;
      continue;
    }
    if (!arg.startsWith('--') || arg === '--') {
      positionals.push(positional(arg, args[i - 1], byFlag, props, positionals, maxPositionals));
      continue;
    }
    const eq = arg.indexOf('=');
    let flag = eq === -1 ? arg.slice(2) : arg.slice(2, eq);
    const inline: string | undefined = eq === -1 ? undefined : arg.slice(eq + 1);
    if (flag === '') {
      throw invalidValue('argument', arg, command, 'A flag is written --name or --name=value; see --help.', 'unexpected-argument');
    }
    if (flag === 'help') {
      throw invalidValue('value for --help', inline ?? '', `flag ${arg}`, '--help takes no value: write --help on its own.', 'unexpected-value');
    }
    let negated = false;
    if (!byFlag.has(flag) && flag.startsWith('no-') && byFlag.get(flag.slice(3))?.type === OptionType.BOOLEAN) {
      flag = flag.slice(3);
      negated = true;
      if (inline !== undefined) {
        throw invalidValue(
          `value for --no-${flag}`,
          inline,
          `flag ${arg}`,
          `--no-${flag} takes no value: write --no-${flag}, or --${flag}=true / --${flag}=false.`,
          'unexpected-value',
        );
      }
    }
    const spec = byFlag.get(flag);
    if (!spec) throw unknownFlag(`--${flag}`, props);
    const origin = `flag --${flag}`;
    const takeValue = (): string => {
      let text = inline;
      if (text === undefined) {
        const next = args[i + 1];
        if (next === undefined || next.startsWith('--')) {
          throw invalidValue(`value for --${flag}`, '', origin, `--${flag} needs a value${example(spec)}.`, 'missing-value');
        }
        i++;
        text = next;
      }
      if (text.trim() === '') {
        throw invalidValue(`value for --${flag}`, text, origin, `--${flag} needs a non-empty value${example(spec)}.`, 'empty-value');
      }
      return text;
    };

    if (isListOption(spec.type)) {
      const previous = (options[spec.name] as string[] | undefined) ?? [];
      options[spec.name] = listValue(spec, previous, takeValue());
      continue;
    }

    // Single-value flags: given at most once.
    let shown: string;
    let value: unknown;
    if (spec.type === OptionType.BOOLEAN) {
      const text = inline ?? 'true';
      if (text !== 'true' && text !== 'false') {
        throw invalidValue(`value for --${flag}`, text, origin, `Boolean flags take true or false (or use --no-${flag}).`);
      }
      value = negated ? false : text === 'true';
      shown = arg;
    } else {
      shown = takeValue();
      value = singleValue(spec, shown, origin);
    }
    const before = given.get(spec.name);
    if (before !== undefined) {
      const same = options[spec.name] === value;
      const hint =
        spec.type === OptionType.BOOLEAN
          ? `--${flag} was already given as ${before}: give a boolean flag once, as --${flag}, --no-${flag} or --${flag}=true|false.`
          : `--${flag} was already given as ${JSON.stringify(before)} and takes one value: give it once${same ? ' (the same value twice is rejected too, as a likely slip)' : ''}.`;
      throw invalidValue(`second value for --${flag}`, shown, origin, hint, 'repeated-flag');
    }
    given.set(spec.name, shown);
    options[spec.name] = value;
  }
  return { options, help, positionals };
}

/** Parsed `list <profile>` arguments. */
export interface ListArguments {
  readonly format: string;
  readonly help: boolean;
  /** Profile option values keyed by OptionSpec.name. */
  readonly options: Record<string, unknown>;
}

/**
 * Parses the flags of `list <profile>`: the profile's options plus `--format`.
 * @param others the other profiles, so a flag of another profile is named as such
 */
export function parseListArguments(args: readonly string[], profile: ProfileDefinition, others: readonly ProfileDefinition[] = []): ListArguments {
  const elsewhere = new Map<string, string[]>();
  for (const other of others) {
    if (other.name === profile.name) continue;
    for (const spec of other.options) elsewhere.set(spec.flag, [...(elsewhere.get(spec.flag) ?? []), `profile ${other.name}`]);
  }
  const parsed = parseFlags(args, {
    command: `cdktf-firewall-requirements list ${profile.name}`,
    specs: [FORMAT_SPEC, ...profile.options],
    elsewhere,
    flagNoun: `option for profile ${profile.name}`,
  });
  const { format, ...options } = parsed.options;
  return { format: (format as string | undefined) ?? 'table', help: parsed.help, options };
}

function singleValue(spec: OptionSpec, text: string, origin: string): unknown {
  switch (spec.type) {
    case OptionType.CHOICE:
      if (!spec.choices?.includes(text)) throw unknownOption(spec.flag, text, origin, spec.choices ?? []);
      return text;
    case OptionType.INTEGER:
      return integerValue(spec, text, origin);
    default:
      return text;
  }
}

function integerValue(spec: OptionSpec, text: string, origin: string): number {
  const range = rangeText(spec);
  if (!/^-?\d+$/.test(text)) {
    throw invalidValue(`value for --${spec.flag}`, text, origin, `--${spec.flag} takes a whole decimal number${range}.`, 'invalid-number');
  }
  const value = Number(text);
  const low = spec.min ?? Number.MIN_SAFE_INTEGER;
  const high = spec.max ?? Number.MAX_SAFE_INTEGER;
  if (!Number.isSafeInteger(value) || value < low || value > high) {
    throw invalidValue(`value for --${spec.flag}`, text, origin, `It is out of range: --${spec.flag} takes a whole number${range || ' of at most 15 digits'}.`, 'invalid-number');
  }
  return value;
}

function rangeText(spec: OptionSpec): string {
  if (spec.min !== undefined && spec.max !== undefined) return ` from ${spec.min} to ${spec.max}`;
  if (spec.min !== undefined) return ` of at least ${spec.min}`;
  if (spec.max !== undefined) return ` of at most ${spec.max}`;
  return '';
}

/** Adds the items of one list flag occurrence to what earlier occurrences gave. */
function listValue(spec: OptionSpec, previous: readonly string[], text: string): string[] {
  const flag = `--${spec.flag}`;
  const origin = `flag ${flag}`;
  const items = text.split(',').map((s) => s.trim());
  const empty = items.findIndex((s) => s === '');
  if (empty !== -1) {
    throw invalidValue(
      `list for ${flag}`,
      text,
      origin,
      `Item ${empty + 1} of ${items.length} is empty: separate values with single commas and no trailing comma${example(spec)}.`,
      'empty-value',
    );
  }
  if (spec.type === OptionType.CHOICE_LIST) {
    // Every name is checked, `all` or not, so a misspelling next to `all` is still reported.
    const valid = [...(spec.choices ?? []), 'all'];
    for (const item of items) if (!valid.includes(item)) throw unknownOption(spec.flag.replace(/s$/, ''), item, origin, valid);
  }
  const all = [...previous, ...items];
  const seen = new Set<string>();
  for (const item of all) {
    if (seen.has(item)) {
      throw invalidValue(`list for ${flag}`, item, origin, `"${item}" is given twice; name each value once.`, 'repeated-value');
    }
    seen.add(item);
  }
  if (spec.type === OptionType.CHOICE_LIST && seen.has('all') && all.length > 1) {
    const named = all.filter((v) => v !== 'all');
    throw invalidValue(
      `list for ${flag}`,
      all.join(','),
      origin,
      `"all" already selects every value that applies, and ${named.map((v) => `"${v}"`).join(', ')} would be dropped silently where it does not apply: give either ${flag} all or the names.`,
      'conflicting-values',
    );
  }
  // `all` goes to the profile as it is: the profile knows which choices apply (e.g. the add-ons of a cloud).
  return all;
}

function positional(
  arg: string,
  before: string | undefined,
  byFlag: ReadonlyMap<string, OptionSpec>,
  props: FlagParserProps,
  positionals: readonly string[],
  max: number,
): string {
  const boolean = before?.startsWith('--') && !before.includes('=') ? byFlag.get(before.slice(2).replace(/^no-/, '')) : undefined;
  if (boolean?.type === OptionType.BOOLEAN && (arg === 'true' || arg === 'false')) {
    throw invalidValue('argument', arg, props.command, `Boolean flags take no separate value: write --${boolean.flag}=${arg}${arg === 'false' ? ` or --no-${boolean.flag}` : ''}.`, 'unexpected-argument');
  }
  if (arg === '--') {
    throw invalidValue('argument', arg, props.command, 'A bare -- (end of options) is not used here: give options as --flag value; see --help.', 'unexpected-argument');
  }
  if (arg.startsWith('-') && arg !== '-') {
    throw invalidValue('argument', arg, props.command, 'Flags are written with two dashes, --name or --name=value; see --help.', 'unexpected-argument');
  }
  if (positionals.length >= max) {
    const hint =
      max === 0
        ? 'Options are given as --flag value; see --help.'
        : `It takes ${max === 1 ? 'one' : `at most ${max}`} ${props.positional ?? 'argument'} (already given: ${positionals.join(', ')}).`;
    throw invalidValue('argument', arg, props.command, hint, 'unexpected-argument');
  }
  return arg;
}

function unknownFlag(flag: string, props: FlagParserProps) {
  const bare = flag.slice(2);
  const owners = props.elsewhere?.get(bare) ?? props.elsewhere?.get(bare.replace(/^no-/, ''));
  let more = '';
  if (owners && owners.length > 0) {
    const profiles = owners.every((o) => o.startsWith('profile ')) && owners.length > 1;
    more = profiles ? `${flag} is an option of profiles ${owners.map((o) => o.slice('profile '.length)).join(', ')}.` : `${flag} is an option of ${owners.join(', ')}.`;
  }
  const valid = ['--help', ...props.specs.map((s) => `--${s.flag}`)];
  return unknownOption(props.flagNoun ?? 'flag', flag, props.command, valid, more);
}

function example(spec: OptionSpec): string {
  if (spec.choices && spec.choices.length > 0) {
    const two = spec.choices.slice(0, 2);
    return spec.type === OptionType.CHOICE_LIST ? `, e.g. --${spec.flag} ${two.join(',')}` : `, e.g. --${spec.flag} ${two[0]}`;
  }
  return '';
}
