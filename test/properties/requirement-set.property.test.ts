import * as fc from 'fast-check';
import { Direction, Necessity, Peer, PeerKind, PortRange, Protocol, Requirement, RequirementSet } from '../../lib/model';
import { aggregateCidrs, groupByFlow } from '../../lib/plan';
import { source } from '../model/fixtures';

/**
 * RequirementSet.of must not depend on input order: the same ids in the same order, and each merged
 * requirement with the same purposes (as a set), sources and necessity.
 */

const peers = [
  () => Peer.fqdn('mcr.microsoft.com'),
  () => Peer.fqdn('*.data.mcr.microsoft.com'),
  () => Peer.fqdn('packages.example.com'),
  () => Peer.cidr('10.0.0.0/24'),
  () => Peer.cidr('10.0.1.0/24'),
  () => Peer.cidr('10.0.0.7'),
  () => Peer.cidr('9.0.0.0/8'),
  () => Peer.cidr('2001:db8::/32'),
  () => Peer.serviceTag('AzureCloud.westeurope'),
  () => Peer.serviceTag('AzureMonitor'),
];

const sources = [
  source('aks', 'core'),
  source('aks', 'monitor'),
  source('chainguard-enforce', 'agent'),
  source('ibm-vpc', 'iks'),
  // The same section under two URLs (two editions of a page).
  source('ibm-vpc', 'iks', 'https://example.com/older-edition'),
];
const necessities = [
  Necessity.required(),
  Necessity.recommended(),
  Necessity.conditional('gpu', 'When GPU nodes run.'),
  Necessity.conditional('windows', 'When Windows nodes run.'),
];

const requirement = fc
  .record({
    peer: fc.integer({ min: 0, max: peers.length - 1 }),
    direction: fc.constantFrom(Direction.EGRESS, Direction.INGRESS),
    protocol: fc.constantFrom(Protocol.TCP, Protocol.UDP, Protocol.ANY, Protocol.HTTPS),
    port: fc.constantFrom(53, 80, 443, 9000),
    purpose: fc.constantFrom('Pull images', 'Send metrics', 'Resolve names', 'Talk to the API server'),
    source: fc.integer({ min: 0, max: sources.length - 1 }),
    necessity: fc.integer({ min: 0, max: necessities.length - 1 }),
  })
  .map((r) =>
    Requirement.create({
      direction: r.direction,
      protocol: r.protocol,
      ports: r.protocol === Protocol.ANY ? [] : [PortRange.single(r.port)],
      peer: peers[r.peer](),
      purpose: r.purpose,
      necessity: necessities[r.necessity],
      source: sources[r.source],
    }),
  );

const listAndPermutation = fc
  .array(requirement, { maxLength: 40 })
  .chain((list) => fc.tuple(fc.constant(list), fc.shuffledSubarray(list, { minLength: list.length, maxLength: list.length })));

function summary(set: RequirementSet) {
  return set.requirements.map((r) => ({
    id: r.id,
    purposes: [...r.purposes].sort(),
    sources: r.sources.map((s) => `${s.catalog}/${s.section} ${s.url}`),
    necessity: r.necessity.kind,
    conditions: r.necessity.conditions.map((c) => c.key),
  }));
}

describe('RequirementSet.of', () => {
  test('order-independent: same ids in the same order, same merged content', () => {
    fc.assert(
      fc.property(listAndPermutation, ([list, permuted]) => {
        expect(summary(RequirementSet.of(permuted))).toEqual(summary(RequirementSet.of(list)));
      }),
      { numRuns: 200 },
    );
  });

  test('one requirement per distinct flow, none lost', () => {
    fc.assert(
      fc.property(fc.array(requirement, { maxLength: 40 }), (list) => {
        const set = RequirementSet.of(list);
        expect(set.requirements.map((r) => r.id).sort()).toEqual([...new Set(list.map((r) => r.id))].sort());
        expect(RequirementSet.of(set.requirements).requirements.map((r) => r.id)).toEqual(set.requirements.map((r) => r.id));
      }),
      { numRuns: 200 },
    );
  });

  test('merging sets is associative and commutative', () => {
    fc.assert(
      fc.property(fc.array(requirement, { maxLength: 15 }), fc.array(requirement, { maxLength: 15 }), fc.array(requirement, { maxLength: 15 }), (a, b, c) => {
        const [sa, sb, sc] = [a, b, c].map((x) => RequirementSet.of(x));
        expect(summary(sa.merge(sb).merge(sc))).toEqual(summary(sc.merge(sb.merge(sa))));
      }),
      { numRuns: 100 },
    );
  });
});

describe('planning over random sets', () => {
  test('every requirement lands in exactly one flow group, and every CIDR requirement in exactly one aggregated network', () => {
    fc.assert(
      fc.property(fc.array(requirement, { maxLength: 40 }), (list) => {
        const set = RequirementSet.of(list);
        const grouped = groupByFlow(set.requirements).flatMap((g) => g.requirements.map((r) => r.id));
        expect(grouped.sort()).toEqual(set.requirements.map((r) => r.id).sort());
        const cidrIds = set.requirements.filter((r) => r.peer.kind === PeerKind.CIDR).map((r) => r.id);
        const aggregated = aggregateCidrs(set.requirements).flatMap((a) => a.requirements.map((r) => r.id));
        expect(aggregated.sort()).toEqual(cidrIds.sort());
      }),
      { numRuns: 150 },
    );
  });
});
