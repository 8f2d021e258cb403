import { Cidr } from './cidr';
import { invalidValue, unresolvedPlaceholder } from './errors';
import { compareText, describeValue } from './value';
import { Requirement } from './requirement';
import { sourceKey } from './provenance';

/** Values for placeholders: `<location>` tokens take one value, placeholder peers one or more CIDRs. */
export type PlaceholderValues = Readonly<Record<string, readonly string[]>>;

/**
 * An immutable, deduplicated, deterministically ordered collection of requirements.
 * The same flow from several sources is one requirement that keeps every purpose and source.
 */
export class RequirementSet {
  /** A set of the given requirements (duplicates collapse). */
  public static of(requirements: readonly Requirement[]): RequirementSet {
    checkArrayOf(requirements, Requirement, 'RequirementSet.of', 'Give an array of requirements built with Requirement.create.');
    const byId = new Map<string, Requirement>();
    for (const r of requirements) {
      const existing = byId.get(r.id);
      byId.set(r.id, existing ? existing.mergeWith(r) : r);
    }
    const sorted = [...byId.values()].sort((a, b) => compareRequirements(a, b));
    return new RequirementSet(sorted);
  }

  /** The empty set. */
  public static empty(): RequirementSet {
    return new RequirementSet([]);
  }

  /** The union of several sets. */
  public static union(sets: readonly RequirementSet[]): RequirementSet {
    checkArrayOf(sets, RequirementSet, 'RequirementSet.union', 'Give an array of requirement sets, e.g. [aksProfile({...}), chainguardContainersProfile()].');
    return RequirementSet.of(sets.flatMap((s) => s.requirements));
  }

  private constructor(
    /** The requirements, sorted by direction, peer, protocol and ports. */
    public readonly requirements: readonly Requirement[],
  ) {}

  /** Number of distinct flows. */
  public get size(): number {
    return this.requirements.length;
  }

  /** This set and `others` together. */
  public merge(...others: RequirementSet[]): RequirementSet {
    checkArrayOf(others, RequirementSet, 'RequirementSet.merge', 'Pass requirement sets, e.g. set.merge(chainguardContainersProfile()).');
    return RequirementSet.union([this, ...others]);
  }

  /** The requirements for which `predicate` holds. */
  public filter(predicate: (r: Requirement) => boolean): RequirementSet {
    if (typeof predicate !== 'function') {
      throw invalidValue('filter predicate', describeValue(predicate), 'RequirementSet.filter', 'Pass a function, e.g. set.filter((r) => r.peer.isDomain).', 'invalid-type');
    }
    return new RequirementSet(this.requirements.filter(predicate));
  }

  /** The requirement with this id, if any. */
  public get(id: string): Requirement | undefined {
    return this.requirements.find((r) => r.id === id);
  }

  /**
   * Fills placeholders: `<token>`s inside FQDNs and service tags, and placeholder peers (which expand to one
   * requirement per CIDR). Placeholders without a value stay; see `assertResolved`.
   * @param origin named in errors for invalid values, e.g. "profile aks"
   */
  public resolve(values: PlaceholderValues, origin = ''): RequirementSet {
    return RequirementSet.of(
      this.requirements.flatMap((r) => r.peer.resolve(values, origin).map((peer) => (peer === r.peer ? r : r.withPeer(peer)))),
    );
  }

  /** Names of placeholders still unresolved, sorted. */
  public get unresolvedPlaceholders(): string[] {
    return [...new Set(this.requirements.flatMap((r) => r.peer.placeholders))].sort();
  }

  /** Throws for the first requirement that still has a placeholder, naming its source and how to fill it. */
  public assertResolved(howToFill: Readonly<Record<string, string>> = {}): this {
    for (const r of this.requirements) {
      for (const name of r.peer.placeholders) {
        const hint = howToFill[name] ?? (r.peer.howToFill || `Provide a value for <${name}>.`);
        throw unresolvedPlaceholder(name, `${sourceKey(r.primarySource)}: ${r.peer.toString()} (${r.purpose})`, hint);
      }
    }
    return this;
  }
}

/** The library's error when a JavaScript caller passes something other than an array of `type`. */
function checkArrayOf(value: unknown, type: Function, origin: string, hint: string): void {
  if (!Array.isArray(value)) {
    throw invalidValue('argument (expected an array)', describeValue(value), origin, hint, 'invalid-type');
  }
  value.forEach((item, i) => {
    if (!(item instanceof type)) {
      throw invalidValue(`entry (expected a ${type.name})`, describeValue(item), `${origin}[${i}]`, hint, 'invalid-type');
    }
  });
}

function compareRequirements(a: Requirement, b: Requirement): number {
  return (
    compareText(a.direction, b.direction) ||
    compareText(a.peer.kind, b.peer.kind) ||
    comparePeerValues(a, b) ||
    compareText(a.protocol, b.protocol) ||
    compareText(a.portsText, b.portsText)
  );
}

function comparePeerValues(a: Requirement, b: Requirement): number {
  const ca = a.peer.cidr;
  const cb = b.peer.cidr;
  if (ca && cb) return Cidr.compare(ca, cb);
  return compareText(a.peer.value, b.peer.value);
}
