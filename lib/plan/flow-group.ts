import { Cidr, IpVersion } from '../model/cidr';
import { FirewallRequirementsError } from '../model/errors';
import { Peer, PeerKind } from '../model/peer';
import { PortRange } from '../model/port-range';
import { Direction, Protocol } from '../model/protocol';
import { sourceKey } from '../model/provenance';
import { Requirement } from '../model/requirement';
import { RequirementSet } from '../model/requirement-set';
import { compareText } from '../model/value';
import { contentHash } from './naming';

/**
 * Requirements that share direction, protocol and ports, and so can be one rule with several peers.
 */
export interface FlowGroup {
  /** Stable key derived from direction, protocol, ports (not from the peers). */
  readonly key: string;
  readonly direction: Direction;
  readonly protocol: Protocol;
  readonly ports: readonly PortRange[];
  /** The requirements, in set order. */
  readonly requirements: readonly Requirement[];
}

/** One aggregated network with the requirements it covers. */
export interface AggregatedCidr {
  readonly cidr: Cidr;
  /** Requirements whose peer lies inside this network, in set order. */
  readonly requirements: readonly Requirement[];
}

/** `egress/tcp/443`-style key of direction, protocol and ports. */
export function flowKeyOf(direction: Direction, protocol: Protocol, ports: readonly PortRange[]): string {
  return `${direction}/${protocol}/${ports.map((p) => p.toString()).join(',') || 'all'}`;
}

/**
 * Groups requirements by direction, protocol and ports. Groups are sorted by that key; the order of
 * requirements inside a group follows the set's deterministic order.
 * @param keyExtra optional extra grouping key per requirement (e.g. the source section)
 */
export function groupByFlow(requirements: readonly Requirement[], keyExtra?: (r: Requirement) => string): FlowGroup[] {
  const groups = new Map<string, { direction: Direction; protocol: Protocol; ports: readonly PortRange[]; requirements: Requirement[] }>();
  for (const r of requirements) {
    const key = flowKeyOf(r.direction, r.protocol, r.ports) + (keyExtra ? `|${keyExtra(r)}` : '');
    const g = groups.get(key);
    if (g) g.requirements.push(r);
    else groups.set(key, { direction: r.direction, protocol: r.protocol, ports: r.ports, requirements: [r] });
  }
  return [...groups.entries()]
    .sort(([a], [b]) => compareText(a, b))
    .map(([key, g]) => ({ key: contentHash(key), ...g }));
}

/**
 * Aggregates the CIDR peers of `requirements` exactly (adjacent and overlapping networks merge, nothing is
 * widened) and keeps, for each resulting network, the requirements it covers.
 */
export function aggregateCidrs(requirements: readonly Requirement[]): AggregatedCidr[] {
  const withCidr = requirements.filter((r) => r.peer.kind === PeerKind.CIDR && r.peer.cidr);
  const merged = Cidr.aggregate(withCidr.map((r) => r.peer.cidr as Cidr));
  // Every peer lies inside exactly one of the merged networks (they are disjoint, sorted IPv4 first and by
  // address): a binary search finds it, so the grouping stays O(n log n) for large sets.
  const buckets: Requirement[][] = merged.map(() => []);
  for (const r of withCidr) buckets[indexOfContaining(merged, r.peer.cidr as Cidr)].push(r);
  return merged.map((cidr, i) => ({ cidr, requirements: buckets[i] }));
}

/** Index of the network of `sorted` (disjoint, IPv4 first, by address, as `Cidr.aggregate` returns them) containing `cidr`. */
function indexOfContaining(sorted: readonly Cidr[], cidr: Cidr): number {
  const v6 = cidr.version === IpVersion.IPV6;
  let low = 0;
  let high = sorted.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const m = sorted[mid];
    const mV6 = m.version === IpVersion.IPV6;
    if (mV6 !== v6 ? mV6 : m.first > cidr.first) high = mid - 1;
    else if (mV6 !== v6 || m.last < cidr.first) low = mid + 1;
    else return mid;
  }
  throw new FirewallRequirementsError('internal', `internal: ${cidr.toString()} is in none of the aggregated networks`, cidr.toString(), 'aggregateCidrs', '');
}

/** Requirements grouped by the section of their primary source, sorted by section key. */
export function groupBySection(set: RequirementSet | readonly Requirement[]): Array<{ section: string; requirements: Requirement[] }> {
  const list = set instanceof RequirementSet ? set.requirements : set;
  const bySection = new Map<string, Requirement[]>();
  for (const r of list) {
    const key = sourceKey(r.primarySource);
    const arr = bySection.get(key);
    if (arr) arr.push(r);
    else bySection.set(key, [r]);
  }
  return [...bySection.entries()].sort(([a], [b]) => compareText(a, b)).map(([section, requirements]) => ({ section, requirements }));
}

/** Distinct peers of the requirements in first-seen order. */
export function peersOf(requirements: readonly Requirement[]): Peer[] {
  const seen = new Map<string, Peer>();
  for (const r of requirements) if (!seen.has(r.peer.key)) seen.set(r.peer.key, r.peer);
  return [...seen.values()];
}
