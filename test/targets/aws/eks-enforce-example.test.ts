import { Testing } from 'cdktf';
import { createStack } from '../../../examples/eks-enforce/stack';
import { chainguardEnforceProfile } from '../../../lib/catalog/chainguard-enforce';
import { resourcesOf } from '../helpers';

describe('example eks-enforce', () => {
  const json = JSON.parse(Testing.synth(createStack(Testing.app(), 'eks-enforce')));

  test('the public endpoint admits the Enforce CIDRs and the administrators; private access is on', () => {
    expect(resourcesOf(json, 'aws_eks_cluster')[0].vpc_config).toEqual({
      subnet_ids: '${var.subnet_ids}',
      endpoint_private_access: true,
      endpoint_public_access: true,
      public_access_cidrs: ['34.107.162.32/32', '34.117.0.114/32', '34.132.193.40/32', '35.230.121.20/32', '35.237.242.37/32', '203.0.113.0/24'],
    });
  });

  test('the node group allows HTTPS out', () => {
    expect(resourcesOf(json, 'aws_security_group')).toEqual([
      { name: 'enforce-demo-nodes', description: 'Kubernetes firewall requirements', vpc_id: '${var.vpc_id}' },
    ]);
    const [rule] = resourcesOf(json, 'aws_vpc_security_group_egress_rule');
    expect(rule).toMatchObject({ ip_protocol: 'tcp', from_port: 443, to_port: 443, cidr_ipv4: '0.0.0.0/0' });
  });

  test('the Enforce agent hosts are in a TLS SNI allowlist', () => {
    const hosts = chainguardEnforceProfile()
      .requirements.filter((r) => r.peer.isDomain)
      .map((r) => r.peer.value)
      .sort();
    const [group] = resourcesOf(json, 'aws_networkfirewall_rule_group');
    expect(group).toMatchObject({ name: 'enforce-agent-domains-tls', type: 'STATEFUL', capacity: 100 });
    expect(group.rule_group.rules_source.rules_source_list).toEqual({ generated_rules_type: 'ALLOWLIST', target_types: ['TLS_SNI'], targets: hosts });
  });
});
