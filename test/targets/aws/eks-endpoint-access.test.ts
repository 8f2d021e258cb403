import { EksCluster } from '@cdktf/provider-aws/lib/eks-cluster';
import { Eip } from '@cdktf/provider-aws/lib/eip';
import { chainguardEnforceProfile, EnforceEdition } from '../../../lib/catalog/chainguard-enforce';
import { Direction, Peer, PortRange, Protocol, RequirementSet } from '../../../lib/model';
import { EksEndpointAccess, EksIpFamily } from '../../../lib/targets/aws';
import { errorOf, req } from '../../model/fixtures';
import { distinctHosts, ingressCidrs, resourcesOf, synth } from '../helpers';

const NAT = [{ cidr: '198.51.100.10/32', purpose: 'NAT gateway a' }];

describe('EksEndpointAccess', () => {
  test('the Enforce CIDRs plus an office range; private access on by default', () => {
    const access = EksEndpointAccess.fromRequirements({
      requirements: chainguardEnforceProfile({ edition: EnforceEdition.EDITION_2023_11_29 }),
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
    const requirements = ingressCidrs(['10.0.0.0/25', '10.0.0.128/25', '10.0.0.64/26']).merge(
      RequirementSet.of([req({ peer: Peer.fqdn('registry.example.com') })]),
    );
    expect(EksEndpointAccess.fromRequirements({ requirements, publicAccessCidrs: [{ cidr: '10.0.1.0/24' }] }).publicAccessCidrs).toEqual(['10.0.0.0/23']);
  });

  test('private access off is fine with the nodes\' NAT addresses, or with an explicit 0.0.0.0/0', () => {
    expect(EksEndpointAccess.fromRequirements({ requirements: ingressCidrs(['192.0.2.0/24']), endpointPrivateAccess: false, nodeEgressCidrs: NAT }).publicAccessCidrs).toEqual([
      '192.0.2.0/24',
      '198.51.100.10/32',
    ]);
    expect(EksEndpointAccess.fromRequirements({ publicAccessCidrs: [{ cidr: '0.0.0.0/0', purpose: 'everyone' }], endpointPrivateAccess: false }).publicAccessCidrs).toEqual([
      '0.0.0.0/0',
    ]);
  });

  test('requirements that do not reach the API server are skipped and reported', () => {
    const dns = req({ direction: Direction.INGRESS, protocol: Protocol.UDP, ports: [PortRange.single(53)], peer: Peer.cidr('10.0.0.0/8'), purpose: 'DNS' });
    const access = EksEndpointAccess.fromRequirements({ requirements: chainguardEnforceProfile().merge(RequirementSet.of([dns])) });
    expect(access.requirements.map((r) => r.peer.value)).toEqual(['34.132.193.40/32', '35.230.121.20/32', '35.237.242.37/32']);
    expect(access.skippedRequirements).toHaveLength(24);
    expect(access.skippedRequirements.map((r) => r.peer.value)).toContain('10.0.0.0/8');
  });

  test('Terraform references (a NAT gateway address) are kept as given and counted', () => {
    const json = synth((scope) => {
      const eip = new Eip(scope, 'Nat', { domain: 'vpc' });
      const access = EksEndpointAccess.fromRequirements({
        requirements: ingressCidrs(distinctHosts(39)),
        endpointPrivateAccess: false,
        nodeEgressCidrs: [{ cidr: `${eip.publicIp}/32`, purpose: 'NAT gateway' }],
      });
      expect(access.publicAccessCidrs).toHaveLength(40);
      new EksCluster(scope, 'Cluster', { name: 'c', roleArn: 'r', vpcConfig: access.toVpcConfig(['s1']) });
      expect(() =>
        EksEndpointAccess.fromRequirements({ requirements: ingressCidrs(distinctHosts(40)), nodeEgressCidrs: [{ cidr: `${eip.publicIp}/32` }] }),
      ).toThrow('EKS public access CIDRs: 41 exceeds the limit of 40');
    });
    const cidrs = resourcesOf(json, 'aws_eks_cluster')[0].vpc_config.public_access_cidrs;
    expect(cidrs[39]).toBe('${aws_eip.Nat.public_ip}/32');
  });

  test('IPv6 CIDRs on an IPv6 cluster', () => {
    const access = EksEndpointAccess.fromRequirements({ publicAccessCidrs: [{ cidr: '2001:db8::/48' }, { cidr: '192.0.2.0/24' }], ipFamily: EksIpFamily.IPV6 });
    expect(access.publicAccessCidrs).toEqual(['192.0.2.0/24', '2001:db8::/48']);
  });

  describe('limit of 40 public access CIDRs', () => {
    test('40 pass', () => {
      expect(EksEndpointAccess.fromRequirements({ requirements: ingressCidrs(distinctHosts(40)) }).publicAccessCidrs).toHaveLength(40);
    });

    test('41 fail with the count, the limit and the way out', () => {
      expect(() => EksEndpointAccess.fromRequirements({ requirements: ingressCidrs(distinctHosts(39)), publicAccessCidrs: [{ cidr: '203.0.113.0/24' }], nodeEgressCidrs: NAT })).toThrow(
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
        'Invalid publicAccessCidrs "[]" (from EksEndpointAccess). An empty list leaves the public endpoint open to 0.0.0.0/0 (the EKS default). Give the CIDRs to admit, set endpointPublicAccess to false, or pass 0.0.0.0/0 explicitly.',
      );
    });

    test('both endpoints off', () => {
      expect(() => EksEndpointAccess.fromRequirements({ endpointPublicAccess: false, endpointPrivateAccess: false })).toThrow(
        'Invalid endpoint settings "endpointPublicAccess=false, endpointPrivateAccess=false" (from EksEndpointAccess). Nothing could reach the API server: enable the private endpoint, the public one, or both.',
      );
    });

    test('required networks with the public endpoint off', () => {
      expect(() => EksEndpointAccess.fromRequirements({ requirements: chainguardEnforceProfile(), endpointPublicAccess: false })).toThrow(
        'Invalid endpointPublicAccess "false" (from EksEndpointAccess (3 required networks, e.g. 34.132.193.40/32 from chainguard-enforce/cidr-ranges)). These peers reach the API server from outside the VPC: enable the public endpoint, or drop the requirements that need it.',
      );
    });

    test('node egress CIDRs with the public endpoint off', () => {
      expect(() => EksEndpointAccess.fromRequirements({ nodeEgressCidrs: NAT, endpointPublicAccess: false })).toThrow(
        'Invalid endpointPublicAccess "false" (from EksEndpointAccess nodeEgressCidrs).',
      );
    });

    test('user CIDRs with the public endpoint off', () => {
      expect(() => EksEndpointAccess.fromRequirements({ publicAccessCidrs: [{ cidr: '203.0.113.0/24' }], endpointPublicAccess: false })).toThrow(
        'Invalid endpointPublicAccess "false" (from EksEndpointAccess publicAccessCidrs). CIDRs only apply to the public endpoint: enable it, or leave publicAccessCidrs and nodeEgressCidrs empty.',
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
      const set = RequirementSet.of([req({ direction: Direction.INGRESS, peer: Peer.fqdn('ci.example.com') })]);
      expect(() => EksEndpointAccess.fromRequirements({ requirements: set })).toThrow(
        'EKS public access CIDRs cannot express "ci.example.com": it admits networks (CIDRs) only, not a fqdn (from test/core: Pull images). Give the CIDRs the peer connects from.',
      );
    });

    test('an invalid user CIDR', () => {
      expect(() => EksEndpointAccess.fromRequirements({ nodeEgressCidrs: [{ cidr: 'nat-gateway' }] })).toThrow(
        'Invalid CIDR "nat-gateway": "nat-gateway" is not a dotted-decimal IPv4 address (from EksEndpointAccess nodeEgressCidrs[0]).',
      );
    });
  });
});
