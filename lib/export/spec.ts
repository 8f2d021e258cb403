import { PROFILES } from '../catalog';
import { isListOption, OptionSpec, OptionType, ProfileDefinition } from '../catalog/profile-definition';
import { closest, FirewallRequirementsError, invalidValue } from '../model/errors';
import { describeValue } from '../model/input';
import { PeerKind } from '../model/peer';
import { Direction } from '../model/protocol';
import { RequirementSet } from '../model/requirement-set';
import { TYPED_PROFILES } from './profiles';
import { refuseTemplates, specData } from './spec-data';

/**
 * An export spec: which profiles to merge (with their options, as the typed profile functions take them) and the
 * export target's own options.
 *
 * @example
 * {
 *   "profiles": { "aks": { "location": "westeurope", "addons": ["azure-monitor"] }, "chainguard-containers": { "roles": ["pull"] } },
 *   "target": { "firewallPolicyId": "..." }
 * }
 */
export interface ExportSpec {
  /** Profile name (as `list` names it) to the options of its profile function. At least one. */
  readonly profiles: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
  /**
   * The target's options (see `export <target> --help`).
   * @default {}
   */
  readonly target?: Readonly<Record<string, unknown>>;
  /**
   * Which rows of the merged profiles the module renders, e.g. `{ "peerKinds": ["cidr"] }` for security groups (their
   * domain rows go to a Network Firewall module from the same profiles) or `{ "directions": ["egress"] }`.
   * @default - every row
   */
  readonly select?: { readonly peerKinds?: readonly string[]; readonly directions?: readonly string[] };
}

/** A spec after validation: profiles in the order written, with their options. */
export interface CheckedSpec {
  readonly profiles: ReadonlyArray<{ readonly name: string; readonly options: Readonly<Record<string, unknown>> }>;
  readonly target: Readonly<Record<string, unknown>>;
  /** Peer kinds and directions to keep (each undefined: all). */
  readonly select: { readonly peerKinds?: readonly PeerKind[]; readonly directions?: readonly Direction[] };
  /** Where the spec came from, e.g. `spec.json` or `spec`; errors name it with the JSON path. */
  readonly source: string;
}

/** The top-level keys of a spec. */
export const SPEC_KEYS: readonly string[] = ['profiles', 'target', 'select'];

/** The keys of `select`, with the values each takes. */
const SELECT_KEYS: Readonly<Record<string, readonly string[]>> = {
  peerKinds: Object.values(PeerKind),
  directions: Object.values(Direction),
};

/**
 * A JSON path for messages: `$.profiles["chainguard-enforce"].mode`, `$.target.cidrs[2]`.
 * @param parts keys (strings) and array indexes (numbers)
 */
export function jsonPath(parts: ReadonlyArray<string | number>): string {
  return parts.reduce<string>((path, part) => {
    if (typeof part === 'number') return `${path}[${part}]`;
    return /^[A-Za-z_][A-Za-z0-9_]*$/.test(part) ? `${path}.${part}` : `${path}[${JSON.stringify(part)}]`;
  }, '$');
}

/** The origin errors name: the spec source and the JSON path. */
export function specOrigin(source: string, parts: ReadonlyArray<string | number>): string {
  return `${source} at ${jsonPath(parts)}`;
}

/**
 * Checks the shape of a spec (a parsed JSON or YAML value): an object with `profiles` (a non-empty object of known
 * profile names to option objects whose keys the profile takes) and optionally `target` (an object). The option
 * values themselves are checked by the profile functions (see `specRequirements`) and the target.
 * @param source named in errors, e.g. the spec file's path
 */
export function checkSpec(spec: unknown, source: string = 'spec'): CheckedSpec {
  if (typeof source !== 'string' || source.trim() === '') {
    throw invalidValue('spec source', describeValue(source), 'checkSpec', 'Name where the spec came from as a non-empty string, e.g. the file name.', 'invalid-type');
  }
  // Own data only, in null-prototype objects, within limits; then no Terraform syntax where a value is checked.
  const data = specData(spec, (parts) => specOrigin(source, parts));
  refuseTemplates(data, [], (parts) => specOrigin(source, parts), isFreeText);
  const root = object(data, source, [], 'A spec is a JSON object: { "profiles": { "<profile>": { ...options } }, "target": { ...options } }.');
  for (const key of Object.keys(root)) {
    // "$schema" names the published JSON Schema for editors (schemas/export-spec.schema.json); nothing reads it.
    if (key === '$schema' && typeof root[key] === 'string') continue;
    if (!SPEC_KEYS.includes(key)) throw unknownKey(key, source, [key], SPEC_KEYS, 'key of the spec');
  }
  if (root.profiles === undefined) {
    throw new FirewallRequirementsError(
      'missing-option',
      'Missing required key "profiles"',
      '',
      specOrigin(source, []),
      `Name the profiles to merge, e.g. "profiles": { "chainguard-containers": {} }. Profiles: ${profileNames().join(', ')}.`,
    );
  }
  const profilesObject = object(root.profiles, source, ['profiles'], 'Give "profiles" as an object of profile names to their options, e.g. { "chainguard-containers": { "roles": ["pull"] } }.');
  const names = Object.keys(profilesObject);
  if (names.length === 0) {
    throw invalidValue('profiles', '{}', specOrigin(source, ['profiles']), `Name at least one profile. Profiles: ${profileNames().join(', ')}.`, 'missing-option');
  }
  const profiles = names.map((name) => {
    const definition = PROFILES.find((p) => p.name === name);
    if (!definition || !Object.prototype.hasOwnProperty.call(TYPED_PROFILES, name)) throw unknownKey(name, source, ['profiles', name], profileNames(), 'profile');
    return { name, options: checkProfileOptions(definition, profilesObject[name], source) };
  });
  const target =
    root.target === undefined
      ? {}
      : object(root.target, source, ['target'], 'Give "target" as an object of the target\'s options (see "export <target> --help"), or leave it out.');
  return { profiles, target, select: checkSelect(root.select, source), source };
}

/**
 * Checks the options object a spec gives one profile (`$.profiles.<name>`): an object whose keys are the profile's
 * declared options (unknown ones refused with "did you mean"), each value of its declared JSON shape.
 */
export function checkProfileOptions(definition: ProfileDefinition, value: unknown, source = 'spec'): Readonly<Record<string, unknown>> {
  const name = definition.name;
  const options = object(value, source, ['profiles', name], `Give the options of profile ${name} as an object (use {} for the defaults); see "list ${name} --help".`);
  const known = definition.options.map((o) => o.name);
  for (const key of Object.keys(options)) {
    const spec = definition.options.find((o) => o.name === key);
    if (!spec) throw unknownKey(key, source, ['profiles', name, key], known, `option of profile ${name}`);
    checkOptionShape(spec, options[key], source, ['profiles', name, key]);
  }
  return options;
}

function checkSelect(value: unknown, source: string): CheckedSpec['select'] {
  if (value === undefined) return {};
  const select = object(value, source, ['select'], 'Give "select" as an object, e.g. { "peerKinds": ["cidr"], "directions": ["egress"] }, or leave it out.');
  const out: Record<string, string[]> = {};
  for (const [key, list] of Object.entries(select)) {
    const valid = Object.prototype.hasOwnProperty.call(SELECT_KEYS, key) ? SELECT_KEYS[key] : undefined;
    if (!valid) throw unknownKey(key, source, ['select', key], Object.keys(SELECT_KEYS), 'key of select');
    if (!Array.isArray(list) || list.length === 0) {
      throw invalidValue(`select.${key}`, describeValue(list), specOrigin(source, ['select', key]), `Give a non-empty array of: ${valid.join(', ')}.`, 'invalid-type');
    }
    out[key] = list.map((item, i) => {
      if (typeof item !== 'string' || !valid.includes(item)) throw unknownKey(describeValue(item), source, ['select', key, i], valid, `value of select.${key}`);
      return item;
    });
  }
  return out as CheckedSpec['select'];
}

/**
 * The merged requirement set of a checked spec's profiles. Each profile function validates its own options; its
 * errors keep their code, value and fix, and their origin names the spec and the JSON path of the profile.
 */
export function specRequirements(spec: CheckedSpec): RequirementSet {
  const { peerKinds, directions } = spec.select ?? {};
  const merged = RequirementSet.union(
    spec.profiles.map(({ name, options }) => {
      try {
        // A null-prototype copy: an option the spec leaves out reads as undefined, never as something inherited.
        return TYPED_PROFILES[name](Object.assign(Object.create(null) as Record<string, unknown>, options));
      } catch (e) {
        if (e instanceof FirewallRequirementsError) throw relocate(e, specOrigin(spec.source, ['profiles', name]));
        throw e;
      }
    }),
  );
  if (!peerKinds && !directions) return merged;
  return merged.filter((r) => (!peerKinds || peerKinds.includes(r.peer.kind)) && (!directions || directions.includes(r.direction)));
}

/**
 * The same error with `where` in front of its origin: `spec.json at $.profiles.aks (option location)`. The problem,
 * value, code and fix are unchanged, so a spec gets the message the profile function gives a TypeScript caller.
 */
export function relocate(e: FirewallRequirementsError, where: string): FirewallRequirementsError {
  const suffix = `${e.origin ? ` (from ${e.origin})` : ''}.${e.hint ? ` ${e.hint}` : ''}`;
  const problem = e.message.endsWith(suffix) ? e.message.slice(0, e.message.length - suffix.length) : e.message;
  return new FirewallRequirementsError(e.code, problem, e.value, e.origin ? `${where}: ${e.origin}` : where, e.hint);
}

/**
 * The JSON shape of one profile option, before the profile function sees it: lists are arrays of strings, flags are
 * booleans, single values are strings (numbers for INTEGER options), and
 * `null` is no value. The values themselves (regions, CIDRs, choices, ranges) are the profile function's to check,
 * so their messages are the ones a TypeScript caller gets.
 */
function checkOptionShape(spec: OptionSpec, value: unknown, source: string, parts: ReadonlyArray<string | number>): void {
  const origin = specOrigin(source, parts);
  const shown = describeValue(value);
  if (value === null) {
    throw invalidValue(`value of ${jsonPath(parts)}`, 'null', origin, `Leave ${spec.name} out for its default${spec.defaultText ? ` (${spec.defaultText})` : ''}, or give a value.`, 'invalid-type');
  }
  if (spec.type === OptionType.BOOLEAN && typeof value !== 'boolean') {
    throw invalidValue(`value of ${jsonPath(parts)} (${typeName(value)}, expected true or false)`, shown, origin, `Give ${spec.name}: true or false (JSON booleans, not strings).`, 'invalid-type');
  }
  if (spec.type === OptionType.INTEGER) {
    if (typeof value !== 'number') {
      throw invalidValue(`value of ${jsonPath(parts)} (${typeName(value)}, expected a number)`, shown, origin, `Give ${spec.name} as a JSON number, e.g. 443.`, 'invalid-type');
    }
  } else if (spec.type === OptionType.STRING || spec.type === OptionType.CHOICE || spec.type === OptionType.HOST) {
    if (typeof value !== 'string') {
      const choices = spec.choices ? ` One of: ${spec.choices.join(', ')}.` : '';
      throw invalidValue(`value of ${jsonPath(parts)} (${typeName(value)}, expected a string)`, shown, origin, `Give ${spec.name} as a JSON string.${choices}`, 'invalid-type');
    }
  }
  if (isListOption(spec.type)) {
    if (!Array.isArray(value)) {
      throw invalidValue(
        `value of ${jsonPath(parts)} (${typeName(value)}, expected an array of strings)`,
        shown,
        origin,
        `Give ${spec.name} as a JSON array${typeof value === 'string' ? `, e.g. [${JSON.stringify(value)}]` : ', e.g. ["a", "b"]'}.`,
        'invalid-type',
      );
    }
    value.forEach((item, i) => {
      if (typeof item !== 'string') {
        throw invalidValue(`entry of ${jsonPath([...parts, i])} (${typeName(item)}, expected a string)`, describeValue(item), specOrigin(source, [...parts, i]), `Every entry of ${spec.name} is a string.`, 'invalid-type');
      }
    });
  }
}

/**
 * Spec strings that are free text, written escaped (never evaluated): the target's names and tags, and every
 * `purpose`. Every other string is a value the library checks, and must be a literal.
 */
const FREE_TEXT_TARGET_OPTIONS: readonly string[] = ['name', 'groupName', 'namePrefix', 'groupNamePrefix', 'ruleCollectionGroupName', 'tags'];

function isFreeText(parts: ReadonlyArray<string | number>): boolean {
  if (parts[parts.length - 1] === 'purpose') return true;
  return parts[0] === 'target' && typeof parts[1] === 'string' && FREE_TEXT_TARGET_OPTIONS.includes(parts[1]);
}

function typeName(value: unknown): string {
  return value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value;
}

function profileNames(): string[] {
  return PROFILES.map((p) => p.name).filter((n) => TYPED_PROFILES[n] !== undefined);
}

function object(value: unknown, source: string, parts: ReadonlyArray<string | number>, hint: string): Record<string, unknown> {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
  const actual = value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value;
  const what = parts.length === 0 ? 'spec' : `value of ${jsonPath(parts)}`;
  throw invalidValue(`${what} (${actual}, expected an object)`, describeValue(value), specOrigin(source, parts), hint, 'invalid-type');
}

function unknownKey(key: string, source: string, parts: ReadonlyArray<string | number>, valid: readonly string[], what: string): FirewallRequirementsError {
  const suggestion = closest(key, valid);
  return new FirewallRequirementsError(
    'unknown-option',
    `Unknown ${what} ${JSON.stringify(key)}`,
    key,
    specOrigin(source, parts),
    `${suggestion ? `Did you mean ${JSON.stringify(suggestion)}? ` : ''}Valid keys: ${[...valid].join(', ')}.`,
  );
}
