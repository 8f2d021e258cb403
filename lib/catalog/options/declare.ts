/**
 * # Declaring options: one entry per option
 *
 * Every profile option is declared once, in the profile's option table, and everything else is derived from that
 * entry: the runtime checks of the typed profile function (with "did you mean" for unknown names), the CLI flag,
 * its value parsing and `--help` line, the export spec's shape check, the published JSON Schema of the export
 * spec and the README option tables.
 *
 * ```ts
 * export const FOO_OPTIONS = declareOptions<FooProfileOptions>({
 *   region: { type: OptionType.STRING, required: true, description: "The cluster's region.", missing: { reason: '...', example: "region: 'x'" } },
 *   gpu: { type: OptionType.BOOLEAN, defaultValue: false, description: 'The cluster has GPU node pools.' },
 *   ports: { type: OptionType.INTEGER, min: 1, max: 65535, description: 'A port.' },
 * });
 * // in the profile function:
 * const o = readOptions(FOO_OPTIONS, options, { origin: 'profile foo' }); // checked, defaults applied, own properties only
 * ```
 *
 * - The key is the property name of the exported options interface (`FooProfileOptions`); `declareOptions<T>` makes
 *   the compiler check that the table and the interface list exactly the same names (a missing or extra entry does
 *   not compile). Keep the interface's JSDoc and `@default` (the API docs and jsii read them).
 * - `flag` is derived from the name (`apiServerPublicIp` -> `api-server-public-ip`, `ssmEc2Messages` ->
 *   `ssm-ec2-messages`); set it only to keep an established flag.
 * - `type` decides the value check, the CLI flag form and the JSON shape: STRING, HOST (one machine address),
 *   BOOLEAN, INTEGER (`min`/`max`), CHOICE (`choices`), STRING_LIST, CHOICE_LIST (the CLI also takes `all`;
 *   `all` expands the CLI value, see `expandAll`), CIDR_LIST (canonical CIDRs; "any address" by coverage is refused
 *   unless `allowAnyAddressWith` names the boolean the user set), HOST_LIST.
 * - `defaultValue` is applied by `readOptions`; `defaultText` is what help and docs show (derived from
 *   `defaultValue` when not given). `required` options are checked with `missing` (why, and an example).
 * - `label` names one value in errors ("Unknown AKS add-on ..."), `hint` is the fix for a value of the wrong type,
 *   `check` is a semantic check of one value after the type check (e.g. a port through `PortRange.single`).
 *
 * Adding a boolean option is one entry here plus the code that uses `o.<name>`; the CLI, the help, the export spec
 * check, the JSON Schema and the README table pick it up (see CONTRIBUTING.md).
 *
 * Nothing here is specific to profiles: `declareOptions` and `readOptions` work for any props object (e.g. the
 * props of a target construct or the options of an export target), with `origin` naming the owner in errors.
 */
import { OptionSpec, OptionType } from '../profile-definition';

/** What a required option's "missing" error says: why it is needed, and an example. */
export interface MissingOptionText {
  readonly reason: string;
  readonly example: string;
}

/** One option as declared in a table (the key of the table entry is its name). */
export interface OptionDeclaration<V = unknown> {
  readonly type: OptionType;
  /** One line for help, the README table and the JSON Schema. */
  readonly description: string;
  /** @default - derived from the name */
  readonly flag?: string;
  readonly choices?: readonly string[];
  readonly min?: number;
  readonly max?: number;
  readonly required?: boolean;
  /** The error text when a required option is missing. */
  readonly missing?: MissingOptionText;
  readonly defaultValue?: V;
  readonly defaultText?: string;
  readonly label?: string;
  readonly hint?: string;
  readonly allowAnyAddressWith?: string;
  /** For CIDR_LIST: the fix shown when the list covers every address. @default - a generic fix */
  readonly anyAddressHint?: string;
  /**
   * A semantic check of one value after the type check (for lists: of each entry), returning the value to keep.
   * @param where the origin errors name, e.g. `profile ibm-vpc option etcdPort` or `... option masterEndpoints[2]`
   */
  readonly check?: (value: never, where: string) => unknown;
  /**
   * For CHOICE_LIST: what the CLI value `all` stands for, given the other (CLI-parsed) option values.
   * @default - every choice
   */
  readonly expandAll?: (options: Readonly<Record<string, unknown>>) => readonly string[];
}

/** A declared option: the public `OptionSpec` (name, flag, type, ...) plus the declaration's checks. */
export interface DeclaredOption extends OptionSpec {
  readonly missing?: MissingOptionText;
  readonly anyAddressHint?: string;
  readonly check?: (value: never, where: string) => unknown;
  readonly expandAll?: (options: Readonly<Record<string, unknown>>) => readonly string[];
}

/** A table of declarations keyed by the property names of the options interface `T` (every one, no other). */
export type OptionDeclarations<T> = { readonly [K in keyof Required<T>]: OptionDeclaration<NonNullable<T[K]>> };

/** The options of an owner, in declaration order. */
export type OptionTable = readonly DeclaredOption[];

/**
 * Turns a declaration table into the ordered option list (`ProfileDefinition.options`), deriving flags and default
 * texts. The type parameter is the options interface: the table must name each of its properties, and no other.
 */
export function declareOptions<T>(declarations: OptionDeclarations<T>): OptionTable {
  return Object.entries(declarations as Record<string, OptionDeclaration>).map(([name, d]) => {
    const option: DeclaredOption = {
      ...d,
      name,
      flag: d.flag ?? flagOf(name),
      defaultText: d.defaultText ?? defaultTextOf(d),
    };
    // Drop undefined members, so the option lists compare and serialize cleanly.
    return Object.fromEntries(Object.entries(option).filter(([, v]) => v !== undefined)) as unknown as DeclaredOption;
  });
}

/** `apiServerPublicIp` -> `api-server-public-ip`; digits stay with their word: `ssmEc2Messages` -> `ssm-ec2-messages`. */
export function flagOf(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
}

function defaultTextOf(d: OptionDeclaration): string | undefined {
  const v = d.defaultValue;
  if (v === undefined) return undefined;
  if (Array.isArray(v)) return v.length === 0 ? 'none' : v.join(',');
  return String(v);
}
