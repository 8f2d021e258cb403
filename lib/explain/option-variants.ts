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
}

/**
 * Values for required options when the caller gives none, so that a profile can be built at all (to list the rows
 * its options bring in). They are sample inputs, not data: the rows come from the catalogs.
 */
export const SAMPLE_REQUIRED_OPTIONS: Readonly<Record<string, Readonly<Record<string, unknown>>>> = {
  aks: { location: 'westeurope' },
  eks: { region: 'us-east-1' },
  gke: { region: 'us-central1', controlPlaneCidrs: ['172.16.0.0/28'], nodeCidrs: ['10.128.0.0/20'], podCidrs: ['10.4.0.0/14'] },
  'ibm-vpc': { region: 'us-south', subnetCidrs: ['10.240.0.0/24'] },
};

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
 * @param base the profile's options, e.g. from the user's spec @default the sample required options
 */
export function profileRows(profile: ProfileDefinition, base?: Readonly<Record<string, unknown>>): ProfileRows {
  const options = base ?? SAMPLE_REQUIRED_OPTIONS[profile.name] ?? {};
  const rows = new Map<string, Requirement>();
  const variantsOf = new Map<string, OptionVariant[]>();
  const skipped: Array<{ label: string; reason: string }> = [];
  const add = (set: readonly Requirement[], variant: OptionVariant) => {
    for (const r of set) {
      if (!rows.has(r.id)) rows.set(r.id, r);
      variantsOf.set(r.id, [...(variantsOf.get(r.id) ?? []), variant]);
    }
  };
  add(profile.build({ ...options }).requirements, { label: 'default' });
  const baseIds = new Set(rows.keys());
  for (const v of optionVariants(profile, options)) {
    try {
      const built = profile.build(v.options).requirements.filter((r) => !baseIds.has(r.id));
      add(built, { label: v.label, option: v.option, value: v.value });
    } catch (e) {
      if (!(e instanceof FirewallRequirementsError)) throw e;
      skipped.push({ label: v.label, reason: e.message });
    }
  }
  return { profile: profile.name, rows, variantsOf, skipped };
}
