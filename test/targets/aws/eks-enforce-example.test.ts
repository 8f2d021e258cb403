import { Testing } from 'cdktf';
import { createStack, NODE_SUBNET_CIDRS } from '../../../examples/eks-enforce/stack';
import { chainguardEnforceProfile } from '../../../lib/catalog/chainguard-enforce';
import { resourcesOf } from '../helpers';

describe('example eks-enforce', () => {
  const json = JSON.parse(Testing.synth(createStack(Testing.app(), 'eks-enforce'), true));

  test('the endpoint settings are applied to the cluster: the Enforce CIDRs and the administrators; private access on', () => {
    expect(resourcesOf(json, 'aws_eks_cluster')[0].vpc_config).toEqual({
      subnet_ids: '${var.subnet_ids}',
      endpoint_private_access: true,
      endpoint_public_access: true,
      public_access_cidrs: ['34.107.162.32/32', '34.117.0.114/32', '34.132.193.40/32', '35.230.121.20/32', '35.237.242.37/32', '203.0.113.0/24'],
    });
  });

  test('the node group keeps node-to-node, CoreDNS and kubelet traffic and allows HTTPS out', () => {
    expect(resourcesOf(json, 'aws_security_group')).toEqual([{ name: 'enforce-demo-nodes', description: 'Kubernetes firewall requirements', vpc_id: '${var.vpc_id}' }]);
    const egress = resourcesOf(json, 'aws_vpc_security_group_egress_rule').map((r) => `${r.ip_protocol} ${r.from_port ?? ''}-${r.to_port ?? ''} ${r.cidr_ipv4}`).sort();
    expect(egress).toEqual([
      '-1 - 10.0.16.0/20',
      '-1 - 10.0.32.0/20',
      'tcp 10250-10250 10.0.0.0/23',
      // 443 to the cluster security group's subnets lies inside HTTPS out to any address: one rule.
      'tcp 443-443 0.0.0.0/0',
      'tcp 53-53 10.0.0.0/23',
      'udp 53-53 10.0.0.0/23',
    ]);
  });

  test('one TLS allowlist with the EKS node hosts and the Enforce agent hosts; HOME_NET is the node subnets', () => {
    const [group, ...rest] = resourcesOf(json, 'aws_networkfirewall_rule_group');
    expect(rest).toEqual([]);
    expect(group).toMatchObject({ name: 'enforce-demo-egress-tls', type: 'STATEFUL', capacity: 100 });
    const list = group.rule_group.rules_source.rules_source_list;
    expect(list.target_types).toEqual(['TLS_SNI']);
    const enforceHosts = chainguardEnforceProfile().requirements.filter((r) => r.peer.isDomain).map((r) => r.peer.value);
    expect(list.targets).toEqual(expect.arrayContaining([...enforceHosts, 'api.ecr.eu-central-1.amazonaws.com', 'prod-eu-central-1-starport-layer-bucket.s3.eu-central-1.amazonaws.com', 'sts.eu-central-1.amazonaws.com']));
    expect(group.rule_group.rule_variables.ip_sets).toEqual([{ key: 'HOME_NET', ip_set: { definition: NODE_SUBNET_CIDRS } }]);
  });
});
