import { OptionSpec, OptionType, ProfileDefinition } from '../catalog/profile-definition';
import { FirewallRequirementsError } from '../model/errors';
import { Requirement } from '../model/requirement';

// "Which option brings this row in" is derived from the option declarations, never listed by hand: the profile is
// built with its base options, then once per declared option turned on (a boolean set to true, each choice of a
// choice option, each single choice added to a choice list), and the rows that appear are the rows that option
// brings in.

/** One way of building a profile: the base options, or the base with one option changed. */
export interface OptionVariant {
  /** `default`, or the option as a spec writes it, e.g. `addons: defender`, `gpu: true`, `mode: agentless`. */
  readonly label: string;
  /** The option changed (absent for the base). */
  readonly option?: string;
  /** The value it was given. */
  readonly value?: unknown;
}

/** The rows of a profile, each with the variants it appears in. */
export interface ProfileRows {
  readonly profile: string;
  /** Every row any variant produces, by requirement id (the first variant's copy). */
  readonly rows: ReadonlyMap<string, Requirement>;
  /** Requirement id to the variants that produce it (`default` first when the base has it). */
  readonly variantsOf: ReadonlyMap<string, readonly OptionVariant[]>;
  /** Variants that could not be built (e.g. an add-on another option excludes), with the reason. */
  readonly skipped: ReadonlyArray<{ readonly label: string; readonly reason: string }>;
  /**
   * Values this function filled in itself (sample required options, documentation addresses for the companions of a
   * variant), canonical value to option name: rows that carry them stand for what the user would give.
   */
  readonly filled: ReadonlyMap<string, string>;
}

/**
 * Values for the required options when the caller gives none, so that a profile can be built at all (to list the rows
 * its options bring in): the example each declaration gives for its "missing option" error (`region: 'eu-west-1'`,
 * `subnetCidrs: ['10.240.0.0/24', ...]`). They are sample inputs from the declarations, not data: the rows come from
 * the catalogs.
 */
export function exampleOptions(profile: ProfileDefinition): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const spec of profile.options) {
    if (!spec.required) continue;
    const example = (spec as { readonly missing?: { readonly example?: string } }).missing?.example ?? '';
    const m = new RegExp(`\\b${spec.name}:\\s*(\\[[^\\]]*\\]|'[^']*'|"[^"]*"|\\d+|true|false)`).exec(example);
    if (!m) continue;
    try {
      out[spec.name] = JSON.parse(m[1].replace(/'/g, '"'));
    } catch {
      // An example that is not a plain value: the option stays unset and the build says what it needs.
    }
  }
  return out;
}

/** The variants of a profile's declared options, after the base. */
export function optionVariants(profile: ProfileDefinition, base: Readonly<Record<string, unknown>>): Array<OptionVariant & { options: Record<string, unknown> }> {
  const out: Array<OptionVariant & { options: Record<string, unknown> }> = [];
  for (const spec of profile.options) {
    for (const value of valuesToTry(spec, base[spec.name])) {
      out.push({ label: `${spec.name}: ${Array.isArray(value) ? value[value.length - 1] : String(value)}`, option: spec.name, value, options: { ...base, [spec.name]: value } });
    }
  }
  return out;
}

function valuesToTry(spec: OptionSpec, current: unknown): unknown[] {
  switch (spec.type) {
    case OptionType.BOOLEAN:
      return current === true ? [false] : [true];
    case OptionType.CHOICE:
      return (spec.choices ?? []).filter((c) => c !== current);
    case OptionType.CHOICE_LIST: {
      const list = Array.isArray(current) ? (current as string[]) : [];
      return (spec.choices ?? []).filter((c) => !list.includes(c)).map((c) => [...list, c]);
    }
    default:
      return [];
  }
}

/**
 * Builds a profile with `base` and with each option variant, and records which variants produce which rows.
 * Variants the profile refuses are skipped (listed in `skipped`); a base the profile refuses throws.
 * @param base the profile's options, e.g. from the user's spec @default the declared examples of the required options
 */
export function profileRows(profile: ProfileDefinition, base?: Readonly<Record<string, unknown>>): ProfileRows {
  const options = base ?? exampleOptions(profile);
  const filled = new Map<string, string>();
  if (base === undefined) for (const [name, value] of Object.entries(options)) recordFilled(filled, name, value);
  const rows = new Map<string, Requirement>();
  const variantsOf = new Map<string, OptionVariant[]>();
  const skipped: Array<{ label: string; reason: string }> = [];
  const add = (set: readonly Requirement[], variant: OptionVariant) => {
    for (const r of set) {
      if (!rows.has(r.id)) rows.set(r.id, r);
      variantsOf.set(r.id, [...(variantsOf.get(r.id) ?? []), variant]);
    }
  };
  // The base too may need a companion the profile names in its refusal (e.g. an explicit opt-in of a retired catalog).
  add(buildVariant(profile, { ...options }, filled), { label: 'default' });
  const baseIds = new Set(rows.keys());
  for (const v of optionVariants(profile, options)) {
    try {
      const built = buildVariant(profile, v.options, filled).filter((r) => !baseIds.has(r.id));
      add(built, { label: v.label, option: v.option, value: v.value });
    } catch (e) {
      if (!(e instanceof FirewallRequirementsError)) throw e;
      skipped.push({ label: v.label, reason: e.message });
    }
  }
  return { profile: profile.name, rows, variantsOf, skipped, filled };
}

/** Address options (by their names) that a variant may need beside it, e.g. `vpeGatewayIps` for the worker egress rows. */
const ADDRESS_OPTION = /(Ips|Cidrs|Resolvers|Addresses)$/;
const ADDRESS_OPTION_SINGLE = /(Cidr|Ip)$/;

/**
 * Builds a variant. When the profile refuses it for a companion value it lacks (a missing option, an unresolved
 * placeholder whose fix names an option), the companion is filled (documentation addresses from RFC 5737 for address
 * options, the first choice, the example the error gives) and the build retried, a few times at most; a companion the
 * profile then refuses is taken out again.
 */
function buildVariant(profile: ProfileDefinition, options: Record<string, unknown>, filled: Map<string, string>): readonly Requirement[] {
  const opts: Record<string, unknown> = { ...options };
  const added = new Set<string>();
  for (let attempt = 0; ; attempt++) {
    try {
      const built = profile.build({ ...opts }).requirements;
      for (const name of added) recordFilled(filled, name, opts[name]);
      return built;
    } catch (e) {
      if (!(e instanceof FirewallRequirementsError) || attempt >= 6) throw e;
      const name = optionNamed(e, profile, opts);
      if (name === undefined) throw e;
      if (added.has(name)) {
        delete opts[name];
        added.delete(name);
        continue;
      }
      const spec = profile.options.find((o) => o.name === name);
      const value = spec ? sampleValue(spec, e, attempt) : undefined;
      if (value === undefined || opts[name] !== undefined) throw e;
      opts[name] = value;
      added.add(name);
    }
  }
}

/** The declared option an error is about: the one it says is missing, the one its origin names, or one its fix names. */
function optionNamed(e: FirewallRequirementsError, profile: ProfileDefinition, opts: Readonly<Record<string, unknown>>): string | undefined {
  const names = profile.options.map((o) => o.name);
  const missing = /Missing required option (\w+)/.exec(e.message)?.[1];
  if (missing && names.includes(missing)) return missing;
  const fromOrigin = /option (\w+)/.exec(e.origin)?.[1];
  if (fromOrigin && names.includes(fromOrigin) && e.code !== 'unresolved-placeholder') return fromOrigin;
  return names.find((n) => opts[n] === undefined && new RegExp(`\\b${n}\\b`).test(`${e.hint} ${e.message}`));
}

function sampleValue(spec: OptionSpec, e: FirewallRequirementsError, n: number): unknown {
  if (spec.type === OptionType.HOST_LIST || (spec.type === OptionType.STRING_LIST && ADDRESS_OPTION.test(spec.name))) return [`192.0.2.${n + 1}`];
  if (spec.type === OptionType.CIDR_LIST) return [`198.51.${n + 100}.0/24`];
  if (spec.type === OptionType.HOST) return `192.0.2.${n + 101}`;
  if (spec.type === OptionType.STRING && ADDRESS_OPTION_SINGLE.test(spec.name)) return `198.51.${n + 100}.0/24`;
  if ((spec.type === OptionType.CHOICE || spec.type === OptionType.STRING) && spec.choices && spec.choices.length > 0) return spec.choices[0];
  if (spec.type === OptionType.BOOLEAN) return true;
  if (spec.type === OptionType.INTEGER) return spec.min ?? 1;
  const example = new RegExp(`${spec.name}:\\s*['"]?([^'",;\\s]+)`).exec(`${e.hint} ${e.message}`)?.[1];
  return example;
}

function recordFilled(filled: Map<string, string>, name: string, value: unknown): void {
  for (const v of Array.isArray(value) ? value : [value]) {
    if (typeof v !== 'string') continue;
    filled.set(v, name);
    if (/^\d{1,3}(\.\d{1,3}){3}$/.test(v)) filled.set(`${v}/32`, name);
  }
}
