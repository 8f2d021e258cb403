import * as fc from 'fast-check';
import { Cidr, Direction, Peer, PortRange, Protocol, RequirementSet } from '../../lib/model';
import { aggregateCidrs, contentHash, flowKeyOf, groupByFlow, groupBySection, peersOf } from '../../lib/plan';
import { cidrReq, req, source } from '../model/fixtures';

describe('flowKeyOf', () => {
  test('direction/protocol/ports, "all" without ports', () => {
    expect(flowKeyOf(Direction.EGRESS, Protocol.TCP, [PortRange.single(443), PortRange.range(30000, 32767)])).toBe('egress/tcp/443,30000-32767');
    expect(flowKeyOf(Direction.INGRESS, Protocol.ICMP, [])).toBe('ingress/icmp/all');
  });
});

describe('groupByFlow', () => {
  const set = RequirementSet.of([
    cidrReq('10.0.0.0/24', [443]),
    cidrReq('10.0.1.0/24', [443]),
    cidrReq('10.0.2.0/24', [80]),
    req({ peer: Peer.fqdn('a.example.com'), source: source('aks', 'x') }),
    req({ peer: Peer.fqdn('b.example.com'), source: source('aks', 'y') }),
    req({ protocol: Protocol.ICMP, ports: [], peer: Peer.cidr('10.0.0.0/8') }),
  ]);

  test('groups by direction, protocol and ports; sorted by key; set order inside', () => {
    const groups = groupByFlow(set.requirements);
    expect(groups.map((g) => [g.direction, g.protocol, g.ports.join(','), g.requirements.map((r) => r.peer.value)])).toEqual([
      [Direction.EGRESS, Protocol.HTTPS, '443', ['a.example.com', 'b.example.com']],
      [Direction.EGRESS, Protocol.ICMP, '', ['10.0.0.0/8']],
      [Direction.EGRESS, Protocol.TCP, '443', ['10.0.0.0/24', '10.0.1.0/24']],
      [Direction.EGRESS, Protocol.TCP, '80', ['10.0.2.0/24']],
    ]);
    expect(groups[0].key).toBe(contentHash('egress/https/443'));
    expect(groups[1].key).toBe(contentHash('egress/icmp/all'));
  });

  test('keys come from content: adding a requirement changes no existing key', () => {
    const before = groupByFlow(set.requirements).map((g) => g.key);
    const after = groupByFlow(set.merge(RequirementSet.of([cidrReq('192.168.0.0/16', [22])])).requirements).map((g) => g.key);
    expect(after).toEqual(expect.arrayContaining(before));
    expect(after).toHaveLength(before.length + 1);
  });

  test('an extra key splits groups (e.g. per section)', () => {
    const groups = groupByFlow(
      set.requirements.filter((r) => r.peer.isDomain),
      (r) => r.primarySource.section,
    );
    expect(groups.map((g) => [g.key, g.requirements.length])).toEqual([
      [contentHash('egress/https/443|x'), 1],
      [contentHash('egress/https/443|y'), 1],
    ]);
  });

  test('empty input', () => {
    expect(groupByFlow([])).toEqual([]);
  });
});

describe('aggregateCidrs', () => {
  test('merges exactly and keeps the requirements each network covers', () => {
    const reqs = RequirementSet.of([
      cidrReq('10.0.0.0/24', [443], 'A'),
      cidrReq('10.0.1.0/24', [443], 'B'),
      cidrReq('10.0.1.7', [443], 'C'),
      cidrReq('10.0.3.0/24', [443], 'D'),
      cidrReq('2001:db8::/48', [443], 'E'),
      req({ peer: Peer.fqdn('ignored.example.com') }),
    ]).requirements;
    const out = aggregateCidrs(reqs);
    expect(out.map((a) => [a.cidr.toString(), a.requirements.map((r) => r.purpose)])).toEqual([
      ['10.0.0.0/23', ['A', 'B', 'C']],
      ['10.0.3.0/24', ['D']],
      ['2001:db8::/48', ['E']],
    ]);
  });

  test('never widens: non-aligned neighbours stay apart and each keeps its own requirement', () => {
    const out = aggregateCidrs([cidrReq('10.0.1.0/24', [443], 'A'), cidrReq('10.0.2.0/24', [443], 'B')]);
    expect(out.map((a) => [a.cidr.toString(), a.requirements.map((r) => r.purpose)])).toEqual([
      ['10.0.1.0/24', ['A']],
      ['10.0.2.0/24', ['B']],
    ]);
  });

  test('a run split into several networks gives each network exactly the peers inside it, IPv4 and IPv6 in input order', () => {
    // 10.0.0.1-10.0.0.6 is one run that no single CIDR covers: 10.0.0.1/32, 10.0.0.2/31, 10.0.0.4/31, 10.0.0.6/32.
    const out = aggregateCidrs([
      cidrReq('2001:db8::2/127', [443], 'F'),
      cidrReq('10.0.0.6', [443], 'A'),
      cidrReq('10.0.0.1', [443], 'B'),
      cidrReq('10.0.0.2/31', [443], 'C'),
      cidrReq('2001:db8::1', [443], 'G'),
      cidrReq('10.0.0.5', [443], 'D'),
      cidrReq('10.0.0.4', [443], 'E'),
    ]);
    expect(out.map((a) => [a.cidr.toString(), a.requirements.map((r) => r.purpose)])).toEqual([
      ['10.0.0.1/32', ['B']],
      ['10.0.0.2/31', ['C']],
      ['10.0.0.4/31', ['D', 'E']],
      ['10.0.0.6/32', ['A']],
      ['2001:db8::1/128', ['G']],
      ['2001:db8::2/127', ['F']],
    ]);
  });

  test('same grouping as checking every network against every peer, for random mixes of networks', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.tuple(fc.integer({ min: 0, max: 63 }), fc.integer({ min: 26, max: 32 })).map(([host, prefix]) => `10.0.0.${host - (host % 2 ** (32 - prefix))}/${prefix}`),
            fc.tuple(fc.integer({ min: 0, max: 63 }), fc.integer({ min: 122, max: 128 })).map(([host, prefix]) => `2001:db8::${(host - (host % 2 ** (128 - prefix))).toString(16)}/${prefix}`),
          ),
          { maxLength: 40 },
        ),
        (cidrs) => {
          const reqs = cidrs.map((c, i) => cidrReq(c, [443], `r${i}`));
          const out = aggregateCidrs(reqs);
          for (const a of out) expect(a.requirements).toEqual(reqs.filter((r) => a.cidr.contains(r.peer.cidr as Cidr)));
          expect(out.flatMap((a) => a.requirements)).toHaveLength(reqs.length);
        },
      ),
    );
  });

  test('non-CIDR peers give nothing', () => {
    expect(aggregateCidrs([req(), req({ peer: Peer.placeholder('p', 'x'), protocol: Protocol.ANY, ports: [] })])).toEqual([]);
  });
});

describe('groupBySection', () => {
  test('groups by primary source, sorted by section key, from a set or an array', () => {
    const set = RequirementSet.of([
      req({ peer: Peer.fqdn('a.example.com'), source: source('zeta', 'core') }),
      req({ peer: Peer.fqdn('b.example.com'), source: source('aks', 'monitor') }),
      req({ peer: Peer.fqdn('c.example.com'), source: source('aks', 'core') }),
      req({ peer: Peer.fqdn('d.example.com'), source: source('aks', 'core') }),
      // Also in zeta/core, but its primary source (first by key) is aks/core.
      req({ peer: Peer.fqdn('c.example.com'), source: source('zeta', 'core') }),
    ]);
    const expected = [
      ['aks/core', ['c.example.com', 'd.example.com']],
      ['aks/monitor', ['b.example.com']],
      ['zeta/core', ['a.example.com']],
    ];
    const shape = (groups: ReturnType<typeof groupBySection>) => groups.map((g) => [g.section, g.requirements.map((r) => r.peer.value)]);
    expect(shape(groupBySection(set))).toEqual(expected);
    expect(shape(groupBySection(set.requirements))).toEqual(expected);
  });
});

describe('peersOf', () => {
  test('distinct peers in first-seen order', () => {
    const a = req({ peer: Peer.fqdn('a.example.com') });
    const a80 = req({ peer: Peer.fqdn('a.example.com'), protocol: Protocol.HTTP, ports: [PortRange.single(80)] });
    const b = cidrReq('10.0.0.0/8');
    expect(peersOf([b, a, a80]).map((p) => p.key)).toEqual(['cidr:10.0.0.0/8', 'fqdn:a.example.com']);
  });
});
