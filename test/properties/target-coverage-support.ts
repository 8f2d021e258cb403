/**
 * Shared pieces of the target coverage properties (test/properties/target-coverage-*.test.ts): generators of
 * requirements a target can express, and an exact comparison of what requirements allow with what a synthesized
 * stack allows.
 *
 * A *grant* is one allowed thing read from either side: a space (direction, protocol and kind of destination,
 * e.g. `egress tcp address`), an optional port range and a destination (an address range, or a name such as a
 * domain or a service tag). Two grant lists allow the same traffic when, in every space and on every port, the
 * union of their address ranges and the set of their names are equal. Address sets are compared as unions of
 * `Cidr.first`-`Cidr.last` ranges (merged here, independently of `Cidr.aggregate`).
 */
import * as fc from 'fast-check';
import { Cidr, Direction, IpVersion, Landing, Necessity, Peer, PortRange, Protocol, Provenance, Requirement } from '../../lib/model';
import { source } from '../model/fixtures';

// ---------------------------------------------------------------------------------------------------------------
// Grants and their comparison
// ---------------------------------------------------------------------------------------------------------------

/** A destination: an address range (CIDR) or a name (domain, `.domain`, service tag, FQDN tag). */
export type Destination = { readonly cidr: Cidr; readonly name?: undefined } | { readonly name: string; readonly cidr?: undefined };

/** One allowed thing, from requirements or from synthesized resources. */
export interface Grant {
  /** Direction, protocol and destination kind, e.g. `egress tcp address`; grants of different spaces never mix. */
  readonly space: string;
  /** Inclusive port range; absent for protocols without ports (icmp, any) and for port-less lists. */
  readonly ports?: { readonly from: number; readonly to: number };
  readonly destination: Destination;
  /** What the grant came from, shown in failure messages. */
  readonly origin: string;
}

/** A grant for a CIDR. */
export function addressGrant(space: string, cidr: Cidr | string, ports: { from: number; to: number } | undefined, origin: string): Grant {
  return { space, ports, destination: { cidr: typeof cidr === 'string' ? Cidr.parse(cidr, origin) : cidr }, origin };
}

/** A grant for a name. */
export function nameGrant(space: string, name: string, ports: { from: number; to: number } | undefined, origin: string): Grant {
  return { space, ports, destination: { name }, origin };
}

/** The grants of one requirement in `space`: one per port range (or one without ports). */
export function grantsOf(r: Requirement, space: string, destination: Destination): Grant[] {
  const ranges = r.ports.length > 0 ? r.ports.map((p) => ({ from: p.from, to: p.to })) : [undefined];
  return ranges.map((ports) => ({ space, ports, destination, origin: r.flowKey }));
}

/** Union of address ranges as sorted, merged `[first, last]` pairs, IPv4 first. */
function addressUnion(cidrs: readonly Cidr[]): Array<{ version: IpVersion; first: bigint; last: bigint }> {
  const out: Array<{ version: IpVersion; first: bigint; last: bigint }> = [];
  for (const version of [IpVersion.IPV4, IpVersion.IPV6]) {
    const ranges = cidrs
      .filter((c) => c.version === version)
      .map((c) => [c.first, c.last] as [bigint, bigint])
      .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    let run: { version: IpVersion; first: bigint; last: bigint } | undefined;
    for (const [first, last] of ranges) {
      if (run && first <= run.last + 1n) {
        if (last > run.last) run.last = last;
      } else {
        if (run) out.push(run);
        run = { version, first, last };
      }
    }
    if (run) out.push(run);
  }
  return out;
}

/** An address as text (IPv6 uncompressed), written here so that messages do not depend on the code under test. */
function addressText(version: IpVersion, value: bigint): string {
  if (version === IpVersion.IPV4) return v4Text(Number(value));
  return Array.from({ length: 8 }, (_, i) => ((value >> BigInt(112 - 16 * i)) & 0xffffn).toString(16)).join(':');
}

/** What a list of grants allows in one space on one port segment: merged address ranges and sorted names, as text. */
function allowedText(grants: readonly Grant[]): string {
  const cidrs = grants.flatMap((g) => (g.destination.cidr ? [g.destination.cidr] : []));
  const ranges = addressUnion(cidrs).map((r) =>
    r.first === r.last ? addressText(r.version, r.first) : `${addressText(r.version, r.first)}-${addressText(r.version, r.last)}`,
  );
  const names = [...new Set(grants.flatMap((g) => (g.destination.name !== undefined ? [g.destination.name] : [])))].sort();
  return [...ranges, ...names].join(' ') || '(nothing)';
}

/**
 * Differences between what `expected` and `actual` allow: per space, the ports are cut at every range boundary of
 * either list, and each segment's address union and name set must be equal. Returns readable lines (empty when equal).
 */
export function grantDifferences(expected: readonly Grant[], actual: readonly Grant[]): string[] {
  const spaces = [...new Set([...expected, ...actual].map((g) => g.space))].sort();
  const problems: string[] = [];
  for (const space of spaces) {
    const want = expected.filter((g) => g.space === space);
    const got = actual.filter((g) => g.space === space);
    const ported = [...want, ...got].filter((g) => g.ports !== undefined);
    if (ported.length > 0 && ported.length !== want.length + got.length) {
      problems.push(`${space}: grants with and without ports mixed`);
      continue;
    }
    const segments: Array<{ from: number; to: number } | undefined> = [];
    if (ported.length === 0) {
      segments.push(undefined);
    } else {
      const cuts = [...new Set(ported.flatMap((g) => [g.ports!.from, g.ports!.to + 1]))].sort((a, b) => a - b);
      for (let i = 0; i + 1 < cuts.length; i++) segments.push({ from: cuts[i], to: cuts[i + 1] - 1 });
    }
    for (const segment of segments) {
      const inSegment = (g: Grant) => segment === undefined || (g.ports!.from <= segment.from && segment.to <= g.ports!.to);
      const w = want.filter(inSegment);
      const a = got.filter(inSegment);
      const wanted = allowedText(w);
      const emitted = allowedText(a);
      if (wanted !== emitted) {
        const where = segment === undefined ? space : `${space} ports ${segment.from}-${segment.to}`;
        problems.push(`${where}: requirements allow ${wanted}; the output allows ${emitted}`);
      }
    }
  }
  return problems;
}

/** Fails unless `expected` and `actual` allow exactly the same things. */
export function expectSameGrants(expected: readonly Grant[], actual: readonly Grant[]): void {
  expect(grantDifferences(expected, actual)).toEqual([]);
}

/** Whether `outer` covers `inner`: same space, ports inside, destination inside (address) or equal (name). */
export function covers(outer: Grant, inner: Grant, nameMatches: (emitted: string, wanted: string) => boolean = (a, b) => a === b): boolean {
  if (outer.space !== inner.space) return false;
  if ((outer.ports === undefined) !== (inner.ports === undefined)) return false;
  if (outer.ports && inner.ports && !(outer.ports.from <= inner.ports.from && inner.ports.to <= outer.ports.to)) return false;
  if (inner.destination.cidr) return outer.destination.cidr !== undefined && outer.destination.cidr.contains(inner.destination.cidr);
  return outer.destination.name !== undefined && nameMatches(outer.destination.name, inner.destination.name);
}

/** Grants of `expected` that no single grant of `actual` covers, as readable lines (empty when all are covered). */
export function uncovered(expected: readonly Grant[], actual: readonly Grant[], nameMatches?: (emitted: string, wanted: string) => boolean): string[] {
  return expected.filter((w) => !actual.some((a) => covers(a, w, nameMatches))).map((w) => `${w.origin}: ${describeGrant(w)} is in no single emitted rule`);
}

/** Fails unless every expected grant lies inside one emitted grant. */
export function expectEachCovered(expected: readonly Grant[], actual: readonly Grant[], nameMatches?: (emitted: string, wanted: string) => boolean): void {
  expect(uncovered(expected, actual, nameMatches)).toEqual([]);
}

/** Pairs of emitted address grants of one space and port range that overlap (aggregation leaves none). */
export function overlaps(actual: readonly Grant[]): string[] {
  const out: string[] = [];
  actual.forEach((a, i) =>
    actual.slice(i + 1).forEach((b) => {
      if (a.space !== b.space || a.ports?.from !== b.ports?.from || a.ports?.to !== b.ports?.to) return;
      const x = a.destination.cidr;
      const y = b.destination.cidr;
      if (x && y && x.version === y.version && x.first <= y.last && y.first <= x.last) out.push(`${describeGrant(a)} overlaps ${describeGrant(b)}`);
    }),
  );
  return out;
}

export function describeGrant(g: Grant): string {
  const ports = g.ports ? ` ${g.ports.from}-${g.ports.to}` : '';
  return `${g.space}${ports} ${g.destination.cidr?.toString() ?? g.destination.name}`;
}

/** `'443'` or `'30000-32767'` (as Azure and GCP write ports) to a range. */
export function parsePortText(text: string): { from: number; to: number } {
  const r = PortRange.parse(text);
  return { from: r.from, to: r.to };
}

// ---------------------------------------------------------------------------------------------------------------
// Generators
// ---------------------------------------------------------------------------------------------------------------

function v4Text(n: number): string {
  return [24, 16, 8, 0].map((s) => (n >>> s) & 255).join('.');
}

/** Small IPv4 parents, so that random networks inside them often overlap or sit side by side. */
const V4_PARENTS: ReadonlyArray<{ base: number; prefix: number }> = [
  { base: 0x0a000000, prefix: 24 }, // 10.0.0.0/24
  { base: 0xc0000200, prefix: 28 }, // 192.0.2.0/28
];

/** Small IPv6 parents (documentation prefix). */
const V6_PARENTS: ReadonlyArray<{ head: string; prefix: number }> = [
  { head: '2001:db8::', prefix: 120 },
  { head: '2001:db8:1::', prefix: 126 },
];

/** Prefix lengths from `min` to `max`, mostly long ones (short ones swallow everything). */
function prefixLength(min: number, max: number): fc.Arbitrary<number> {
  return fc.oneof({ weight: 1, arbitrary: fc.integer({ min, max }) }, { weight: 3, arbitrary: fc.integer({ min: Math.max(min, max - 6), max }) });
}

/** An IPv4 network inside one of a few small parents. */
export const ipv4Cidr: fc.Arbitrary<string> = fc.constantFrom(...V4_PARENTS).chain((parent) =>
  prefixLength(parent.prefix, 32).chain((prefix) =>
    fc.integer({ min: 0, max: 2 ** (prefix - parent.prefix) - 1 }).map((i) => `${v4Text(parent.base + i * 2 ** (32 - prefix))}/${prefix}`),
  ),
);

/** An IPv6 network inside one of a few small parents. */
export const ipv6Cidr: fc.Arbitrary<string> = fc.constantFrom(...V6_PARENTS).chain((parent) =>
  prefixLength(parent.prefix, 128).chain((prefix) =>
    fc.integer({ min: 0, max: 2 ** (prefix - parent.prefix) - 1 }).map((i) => `${parent.head}${(i * 2 ** (128 - prefix)).toString(16)}/${prefix}`),
  ),
);

/** `first/prefix` as text (IPv6 uncompressed), written here independently of the code under test. */
export function cidrText(version: IpVersion, first: bigint, prefix: number): string {
  return `${addressText(version, first)}/${prefix}`;
}

/** IPv4 mostly, IPv6 sometimes. */
export const anyCidr: fc.Arbitrary<string> = fc.oneof({ weight: 3, arbitrary: ipv4Cidr }, { weight: 1, arbitrary: ipv6Cidr });

/**
 * Public IPv4 parents (documentation ranges), for lists that refuse private and reserved ranges (EKS public
 * access CIDRs).
 */
const PUBLIC_V4_PARENTS: ReadonlyArray<{ base: number; prefix: number }> = [
  { base: 0xc6336400, prefix: 24 }, // 198.51.100.0/24
  { base: 0xc0000200, prefix: 28 }, // 192.0.2.0/28
];

/** A public IPv4 network inside one of a few small parents. */
export const publicIpv4Cidr: fc.Arbitrary<string> = fc.constantFrom(...PUBLIC_V4_PARENTS).chain((parent) =>
  prefixLength(parent.prefix, 32).chain((prefix) =>
    fc.integer({ min: 0, max: 2 ** (prefix - parent.prefix) - 1 }).map((i) => `${v4Text(parent.base + i * 2 ** (32 - prefix))}/${prefix}`),
  ),
);

/** Public IPv4 mostly, IPv6 (global documentation prefix) sometimes. */
export const publicAnyCidr: fc.Arbitrary<string> = fc.oneof({ weight: 3, arbitrary: publicIpv4Cidr }, { weight: 1, arbitrary: ipv6Cidr });

const LABELS = ['a', 'b', 'api', 'data', 'mcr'];
const BASES = ['example.com', 'example.org', 'test.io'];

/** A domain name from a small vocabulary, so that names repeat and nest (`a.example.com` under `example.com`). */
export const domainName: fc.Arbitrary<string> = fc
  .tuple(fc.array(fc.constantFrom(...LABELS), { maxLength: 2 }), fc.constantFrom(...BASES))
  .map(([labels, base]) => [...labels, base].join('.'));

/** A left-most wildcard over the same vocabulary, e.g. `*.example.com`. */
export const wildcardName: fc.Arbitrary<string> = domainName.map((n) => `*.${n}`);

/** Single ports from a small pool (443 sits inside 440-450 below), all valid in Azure application rules. */
export const SINGLE_PORTS = [22, 53, 80, 123, 443, 8080, 8443];
const RANGES: ReadonlyArray<[number, number]> = [
  [440, 450],
  [1000, 1010],
  [8000, 8100],
  [30000, 32767],
];

/** One port or one range. */
export const portRange: fc.Arbitrary<PortRange> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...SINGLE_PORTS).map((p) => PortRange.single(p)) },
  { weight: 1, arbitrary: fc.constantFrom(...RANGES).map(([a, b]) => PortRange.range(a, b)) },
);

/** One or two ports or ranges; mostly just 443, so that many requirements share a flow and aggregate. */
export const portList: fc.Arbitrary<PortRange[]> = fc.oneof(
  { weight: 2, arbitrary: fc.constant<PortRange[]>([PortRange.single(443)]) },
  { weight: 1, arbitrary: fc.array(portRange, { minLength: 1, maxLength: 2 }) },
);

/** One or two single ports (what application rules take). */
export const singlePortList: fc.Arbitrary<PortRange[]> = fc.oneof(
  { weight: 2, arbitrary: fc.constant<PortRange[]>([PortRange.single(443)]) },
  { weight: 1, arbitrary: fc.array(fc.constantFrom(...SINGLE_PORTS).map((p) => PortRange.single(p)), { minLength: 1, maxLength: 2 }) },
);

/** Two sections (the first three times as likely), so that targets that group by section see flows listed by both. */
export const SECTIONS: readonly Provenance[] = [source('test', 'core'), source('test', 'addon-extra')];
const PURPOSES = ['Pull images', 'Reach the API server', 'Metrics', 'Node ports'];

/**
 * Every protocol, tcp and https more often than the others (as in the vendor documents), so that flows repeat and
 * their networks aggregate. Repeated entries weigh `fc.constantFrom`.
 */
export const ALL_PROTOCOLS: readonly Protocol[] = [Protocol.TCP, Protocol.TCP, Protocol.TCP, Protocol.HTTPS, Protocol.HTTPS, Protocol.UDP, Protocol.ICMP, Protocol.ANY, Protocol.HTTP];

/** Everything of a requirement but the peer, protocol and direction. */
const extras = fc.record({ source: fc.constantFrom(SECTIONS[0], SECTIONS[0], SECTIONS[0], SECTIONS[1]), purpose: fc.constantFrom(...PURPOSES) });

/** A requirement from its parts; ports are dropped for icmp and any. */
export function makeRequirement(
  direction: Direction,
  protocol: Protocol,
  ports: PortRange[],
  peer: Peer,
  purpose: string,
  from: Provenance,
  metadata?: Record<string, string>,
  landing: Landing = Landing.NODES,
): Requirement {
  const withPorts = protocol !== Protocol.ICMP && protocol !== Protocol.ANY;
  return Requirement.create({
    direction,
    protocol,
    ports: withPorts ? ports : [],
    peer,
    purpose,
    necessity: Necessity.required(),
    source: from,
    metadata,
    landing: direction === Direction.INGRESS ? landing : Landing.NODES,
  });
}

/** A requirement with the given peer generator, directions and protocols; ports from `ports`. */
export function requirement(options: {
  readonly peer: fc.Arbitrary<Peer>;
  readonly directions: readonly Direction[];
  readonly protocols: readonly Protocol[];
  readonly ports?: fc.Arbitrary<PortRange[]>;
  readonly metadata?: fc.Arbitrary<Record<string, string> | undefined>;
  /** Where ingress flows land (egress always lands on the nodes). @default [Landing.NODES] */
  readonly landings?: readonly Landing[];
}): fc.Arbitrary<Requirement> {
  return fc
    .record({
      peer: options.peer,
      direction: fc.constantFrom(...options.directions),
      protocol: fc.constantFrom(...options.protocols),
      ports: options.ports ?? portList,
      extras,
      metadata: options.metadata ?? fc.constant(undefined),
      landing: fc.constantFrom(...(options.landings ?? [Landing.NODES])),
    })
    .map((p) => makeRequirement(p.direction, p.protocol, p.ports, p.peer, p.extras.purpose, p.extras.source, p.metadata, p.landing));
}

/** CIDR peers. */
export const cidrPeer = (cidrs: fc.Arbitrary<string> = ipv4Cidr): fc.Arbitrary<Peer> => cidrs.map((c) => Peer.cidr(c));
/** Plain domain-name peers. */
export const fqdnPeer: fc.Arbitrary<Peer> = domainName.map((n) => Peer.fqdn(n));
/** Wildcard domain-name peers. */
export const wildcardPeer: fc.Arbitrary<Peer> = wildcardName.map((n) => Peer.fqdn(n));

/** The transport name used in grant spaces: http and https run over tcp. */
export function transportName(protocol: Protocol): string {
  return protocol === Protocol.HTTP || protocol === Protocol.HTTPS ? 'tcp' : protocol;
}

/** The other half of the block a CIDR is half of (`10.0.0.0/25` -> `10.0.0.128/25`); merging the two widens nothing. */
export function buddyOf(cidr: Cidr): string {
  const bits = cidr.version === IpVersion.IPV4 ? 32 : 128;
  const first = cidr.first ^ (1n << BigInt(bits - cidr.prefix));
  if (cidr.version === IpVersion.IPV4) return `${v4Text(Number(first))}/${cidr.prefix}`;
  const groups = Array.from({ length: 8 }, (_, i) => ((first >> BigInt(112 - 16 * i)) & 0xffffn).toString(16));
  return `${groups.join(':')}/${cidr.prefix}`;
}

/**
 * Adds, for some CIDR requirements of each list, the same flow to the buddy network, so that exact aggregation
 * (two halves into one block) happens often; random networks alone are rarely siblings.
 */
export function withBuddies(lists: fc.Arbitrary<Requirement[]>): fc.Arbitrary<Requirement[]> {
  return lists.chain((list) =>
    fc.array(fc.boolean(), { minLength: list.length, maxLength: list.length }).map((flags) => [
      ...list,
      ...list.flatMap((r, i) => (flags[i] && r.peer.cidr && r.peer.cidr.prefix > 0 ? [r.withPeer(Peer.cidr(buddyOf(r.peer.cidr)))] : [])),
    ]),
  );
}

/**
 * Runs per property: modest by default (a synthesis costs 10-50 ms); set TARGET_COVERAGE_RUNS for a longer search.
 */
export const NUM_RUNS = Number(process.env.TARGET_COVERAGE_RUNS) || 40;

/** Where generated ingress flows land in the control-plane properties: both kinds, so that skipping is exercised. */
export const CONTROL_PLANE_LANDINGS: readonly Landing[] = [Landing.NODES, Landing.CONTROL_PLANE];

/**
 * The oracle for control-plane lists (AKS authorized ranges, GKE authorized networks, EKS public access CIDRs):
 * exactly the requirements that land on the cluster API endpoint.
 */
export function admittedToControlPlane(r: Requirement): boolean {
  return r.direction === Direction.INGRESS && r.landing === Landing.CONTROL_PLANE;
}

/** Ids of requirements, sorted: compares two requirement lists as sets. */
export function idsOf(requirements: readonly Requirement[]): string[] {
  return requirements.map((r) => r.id).sort();
}
