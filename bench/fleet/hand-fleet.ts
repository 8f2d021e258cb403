/**
 * The same fleet written by hand with the same provider classes and no library: the vendor data sits in
 * per-variant tables (what a team would copy from the vendor pages into its code), and each stack creates the
 * same resource types and counts as the library fleet, with the cluster's own values filled in.
 * This file must not import anything from lib/.
 */
import { createHash } from 'crypto';
import { KubernetesCluster } from '@cdktf/provider-azurerm/lib/kubernetes-cluster';
import { FirewallPolicyRuleCollectionGroup, FirewallPolicyRuleCollectionGroupConfig } from '@cdktf/provider-azurerm/lib/firewall-policy-rule-collection-group';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { RouteTable } from '@cdktf/provider-azurerm/lib/route-table';
import { SubnetRouteTableAssociation } from '@cdktf/provider-azurerm/lib/subnet-route-table-association';
import { ComputeNetworkFirewallPolicy } from '@cdktf/provider-google/lib/compute-network-firewall-policy';
import { ComputeNetworkFirewallPolicyAssociation } from '@cdktf/provider-google/lib/compute-network-firewall-policy-association';
import { ComputeNetworkFirewallPolicyRule, ComputeNetworkFirewallPolicyRuleMatch } from '@cdktf/provider-google/lib/compute-network-firewall-policy-rule';
import { ContainerCluster, ContainerClusterMasterAuthorizedNetworksConfigCidrBlocks } from '@cdktf/provider-google/lib/container-cluster';
import { GoogleProvider } from '@cdktf/provider-google/lib/provider';
import { EksCluster } from '@cdktf/provider-aws/lib/eks-cluster';
import { NetworkfirewallRuleGroup, NetworkfirewallRuleGroupRuleGroup } from '@cdktf/provider-aws/lib/networkfirewall-rule-group';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { SecurityGroup } from '@cdktf/provider-aws/lib/security-group';
import { VpcSecurityGroupIngressRule } from '@cdktf/provider-aws/lib/vpc-security-group-ingress-rule';
import { App, TerraformOutput, TerraformProvider, TerraformResource, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { ClusterSpec, FleetCloud, NODE_PORTS } from './spec';

/** Azure Firewall rules and the vendor CIDRs for the API server, per AKS variant (region + add-ons). */
export interface AksTable {
  readonly ruleCollectionGroups: Array<Pick<FirewallPolicyRuleCollectionGroupConfig, 'name' | 'priority' | 'applicationRuleCollection' | 'networkRuleCollection'>>;
  readonly apiServerCidrs: string[];
}

/**
 * GKE: authorized networks and the domain-name policy rules. Rule names and priorities are per cluster: the
 * name ends in a hash of the cluster's flow key and the priority is a hash slot of it (policy rules are
 * identified by priority), so each cluster computes its own, as the library does.
 */
export interface GkeTable {
  readonly authorizedNetworks: ContainerClusterMasterAuthorizedNetworksConfigCidrBlocks[];
  readonly policyDescription: string;
  /** First priority of the rules and how many slots they spread over. */
  readonly priorityStart: number;
  readonly prioritySlots: number;
  readonly fqdnRules: Array<{
    /** `fqdn-tcp-443-1`: the rule name after the cluster name, before the hash. */
    readonly readable: string;
    /** `egress|tcp|443|1`: the flow key after the cluster name. */
    readonly keySuffix: string;
    readonly description: string;
    readonly match: ComputeNetworkFirewallPolicyRuleMatch;
    /** `allow`, or `deny` for the closing deny of everything else. */
    readonly action: string;
    /** Set for rules with a fixed name and priority (the closing denies): no hash, no slot. */
    readonly fixedPriority?: number;
  }>;
}

/** EKS: public endpoint CIDRs and the Network Firewall domain lists. */
export interface EksTable {
  readonly publicAccessCidrs: string[];
  readonly domainRuleGroups: Array<{ nameSuffix: string; capacity: number; description: string; type: string; ruleGroup: NetworkfirewallRuleGroupRuleGroup }>;
  readonly securityGroupDescription: string;
}

/** IBM Cloud: the lists for the administrators' firewall (security groups take addresses only). */
export interface IbmTable {
  readonly outputs: Array<{ id: string; description: string; value: unknown }>;
}

/** Every variant's table. */
export interface HandTables {
  readonly aks: Record<string, AksTable>;
  readonly gke: Record<string, GkeTable>;
  readonly eks: Record<string, EksTable>;
  readonly ibm: Record<string, IbmTable>;
}

const SUBSCRIPTION = '00000000-0000-0000-0000-000000000000';

/** A fleet builder over the given tables. */
export function handFleetBuilder(tables: HandTables): (app: App, clusters: readonly ClusterSpec[]) => void {
  return (app, clusters) => {
    for (const c of clusters) {
      const stack = new TerraformStack(app, c.name);
      switch (c.cloud) {
        case FleetCloud.AKS:
          aksStack(stack, c, tables.aks[c.variant]);
          break;
        case FleetCloud.GKE:
          gkeStack(stack, c, tables.gke[c.variant]);
          break;
        case FleetCloud.EKS:
          eksStack(stack, c, tables.eks[c.variant]);
          break;
        case FleetCloud.IBM:
          ibmStack(stack, c, tables.ibm[c.variant]);
          break;
      }
    }
  };
}

function aksStack(stack: TerraformStack, c: ClusterSpec, t: AksTable): void {
  new AzurermProvider(stack, 'azurerm', { features: [{}], subscriptionId: SUBSCRIPTION });
  const rg = `rg-${c.name}`;
  const sources = [...c.subnetCidrs];
  let previous: FirewallPolicyRuleCollectionGroup | undefined;
  for (const g of t.ruleCollectionGroups) {
    previous = new FirewallPolicyRuleCollectionGroup(stack, g.name, {
      name: g.name,
      priority: g.priority,
      firewallPolicyId: `/subscriptions/${SUBSCRIPTION}/resourceGroups/${rg}/providers/Microsoft.Network/firewallPolicies/fwp-${c.name}`,
      applicationRuleCollection: (g.applicationRuleCollection as any[] | undefined)?.map((col) => ({
        ...col,
        rule: col.rule.map((r: object) => ({ ...r, sourceAddresses: sources })),
      })),
      networkRuleCollection: (g.networkRuleCollection as any[] | undefined)?.map((col) => ({
        ...col,
        rule: col.rule.map((r: object) => ({ ...r, sourceAddresses: sources })),
      })),
      dependsOn: previous ? [previous] : undefined,
    });
  }
  const routes = new RouteTable(stack, 'route-table', {
    name: `rt-${c.name}`,
    resourceGroupName: rg,
    location: c.region,
    route: [
      { name: 'default-via-firewall', addressPrefix: '0.0.0.0/0', nextHopType: 'VirtualAppliance', nextHopInIpAddress: c.firewallPrivateIp },
      { name: 'firewall-public-ip-to-internet', addressPrefix: `${c.firewallPublicIp}/32`, nextHopType: 'Internet' },
    ],
  });
  const association = new SubnetRouteTableAssociation(stack, 'subnet', {
    subnetId: `/subscriptions/${SUBSCRIPTION}/resourceGroups/${rg}/providers/Microsoft.Network/virtualNetworks/vnet/subnets/aks`,
    routeTableId: routes.id,
  });
  new KubernetesCluster(stack, 'cluster', {
    name: c.name,
    resourceGroupName: rg,
    location: c.region,
    dnsPrefix: c.name,
    defaultNodePool: { name: 'system', vmSize: 'Standard_D4s_v5', nodeCount: 2 },
    identity: { type: 'SystemAssigned' },
    networkProfile: { networkPlugin: 'azure', outboundType: 'userDefinedRouting' },
    apiServerAccessProfile: { authorizedIpRanges: [`${c.firewallPublicIp}/32`, ...t.apiServerCidrs, c.operatorCidr] },
    dependsOn: previous ? [association, previous] : [association],
  });
}

function gkeStack(stack: TerraformStack, c: ClusterSpec, t: GkeTable): void {
  new GoogleProvider(stack, 'google', { project: 'fleet-project', region: c.region });
  new ContainerCluster(stack, 'cluster', {
    name: c.name,
    location: c.region,
    initialNodeCount: 1,
    deletionProtection: false,
    masterAuthorizedNetworksConfig: {
      cidrBlocks: [...t.authorizedNetworks, { cidrBlock: c.operatorCidr, displayName: 'operators' }],
      gcpPublicCidrsAccessEnabled: false,
    },
  });
  const policy = new ComputeNetworkFirewallPolicy(stack, 'fqdn-policy', { name: `${c.name}-egress`, description: t.policyDescription });
  new ComputeNetworkFirewallPolicyAssociation(stack, 'fqdn-policy-association', {
    name: `${c.name}-egress`,
    attachmentTarget: `projects/fleet-project/global/networks/${c.name}`,
    firewallPolicy: policy.name,
  });
  for (const r of gkeRuleNames(c.name, t)) {
    new ComputeNetworkFirewallPolicyRule(stack, r.readable, {
      ruleName: r.ruleName,
      action: r.action,
      direction: 'EGRESS',
      priority: r.priority,
      description: r.description,
      firewallPolicy: policy.name,
      match: r.match,
    });
  }
}

/** 8 hex digits of SHA-256 over the parts joined by NUL: the content hash both fleets put in names. */
export function hash8(...parts: string[]): string {
  return createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 8);
}

/** The cluster's rule names (`<cluster>-<readable>-<hash of key>`) and priorities (hash slots, in key order). */
export function gkeRuleNames(cluster: string, t: GkeTable): Array<GkeTable['fqdnRules'][number] & { ruleName: string; priority: number }> {
  const fixed = t.fqdnRules.filter((r) => r.fixedPriority !== undefined).map((r) => ({ ...r, ruleName: `${cluster}-${r.readable}`, priority: r.fixedPriority as number }));
  const rules = t.fqdnRules.filter((r) => r.fixedPriority === undefined).map((r) => ({ ...r, key: `${cluster}|${r.keySuffix}` }));
  const taken = new Set<number>();
  const priorities = new Map<string, number>();
  for (const r of [...rules].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))) {
    let slot = parseInt(hash8('priority', r.key), 16) % t.prioritySlots;
    while (taken.has(slot)) slot = (slot + 1) % t.prioritySlots;
    taken.add(slot);
    priorities.set(r.key, t.priorityStart + slot);
  }
  return [...rules.map((r) => ({ ...r, ruleName: `${cluster}-${r.readable}-${hash8(r.key)}`, priority: priorities.get(r.key) as number })), ...fixed];
}

function eksStack(stack: TerraformStack, c: ClusterSpec, t: EksTable): void {
  new AwsProvider(stack, 'aws', { region: c.region });
  new EksCluster(stack, 'cluster', {
    name: c.name,
    roleArn: 'arn:aws:iam::123456789012:role/eks-cluster',
    vpcConfig: {
      endpointPrivateAccess: true,
      endpointPublicAccess: true,
      publicAccessCidrs: [...t.publicAccessCidrs, c.operatorCidr],
      subnetIds: ['subnet-aaaa', 'subnet-bbbb'],
    },
  });
  for (const g of t.domainRuleGroups) {
    // HOME_NET is the cluster's own subnets; the rest of the group comes from the variant's table.
    const ruleGroup = { ...g.ruleGroup, ruleVariables: { ipSets: [{ key: 'HOME_NET', ipSet: { definition: [...c.subnetCidrs] } }] } };
    new NetworkfirewallRuleGroup(stack, g.nameSuffix, { name: `${c.name}-${g.nameSuffix}`, capacity: g.capacity, description: g.description, type: g.type, ruleGroup });
  }
  const group = new SecurityGroup(stack, 'node-ports', { name: `${c.name}-node-ports`, description: t.securityGroupDescription, vpcId: 'vpc-0123456789abcdef0' });
  for (const cidr of c.subnetCidrs) {
    new VpcSecurityGroupIngressRule(stack, `node-ports-${cidr}`, {
      securityGroupId: group.id,
      ipProtocol: 'tcp',
      fromPort: NODE_PORTS.from,
      toPort: NODE_PORTS.to,
      cidrIpv4: cidr,
      description: 'Load balancer traffic to node ports',
    });
  }
}

// IBM has no prebuilt cdktf binding: a hand-written fleet needs its own small provider and resource classes.
const IBM_META = { providerName: 'ibm', providerVersionConstraint: '>= 1.87.2, < 3.0.0' };

class IbmProviderBlock extends TerraformProvider {
  constructor(scope: Construct, id: string, private readonly region: string) {
    super(scope, id, { terraformResourceType: 'ibm', terraformGeneratorMetadata: IBM_META, terraformProviderSource: 'IBM-Cloud/ibm' });
  }
  protected synthesizeAttributes(): { [name: string]: any } {
    return { region: this.region };
  }
}

class IbmResource extends TerraformResource {
  constructor(scope: Construct, id: string, type: string, private readonly attributes: Record<string, unknown>) {
    super(scope, id, { terraformResourceType: type, terraformGeneratorMetadata: IBM_META });
  }
  public get id(): string {
    return this.getStringAttribute('id');
  }
  protected synthesizeAttributes(): { [name: string]: any } {
    return this.attributes;
  }
}

function ibmStack(stack: TerraformStack, c: ClusterSpec, t: IbmTable): void {
  new IbmProviderBlock(stack, 'ibm', c.region);
  const group = new IbmResource(stack, 'security-group', 'ibm_is_security_group', { name: `${c.name}-node-ports-1`, vpc: 'r006-00000000-0000-0000-0000-000000000000' });
  for (const cidr of c.subnetCidrs) {
    const name = `in-tcp-${NODE_PORTS.from}-${NODE_PORTS.to}-${cidr.replace(/[./]/g, '-')}`;
    new IbmResource(stack, name, 'ibm_is_security_group_rule', {
      direction: 'inbound',
      group: group.id,
      // Unique and stable: the readable part plus a hash of the rule's content.
      name: `${name}-${hash8(`inbound tcp ${NODE_PORTS.from}-${NODE_PORTS.to} ${cidr}`)}`,
      port_max: NODE_PORTS.to,
      port_min: NODE_PORTS.from,
      protocol: 'tcp',
      remote: cidr,
    });
  }
  for (const o of t.outputs) new TerraformOutput(stack, o.id, { description: o.description, value: o.value });
}
