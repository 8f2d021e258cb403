/**
 * Construct cases of the golden-output check (tools/golden.ts): one stack per case, each exercising a target with
 * options the bundled examples leave at their defaults. Stack names start with `case-`; add a case to cover more.
 */
import { Firewall } from '@cdktf/provider-azurerm/lib/firewall';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { GoogleProvider } from '@cdktf/provider-google/lib/provider';
import { TerraformOutput, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { AksAddon, aksProfile } from '../lib/catalog/aks';
import { chainguardEnforceProfile } from '../lib/catalog/chainguard-enforce';
import { eksNodesProfile } from '../lib/catalog/eks';
import { GkeGoogleApiAccess, gkeNodesProfile } from '../lib/catalog/gke';
import { ibmVpcProfile } from '../lib/catalog/ibm-vpc';
import { EksEndpointAccess, NetworkFirewallDomainAllowlist, SecurityGroupRules, StatefulRuleOrder } from '../lib/targets/aws';
import { AksAuthorizedIpRanges, AzureFirewallPolicyRules, AzureFirewallRuleMode, FirewallRuleSources } from '../lib/targets/azure';
import { GcpFirewall, GkeAuthorizedNetworks } from '../lib/targets/google';
import { IbmProvider, IbmSecurityGroupRules } from '../lib/targets/ibm';

/** A golden case: builds its resources into `stack`. */
export type GoldenCase = (stack: TerraformStack) => void;

const aks = () => aksProfile({ location: 'westeurope', addons: [AksAddon.AZURE_MONITOR, AksAddon.KEY_VAULT_SECRETS_PROVIDER], nodesProvisionedBeforeMarch2021: true });
const enforce = () => chainguardEnforceProfile({ acknowledgeRetired: true });
const gke = () =>
  gkeNodesProfile({
    region: 'europe-west1',
    googleApiAccess: GkeGoogleApiAccess.PRIVATE,
    controlPlaneCidrs: ['172.16.0.0/28'],
    nodeCidrs: ['10.10.0.0/20'],
    podCidrs: ['10.20.0.0/14'],
    serviceCidrs: ['10.30.0.0/20'],
  });
const eks = () => eksNodesProfile({ region: 'eu-central-1', ecrAccountIds: ['123456789012'], clusterSecurityGroupCidrs: ['10.0.0.0/24'], nodeSubnetCidrs: ['10.0.16.0/20', '10.0.32.0/20'] });
const ibm = () => ibmVpcProfile({ region: 'eu-de', subnetCidrs: ['10.243.0.0/24', '10.243.64.0/24', '10.243.128.0/24'] });

function azure(stack: Construct): void {
  new AzurermProvider(stack, 'azurerm', { features: [{}] });
}

/** Every construct case, by stack name. */
export const GOLDEN_CASES: Readonly<Record<string, GoldenCase>> = {
  'case-azure-explicit': (stack) => {
    azure(stack);
    new AzureFirewallPolicyRules(stack, 'rules', {
      requirementSets: [aks(), enforce()],
      firewallPolicyId: '/subscriptions/0/resourceGroups/rg/providers/Microsoft.Network/firewallPolicies/p',
      sources: FirewallRuleSources.ipGroupIds(['/subscriptions/0/resourceGroups/rg/providers/Microsoft.Network/ipGroups/nodes']),
      basePriority: 300,
      dnsProxyEnabled: true,
      collectionPriorities: { 'chainguard-enforce/chainguard-hosts': 5000 },
    });
  },
  'case-azure-fqdn-tag-split': (stack) => {
    azure(stack);
    const firewall = new Firewall(stack, 'firewall', { name: 'fw', location: 'westeurope', resourceGroupName: 'rg', skuName: 'AZFW_VNet', skuTier: 'Standard' });
    new AzureFirewallPolicyRules(stack, 'rules', {
      requirementSets: [aks(), enforce()],
      firewallPolicyId: 'policy',
      sources: FirewallRuleSources.addresses(['10.1.0.0/16', '10.2.0.0/16']),
      basePriority: 1000,
      mode: AzureFirewallRuleMode.FQDN_TAG,
      dnsProxyEnabled: true,
      ruleCollectionGroupName: 'cluster-egress',
      maxRuleCollectionGroupBytes: 4000,
      dependsOn: [firewall],
    });
  },
  'case-azure-new-ip-group': (stack) => {
    azure(stack);
    new AzureFirewallPolicyRules(stack, 'rules', {
      requirementSets: [aksProfile({ location: 'westeurope' })],
      firewallPolicyId: 'policy',
      sources: FirewallRuleSources.newIpGroup({ name: 'nodes', resourceGroupName: 'rg', location: 'westeurope', cidrs: ['10.1.0.0/16'], tags: { team: 'net' } }),
      basePriority: 200,
      dnsProxyEnabled: true,
    });
    const ranges = AksAuthorizedIpRanges.compute({ requirementSets: [enforce()], cidrs: [{ cidr: '203.0.113.0/24', purpose: 'office' }], firewallPublicIps: ['20.50.1.1'] });
    new TerraformOutput(stack, 'authorized_ip_ranges', { value: ranges.ranges });
  },
  'case-gcp-logging-sa': (stack) => {
    new GoogleProvider(stack, 'google', { project: 'p', region: 'europe-west1' });
    new GcpFirewall(stack, 'nodes', {
      requirementSets: [gke(), enforce()],
      network: 'projects/p/global/networks/vpc',
      project: 'p',
      namePrefix: 'golden',
      targetServiceAccounts: ['nodes@p.iam.gserviceaccount.com'],
      enableLogging: true,
      policyPriorityStart: 20000,
      denyPriority: 2000000000,
    });
    const networks = GkeAuthorizedNetworks.fromRequirements({ requirementSets: [enforce()], cidrs: [{ cidr: '198.51.100.0/24', purpose: 'admins' }], privateCluster: true });
    new TerraformOutput(stack, 'authorized_networks', { value: networks.toConfig() });
  },
  'case-gcp-existing-policy-tags': (stack) => {
    new GoogleProvider(stack, 'google', { project: 'p', region: 'europe-west1' });
    new GcpFirewall(stack, 'nodes', {
      requirementSets: [gke().filter((r) => r.direction === 'ingress')],
      network: 'vpc',
      firewallPolicy: 'projects/p/global/firewallPolicies/shared',
      targetTags: ['nodes'],
      denyOtherEgress: false,
      priority: 900,
    });
  },
  'case-aws-split': (stack) => {
    new AwsProvider(stack, 'aws', { region: 'eu-central-1' });
    new SecurityGroupRules(stack, 'nodes', {
      requirementSets: [eks().filter((r) => r.peer.kind === 'cidr')],
      vpcId: 'vpc-1',
      rulesPerGroup: 5,
      groupName: 'golden-nodes',
      tags: { team: 'net' },
    });
    new SecurityGroupRules(stack, 'existing', { requirementSets: [eks().filter((r) => r.peer.kind === 'cidr' && r.direction === 'egress')], securityGroupId: 'sg-1' });
    new NetworkFirewallDomainAllowlist(stack, 'domains', {
      requirementSets: [eks(), enforce()],
      name: 'golden-domains',
      homeNetCidrs: ['10.0.0.0/16'],
      ruleOrder: StatefulRuleOrder.STRICT_ORDER,
      tags: { team: 'net' },
    });
    const endpoint = EksEndpointAccess.fromRequirements({ requirementSets: [enforce()], cidrs: [{ cidr: '203.0.113.0/24', purpose: 'office' }], endpointPrivateAccess: true });
    new TerraformOutput(stack, 'endpoint', { value: { ...endpoint.settings } });
  },
  'case-ibm-variants': (stack) => {
    new IbmProvider(stack, 'ibm', { region: 'eu-de' });
    new IbmSecurityGroupRules(stack, 'created', {
      requirementSets: [ibm(), enforce()],
      vpcId: 'r010-vpc',
      groupNamePrefix: 'golden',
      resourceGroupId: 'rg-1',
      tags: ['team:net'],
      minimumGroups: 2,
      reservedRulesPerGroup: 10,
      narrowAnyProtocol: true,
    });
    new IbmSecurityGroupRules(stack, 'existing', {
      requirementSets: [ibm()],
      securityGroupId: 'r010-sg',
      allowNodePortsFromAnywhere: true,
    });
  },
};
