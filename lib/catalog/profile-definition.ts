import { invalidValue } from '../model/errors';
import { RequirementSet } from '../model/requirement-set';

/** The kinds of option a profile takes; the CLI turns each into a flag. */
export enum OptionType {
  STRING = 'string',
  /** Several values: repeat the flag or separate with commas. */
  STRING_LIST = 'string-list',
  BOOLEAN = 'boolean',
  /** One of `choices`. */
  CHOICE = 'choice',
  /**
   * Several of `choices`. The CLI also accepts `all` and passes it to `build()` as `['all']`; the profile expands
   * it to the choices that apply (e.g. only the add-ons the chosen cloud has rules for).
   */
  CHOICE_LIST = 'choice-list',
  /** A whole decimal number within `min`/`max`; `build()` receives a number. */
  INTEGER = 'integer',
  /**
   * Several IP networks (CIDRs), checked and written in canonical form. A list that covers every address (by
   * coverage: `0.0.0.0/1` + `128.0.0.0/1` counts as `0.0.0.0/0`) is refused unless `allowAnyAddressWith` names
   * a boolean option the user set. On the command line a list flag like STRING_LIST.
   */
  CIDR_LIST = 'cidr-list',
  /** One machine's IP address (no network, no reserved address). On the command line a single value like STRING. */
  HOST = 'host',
  /** Several machine addresses (see HOST). On the command line a list flag like STRING_LIST. */
  HOST_LIST = 'host-list',
}

/** Whether options of this type take several values (a JSON array; a repeatable comma-list flag). */
export function isListOption(type: OptionType): boolean {
  return type === OptionType.STRING_LIST || type === OptionType.CHOICE_LIST || type === OptionType.CIDR_LIST || type === OptionType.HOST_LIST;
}

/** One option of a profile, described for the CLI and docs. */
export interface OptionSpec {
  /** Property name in the profile's options object, e.g. `apiServerPublicIp`. */
  readonly name: string;
  /** CLI flag without dashes, e.g. `api-server-public-ip`. */
  readonly flag: string;
  readonly type: OptionType;
  readonly description: string;
  /** Valid values, for CHOICE and CHOICE_LIST. */
  readonly choices?: readonly string[];
  /**
   * Smallest accepted value, for INTEGER.
   * @default - no lower bound besides the safe-integer range
   */
  readonly min?: number;
  /**
   * Largest accepted value, for INTEGER.
   * @default - no upper bound besides the safe-integer range
   */
  readonly max?: number;
  /** Whether the profile fails without it. */
  readonly required?: boolean;
  /** Default, as shown in help. */
  readonly defaultText?: string;
  /**
   * The value used when the option is not given (a boolean, string, number or list, as the profile function
   * takes it). Absent when the default depends on other options (then `defaultText` says how).
   * @default - no fixed default
   */
  readonly defaultValue?: unknown;
  /**
   * What errors call one value of the option, e.g. `AKS add-on` ("Unknown AKS add-on ..."), `public IP of the
   * API server`.
   * @default - the option name
   */
  readonly label?: string;
  /**
   * The fix shown when a value of the wrong type is refused.
   * @default - a generic hint naming the option
   */
  readonly hint?: string;
  /**
   * For CIDR_LIST: the boolean option by which the user allows a list that covers every address.
   * @default - such a list is always refused
   */
  readonly allowAnyAddressWith?: string;
}

/** A profile as the CLI sees it: a name, its options, and a function from options to a resolved set. */
export interface ProfileDefinition {
  /** CLI name, e.g. `aks`. */
  readonly name: string;
  readonly description: string;
  readonly options: readonly OptionSpec[];
  /**
   * Builds the resolved requirement set. `options` holds parsed values keyed by `OptionSpec.name`
   * (string, string[], boolean or number); the profile validates them and throws `FirewallRequirementsError`.
   */
  build(options: Record<string, unknown>): RequirementSet;
}

// Readers of single flag values, kept for callers of earlier versions. The profiles now read their CLI values through
// `fromCliValues` (lib/catalog/options), one behaviour for every profile, driven by the option table.
// `owner` is named in errors, e.g. `profile eks` (errors say `profile eks option region`).

/** @deprecated profiles read CLI values with `fromCliValues` from their option table */
export function parsedString(raw: Readonly<Record<string, unknown>>, name: string, owner: string): string | undefined {
  const v = raw[name];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string') throw invalidValue(`value for ${name}`, String(v), `${owner} option ${name}`, `${name} takes one value.`);
  return v;
}

/** @deprecated profiles read CLI values with `fromCliValues` from their option table */
export function parsedList(raw: Readonly<Record<string, unknown>>, name: string, owner: string): string[] | undefined {
  const v = raw[name];
  if (v === undefined || v === null) return undefined;
  const items = typeof v === 'string' ? [v] : v;
  if (!Array.isArray(items) || items.some((x) => typeof x !== 'string')) {
    throw invalidValue(`value for ${name}`, String(v), `${owner} option ${name}`, `${name} takes values separated by commas.`);
  }
  return (items as string[]).flatMap((x) => x.split(',')).map((x) => x.trim()).filter((x) => x !== '');
}

/** @deprecated profiles read CLI values with `fromCliValues` from their option table */
export function parsedBoolean(raw: Readonly<Record<string, unknown>>, name: string, owner: string): boolean | undefined {
  const v = raw[name];
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'boolean') return v;
  if (v === 'true' || v === 'false') return v === 'true';
  throw invalidValue(`value for ${name}`, String(v), `${owner} option ${name}`, `${name} is true or false.`);
}
