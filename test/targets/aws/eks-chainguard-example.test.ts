import { Testing } from 'cdktf';
import { createStack, NODE_SUBNET_CIDRS } from '../../../examples/eks-chainguard/stack';
import { CHAINGUARD_BLOB_HOST } from '../../../lib/catalog/chainguard-containers';
import { chainguardEnforceProfile } from '../../../lib/catalog/chainguard-enforce';
import { resourcesOf } from '../helpers';

const RETIRED_CIDRS = ['34.107.162.32/32', '34.117.0.114/32', '34.132.193.40/32', '35.230.121.20/32', '35.237.242.37/32'];

function synth(enforceAgent: boolean) {
  const stack = createStack(Testing.app(), 'eks-chainguard', { enforceAgent });
  const json = JSON.parse(Testing.synth(stack, true));
  const warnings = stack.node.findAll().flatMap((c) => c.node.metadata.filter((m) => m.type === '@cdktf/warn').map((m) => String(m.data)));
  return { json, warnings };
}

describe('example eks-chainguard', () => {
  const { json, warnings } = synth(false);

  test('the endpoint settings are applied to the cluster: the administrators only; private access on', () => {
    expect(resourcesOf(json, 'aws_eks_cluster')[0].vpc_config).toEqual({
      subnet_ids: '${var.subnet_ids}',
      endpoint_private_access: true,
      endpoint_public_access: true,
      public_access_cidrs: ['203.0.113.0/24'],
    });
    expect(warnings).toEqual([]);
  });

  test('the node group keeps node-to-node, CoreDNS and kubelet traffic and allows HTTPS out', () => {
    expect(resourcesOf(json, 'aws_security_group')).toEqual([{ name: 'chainguard-demo-nodes', description: 'Kubernetes firewall requirements', vpc_id: '${var.vpc_id}' }]);
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

  test('one TLS allowlist with the EKS node hosts and the registry hosts (cgr.dev with its blob host); HOME_NET is the node subnets', () => {
    const [group, ...rest] = resourcesOf(json, 'aws_networkfirewall_rule_group');
    expect(rest).toEqual([]);
    expect(group).toMatchObject({ name: 'chainguard-demo-egress-tls', type: 'STATEFUL' });
    const list = group.rule_group.rules_source.rules_source_list;
    expect(list.target_types).toEqual(['TLS_SNI']);
    expect(list.targets).toEqual(
      expect.arrayContaining(['cgr.dev', CHAINGUARD_BLOB_HOST, 'enforce.dev', 'api.ecr.eu-central-1.amazonaws.com', 'sts.eu-central-1.amazonaws.com']),
    );
    // No host of the retired Enforce agent that the registry page does not list.
    expect(list.targets).not.toContain('policy-distribution.enforce.dev');
    expect(group.rule_group.rule_variables.ip_sets).toEqual([{ key: 'HOME_NET', ip_set: { definition: NODE_SUBNET_CIDRS } }]);
  });

  test('no retired Enforce CIDR anywhere in the synthesized stack', () => {
    const text = JSON.stringify(json);
    for (const cidr of RETIRED_CIDRS) expect(text).not.toContain(cidr.replace('/32', ''));
  });
});

describe('example eks-chainguard for a cluster that still runs the Enforce agent (the explicit choice)', () => {
  const { json, warnings } = synth(true);

  test('the five retired CIDRs become public access CIDRs beside the administrators', () => {
    expect(resourcesOf(json, 'aws_eks_cluster')[0].vpc_config.public_access_cidrs).toEqual([...RETIRED_CIDRS, '203.0.113.0/24']);
  });

  test("the agent's hosts join the allowlist", () => {
    const list = resourcesOf(json, 'aws_networkfirewall_rule_group')[0].rule_group.rules_source.rules_source_list;
    const agentHosts = chainguardEnforceProfile({ acknowledgeRetired: true }).requirements.filter((r) => r.peer.isDomain).map((r) => r.peer.value);
    expect(list.targets).toEqual(expect.arrayContaining(agentHosts));
  });

  test('synth warns on the cluster and on the allowlist that the catalog is retired', () => {
    const warning =
      'catalog chainguard-enforce (Chainguard Enforce for Kubernetes) is retired since 2024-04-10: nobody vouches for its rows today ' +
      '(last evidence: chainguard-dev/edu@3260d4508, 2024-09-10, the remaining references to removed Enforce functionality go). ' +
      'For what the vendor still publishes, use the chainguard-containers profile.';
    // The cluster (EksEndpointAccess.applyTo), the node security group has no Enforce row, the allowlist has.
    expect(warnings).toEqual([warning, warning]);
  });
});
