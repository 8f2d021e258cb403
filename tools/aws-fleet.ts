/**
 * A fleet of AWS stacks that together use every option of the AWS constructs, for checks that need real
 * Terraform configurations rather than unit-sized ones (`npm run check:terraform` plans each of them).
 * Written against the constructs' public props only, so it keeps compiling as their internals change.
 *
 * - `aws-fleet-sg-owned`: `SecurityGroupRules` owning its groups (`vpcId` as a variable and as a literal),
 *   spread over several groups by a small `rulesPerGroup`, `maxGroups`, `groupName`, tags, IPv4 and IPv6,
 *   ingress and egress, tcp (single ports and ranges), udp, icmp / icmpv6 and all protocols.
 * - `aws-fleet-sg-existing`: `SecurityGroupRules` adding to existing groups (`securityGroupId` as a resource
 *   reference and as a variable), `allowAnyAddress`, a description that looks like a Terraform template.
 * - `aws-fleet-eks`: `EksEndpointAccess` with each endpoint setting (public and private, public only with
 *   `nodeEgressCidrs` including an Elastic IP reference, private only, `0.0.0.0/0` on purpose), `ipFamily`
 *   IPv6, a catalog profile, `toVpcConfig` with the groups of a `SecurityGroupRules`, and `applyTo` with a
 *   variable reference in `publicAccessCidrs`.
 * - `aws-fleet-network-firewall`: `NetworkFirewallDomainAllowlist` over http, https and both (all three rule
 *   groups), wildcards, `homeNetCidrs`, a fixed `capacity`, tags, a catalog profile, and a firewall policy
 *   that references every rule group.
 */
import { EksCluster } from '@cdktf/provider-aws/lib/eks-cluster';
import { Eip } from '@cdktf/provider-aws/lib/eip';
import { NetworkfirewallFirewallPolicy } from '@cdktf/provider-aws/lib/networkfirewall-firewall-policy';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { SecurityGroup } from '@cdktf/provider-aws/lib/security-group';
import { TerraformOutput, TerraformStack, TerraformVariable } from 'cdktf';
import { Construct } from 'constructs';
import { chainguardEnforceProfile } from '../lib/catalog/chainguard-enforce';
import { Direction, Necessity, Peer, PortRange, Protocol, Provenance, Requirement, RequirementSet } from '../lib/model';
import { EksEndpointAccess, EksIpFamily, NetworkFirewallDomainAllowlist, SecurityGroupRules } from '../lib/targets/aws';

/** One stack of the fleet. */
export interface AwsFleetStack {
  /** Stack name (also its folder under `cdktf.out/stacks`). */
  readonly name: string;
  /** What the stack exercises. */
  readonly covers: string;
  /** Builds the stack in `scope`. */
  readonly create: (scope: Construct, name: string) => TerraformStack;
}

/** Tags used wherever the constructs take them. */
export const FLEET_TAGS = { owner: 'platform-team', 'cost-center': 'k8s-1234' };

const SOURCE: Provenance = {
  catalog: 'fleet',
  section: 'aws',
  sectionTitle: 'AWS construct fleet',
  title: 'Fleet of stacks for the Terraform check',
  url: '',
  date: '',
};

/** Requirements for one flow to each of `peers` (CIDRs or domain names). */
function flows(direction: Direction, protocol: Protocol, ports: PortRange[], peers: string[], purpose: string): Requirement[] {
  return peers.map((p) =>
    Requirement.create({
      direction,
      protocol,
      ports,
      peer: /^[0-9a-f.:]+(\/\d+)?$/i.test(p) ? Peer.cidr(p) : Peer.fqdn(p),
      purpose,
      necessity: Necessity.required(),
      source: SOURCE,
    }),
  );
}

function stackWithProvider(scope: Construct, name: string, region: string): TerraformStack {
  const stack = new TerraformStack(scope, name);
  new AwsProvider(stack, 'aws', { region, defaultTags: [{ tags: { stack: name } }] });
  return stack;
}

const https = [PortRange.single(443)];

function securityGroupsOwned(scope: Construct, name: string): TerraformStack {
  const stack = stackWithProvider(scope, name, 'eu-west-1');
  const vpcId = new TerraformVariable(stack, 'vpc_id', { type: 'string', description: 'VPC of the node groups.' });
  const offices = ['198.51.100.0/26', '198.51.100.128/26', '203.0.113.0/27', '203.0.113.64/27', '203.0.113.128/27', '192.0.2.0/28', '192.0.2.64/28'];
  const requirements = RequirementSet.of([
    ...flows(Direction.INGRESS, Protocol.TCP, https, offices, 'Ingress controller from the offices'),
    ...flows(Direction.INGRESS, Protocol.TCP, [PortRange.range(30000, 32767)], ['10.0.0.0/16'], 'Node ports from the load balancer subnets'),
    ...flows(Direction.INGRESS, Protocol.TCP, [PortRange.single(10250)], ['2001:db8:10::/48', '2001:db8:20::/48'], 'kubelet from the control plane (IPv6)'),
    ...flows(Direction.INGRESS, Protocol.ICMP, [], ['10.0.0.0/16'], 'Path MTU discovery'),
    ...flows(Direction.INGRESS, Protocol.ICMP, [], ['2001:db8:10::/48'], 'Neighbour discovery and path MTU (ICMPv6)'),
    ...flows(Direction.EGRESS, Protocol.UDP, [PortRange.single(53)], ['10.0.0.2/32', '10.1.0.2/32'], 'DNS resolvers'),
    ...flows(Direction.EGRESS, Protocol.UDP, [PortRange.single(123)], ['2001:db8:53::123/128'], 'NTP (IPv6)'),
    ...flows(Direction.EGRESS, Protocol.ANY, [], ['10.20.0.0/16'], 'Everything to the shared services VPC'),
    ...flows(Direction.EGRESS, Protocol.ANY, [], ['2001:db8:30::/48'], 'Everything to the shared services VPC (IPv6)'),
    ...flows(Direction.EGRESS, Protocol.TCP, [PortRange.single(443), PortRange.single(8443)], ['192.0.2.128/25'], 'Webhooks and the registry'),
  ]);
  const spread = new SecurityGroupRules(stack, 'spread', {
    requirements,
    vpcId: vpcId.stringValue,
    rulesPerGroup: 3,
    maxGroups: 12,
    groupName: 'fleet-nodes (spread)',
    tags: FLEET_TAGS,
  });
  // Defaults everywhere: a literal VPC id, the default quota, a name derived from the construct path.
  new SecurityGroupRules(stack, 'defaults', {
    requirements: RequirementSet.of(flows(Direction.EGRESS, Protocol.TCP, https, ['192.0.2.0/24'], 'Registry')),
    vpcId: 'vpc-0a1b2c3d4e5f67890',
  });
  new TerraformOutput(stack, 'security_group_ids', { value: spread.securityGroupIds });
  return stack;
}

function securityGroupsExisting(scope: Construct, name: string): TerraformStack {
  const stack = stackWithProvider(scope, name, 'us-west-2');
  const vpcId = new TerraformVariable(stack, 'vpc_id', { type: 'string' });
  const existing = new TerraformVariable(stack, 'existing_security_group_id', { type: 'string', description: 'A group made elsewhere.' });
  const nodes = new SecurityGroup(stack, 'nodes', { name: 'fleet-existing-nodes', description: 'Nodes', vpcId: vpcId.stringValue });
  new SecurityGroupRules(stack, 'into-resource', {
    requirements: RequirementSet.of([
      ...flows(Direction.EGRESS, Protocol.TCP, https, ['0.0.0.0/0'], 'HTTPS out, filtered by host name downstream'),
      ...flows(Direction.EGRESS, Protocol.TCP, https, ['::/0'], 'HTTPS out over IPv6, filtered by host name downstream'),
      ...flows(Direction.INGRESS, Protocol.TCP, [PortRange.single(22)], ['203.0.113.0/24'], 'SSH from the bastion; template text ${not_a_reference} stays literal'),
    ]),
    securityGroupId: nodes.id,
    allowAnyAddress: true,
    tags: FLEET_TAGS,
  });
  new SecurityGroupRules(stack, 'into-variable', {
    requirements: RequirementSet.of([
      ...flows(Direction.INGRESS, Protocol.UDP, [PortRange.range(8472, 8472)], ['10.0.0.0/16'], 'VXLAN overlay'),
      ...flows(Direction.INGRESS, Protocol.ANY, [], ['10.0.0.0/16'], 'Node to node'),
    ]),
    securityGroupId: existing.stringValue,
    rulesPerGroup: 10,
  });
  return stack;
}

function eksClusters(scope: Construct, name: string): TerraformStack {
  const stack = stackWithProvider(scope, name, 'eu-central-1');
  const subnets = new TerraformVariable(stack, 'subnet_ids', { type: 'list(string)' });
  const role = new TerraformVariable(stack, 'cluster_role_arn', { type: 'string' });
  const vpcId = new TerraformVariable(stack, 'vpc_id', { type: 'string' });
  const adminCidr = new TerraformVariable(stack, 'admin_cidr', { type: 'string', description: 'Public CIDR of the administrators.' });
  const nat = new Eip(stack, 'nat', { domain: 'vpc' });
  const cluster = (id: string, endpoint: EksEndpointAccess, securityGroupIds?: string[], ipFamily?: string) =>
    new EksCluster(stack, id, {
      name: `fleet-${id}`,
      roleArn: role.stringValue,
      vpcConfig: endpoint.toVpcConfig(subnets.listValue, securityGroupIds),
      ...(ipFamily ? { kubernetesNetworkConfig: { ipFamily } } : {}),
    });

  const controlPlaneRules = new SecurityGroupRules(stack, 'control-plane', {
    requirements: RequirementSet.of(flows(Direction.INGRESS, Protocol.TCP, https, ['10.0.0.0/16'], 'API server from the nodes')),
    vpcId: vpcId.stringValue,
    groupName: 'fleet-control-plane',
  });
  cluster(
    'public-and-private',
    EksEndpointAccess.fromRequirements({
      requirements: chainguardEnforceProfile({ acknowledgeRetired: true }),
      publicAccessCidrs: [{ cidr: '198.51.100.0/24', purpose: 'Administrators' }],
    }),
    controlPlaneRules.securityGroupIds,
  );
  cluster(
    'public-only',
    EksEndpointAccess.fromRequirements({
      endpointPrivateAccess: false,
      endpointPublicAccess: true,
      publicAccessCidrs: [{ cidr: '203.0.113.0/25', purpose: 'CI runners' }],
      nodeEgressCidrs: [{ cidr: `${nat.publicIp}/32`, purpose: 'NAT gateway' }, { cidr: '198.51.100.7' }],
    }),
  );
  cluster('private-only', EksEndpointAccess.fromRequirements({ endpointPublicAccess: false }));
  cluster('everyone', EksEndpointAccess.fromRequirements({ endpointPrivateAccess: false, cidrs: [{ cidr: '0.0.0.0/0', purpose: 'Public by choice' }], allowAnyAddress: true }));
  cluster(
    'ipv6',
    EksEndpointAccess.fromRequirements({
      ipFamily: EksIpFamily.IPV6,
      publicAccessCidrs: [{ cidr: '2001:db8:1234::/48', purpose: 'IPv6 office' }, { cidr: '203.0.113.128/25', purpose: 'IPv4 office' }],
    }),
    undefined,
    'ipv6',
  );
  const existing = new EksCluster(stack, 'apply-to', { name: 'fleet-apply-to', roleArn: role.stringValue, vpcConfig: { subnetIds: subnets.listValue } });
  EksEndpointAccess.fromRequirements({
    ipFamily: EksIpFamily.IPV4,
    publicAccessCidrs: [{ cidr: adminCidr.stringValue, purpose: 'Administrators (variable)' }],
  }).applyTo(existing);
  return stack;
}

function networkFirewall(scope: Construct, name: string): TerraformStack {
  const stack = stackWithProvider(scope, name, 'ap-southeast-2');
  const mixed = new NetworkFirewallDomainAllowlist(stack, 'mixed', {
    requirements: RequirementSet.of([
      ...flows(Direction.EGRESS, Protocol.HTTPS, https, ['registry.example.com', '*.cdn.example.net', 'images.cdn.example.net'], 'Images'),
      ...flows(Direction.EGRESS, Protocol.HTTP, [PortRange.single(80)], ['mirror.example.org'], 'Package mirror'),
      ...flows(Direction.EGRESS, Protocol.HTTP, [PortRange.single(80)], ['both.example.com'], 'Both, plain'),
      ...flows(Direction.EGRESS, Protocol.HTTPS, https, ['both.example.com'], 'Both, TLS'),
    ]),
    name: 'fleet-mixed',
    homeNetCidrs: ['10.0.0.0/16', '10.1.0.0/16'],
    tags: FLEET_TAGS,
  });
  const fixed = new NetworkFirewallDomainAllowlist(stack, 'fixed-capacity', {
    requirements: RequirementSet.of(flows(Direction.EGRESS, Protocol.HTTPS, https, ['*.example.io'], 'Fixed capacity')),
    name: 'fleet-fixed',
    homeNetCidrs: ['10.2.0.0/16'],
    capacity: 250,
  });
  const enforce = new NetworkFirewallDomainAllowlist(stack, 'enforce', {
    requirements: chainguardEnforceProfile({ acknowledgeRetired: true }).filter((r) => r.peer.isDomain),
    name: 'fleet-enforce',
    homeNetCidrs: ['10.3.0.0/16'],
  });
  const groups = [...mixed.ruleGroups, ...fixed.ruleGroups, ...enforce.ruleGroups];
  new NetworkfirewallFirewallPolicy(stack, 'policy', {
    name: 'fleet-policy',
    firewallPolicy: {
      statelessDefaultActions: ['aws:forward_to_sfe'],
      statelessFragmentDefaultActions: ['aws:forward_to_sfe'],
      statefulRuleGroupReference: groups.map((g) => ({ resourceArn: g.arn })),
    },
  });
  return stack;
}

/** The fleet, in stack-name order. */
export const AWS_FLEET: readonly AwsFleetStack[] = [
  { name: 'aws-fleet-eks', covers: 'EksEndpointAccess: every endpoint setting, IPv6, references, toVpcConfig, applyTo', create: eksClusters },
  { name: 'aws-fleet-network-firewall', covers: 'NetworkFirewallDomainAllowlist: http, https, both, homeNetCidrs, capacity, tags', create: networkFirewall },
  { name: 'aws-fleet-sg-existing', covers: 'SecurityGroupRules with securityGroupId, allowAnyAddress', create: securityGroupsExisting },
  { name: 'aws-fleet-sg-owned', covers: 'SecurityGroupRules with vpcId: several groups, tags, IPv4+IPv6, tcp/udp/icmp/any', create: securityGroupsOwned },
];

/** Adds every fleet stack to `scope` (an `App`) and returns their names. */
export function addAwsFleet(scope: Construct): string[] {
  return AWS_FLEET.map((s) => {
    s.create(scope, s.name);
    return s.name;
  });
}
