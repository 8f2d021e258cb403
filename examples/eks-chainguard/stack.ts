/**
 * EKS pulling Chainguard images: a cluster whose public API endpoint admits only the administrators' network, a
 * node security group, and an AWS Network Firewall domain allowlist with the hosts the nodes (EKS node profile) and
 * the pulls from Chainguard's registry need (cgr.dev, its blob storage host, registry authentication).
 *
 * - Endpoint access: private access on (the nodes reach the API server inside the VPC); public access restricted to
 *   the rows that land on the API endpoint (none by default) plus ADMIN_CIDRS, applied to the cluster.
 * - Node security group, attached to the nodes BESIDE the cluster security group (managed node groups get the
 *   cluster security group automatically; with a launch template, list both). Security groups only allow, and an
 *   interface allows the union of its groups: the cluster group keeps its inbound rule from itself (node to node,
 *   CoreDNS, and the control plane to the kubelet on 10250). This group carries the outbound flows the nodes need
 *   once the cluster group's default outbound rule is removed ("Restricting cluster traffic"): TCP 443 and 10250,
 *   TCP and UDP 53 to the cluster security group's subnets, any protocol to the node subnets (node to node, CoreDNS
 *   on other nodes), all from the EKS node catalog, plus HTTPS out to any address, an explicit choice here
 *   (`allowAnyAddress`) because the Network Firewall in the egress path filters it by host name (TLS SNI).
 * - Domain allowlist: the EKS node hosts (ECR API, registries, layer bucket, EKS, EC2, regional STS) and the
 *   Chainguard registry hosts in one TLS group; HOME_NET is the node subnets. Attach the group to your firewall
 *   policy. It drops every other TLS connection from the node subnets.
 * - A cluster that still runs the retired Chainguard Enforce agent: `createStack(scope, id, { enforceAgent: true })`
 *   (or CHAINGUARD_ENFORCE_AGENT=acknowledge-retired when synthesizing) adds the Enforce profile through its explicit
 *   choice, `acknowledgeRetired: true`: the agent's hosts join the allowlist, its five CIDR ranges the public access
 *   CIDRs, and the synth warns that nobody vouches for them today. Without that choice no Enforce row is used.
 *
 *   terraform apply -var vpc_id=... -var 'subnet_ids=["subnet-a","subnet-b"]' -var cluster_role_arn=...
 */
import { EksCluster } from '@cdktf/provider-aws/lib/eks-cluster';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { TerraformOutput, TerraformStack, TerraformVariable } from 'cdktf';
import { Construct } from 'constructs';
import { chainguardContainersProfile, chainguardEnforceProfile, Direction, eksNodesProfile, PortRange, Protocol, RequirementSet, userCidrRequirements } from 'cdktf-firewall-requirements';
import { EksEndpointAccess, NetworkFirewallDomainAllowlist, SecurityGroupRules } from 'cdktf-firewall-requirements/aws';

export const REGION = 'eu-central-1';
/** The administrators' network (a documentation range: replace it with yours). */
export const ADMIN_CIDRS = [{ cidr: '203.0.113.0/24', purpose: 'Administrators (kubectl)' }];
/** The subnets given to the cluster, which hold the cluster security group's interfaces (replace with yours). */
export const CLUSTER_SUBNET_CIDRS = ['10.0.0.0/24', '10.0.1.0/24'];
/** The node subnets (replace with yours): the node-to-node peer and the allowlist's HOME_NET. */
export const NODE_SUBNET_CIDRS = ['10.0.16.0/20', '10.0.32.0/20'];

/** Options of the example. */
export interface EksChainguardExampleOptions {
  /**
   * The cluster still runs the retired Chainguard Enforce agent: add its rows (hosts and the five CIDR ranges),
   * through the profile's explicit choice `acknowledgeRetired: true`.
   * @default - true only when CHAINGUARD_ENFORCE_AGENT=acknowledge-retired
   */
  readonly enforceAgent?: boolean;
}

/** The complete stack; `id` names it (the example runner passes the folder name). */
export function createStack(scope: Construct, id: string, options: EksChainguardExampleOptions = {}): TerraformStack {
  const stack = new TerraformStack(scope, id);
  new AwsProvider(stack, 'aws', { region: REGION });

  const vpcId = new TerraformVariable(stack, 'vpc_id', { type: 'string', description: 'VPC of the cluster.' });
  const subnetIds = new TerraformVariable(stack, 'subnet_ids', {
    type: 'list(string)',
    description: 'Subnets of the cluster, in at least two Availability Zones.',
  });
  const roleArn = new TerraformVariable(stack, 'cluster_role_arn', { type: 'string', description: 'IAM role of the EKS control plane.' });

  // Nodes pulling images from cgr.dev (the profile's default role), with the blob host every layer comes from.
  const registry = chainguardContainersProfile();
  // Only for a cluster that still runs the Enforce agent: the retired catalog, through its explicit choice.
  const enforceAgent = options.enforceAgent ?? process.env.CHAINGUARD_ENFORCE_AGENT === 'acknowledge-retired';
  const agent: RequirementSet[] = enforceAgent ? [chainguardEnforceProfile({ acknowledgeRetired: true })] : [];
  // What the nodes need: regional AWS endpoints by name, and the restricted cluster security group flows.
  const eksNodes = eksNodesProfile({ region: REGION, clusterSecurityGroupCidrs: CLUSTER_SUBNET_CIDRS, nodeSubnetCidrs: NODE_SUBNET_CIDRS });

  // Rows that land on the API endpoint become public access CIDRs (none without the Enforce agent), with the admins.
  const endpoint = EksEndpointAccess.fromRequirements({ requirementSets: [registry, eksNodes, ...agent], cidrs: ADMIN_CIDRS });
  const cluster = new EksCluster(stack, 'cluster', {
    name: 'chainguard-demo',
    roleArn: roleArn.stringValue,
    vpcConfig: { subnetIds: subnetIds.listValue },
  });
  endpoint.applyTo(cluster);

  // The node group: the catalog's CIDR flows, plus HTTPS out filtered by host name in the Network Firewall below.
  const nodes = new SecurityGroupRules(stack, 'node-security-group', {
    requirementSets: [eksNodes.filter((r) => !r.peer.isDomain)],
    vpcId: vpcId.stringValue,
    groupName: 'chainguard-demo-nodes',
    // The named opt-in for 0.0.0.0/0: safe here only because the Network Firewall allowlist narrows it to the
    // listed hosts. Without a firewall in the egress path, list the destination CIDRs instead.
    allowAnyAddress: true,
  });
  nodes.addRequirements(
    userCidrRequirements(
      [{ cidr: '0.0.0.0/0', purpose: 'HTTPS out; the Network Firewall domain allowlist filters it by host name' }],
      { direction: Direction.EGRESS, protocol: Protocol.TCP, ports: [PortRange.single(443)] },
      'eks-chainguard node egress',
    ),
  );

  // The names, for one firewall policy: every set goes to ONE allowlist, which picks the domain rows itself.
  const allowlist = new NetworkFirewallDomainAllowlist(stack, 'egress-domains', {
    requirementSets: [eksNodes, registry, ...agent],
    name: 'chainguard-demo-egress',
    homeNetCidrs: NODE_SUBNET_CIDRS,
  });

  new TerraformOutput(stack, 'node_security_group_ids', {
    description: 'Security groups to attach to the node groups, beside the cluster security group.',
    value: nodes.securityGroupIds,
  });
  new TerraformOutput(stack, 'domain_allowlist_rule_group_arns', {
    description: 'Stateful rule groups to reference from the Network Firewall policy.',
    value: allowlist.ruleGroups.map((g) => g.arn),
  });
  return stack;
}
