import { Direction, Landing, Peer, PortRange, Protocol, RequirementSet } from '../../lib/model';
import { CONTROL_PLANE_FLOW, describeElsewhere, purposesOf, reachesControlPlane, selectControlPlaneRequirements, selectNodeRequirements, userCidrRequirements } from '../../lib/plan';
import { req, source } from '../model/fixtures';

const ingress = (protocol: Protocol, ports: PortRange[], cidr = '10.0.0.0/8', purpose = 'API', landing = Landing.CONTROL_PLANE) =>
  req({ direction: Direction.INGRESS, protocol, ports, peer: Peer.cidr(cidr), purpose, landing });

describe('reachesControlPlane', () => {
  test('what decides is where the flow lands, not its port', () => {
    expect(reachesControlPlane(ingress(Protocol.TCP, [PortRange.single(443)]))).toBe(true);
    expect(reachesControlPlane(ingress(Protocol.TCP, [PortRange.single(6443)]))).toBe(true);
    expect(reachesControlPlane(ingress(Protocol.TCP, [PortRange.single(443)], '10.0.0.0/8', 'API', Landing.NODES))).toBe(false);
    expect(reachesControlPlane(ingress(Protocol.TCP, [PortRange.single(443)], '10.0.0.0/8', 'API', Landing.SERVICE))).toBe(false);
    expect(reachesControlPlane(req({ protocol: Protocol.TCP, peer: Peer.cidr('10.0.0.0/8') }))).toBe(false);
  });

  test('a landing other than the nodes makes another flow, with another id', () => {
    const nodes = ingress(Protocol.TCP, [PortRange.single(443)], '10.0.0.0/8', 'API', Landing.NODES);
    const cp = ingress(Protocol.TCP, [PortRange.single(443)]);
    expect(nodes.flowKey).toBe('ingress tcp 443 cidr:10.0.0.0/8');
    expect(cp.flowKey).toBe('ingress tcp 443 cidr:10.0.0.0/8 @control-plane');
    expect(RequirementSet.of([nodes, cp]).size).toBe(2);
  });

  test('only ingress lands elsewhere than on the nodes', () => {
    expect(() => req({ landing: Landing.CONTROL_PLANE })).toThrow('Invalid landing "control-plane" (from test/core example.com). Only ingress flows land elsewhere');
    expect(() => req({ landing: 'api' as Landing })).toThrow('Unknown landing "api" (from Requirement.create landing). Valid values: nodes, control-plane, service.');
  });
});

describe('selectNodeRequirements', () => {
  test('control-plane and service rows are set apart and reported', () => {
    const cp = ingress(Protocol.TCP, [PortRange.single(443)], '198.51.100.0/24');
    const service = ingress(Protocol.TCP, [PortRange.single(443)], '198.51.100.0/24', 'Registry', Landing.SERVICE);
    const node = req();
    const { nodes, elsewhere } = selectNodeRequirements([cp, node, service]);
    expect(nodes).toEqual([node]);
    expect(elsewhere).toEqual([cp, service]);
    expect(describeElsewhere('T', elsewhere)).toBe(
      'T: 1 requirement(s) land on the cluster API endpoint (e.g. 198.51.100.0/24 from test/core) and are not opened on the nodes: render them with ' +
        'EksEndpointAccess (AWS), GkeAuthorizedNetworks (Google Cloud) or AksAuthorizedIpRanges (Azure); 1 requirement(s) land on a service beside the cluster ' +
        '(e.g. 198.51.100.0/24 from test/core: Registry) and are not opened on the nodes: admit them on that service.',
    );
  });
});

describe('selectControlPlaneRequirements', () => {
  test('splits accepted and skipped, in set order', () => {
    const set = RequirementSet.of([
      ingress(Protocol.TCP, [PortRange.single(443)]),
      ingress(Protocol.UDP, [PortRange.single(53)]),
      req(),
    ]);
    const { accepted, skipped } = selectControlPlaneRequirements(set, 'X');
    expect(accepted.map((r) => r.flowKey)).toEqual(['ingress tcp 443 cidr:10.0.0.0/8 @control-plane', 'ingress udp 53 cidr:10.0.0.0/8 @control-plane']);
    expect(skipped.map((r) => r.flowKey)).toEqual(['egress https 443 fqdn:example.com']);
  });

  test('an accepted requirement must have a CIDR peer', () => {
    const set = RequirementSet.of([req({ direction: Direction.INGRESS, protocol: Protocol.TCP, peer: Peer.serviceTag('AzureCloud'), landing: Landing.CONTROL_PLANE })]);
    expect(() => selectControlPlaneRequirements(set, 'The list')).toThrow(
      'The list cannot express "AzureCloud": it admits networks (CIDRs) only, not a service-tag (from test/core: Pull images). Give the CIDRs the peer connects from.',
    );
  });

  test('an unresolved placeholder fails as such', () => {
    const set = RequirementSet.of([req({ direction: Direction.INGRESS, protocol: Protocol.TCP, peer: Peer.placeholder('office', 'Set officeCidr.'), landing: Landing.CONTROL_PLANE })]);
    expect(() => selectControlPlaneRequirements(set, 'The list')).toThrow('Placeholder <office> is not resolved (from test/core: <office> (Pull images)). Set officeCidr.');
  });
});

describe('userCidrRequirements', () => {
  test('user networks become requirements of catalog "user", with a default purpose', () => {
    const set = userCidrRequirements([{ cidr: '203.0.113.0/24', purpose: ' Office ' }, { cidr: '198.51.100.7' }], CONTROL_PLANE_FLOW, 'Thing cidrs');
    expect(set.requirements.map((r) => [r.flowKey, r.purpose, r.primarySource.catalog, r.primarySource.section])).toEqual([
      ['ingress tcp 443 cidr:198.51.100.7/32 @control-plane', 'user-supplied network', 'user', 'thing-cidrs'],
      ['ingress tcp 443 cidr:203.0.113.0/24 @control-plane', 'Office', 'user', 'thing-cidrs'],
    ]);
  });

  test('references are left out; errors keep the position in the whole list', () => {
    expect(() => userCidrRequirements([{ cidr: '${var.x}' }, { cidr: '10.0.0.1/8' }], CONTROL_PLANE_FLOW, 'Thing cidrs', (t) => t.startsWith('${'))).toThrow(
      '(from Thing cidrs[1]). Did you mean 10.0.0.0/8?',
    );
    expect(userCidrRequirements([{ cidr: '${var.x}' }], CONTROL_PLANE_FLOW, 'Thing cidrs', (t) => t.startsWith('${')).size).toBe(0);
  });

  test('an entry that is not an object', () => {
    expect(() => userCidrRequirements([null as unknown as { cidr: string }], CONTROL_PLANE_FLOW, 'Thing cidrs')).toThrow(
      'Invalid user CIDR entry "null" (from Thing cidrs[0]).',
    );
  });
});

describe('purposesOf', () => {
  test('distinct purposes, first seen first', () => {
    const a = req({ purpose: 'A', source: source('x', 'a') });
    const b = req({ purpose: 'B', peer: Peer.fqdn('b.example.com') });
    expect(purposesOf([a, b, a.mergeWith(req({ purpose: 'C', source: source('y', 'c') }))])).toEqual(['A', 'B', 'C']);
  });
});
