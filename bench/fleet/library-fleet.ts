/**
 * The fleet built with the library: profiles from the catalogs, rendered by the target constructs.
 * One stack per cluster, each with its provider, the cluster resource and its firewall resources.
 */
import { ContainerCluster } from '@cdktf/provider-google/lib/container-cluster';
import { GoogleProvider } from '@cdktf/provider-google/lib/provider';
import { EksCluster } from '@cdktf/provider-aws/lib/eks-cluster';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { KubernetesCluster } from '@cdktf/provider-azurerm/lib/kubernetes-cluster';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { App, TerraformStack } from 'cdktf';
import { AksAddon, aksProfile } from '../../lib/catalog/aks';
import { CatalogSection } from '../../lib/catalog/catalog-section';
import { chainguardEnforceProfile } from '../../lib/catalog/chainguard-enforce';
import { ibmVpcProfile } from '../../lib/catalog/ibm-vpc';
import { Direction, PortRange, Protocol, RequirementSet } from '../../lib/model';
import { EksEndpointAccess, NetworkFirewallDomainAllowlist, SecurityGroupRules } from '../../lib/targets/aws';
import { AksAuthorizedIpRanges, AksEgressRouteTable, AzureFirewallPolicyRules, FirewallRuleSources } from '../../lib/targets/azure';
import { GcpFirewall, GkeAuthorizedNetworks } from '../../lib/targets/google';
import { IbmProvider, IbmSecurityGroupRules } from '../../lib/targets/ibm';
import { ClusterSpec, FleetCloud, NODE_PORTS } from './spec';

const SUBSCRIPTION = '00000000-0000-0000-0000-000000000000';
const PLATFORM_DOC = { catalog: 'platform', title: 'Platform team network rules', url: 'https://example.com/platform', date: '2026-01-01' };

/** Adds one stack per cluster to `app`. */
export function buildLibraryFleet(app: App, clusters: readonly ClusterSpec[]): void {
  for (const c of clusters) BUILDERS[c.cloud](new TerraformStack(app, c.name), c);
}

const isEgress = (r: { direction: Direction }) => r.direction === Direction.EGRESS;

const BUILDERS: Record<FleetCloud, (stack: TerraformStack, c: ClusterSpec) => void> = {
  [FleetCloud.AKS]: (stack, c) => {
    new AzurermProvider(stack, 'azurerm', { features: [{}], subscriptionId: SUBSCRIPTION });
    const rg = `rg-${c.name}`;
    const aks = aksProfile({ location: c.region, addons: c.addons as AksAddon[] });
    const enforce = chainguardEnforceProfile({ acknowledgeRetired: true });
    const rules = new AzureFirewallPolicyRules(stack, 'egress-rules', {
      requirementSets: [aks, enforce],
      firewallPolicyId: `/subscriptions/${SUBSCRIPTION}/resourceGroups/${rg}/providers/Microsoft.Network/firewallPolicies/fwp-${c.name}`,
      sources: FirewallRuleSources.addresses([...c.subnetCidrs]),
      basePriority: 200,
    });
    const routes = new AksEgressRouteTable(stack, 'egress-routes', {
      name: `rt-${c.name}`,
      resourceGroupName: rg,
      location: c.region,
      firewallPrivateIp: c.firewallPrivateIp,
      firewallPublicIp: c.firewallPublicIp,
      subnetId: `/subscriptions/${SUBSCRIPTION}/resourceGroups/${rg}/providers/Microsoft.Network/virtualNetworks/vnet/subnets/aks`,
    });
    const authorized = AksAuthorizedIpRanges.compute({ requirementSets: [enforce], cidrs: [{ cidr: c.operatorCidr, purpose: 'operators' }], firewallPublicIps: [c.firewallPublicIp] });
    new KubernetesCluster(stack, 'cluster', {
      name: c.name,
      resourceGroupName: rg,
      location: c.region,
      dnsPrefix: c.name,
      defaultNodePool: { name: 'system', vmSize: 'Standard_D4s_v5', nodeCount: 2 },
      identity: { type: 'SystemAssigned' },
      networkProfile: { networkPlugin: 'azure', outboundType: 'userDefinedRouting' },
      apiServerAccessProfile: authorized.toApiServerAccessProfile(),
      dependsOn: [routes.association, rules.lastRuleCollectionGroup],
    });
  },

  [FleetCloud.GKE]: (stack, c) => {
    new GoogleProvider(stack, 'google', { project: 'fleet-project', region: c.region });
    const enforce = chainguardEnforceProfile({ acknowledgeRetired: true });
    const authorized = GkeAuthorizedNetworks.fromRequirements({ requirements: enforce, cidrs: [{ cidr: c.operatorCidr, purpose: 'operators' }] });
    new ContainerCluster(stack, 'cluster', {
      name: c.name,
      location: c.region,
      initialNodeCount: 1,
      deletionProtection: false,
      masterAuthorizedNetworksConfig: authorized.toConfig(),
    });
    new GcpFirewall(stack, 'egress', {
      requirements: enforce.filter(isEgress),
      network: `projects/fleet-project/global/networks/${c.name}`,
      namePrefix: c.name,
    });
  },

  [FleetCloud.EKS]: (stack, c) => {
    new AwsProvider(stack, 'aws', { region: c.region });
    const enforce = chainguardEnforceProfile({ acknowledgeRetired: true });
    const access = EksEndpointAccess.fromRequirements({ requirementSets: [enforce], cidrs: [{ cidr: c.operatorCidr, purpose: 'operators' }] });
    new EksCluster(stack, 'cluster', {
      name: c.name,
      roleArn: 'arn:aws:iam::123456789012:role/eks-cluster',
      vpcConfig: access.toVpcConfig(['subnet-aaaa', 'subnet-bbbb']),
    });
    new NetworkFirewallDomainAllowlist(stack, 'egress-domains', { requirementSets: [enforce], name: `${c.name}-egress`, homeNetCidrs: [...c.subnetCidrs] });
    const nodePorts = new CatalogSection(PLATFORM_DOC, 'node-ports', 'Node ports', 'node-ports')
      .cidrs([...c.subnetCidrs], Protocol.TCP, [PortRange.range(NODE_PORTS.from, NODE_PORTS.to)], 'Load balancer traffic to node ports', { direction: Direction.INGRESS })
      .toSet();
    new SecurityGroupRules(stack, 'node-ports', { requirementSets: [nodePorts], vpcId: 'vpc-0123456789abcdef0', groupName: `${c.name}-node-ports` });
  },

  [FleetCloud.IBM]: (stack, c) => {
    new IbmProvider(stack, 'ibm', { region: c.region });
    const requirements = RequirementSet.union([ibmVpcProfile({ region: c.region, subnetCidrs: [...c.subnetCidrs] }), chainguardEnforceProfile({ acknowledgeRetired: true }).filter(isEgress)]);
    new IbmSecurityGroupRules(stack, 'cluster-firewall', { requirements, vpcId: 'r006-00000000-0000-0000-0000-000000000000', groupNamePrefix: `${c.name}-node-ports` });
  },
};
