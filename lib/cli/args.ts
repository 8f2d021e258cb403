import { invalidValue, unknownOption } from '../model/errors';
import { OptionSpec, OptionType } from '../catalog/profile-definition';

/** Flags every `list` call accepts besides the profile's own. */
export const FORMATS = ['table', 'csv', 'markdown', 'json'] as const;

/** Parsed `list` arguments. */
export interface ListArguments {
  readonly format: string;
  readonly help: boolean;
  /** Profile option values keyed by OptionSpec.name. */
  readonly options: Record<string, unknown>;
}

/**
 * Parses `--flag value`, `--flag=value`, boolean `--flag`, `--flag=false` and `--no-flag`.
 * List options take comma-separated values and may repeat; choice lists also accept `all`.
 */
export function parseListArguments(args: readonly string[], specs: readonly OptionSpec[], profile: string): ListArguments {
  const byFlag = new Map(specs.map((s) => [s.flag, s]));
  const known = ['format', 'help', ...specs.map((s) => s.flag)];
  const options: Record<string, unknown> = {};
  let format = 'table';
  let help = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '-h') {
      help = true;
      continue;
    }
    if (!arg.startsWith('--')) {
      throw invalidValue('argument', arg, `cdktf-firewall-requirements list ${profile}`, 'Options are given as --flag value; see --help.', 'unexpected-argument');
    }
    const eq = arg.indexOf('=');
    let flag = eq === -1 ? arg.slice(2) : arg.slice(2, eq);
    let inline: string | undefined = eq === -1 ? undefined : arg.slice(eq + 1);
    let negated = false;
    if (!byFlag.has(flag) && flag.startsWith('no-') && byFlag.get(flag.slice(3))?.type === OptionType.BOOLEAN) {
      flag = flag.slice(3);
      negated = true;
    }
    const origin = `flag --${flag}`;
    if (flag === 'help') {
      help = true;
      continue;
    }
    const takeValue = (): string => {
      if (inline !== undefined) return inline;
      const next = args[i + 1];
      if (next === undefined || next.startsWith('--')) {
        throw invalidValue(`value for --${flag}`, '', origin, `--${flag} needs a value.`, 'missing-value');
      }
      i++;
      return next;
    };
    if (flag === 'format') {
      format = takeValue();
      if (!(FORMATS as readonly string[]).includes(format)) throw unknownOption('format', format, origin, FORMATS);
      continue;
    }
    const spec = byFlag.get(flag);
    if (!spec) throw unknownOption(`option for profile ${profile}`, `--${flag}`, `cdktf-firewall-requirements list ${profile}`, known.map((k) => `--${k}`));
    switch (spec.type) {
      case OptionType.BOOLEAN: {
        const text = inline ?? 'true';
        if (text !== 'true' && text !== 'false') {
          throw invalidValue(`value for --${flag}`, text, origin, 'Boolean flags take true or false (or use --no-' + flag + ').');
        }
        options[spec.name] = negated ? text !== 'true' : text === 'true';
        break;
      }
      case OptionType.STRING:
        options[spec.name] = takeValue();
        break;
      case OptionType.CHOICE: {
        const value = takeValue();
        if (!spec.choices?.includes(value)) throw unknownOption(flag, value, origin, spec.choices ?? []);
        options[spec.name] = value;
        break;
      }
      case OptionType.STRING_LIST:
      case OptionType.CHOICE_LIST: {
        const values = splitList(takeValue());
        const previous = (options[spec.name] as string[] | undefined) ?? [];
        let parsed = values;
        if (spec.type === OptionType.CHOICE_LIST) {
          // `all` goes to the profile as it is: the profile knows which choices apply (e.g. the add-ons of a cloud).
          parsed = values.includes('all') ? ['all'] : values;
          for (const v of parsed) if (v !== 'all' && !spec.choices?.includes(v)) throw unknownOption(flag.replace(/s$/, ''), v, origin, [...(spec.choices ?? []), 'all']);
        }
        options[spec.name] = previous.includes('all') || parsed.includes('all') ? ['all'] : [...new Set([...previous, ...parsed])];
        break;
      }
    }
  }
  return { format, help, options };
}

function splitList(text: string): string[] {
  return text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}
