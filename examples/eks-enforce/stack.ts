/**
 * EKS with Chainguard Enforce: a cluster whose public API endpoint admits only the Chainguard Enforce CIDR
 * ranges and the administrators' network, a node security group, and an AWS Network Firewall domain allowlist
 * with the Enforce agent's hosts.
 *
 * - Endpoint access: private access on (the nodes reach the API server inside the VPC); public access
 *   restricted to the Enforce ranges (ingress TCP 443 in the profile) plus ADMIN_CIDRS.
 * - Node security group: HTTPS out to any address, an explicit choice here (`allowAnyAddress`) because the
 *   Network Firewall in the egress path filters that traffic by host name (TLS SNI).
 * - Domain allowlist: the Enforce agent's hosts; attach the rule group to your firewall policy.
 *
 *   terraform apply -var vpc_id=... -var 'subnet_ids=["subnet-a","subnet-b"]' -var cluster_role_arn=...
 */
import { EksCluster } from '@cdktf/provider-aws/lib/eks-cluster';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { TerraformOutput, TerraformStack, TerraformVariable } from 'cdktf';
import { Construct } from 'constructs';
import { chainguardEnforceProfile, Direction, PortRange, Protocol, userCidrRequirements } from 'cdktf-firewall-requirements';
import { EksEndpointAccess, NetworkFirewallDomainAllowlist, SecurityGroupRules } from 'cdktf-firewall-requirements/aws';

export const REGION = 'eu-central-1';
/** The administrators' network (a documentation range: replace it with yours). */
export const ADMIN_CIDRS = [{ cidr: '203.0.113.0/24', purpose: 'Administrators (kubectl)' }];

/** The complete stack; `id` names it (the example runner passes the folder name). */
export function createStack(scope: Construct, id: string): TerraformStack {
  const stack = new TerraformStack(scope, id);
  new AwsProvider(stack, 'aws', { region: REGION });

  const vpcId = new TerraformVariable(stack, 'vpc_id', { type: 'string', description: 'VPC of the cluster.' });
  const subnetIds = new TerraformVariable(stack, 'subnet_ids', {
    type: 'list(string)',
    description: 'Subnets of the cluster, in at least two Availability Zones.',
  });
  const roleArn = new TerraformVariable(stack, 'cluster_role_arn', { type: 'string', description: 'IAM role of the EKS control plane.' });

  const enforce = chainguardEnforceProfile();

  // The Enforce CIDR rows are ingress TCP 443 to the API server: they become public access CIDRs.
  const endpoint = EksEndpointAccess.fromRequirements({ requirements: enforce, publicAccessCidrs: ADMIN_CIDRS });

  // The node group: HTTPS out to any address, filtered by host name in the Network Firewall below.
  const nodes = new SecurityGroupRules(stack, 'node-security-group', {
    requirements: userCidrRequirements(
      [{ cidr: '0.0.0.0/0', purpose: 'HTTPS out; the Network Firewall domain allowlist filters it by host name' }],
      { direction: Direction.EGRESS, protocol: Protocol.TCP, ports: [PortRange.single(443)] },
      'eks-enforce node egress',
    ),
    vpcId: vpcId.stringValue,
    groupName: 'enforce-demo-nodes',
    // The named opt-in for 0.0.0.0/0: safe here only because the Network Firewall allowlist narrows it to the
    // Enforce hosts. Without a firewall in the egress path, list the destination CIDRs instead.
    allowAnyAddress: true,
  });

  new EksCluster(stack, 'cluster', {
    name: 'enforce-demo',
    roleArn: roleArn.stringValue,
    vpcConfig: endpoint.toVpcConfig(subnetIds.listValue),
  });

  // The agent's egress by name: the host rows of the profile.
  const allowlist = new NetworkFirewallDomainAllowlist(stack, 'enforce-agent-domains', {
    requirements: enforce.filter((r) => r.peer.isDomain),
    name: 'enforce-agent-domains',
  });

  new TerraformOutput(stack, 'node_security_group_ids', {
    description: 'Security groups to attach to the node groups.',
    value: nodes.securityGroupIds,
  });
  new TerraformOutput(stack, 'domain_allowlist_rule_group_arns', {
    description: 'Stateful rule groups to reference from the Network Firewall policy.',
    value: allowlist.ruleGroups.map((g) => g.arn),
  });
  return stack;
}
