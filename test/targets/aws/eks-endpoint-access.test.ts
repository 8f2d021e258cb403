import { EksCluster } from '@cdktf/provider-aws/lib/eks-cluster';
import { Eip } from '@cdktf/provider-aws/lib/eip';
import { chainguardEnforceProfile, EnforceEdition } from '../../../lib/catalog/chainguard-enforce';
import { Direction, Landing, Peer, PortRange, Protocol, RequirementSet } from '../../../lib/model';
import { EksEndpointAccess, EksIpFamily } from '../../../lib/targets/aws';
import { errorOf, req } from '../../model/fixtures';
import { ingressCidrs, resourcesOf, synth } from '../helpers';

const NAT = [{ cidr: '198.51.100.10/32', purpose: 'NAT gateway a' }];

/** `count` (at most 128) distinct, non-adjacent public /32s in the documentation range 192.0.2.0/24. */
function publicHosts(count: number): string[] {
  return Array.from({ length: count }, (_, i) => `192.0.2.${i * 2 + 1}/32`);
}

describe('EksEndpointAccess', () => {
  test('the Enforce CIDRs plus an office range; private access on by default', () => {
    const access = EksEndpointAccess.fromRequirements({
      requirements: chainguardEnforceProfile({ acknowledgeRetired: true, edition: EnforceEdition.EDITION_2023_11_29 }),
      publicAccessCidrs: [{ cidr: '203.0.113.0/24', purpose: 'Office' }],
    });
    expect(access.settings).toEqual({
      endpointPrivateAccess: true,
      endpointPublicAccess: true,
      publicAccessCidrs: ['34.107.162.32/32', '34.117.0.114/32', '34.132.193.40/32', '35.230.121.20/32', '35.237.242.37/32', '203.0.113.0/24'],
    });
  });

  test('toVpcConfig gives a whole vpc_config block', () => {
    const access = EksEndpointAccess.fromRequirements({ requirements: ingressCidrs(['192.0.2.0/24']) });
    const json = synth((scope) => {
      new EksCluster(scope, 'Cluster', { name: 'c', roleArn: 'arn:aws:iam::123456789012:role/eks', vpcConfig: access.toVpcConfig(['subnet-a', 'subnet-b'], ['sg-1']) });
    });
    expect(resourcesOf(json, 'aws_eks_cluster')[0].vpc_config).toEqual({
      subnet_ids: ['subnet-a', 'subnet-b'],
      security_group_ids: ['sg-1'],
      endpoint_private_access: true,
      endpoint_public_access: true,
      public_access_cidrs: ['192.0.2.0/24'],
    });
  });

  test('applyTo sets the endpoint settings and keeps the subnets', () => {
    const json = synth((scope) => {
      const cluster = new EksCluster(scope, 'Cluster', {
        name: 'c',
        roleArn: 'arn:aws:iam::123456789012:role/eks',
        vpcConfig: { subnetIds: ['subnet-a', 'subnet-b'], publicAccessCidrs: ['0.0.0.0/0'] },
      });
      EksEndpointAccess.fromRequirements({ requirements: ingressCidrs(['192.0.2.0/24']), endpointPrivateAccess: false, nodeEgressCidrs: NAT }).applyTo(cluster);
    });
    expect(resourcesOf(json, 'aws_eks_cluster')[0].vpc_config).toEqual({
      subnet_ids: ['subnet-a', 'subnet-b'],
      endpoint_private_access: false,
      endpoint_public_access: true,
      public_access_cidrs: ['192.0.2.0/24', '198.51.100.10/32'],
    });
  });

  test('a private-only endpoint: no CIDRs, public access off', () => {
    const access = EksEndpointAccess.fromRequirements({ endpointPublicAccess: false });
    expect(access.settings).toEqual({ endpointPrivateAccess: true, endpointPublicAccess: false, publicAccessCidrs: [] });
    expect(access.toVpcConfig(['s1'])).toEqual({ subnetIds: ['s1'], endpointPrivateAccess: true, endpointPublicAccess: false });
    const json = synth((scope) => {
      const cluster = new EksCluster(scope, 'Cluster', { name: 'c', roleArn: 'r', vpcConfig: { subnetIds: ['s1'], publicAccessCidrs: ['0.0.0.0/0'] } });
      access.applyTo(cluster);
    });
    expect(resourcesOf(json, 'aws_eks_cluster')[0].vpc_config).toEqual({ subnet_ids: ['s1'], endpoint_private_access: true, endpoint_public_access: false });
  });

  test('aggregation is exact and egress requirements are ignored', () => {
    const requirements = ingressCidrs(['198.51.100.0/25', '198.51.100.128/25', '198.51.100.64/26']).merge(
      RequirementSet.of([req({ peer: Peer.fqdn('registry.example.com') })]),
    );
    expect(EksEndpointAccess.fromRequirements({ requirements, publicAccessCidrs: [{ cidr: '198.51.101.0/24' }] }).publicAccessCidrs).toEqual(['198.51.100.0/23']);
  });

  test('private access off is fine with the nodes\' NAT addresses, or with an explicit 0.0.0.0/0', () => {
    expect(EksEndpointAccess.fromRequirements({ requirements: ingressCidrs(['192.0.2.0/24']), endpointPrivateAccess: false, nodeEgressCidrs: NAT }).publicAccessCidrs).toEqual([
      '192.0.2.0/24',
      '198.51.100.10/32',
    ]);
    expect(EksEndpointAccess.fromRequirements({ cidrs: [{ cidr: '0.0.0.0/0', purpose: 'everyone' }], allowAnyAddress: true, endpointPrivateAccess: false }).publicAccessCidrs).toEqual([
      '0.0.0.0/0',
    ]);
  });

  test('requirements that do not reach the API server are skipped and reported', () => {
    const dns = req({ direction: Direction.INGRESS, protocol: Protocol.UDP, ports: [PortRange.single(53)], peer: Peer.cidr('10.0.0.0/8'), purpose: 'DNS' });
    const access = EksEndpointAccess.fromRequirements({ requirements: chainguardEnforceProfile({ acknowledgeRetired: true }).merge(RequirementSet.of([dns])) });
    expect(access.requirements.map((r) => r.peer.value)).toEqual(['34.107.162.32/32', '34.117.0.114/32', '34.132.193.40/32', '35.230.121.20/32', '35.237.242.37/32']);
    expect(access.skippedRequirements).toHaveLength(25);
    expect(access.skippedRequirements.map((r) => r.peer.value)).toContain('10.0.0.0/8');
  });

  test('Terraform references (a NAT gateway address) are kept as given and counted', () => {
    const json = synth((scope) => {
      const eip = new Eip(scope, 'Nat', { domain: 'vpc' });
      const access = EksEndpointAccess.fromRequirements({
        requirements: ingressCidrs(publicHosts(39)),
        endpointPrivateAccess: false,
        nodeEgressCidrs: [{ cidr: `${eip.publicIp}/32`, purpose: 'NAT gateway' }],
      });
      expect(access.publicAccessCidrs).toHaveLength(40);
      new EksCluster(scope, 'Cluster', { name: 'c', roleArn: 'r', vpcConfig: access.toVpcConfig(['s1']) });
      expect(() =>
        EksEndpointAccess.fromRequirements({ requirements: ingressCidrs(publicHosts(40)), nodeEgressCidrs: [{ cidr: `${eip.publicIp}/32` }] }),
      ).toThrow('EKS public access CIDRs: 41 exceeds the limit of 40');
    });
    const cidrs = resourcesOf(json, 'aws_eks_cluster')[0].vpc_config.public_access_cidrs;
    expect(cidrs[39]).toBe('${aws_eip.Nat.public_ip}/32');
  });

  test('everyone, by coverage, is the named opt-in allowAnyAddress: refused without it, allowed with it although it overlaps the reserved ranges', () => {
    expect(EksEndpointAccess.fromRequirements({ cidrs: [{ cidr: '0.0.0.0/0' }], allowAnyAddress: true }).publicAccessCidrs).toEqual(['0.0.0.0/0']);
    expect(EksEndpointAccess.fromRequirements({ cidrs: [{ cidr: '::/0' }, { cidr: '0.0.0.0/0' }], ipFamily: EksIpFamily.IPV6, allowAnyAddress: true }).publicAccessCidrs).toEqual([
      '0.0.0.0/0',
      '::/0',
    ]);
    // Two halves are every address too, however spelt.
    expect(EksEndpointAccess.fromRequirements({ cidrs: [{ cidr: '0.0.0.0/1' }, { cidr: '128.0.0.0/1' }], allowAnyAddress: true }).publicAccessCidrs).toEqual(['0.0.0.0/0']);
    const e = errorOf(() => EksEndpointAccess.fromRequirements({ cidrs: [{ cidr: '0.0.0.0/1' }], publicAccessCidrs: [{ cidr: '128.0.0.0/1' }] }));
    expect(e.code).toBe('any-address');
    expect(e.message).toBe(
      'Invalid public access CIDRs "0.0.0.0/1, 128.0.0.0/1 (together 0.0.0.0/0)" (from EksEndpointAccess: EksEndpointAccess cidrs[0], EksEndpointAccess publicAccessCidrs[0]). These networks together cover every IPv4 address. That opens the public endpoint to everyone: give the networks that need it, or opt in with allowAnyAddress: true.',
    );
    expect(() => EksEndpointAccess.fromRequirements({ cidrs: [{ cidr: '0.0.0.0/0' }] })).toThrow(
      'Invalid public access CIDRs "0.0.0.0/0" (from EksEndpointAccess cidrs[0]). 0.0.0.0/0 allows every IPv4 address.',
    );
  });

  test('cidrs and the deprecated publicAccessCidrs merge; requirementSets and the deprecated requirements merge', () => {
    const access = EksEndpointAccess.fromRequirements({
      requirementSets: [ingressCidrs(['192.0.2.0/24'])],
      requirements: ingressCidrs(['198.51.100.0/24']),
      cidrs: [{ cidr: '203.0.113.0/25' }],
      publicAccessCidrs: [{ cidr: '203.0.113.128/25' }],
    });
    expect(access.publicAccessCidrs).toEqual(['192.0.2.0/24', '198.51.100.0/24', '203.0.113.0/24']);
  });

  test('exactly the CONTROL_PLANE rows: an ingress 443 row that lands on the nodes is skipped', () => {
    const onNodes = req({ direction: Direction.INGRESS, protocol: Protocol.TCP, peer: Peer.cidr('192.0.2.0/24'), purpose: 'Load balancer' });
    const access = EksEndpointAccess.fromRequirements({ requirementSets: [RequirementSet.of([onNodes])], cidrs: [{ cidr: '203.0.113.0/24' }] });
    expect(access.requirements).toEqual([]);
    expect(access.skippedRequirements).toEqual([onNodes]);
  });

  test('runtime checks of every prop', () => {
    const err = (props: object) => errorOf(() => EksEndpointAccess.fromRequirements(props as never));
    expect(err({ cidrs: [{ cidr: '203.0.113.0/24' }], endpointPublicAccess: 'false' }).message).toBe(
      'Invalid endpointPublicAccess (string, expected true or false) "false" (from EksEndpointAccess endpointPublicAccess). Give endpointPublicAccess: true or endpointPublicAccess: false (a boolean, not a string or number).',
    );
    expect(err({ cidrs: [{ cidr: '203.0.113.0/24' }], ipFamily: 'IPV4' }).message).toBe(
      'Unknown ipFamily "IPV4" (from EksEndpointAccess ipFamily). Did you mean "ipv4"? Valid values: ipv4, ipv6.',
    );
    expect(err({ cidrs: '203.0.113.0/24' }).message).toContain('Invalid cidrs (string, expected an array) "203.0.113.0/24" (from EksEndpointAccess cidrs)');
    expect(err({ cidrs: ['203.0.113.0/24'] }).message).toContain('(from EksEndpointAccess cidrs[0]). Give { cidr: "203.0.113.0/24", purpose: \'what the network is\' }.');
    expect(err({ cidrs: [{ cidr: 203 }] }).message).toContain('Invalid cidr (number, expected a string) "203" (from EksEndpointAccess cidrs[0] cidr)');
    expect(err({ cidrs: [{ cidr: '203.0.113.0/24', purpos: 'x' }] }).message).toContain('Unknown property "purpos" (from EksEndpointAccess cidrs[0]). Did you mean "purpose"?');
    expect(err({ publicAccesCidrs: [] }).message).toContain('Unknown property "publicAccesCidrs" (from EksEndpointAccess). Did you mean "publicAccessCidrs"?');
    expect(err({ cidrs: [{ cidr: '203.0.113.0/24' }], allowAnyAddress: 1 }).code).toBe('invalid-type');
    expect(err({ requirementSets: chainguardEnforceProfile({ acknowledgeRetired: true }) }).message).toContain('Wrap the set in an array: requirementSets: [set].');
    expect(err(undefined as never).message).toContain('Invalid props "undefined" (from EksEndpointAccess)');
  });

  test('toVpcConfig and applyTo check their arguments', () => {
    const access = EksEndpointAccess.fromRequirements({ cidrs: [{ cidr: '203.0.113.0/24' }] });
    expect(() => access.toVpcConfig('subnet-a' as unknown as string[])).toThrow('Invalid subnetIds (string, expected an array) "subnet-a" (from EksEndpointAccess.toVpcConfig subnetIds)');
    expect(() => access.toVpcConfig([])).toThrow('Give at least one entry in subnetIds.');
    expect(() => access.applyTo({} as EksCluster)).toThrow('Invalid cluster "{}" (from EksEndpointAccess.applyTo). Give the EksCluster construct whose vpc_config to set.');
  });

  test('public ranges next to the reserved ones pass', () => {
    const edges = ['9.255.255.255/32', '11.0.0.0/8', '100.63.255.255/32', '100.128.0.0/9', '172.15.255.255/32', '172.32.0.0/11', '192.167.255.255/32', '192.169.0.0/16', '223.255.255.255/32'];
    expect(EksEndpointAccess.fromRequirements({ publicAccessCidrs: edges.map((cidr) => ({ cidr })) }).publicAccessCidrs).toEqual(edges);
    const v6 = ['2001:db8::/32', '2600::/12', 'fbff:ffff::/32', 'fec0::/10'];
    expect(EksEndpointAccess.fromRequirements({ publicAccessCidrs: v6.map((cidr) => ({ cidr })), ipFamily: EksIpFamily.IPV6 }).publicAccessCidrs).toEqual(v6);
  });

  test('IPv6 CIDRs on an IPv6 cluster', () => {
    const access = EksEndpointAccess.fromRequirements({ publicAccessCidrs: [{ cidr: '2001:db8::/48' }, { cidr: '192.0.2.0/24' }], ipFamily: EksIpFamily.IPV6 });
    expect(access.publicAccessCidrs).toEqual(['192.0.2.0/24', '2001:db8::/48']);
  });

  describe('limit of 40 public access CIDRs', () => {
    test('40 pass', () => {
      expect(EksEndpointAccess.fromRequirements({ requirements: ingressCidrs(publicHosts(40)) }).publicAccessCidrs).toHaveLength(40);
    });

    test('41 fail with the count, the limit and the way out', () => {
      expect(() => EksEndpointAccess.fromRequirements({ requirements: ingressCidrs(publicHosts(39)), publicAccessCidrs: [{ cidr: '203.0.113.0/24' }], nodeEgressCidrs: NAT })).toThrow(
        'EKS public access CIDRs: 41 exceeds the limit of 40 (from EksEndpointAccess). The quota is not adjustable: admit fewer networks (combine them into wider ranges you own), or reach the API server through the private endpoint (VPN, bastion) and drop the public CIDRs.',
      );
    });
  });

  describe('rejections', () => {
    test('restricting the public endpoint with private access off and no node egress CIDRs', () => {
      expect(() => EksEndpointAccess.fromRequirements({ requirements: ingressCidrs(['192.0.2.0/24']), endpointPrivateAccess: false })).toThrow(
        'Invalid endpointPrivateAccess "false" (from EksEndpointAccess). With private access off, the nodes reach the API server through the restricted public endpoint: give their egress (NAT gateway) addresses in nodeEgressCidrs, or enable private access.',
      );
    });

    test('an empty list would leave the public endpoint open to 0.0.0.0/0', () => {
      expect(() => EksEndpointAccess.fromRequirements({})).toThrow(
        "Invalid cidrs \"[]\" (from EksEndpointAccess). An empty list leaves the public endpoint open to 0.0.0.0/0 (the EKS default). Give the CIDRs to admit, set endpointPublicAccess to false, or admit everyone explicitly: cidrs: [{ cidr: '0.0.0.0/0' }] with allowAnyAddress: true.",
      );
    });

    test('both endpoints off', () => {
      expect(() => EksEndpointAccess.fromRequirements({ endpointPublicAccess: false, endpointPrivateAccess: false })).toThrow(
        'Invalid endpoint settings "endpointPublicAccess=false, endpointPrivateAccess=false" (from EksEndpointAccess). Nothing could reach the API server: enable the private endpoint, the public one, or both.',
      );
    });

    test('required networks with the public endpoint off', () => {
      expect(() => EksEndpointAccess.fromRequirements({ requirements: chainguardEnforceProfile({ acknowledgeRetired: true }), endpointPublicAccess: false })).toThrow(
        'Invalid endpointPublicAccess "false" (from EksEndpointAccess (5 required networks, e.g. 34.107.162.32/32 from chainguard-enforce/cidr-ranges)). These peers reach the API server from outside the VPC: enable the public endpoint, or drop the requirements that need it.',
      );
    });

    test('node egress CIDRs with the public endpoint off', () => {
      expect(() => EksEndpointAccess.fromRequirements({ nodeEgressCidrs: NAT, endpointPublicAccess: false })).toThrow(
        'Invalid endpointPublicAccess "false" (from EksEndpointAccess nodeEgressCidrs).',
      );
    });

    test('user CIDRs with the public endpoint off', () => {
      expect(() => EksEndpointAccess.fromRequirements({ publicAccessCidrs: [{ cidr: '203.0.113.0/24' }], endpointPublicAccess: false })).toThrow(
        'Invalid endpointPublicAccess "false" (from EksEndpointAccess publicAccessCidrs). CIDRs only apply to the public endpoint: enable it, or leave cidrs and nodeEgressCidrs empty.',
      );
    });

    test('IPv6 on an IPv4 cluster', () => {
      const e = errorOf(() => EksEndpointAccess.fromRequirements({ publicAccessCidrs: [{ cidr: '2001:db8::/48' }] }));
      expect(e.code).toBe('unsupported-peer');
      expect(e.message).toBe(
        'EKS public access CIDRs of an IPv4 cluster cannot express "2001:db8::/48": IPv6 CIDRs cannot be added to an IPv4 cluster (from user/eksendpointaccess-publicaccesscidrs). Give the IPv4 ranges the peer connects from, or set ipFamily to EksIpFamily.IPV6 for an IPv6 cluster.',
      );
    });

    test('an ingress domain name', () => {
      const set = RequirementSet.of([req({ direction: Direction.INGRESS, peer: Peer.fqdn('ci.example.com'), landing: Landing.CONTROL_PLANE })]);
      expect(() => EksEndpointAccess.fromRequirements({ requirements: set })).toThrow(
        'EKS public access CIDRs cannot express "ci.example.com": it admits networks (CIDRs) only, not a fqdn (from test/core: Pull images). Give the CIDRs the peer connects from.',
      );
    });

    describe('non-public ranges (EKS refuses reserved addresses; they never reach a public endpoint)', () => {
      const HINT =
        "Use the public egress address, e.g. the NAT gateway's Elastic IP; clients inside the VPC (or connected to it) reach the API server through the private endpoint.";
      const message = (value: string, range: string, name: string, origin: string) =>
        `EKS public access CIDRs cannot express "${value}": it overlaps ${range} (${name}): EKS refuses reserved addresses, and such addresses never reach a public endpoint (from ${origin}). ${HINT}`;

      test.each([
        ['10.0.0.0/16', '10.0.0.0/8', 'private, RFC 1918', EksIpFamily.IPV4],
        ['172.20.0.0/16', '172.16.0.0/12', 'private, RFC 1918', EksIpFamily.IPV4],
        ['192.168.1.10/32', '192.168.0.0/16', 'private, RFC 1918', EksIpFamily.IPV4],
        ['100.64.1.0/24', '100.64.0.0/10', 'shared carrier-grade NAT space, RFC 6598', EksIpFamily.IPV4],
        ['127.0.0.1/32', '127.0.0.0/8', 'loopback, RFC 1122', EksIpFamily.IPV4],
        ['169.254.169.254/32', '169.254.0.0/16', 'link-local, RFC 3927', EksIpFamily.IPV4],
        ['0.0.0.0/32', '0.0.0.0/8', '"this network", RFC 1122', EksIpFamily.IPV4],
        ['224.0.0.251/32', '224.0.0.0/4', 'multicast, RFC 5771', EksIpFamily.IPV4],
        ['255.255.255.255/32', '240.0.0.0/4', 'reserved and broadcast, RFC 1112', EksIpFamily.IPV4],
        ['::/128', '::/128', 'unspecified address, RFC 4291', EksIpFamily.IPV6],
        ['::1/128', '::1/128', 'loopback, RFC 4291', EksIpFamily.IPV6],
        ['fd12:3456::/32', 'fc00::/7', 'unique local, RFC 4193', EksIpFamily.IPV6],
        ['fe80::1/128', 'fe80::/10', 'link-local, RFC 4291', EksIpFamily.IPV6],
        ['ff02::1/128', 'ff00::/8', 'multicast, RFC 4291', EksIpFamily.IPV6],
      ])('%s in publicAccessCidrs (inside %s)', (value, range, name, ipFamily) => {
        const e = errorOf(() => EksEndpointAccess.fromRequirements({ publicAccessCidrs: [{ cidr: '203.0.113.0/24' }, { cidr: value }], ipFamily }));
        expect(e.code).toBe('unsupported-peer');
        expect(e.value).toBe(value);
        expect(e.message).toBe(message(value, range, name, 'EksEndpointAccess publicAccessCidrs[1]'));
      });

      test('a wider range that contains a reserved one', () => {
        expect(() => EksEndpointAccess.fromRequirements({ publicAccessCidrs: [{ cidr: '8.0.0.0/6' }] })).toThrow(
          message('8.0.0.0/6', '10.0.0.0/8', 'private, RFC 1918', 'EksEndpointAccess publicAccessCidrs[0]'),
        );
        expect(() => EksEndpointAccess.fromRequirements({ publicAccessCidrs: [{ cidr: '0.0.0.0/1' }] })).toThrow(
          message('0.0.0.0/1', '0.0.0.0/8', '"this network", RFC 1122', 'EksEndpointAccess publicAccessCidrs[0]'),
        );
        expect(() => EksEndpointAccess.fromRequirements({ publicAccessCidrs: [{ cidr: 'f000::/4' }], ipFamily: EksIpFamily.IPV6 })).toThrow(
          message('f000::/4', 'fc00::/7', 'unique local, RFC 4193', 'EksEndpointAccess publicAccessCidrs[0]'),
        );
      });

      test('a node egress address that is the subnet, not the NAT gateway', () => {
        expect(() => EksEndpointAccess.fromRequirements({ publicAccessCidrs: [{ cidr: '203.0.113.0/24' }], endpointPrivateAccess: false, nodeEgressCidrs: [...NAT, { cidr: '10.0.1.0/24' }] })).toThrow(
          message('10.0.1.0/24', '10.0.0.0/8', 'private, RFC 1918', 'EksEndpointAccess nodeEgressCidrs[1]'),
        );
      });

      test('an ingress requirement from a private range', () => {
        expect(() => EksEndpointAccess.fromRequirements({ requirements: ingressCidrs(['198.51.100.0/24', '172.31.0.0/16'], 'VPC clients') })).toThrow(
          message('172.31.0.0/16', '172.16.0.0/12', 'private, RFC 1918', 'test/core: VPC clients'),
        );
      });
    });

    test('an invalid user CIDR', () => {
      expect(() => EksEndpointAccess.fromRequirements({ nodeEgressCidrs: [{ cidr: 'nat-gateway' }] })).toThrow(
        'Invalid CIDR "nat-gateway": "nat-gateway" is not a dotted-decimal IPv4 address (from EksEndpointAccess nodeEgressCidrs[0]).',
      );
    });
  });
});
