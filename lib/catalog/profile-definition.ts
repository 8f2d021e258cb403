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
