import { ContainerCluster } from '@cdktf/provider-google/lib/container-cluster';
import { TerraformVariable } from 'cdktf';
import 'cdktf/lib/testing/adapters/jest';
import { chainguardEnforceProfile, EnforceMode } from '../../../lib/catalog/chainguard-enforce';
import { Direction, Landing, Peer, PortRange, Protocol, RequirementSet } from '../../../lib/model';
import { GKE_DISPLAY_NAME_MAX_LENGTH, GkeAuthorizedNetworks, GkeAuthorizedNetworksProps } from '../../../lib/targets/google';
import { errorOf, req, source } from '../../model/fixtures';
import { distinctHosts, egressFqdns, ingressCidrs, resourcesOf, synth } from '../helpers';

describe('GkeAuthorizedNetworks', () => {
  test('ingress CIDRs plus user CIDRs become cidr_blocks, sorted, named after their purposes', () => {
    // GIVEN the Enforce CIDRs (ingress TCP 443) and an office range
    const networks = GkeAuthorizedNetworks.fromRequirements({
      requirements: chainguardEnforceProfile({ acknowledgeRetired: true }),
      cidrs: [{ cidr: '203.0.113.0/24', purpose: 'Office' }],
    });
    // THEN
    expect(networks.toConfig()).toEqual({
      gcpPublicCidrsAccessEnabled: false,
      cidrBlocks: [
        { cidrBlock: '34.107.162.32/32', displayName: 'RETIRED 2024-04-10: Chainguard Enforce SaaS to the cluster API endpoint, for cluster and workload...' },
        { cidrBlock: '34.117.0.114/32', displayName: 'RETIRED 2024-04-10: Chainguard Enforce SaaS to the cluster API endpoint, for cluster and workload...' },
        { cidrBlock: '34.132.193.40/32', displayName: 'RETIRED 2024-04-10: Chainguard Enforce SaaS to the cluster API endpoint, for cluster and workload...' },
        { cidrBlock: '35.230.121.20/32', displayName: 'RETIRED 2024-04-10: Chainguard Enforce SaaS to the cluster API endpoint, for cluster and workload...' },
        { cidrBlock: '35.237.242.37/32', displayName: 'RETIRED 2024-04-10: Chainguard Enforce SaaS to the cluster API endpoint, for cluster and workload...' },
        { cidrBlock: '203.0.113.0/24', displayName: 'Office' },
      ],
    });
    expect(networks.limit).toBe(50);
  });

  test('applyTo writes master_authorized_networks_config on the cluster', () => {
    const json = synth((scope) => {
      const cluster = new ContainerCluster(scope, 'Cluster', { name: 'c', location: 'europe-west1', initialNodeCount: 1 });
      GkeAuthorizedNetworks.fromRequirements({ requirementSets: [ingressCidrs(['198.51.100.0/24'])] }).applyTo(cluster);
    });
    expect(resourcesOf(json, 'google_container_cluster')[0].master_authorized_networks_config).toEqual({
      gcp_public_cidrs_access_enabled: false,
      cidr_blocks: [{ cidr_block: '198.51.100.0/24', display_name: 'Reach the API server' }],
    });
  });

  test('aggregation is exact: adjacent networks merge, overlapping ones collapse, nothing is widened', () => {
    const networks = GkeAuthorizedNetworks.fromRequirements({
      requirements: ingressCidrs(['10.0.0.0/25', '10.0.0.128/25', '10.0.1.0/24', '10.0.0.5/32'], 'Runners'),
      cidrs: [{ cidr: '10.0.3.0/24' }],
    });
    expect(networks.networks).toEqual([
      { cidrBlock: '10.0.0.0/23', displayName: 'Runners' },
      { cidrBlock: '10.0.3.0/24', displayName: 'user-supplied network' },
    ]);
  });

  test('a network covering several purposes names them all; names are sanitized and cut', () => {
    const set = ingressCidrs(['10.0.0.0/24'], 'Admins <ops@example.com> "VPN"').merge(
      RequirementSet.of([
        req({ direction: Direction.INGRESS, protocol: Protocol.ANY, ports: [], peer: Peer.cidr('10.0.0.0/24'), purpose: 'x'.repeat(200), source: source('other', 's'), landing: Landing.CONTROL_PLANE }),
      ]),
    );
    const [entry] = GkeAuthorizedNetworks.fromRequirements({ requirementSets: [set] }).networks;
    expect(entry.displayName).toHaveLength(GKE_DISPLAY_NAME_MAX_LENGTH);
    // requirements are in set order (protocol any before tcp), so the long purpose comes first
    expect(entry.displayName).toBe(`${'x'.repeat(GKE_DISPLAY_NAME_MAX_LENGTH - 3)}...`);
    const [short] = GkeAuthorizedNetworks.fromRequirements({ requirementSets: [ingressCidrs(['10.0.0.0/24'], 'Admins <ops@example.com> "VPN"')] }).networks;
    expect(short.displayName).toBe('Admins ops example.com VPN');
  });

  test('egress and ingress to other ports are skipped and reported (the firewall renders them)', () => {
    const nodePorts = req({ direction: Direction.INGRESS, protocol: Protocol.TCP, ports: [PortRange.range(30000, 32767)], peer: Peer.cidr('10.0.0.0/16'), purpose: 'NodePorts' });
    const requirements = egressFqdns(['a.example.com']).merge(ingressCidrs(['192.0.2.0/24']), RequirementSet.of([nodePorts]));
    const networks = GkeAuthorizedNetworks.fromRequirements({ requirements });
    expect(networks.networks.map((n) => n.cidrBlock)).toEqual(['192.0.2.0/24']);
    expect(networks.requirements.map((r) => r.peer.value)).toEqual(['192.0.2.0/24']);
    expect(networks.skippedRequirements.map((r) => r.peer.value)).toEqual(['a.example.com', '10.0.0.0/16']);
  });

  test('a Terraform reference is kept as given, after the literal networks, and counted', () => {
    const json = synth((scope) => {
      const office = new TerraformVariable(scope, 'office_cidr', { type: 'string' });
      const cluster = new ContainerCluster(scope, 'Cluster', { name: 'c', location: 'europe-west1', initialNodeCount: 1 });
      const networks = GkeAuthorizedNetworks.fromRequirements({
        requirements: ingressCidrs(distinctHosts(49)),
        cidrs: [{ cidr: office.stringValue, purpose: 'Office' }],
      });
      expect(networks.networks).toHaveLength(50);
      networks.applyTo(cluster);
      expect(() => GkeAuthorizedNetworks.fromRequirements({ requirementSets: [ingressCidrs(distinctHosts(50))], cidrs: [{ cidr: office.stringValue }] })).toThrow(
        '51 exceeds the limit of 50',
      );
    });
    const blocks = resourcesOf(json, 'google_container_cluster')[0].master_authorized_networks_config.cidr_blocks;
    expect(blocks[49]).toEqual({ cidr_block: '${var.office_cidr}', display_name: 'Office' });
  });

  test('gcp_public_cidrs_access_enabled is off by default and can be turned on', () => {
    expect(GkeAuthorizedNetworks.fromRequirements({}).toConfig()).toEqual({ gcpPublicCidrsAccessEnabled: false });
    expect(GkeAuthorizedNetworks.fromRequirements({ gcpPublicCidrsAccessEnabled: true }).toConfig()).toEqual({ gcpPublicCidrsAccessEnabled: true });
  });

  test('no networks omits cidr_blocks (no external access but the nodes)', () => {
    expect(GkeAuthorizedNetworks.fromRequirements({ requirementSets: [egressFqdns(['a.example.com'])] }).toConfig().cidrBlocks).toBeUndefined();
  });

  test('agentless Enforce: the API endpoint rows become networks; the registry rows are skipped', () => {
    const networks = GkeAuthorizedNetworks.fromRequirements({ requirementSets: [chainguardEnforceProfile({ acknowledgeRetired: true, mode: EnforceMode.AGENTLESS })] });
    expect(networks.networks[0].displayName).toBe('RETIRED 2024-04-10: Chainguard Enforce SaaS to the cluster API endpoint, for cluster and workload...');
    expect(networks.skippedRequirements.map((r) => r.primarySource.section)).toEqual(networks.networks.map(() => 'saas-access'));
  });

  describe('limits', () => {
    test('public cluster: 50 networks pass, 51 fail', () => {
      expect(GkeAuthorizedNetworks.fromRequirements({ requirementSets: [ingressCidrs(distinctHosts(50))] }).networks).toHaveLength(50);
      expect(() => GkeAuthorizedNetworks.fromRequirements({ requirementSets: [ingressCidrs(distinctHosts(51))] })).toThrow(
        'GKE master authorized networks (public cluster): 51 exceeds the limit of 50 (from GkeAuthorizedNetworks). Admit fewer networks (combine them into wider ranges you own), or make the cluster private (100 networks) and set privateCluster.',
      );
    });

    test('private cluster: 100 networks pass, 101 fail', () => {
      const ok = GkeAuthorizedNetworks.fromRequirements({ requirementSets: [ingressCidrs(distinctHosts(100))], privateCluster: true });
      expect(ok.networks).toHaveLength(100);
      expect(ok.limit).toBe(100);
      expect(() => GkeAuthorizedNetworks.fromRequirements({ requirementSets: [ingressCidrs(distinctHosts(101))], privateCluster: true })).toThrow(
        'GKE master authorized networks (private cluster): 101 exceeds the limit of 100',
      );
    });

    test('the limit counts aggregated networks: 51 adjacent halves fit as fewer entries', () => {
      const halves = Array.from({ length: 102 }, (_, i) => `10.1.${i}.0/24`);
      expect(GkeAuthorizedNetworks.fromRequirements({ requirementSets: [ingressCidrs(halves)] }).networks.length).toBeLessThanOrEqual(50);
    });
  });

  describe('rejections', () => {
    test('IPv6 networks', () => {
      const e = errorOf(() => GkeAuthorizedNetworks.fromRequirements({ cidrs: [{ cidr: '2001:db8::/32' }] }));
      expect(e.code).toBe('unsupported-peer');
      expect(e.message).toBe(
        'GKE master authorized networks cannot express "2001:db8::/32": they take IPv4 CIDRs only (the provider validates cidr_block as an IPv4 network) (from user/gkeauthorizednetworks-cidrs). Give the IPv4 ranges the peer connects from.',
      );
    });

    test('an ingress domain name', () => {
      const set = RequirementSet.of([req({ direction: Direction.INGRESS, peer: Peer.fqdn('ci.example.com'), landing: Landing.CONTROL_PLANE })]);
      expect(() => GkeAuthorizedNetworks.fromRequirements({ requirementSets: [set] })).toThrow(
        'GKE master authorized networks cannot express "ci.example.com": it admits networks (CIDRs) only, not a fqdn (from test/core: Pull images). Give the CIDRs the peer connects from.',
      );
    });

    test('an unresolved placeholder', () => {
      const set = RequirementSet.of([req({ direction: Direction.INGRESS, peer: Peer.placeholder('office-ip', 'Set officeIp.'), landing: Landing.CONTROL_PLANE })]);
      expect(() => GkeAuthorizedNetworks.fromRequirements({ requirementSets: [set] })).toThrow('Placeholder <office-ip> is not resolved');
    });

    test('a user CIDR entry that is not { cidr, purpose }', () => {
      expect(() => GkeAuthorizedNetworks.fromRequirements({ cidrs: ['10.0.0.0/8' as unknown as { cidr: string }] })).toThrow(
        'Invalid user CIDR entry "10.0.0.0/8" (from GkeAuthorizedNetworks cidrs[0]). Give { cidr: "203.0.113.0/24", purpose: "office" }.',
      );
    });

    test('an invalid user CIDR names its position', () => {
      expect(() => GkeAuthorizedNetworks.fromRequirements({ cidrs: [{ cidr: '10.0.0.0/24' }, { cidr: '10.0.0.1/24' }] })).toThrow(
        'Invalid CIDR "10.0.0.1/24": host bits are set after the prefix (from GkeAuthorizedNetworks cidrs[1]). Did you mean 10.0.0.0/24?',
      );
    });
  });

  describe('requirement sets, landing and least privilege', () => {
    test('requirementSets merge, and the deprecated requirements prop joins them', () => {
      const networks = GkeAuthorizedNetworks.fromRequirements({ requirementSets: [ingressCidrs(['192.0.2.0/24'])], requirements: ingressCidrs(['198.51.100.0/24']) });
      expect(networks.networks.map((n) => n.cidrBlock)).toEqual(['192.0.2.0/24', '198.51.100.0/24']);
    });

    test('exactly the control-plane rows: a node ingress row to 443 is skipped', () => {
      const nodeRow = req({ direction: Direction.INGRESS, protocol: Protocol.TCP, ports: [PortRange.single(443)], peer: Peer.cidr('10.9.0.0/16'), landing: Landing.NODES });
      const networks = GkeAuthorizedNetworks.fromRequirements({ requirementSets: [RequirementSet.of([nodeRow]), ingressCidrs(['192.0.2.0/24'])] });
      expect(networks.networks.map((n) => n.cidrBlock)).toEqual(['192.0.2.0/24']);
      expect(networks.skippedRequirements.map((r) => r.peer.value)).toEqual(['10.9.0.0/16']);
    });

    test('0.0.0.0/0 is refused with no opt-in, naming the entry and pointing at gcpPublicCidrsAccessEnabled', () => {
      const e = errorOf(() => GkeAuthorizedNetworks.fromRequirements({ cidrs: [{ cidr: '0.0.0.0/0', purpose: 'Everyone' }] }));
      expect(e.code).toBe('any-address');
      expect(e.message).toBe(
        'Invalid authorized network "0.0.0.0/0" (from 0.0.0.0/0 from user/gkeauthorizednetworks-cidrs: Everyone). 0.0.0.0/0 allows every IPv4 address. GKE master authorized networks take the networks that may reach the API server, and there is no opt-in for every address: list your networks. For Google Compute Engine public addresses set gcpPublicCidrsAccessEnabled: true; to leave the endpoint open to everyone, do not configure authorized networks.',
      );
    });

    test('networks that together cover every address are refused too (coverage, not spelling), across rows and cidrs', () => {
      const e = errorOf(() => GkeAuthorizedNetworks.fromRequirements({ requirementSets: [ingressCidrs(['0.0.0.0/1'])], cidrs: [{ cidr: '128.0.0.0/1' }] }));
      expect(e.code).toBe('any-address');
      expect(e.value).toBe('0.0.0.0/1, 128.0.0.0/1 (together 0.0.0.0/0)');
    });

    test('runtime types: a string for cidrs, a string for privateCluster, an unknown prop, a single set', () => {
      const bad = (props: unknown) => () => GkeAuthorizedNetworks.fromRequirements(props as GkeAuthorizedNetworksProps);
      expect(bad({ cidrs: '203.0.113.0/24' })).toThrow('Invalid cidrs (string, expected an array) "203.0.113.0/24" (from GkeAuthorizedNetworks cidrs). Give cidrs as an array, e.g. ["203.0.113.0/24"].');
      expect(bad({ privateCluster: 'true' })).toThrow('Invalid privateCluster (string, expected true or false) "true" (from GkeAuthorizedNetworks privateCluster).');
      expect(bad({ gcpPublicCidrsAccesEnabled: true })).toThrow('Did you mean "gcpPublicCidrsAccessEnabled"?');
      expect(bad({ requirementSets: ingressCidrs(['192.0.2.0/24']) })).toThrow('Wrap the set in an array: requirementSets: [set].');
      expect(bad({ cidrs: [{ cidr: 42 }] })).toThrow('Invalid cidr (number, expected a string) "42" (from GkeAuthorizedNetworks cidrs[0] cidr).');
      expect(bad({ cidrs: [{ cidr: '192.0.2.0/24', purpse: 'x' }] })).toThrow('Unknown property "purpse" (from GkeAuthorizedNetworks cidrs[0]). Did you mean "purpose"?');
    });

    test('applyTo refuses what is not a cluster', () => {
      expect(() => GkeAuthorizedNetworks.fromRequirements({}).applyTo('cluster' as unknown as ContainerCluster)).toThrow('Invalid cluster "cluster" (from GkeAuthorizedNetworks.applyTo).');
    });
  });
});
