import { KubernetesCluster } from '@cdktf/provider-azurerm/lib/kubernetes-cluster';
import { PublicIp } from '@cdktf/provider-azurerm/lib/public-ip';
import { Testing } from 'cdktf';
import { chainguardEnforceProfile } from '../../../lib/catalog/chainguard-enforce';
import { Direction, Landing, Peer, PortRange, Protocol } from '../../../lib/model';
import { UserCidr } from '../../../lib/plan/user-cidrs';
import { AksAuthorizedIpRanges } from '../../../lib/targets/azure';
import { ingressSection, newStack, section, setOf, webSection } from './fixtures';

const ingress = { direction: Direction.INGRESS, landing: Landing.CONTROL_PLANE };

/** `n` non-adjacent /24s (aggregation keeps every one). */
function spread(n: number): UserCidr[] {
  return Array.from({ length: n }, (_, i) => ({ cidr: `100.${64 + Math.floor(i / 128)}.${(i % 128) * 2}.0/24` }));
}

describe('AksAuthorizedIpRanges', () => {
  test('ingress CIDRs to the API server, user CIDRs and the firewall IP are aggregated exactly and sorted', () => {
    const saas = section('saas')
      .cidrs(['198.51.100.0/25', '198.51.100.128/25'], Protocol.TCP, [443], 'SaaS to the API server', ingress)
      .cidrs(['192.0.2.10'], Protocol.HTTPS, [443], 'Scanner', ingress);
    const ranges = AksAuthorizedIpRanges.compute({
      requirementSets: [setOf(saas)],
      cidrs: [{ cidr: '203.0.113.0/24', purpose: 'office' }, { cidr: '198.51.100.0/24' }],
      firewallPublicIps: ['20.50.1.2'],
    });
    expect(ranges.ranges).toEqual(['20.50.1.2/32', '192.0.2.10/32', '198.51.100.0/24', '203.0.113.0/24']);
    expect(ranges.count).toBe(4);
    expect(ranges.toApiServerAccessProfile()).toEqual({ authorizedIpRanges: ['20.50.1.2/32', '192.0.2.10/32', '198.51.100.0/24', '203.0.113.0/24'] });
    expect(ranges.requirements.map((r) => r.peer.value)).toEqual(['192.0.2.10/32', '198.51.100.0/25', '198.51.100.128/25']);
  });

  test("Chainguard Enforce's ingress CIDRs become ranges; its egress hosts are skipped", () => {
    const ranges = AksAuthorizedIpRanges.compute({ requirementSets: [chainguardEnforceProfile({ acknowledgeRetired: true })] });
    expect(ranges.ranges).toEqual(['34.107.162.32/32', '34.117.0.114/32', '34.132.193.40/32', '35.230.121.20/32', '35.237.242.37/32']);
    expect(ranges.skippedRequirements.every((r) => r.direction === Direction.EGRESS)).toBe(true);
  });

  test('egress and ingress to other ports are skipped', () => {
    const nodePorts = section('nodeports').cidrs(['10.0.0.0/24'], Protocol.TCP, [PortRange.range(30000, 32767)], 'Node ports', { direction: Direction.INGRESS });
    const ranges = AksAuthorizedIpRanges.compute({ requirementSets: [setOf(webSection(), nodePorts, ingressSection())] });
    expect(ranges.ranges).toEqual(['34.132.193.40/32']);
    expect(ranges.skippedRequirements.map((r) => r.peer.value)).toContain('10.0.0.0/24');
    expect(ranges.skippedRequirements.map((r) => r.peer.value)).toContain('mcr.microsoft.com');
  });

  test('a Terraform reference to the firewall public IP is rendered as <ip>/32 after the literal ranges', () => {
    const stack = newStack();
    const pip = new PublicIp(stack, 'pip', { name: 'fw', resourceGroupName: 'rg', location: 'westeurope', allocationMethod: 'Static', sku: 'Standard' });
    const ranges = AksAuthorizedIpRanges.compute({ cidrs: [{ cidr: '203.0.113.0/24' }], firewallPublicIps: [pip.ipAddress] });
    new KubernetesCluster(stack, 'aks', {
      name: 'aks',
      resourceGroupName: 'rg',
      location: 'westeurope',
      dnsPrefix: 'aks',
      defaultNodePool: { name: 'system', vmSize: 'Standard_D2s_v5', nodeCount: 1 },
      identity: { type: 'SystemAssigned' },
      apiServerAccessProfile: ranges.toApiServerAccessProfile(),
    });
    expect(Testing.synth(stack)).toHaveResourceWithProperties(KubernetesCluster, {
      api_server_access_profile: { authorized_ip_ranges: ['203.0.113.0/24', '${azurerm_public_ip.pip.ip_address}/32'] },
    });
  });

  test('200 ranges are accepted, 201 are refused with the way out', () => {
    expect(AksAuthorizedIpRanges.compute({ cidrs: spread(200) }).count).toBe(200);
    expect(() => AksAuthorizedIpRanges.compute({ cidrs: spread(201) })).toThrow(
      'AKS API server authorized IP ranges: 201 exceeds the limit of 200 (from AksAuthorizedIpRanges). ' +
        'Authorize fewer or wider networks, or enable API Server VNet Integration (up to 2,000 ranges; set apiServerVnetIntegration).',
    );
    expect(AksAuthorizedIpRanges.compute({ cidrs: spread(201), apiServerVnetIntegration: true }).count).toBe(201);
  });

  test('with API Server VNet Integration, 2,000 ranges are accepted and 2,001 refused', () => {
    expect(AksAuthorizedIpRanges.compute({ cidrs: spread(2000), apiServerVnetIntegration: true }).count).toBe(2000);
    expect(() => AksAuthorizedIpRanges.compute({ cidrs: spread(2001), apiServerVnetIntegration: true })).toThrow(
      'AKS API server authorized IP ranges: 2001 exceeds the limit of 2000 (from AksAuthorizedIpRanges). Authorize fewer or wider networks, or use a private cluster.',
    );
  });

  test('ranges are counted after exact aggregation (400 adjacent halves are 3 ranges)', () => {
    const halves = Array.from({ length: 400 }, (_, i) => `10.${Math.floor(i / 2)}.${i % 2 === 0 ? 0 : 128}.0/17`);
    expect(AksAuthorizedIpRanges.compute({ cidrs: halves.map((cidr) => ({ cidr })) }).ranges).toEqual(['10.0.0.0/9', '10.128.0.0/10', '10.192.0.0/13']);
  });

  test('private clusters are refused', () => {
    expect(() => AksAuthorizedIpRanges.compute({ cidrs: [{ cidr: '203.0.113.0/24' }], privateCluster: true })).toThrow(
      'Invalid privateCluster "true" (from AksAuthorizedIpRanges privateCluster). API server authorized IP ranges are not supported for private clusters: ' +
        'their API server has no public endpoint. Reach it from networks peered with the cluster network instead, or make the cluster public.',
    );
  });

  test('an empty result is refused: it would leave the API server open', () => {
    expect(() => AksAuthorizedIpRanges.compute({ requirementSets: [setOf(webSection())] })).toThrow(
      /^Invalid authorized IP ranges "\[\]" \(from AksAuthorizedIpRanges\)\. No range was computed, and an empty list leaves the API server open to every address\./,
    );
  });

  test('a list that covers every address is refused wherever it comes from, with no opt-in', () => {
    expect(() => AksAuthorizedIpRanges.compute({ cidrs: [{ cidr: '0.0.0.0/0' }] })).toThrow(
      'Invalid authorized IP range "0.0.0.0/0" (from AksAuthorizedIpRanges cidrs[0]). 0.0.0.0/0 allows every IPv4 address. There is no opt-in: authorized IP ranges exist',
    );
    // Coverage, not spelling: two halves are every address.
    expect(() => AksAuthorizedIpRanges.compute({ cidrs: [{ cidr: '0.0.0.0/1' }, { cidr: '128.0.0.0/1' }] })).toThrow(
      'Invalid authorized IP range "0.0.0.0/1, 128.0.0.0/1 (together 0.0.0.0/0)" (from AksAuthorizedIpRanges: AksAuthorizedIpRanges cidrs[0], AksAuthorizedIpRanges cidrs[1]). These networks together cover every IPv4 address.',
    );
    // A control-plane row and a user CIDR together.
    const half = section('half').cidrs(['::/1'], Protocol.TCP, [443], 'Half', ingress);
    expect(() => AksAuthorizedIpRanges.compute({ requirementSets: [setOf(half)], cidrs: [{ cidr: '8000::/1' }] })).toThrow(/together ::\/0.*test\/half: ::\/1 \(Half\)/);
    const all = section('all').cidrs(['0.0.0.0/0'], Protocol.TCP, [443], 'Everyone', ingress);
    expect(() => AksAuthorizedIpRanges.compute({ requirementSets: [setOf(all)] })).toThrow('Invalid authorized IP range "0.0.0.0/0" (from test/all: 0.0.0.0/0 (Everyone))');
  });

  test('cidrs take { cidr, purpose } entries: a plain string (the old form) is refused with the fix', () => {
    expect(() => AksAuthorizedIpRanges.compute({ cidrs: ['203.0.113.0/24'] as unknown as UserCidr[] })).toThrow(
      `Invalid cidrs entry "203.0.113.0/24" (from AksAuthorizedIpRanges cidrs[0]). Give { cidr: '203.0.113.0/24', purpose: 'operators' } (e.g. { cidr: "203.0.113.0/24", purpose: '...' }).`,
    );
    expect(() => AksAuthorizedIpRanges.compute({ cidrs: '203.0.113.0/24' as unknown as UserCidr[] })).toThrow(/^Invalid cidrs \(string, expected an array\) "203.0.113.0\/24"/);
  });

  test('only CONTROL_PLANE rows become ranges: node ingress and service rows are skipped', () => {
    const service = section('registry').cidrs(['192.0.2.0/24'], Protocol.HTTPS, [443], 'Reads the registry', { direction: Direction.INGRESS, landing: Landing.SERVICE });
    const ranges = AksAuthorizedIpRanges.compute({ requirementSets: [setOf(service, ingressSection())] });
    expect(ranges.ranges).toEqual(['34.132.193.40/32']);
    expect(ranges.skippedRequirements.map((r) => r.peer.value)).toEqual(['192.0.2.0/24']);
  });

  test('firewall public IPs are host addresses: loopback, multicast and unknown props are refused', () => {
    expect(() => AksAuthorizedIpRanges.compute({ firewallPublicIps: ['127.0.0.1'] })).toThrow(/Invalid firewall public IP "127.0.0.1" \(from AksAuthorizedIpRanges firewallPublicIps\[0\]\)\. 127.0.0.1 is a loopback address/);
    expect(() => AksAuthorizedIpRanges.compute({ firewallPublicIps: '20.50.1.2' as unknown as string[] })).toThrow(/^Invalid firewallPublicIps \(string, expected an array\)/);
    expect(() => AksAuthorizedIpRanges.compute({ firewallPublicIp: ['20.50.1.2'] } as never)).toThrow('Did you mean "firewallPublicIps"?');
    expect(() => AksAuthorizedIpRanges.compute({ firewallPublicIps: ['20.50.1.2'], privateCluster: 'false' as unknown as boolean })).toThrow(/^Invalid privateCluster \(string, expected true or false\) "false"/);
  });

  test('an ingress domain name to the API server is refused: ranges are CIDRs only', () => {
    const named = section('named').row([Peer.fqdn('scanner.example.com')], Protocol.TCP, [443], 'Scanner', ingress);
    expect(() => AksAuthorizedIpRanges.compute({ requirementSets: [setOf(named)] })).toThrow(
      'AKS API server authorized IP ranges cannot express "scanner.example.com": it admits networks (CIDRs) only, not a fqdn (from test/named: Scanner). Give the CIDRs the peer connects from.',
    );
  });

  test('a firewall public IP must be an address, and CIDRs must be valid', () => {
    expect(() => AksAuthorizedIpRanges.compute({ firewallPublicIps: ['20.50.1.0/24'] })).toThrow(
      'Invalid firewall public IP "20.50.1.0/24" (from AksAuthorizedIpRanges firewallPublicIps[0]). It must be one machine\'s address, not a network',
    );
    expect(() => AksAuthorizedIpRanges.compute({ cidrs: [{ cidr: '10.0.0.1/8' }] })).toThrow('Did you mean 10.0.0.0/8?');
  });
});
