/**
 * AKS behind Azure Firewall: the cluster's egress goes through a firewall whose policy allows exactly what the
 * AKS profile (with Azure Monitor, Azure Policy and Microsoft Defender) and the pulls from Chainguard's registry
 * (cgr.dev, its blob storage host, registry authentication) need.
 *
 * - Network layout as in Microsoft's "Limit network traffic with Azure Firewall in AKS": VNet 10.42.0.0/16,
 *   AKS subnet 10.42.1.0/24, AzureFirewallSubnet 10.42.2.0/24.
 * - The firewall policy has DNS proxy enabled, so network rules may name FQDNs.
 * - The rules come from the requirement catalogs, one rule collection per document section or add-on.
 * - The nodes route 0.0.0.0/0 to the firewall (outboundType userDefinedRouting).
 * - The API server accepts the firewall's egress IP (the nodes) and the operators' network (Terraform variable
 *   `operator_cidr`). It admitted the Chainguard Enforce CIDRs too until the library marked Enforce retired: nobody
 *   vouches for those addresses today.
 * - Pods outside kube-system and gatekeeper-system that call the API server reach it by its IP unless told
 *   otherwise, and an application rule for `*.hcp.<location>.azmk8s.io` does not match traffic to an IP. AKS
 *   documents two ways: annotate the pods with `kubernetes.azure.com/set-kube-service-host-fqdn` (AKS then points
 *   KUBERNETES_SERVICE_HOST at the API server's name, which the FQDN rule allows), or add a network rule to the API
 *   server IP (`podsAccessApiServer` with `apiServerPublicIp`). The IP is known only after the cluster exists: set
 *   AKS_API_SERVER_PUBLIC_IP on a later synth to add the network rule.
 */
import { Firewall } from '@cdktf/provider-azurerm/lib/firewall';
import { FirewallPolicy } from '@cdktf/provider-azurerm/lib/firewall-policy';
import { KubernetesCluster } from '@cdktf/provider-azurerm/lib/kubernetes-cluster';
import { LogAnalyticsWorkspace } from '@cdktf/provider-azurerm/lib/log-analytics-workspace';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { PublicIp } from '@cdktf/provider-azurerm/lib/public-ip';
import { ResourceGroup } from '@cdktf/provider-azurerm/lib/resource-group';
import { Subnet } from '@cdktf/provider-azurerm/lib/subnet';
import { VirtualNetwork } from '@cdktf/provider-azurerm/lib/virtual-network';
import { TerraformOutput, TerraformStack, TerraformVariable } from 'cdktf';
import { Construct } from 'constructs';
import { AksAddon, aksProfile, chainguardContainersProfile } from 'cdktf-firewall-requirements';
import { AksAuthorizedIpRanges, AksEgressRouteTable, AzureFirewallPolicyRules, FirewallRuleSources } from 'cdktf-firewall-requirements/azure';

const LOCATION = 'westeurope';
const AKS_SUBNET = '10.42.1.0/24';

/** The complete stack; `id` names it (the example runner passes the folder name). */
export function createStack(scope: Construct, id: string): TerraformStack {
  const stack = new TerraformStack(scope, id);
  new AzurermProvider(stack, 'azurerm', { features: [{}] });

  const operatorCidr = new TerraformVariable(stack, 'operator_cidr', {
    type: 'string',
    description: 'CIDR of the network operators run kubectl from (authorized on the API server).',
  });

  // Requirements: validated and resolved before any resource is created. With the API server IP known (a later
  // synth), pods that call the API server by IP get a network rule to that one address.
  const apiServerPublicIp = process.env.AKS_API_SERVER_PUBLIC_IP;
  const aks = aksProfile({
    location: LOCATION,
    addons: [AksAddon.AZURE_MONITOR, AksAddon.AZURE_POLICY, AksAddon.DEFENDER],
    ...(apiServerPublicIp ? { apiServerPublicIp, podsAccessApiServer: true } : {}),
  });
  // Nodes pulling images from cgr.dev (the profile's default role), with the blob host every layer comes from.
  const registry = chainguardContainersProfile();

  const rg = new ResourceGroup(stack, 'rg', { name: `rg-${id}`, location: LOCATION });
  const vnet = new VirtualNetwork(stack, 'vnet', {
    name: `vnet-${id}`,
    resourceGroupName: rg.name,
    location: rg.location,
    addressSpace: ['10.42.0.0/16'],
  });
  const aksSubnet = new Subnet(stack, 'aks-subnet', {
    name: 'aks-nodes',
    resourceGroupName: rg.name,
    virtualNetworkName: vnet.name,
    addressPrefixes: [AKS_SUBNET],
  });
  // Azure Firewall requires a subnet with exactly this name.
  const firewallSubnet = new Subnet(stack, 'firewall-subnet', {
    name: 'AzureFirewallSubnet',
    resourceGroupName: rg.name,
    virtualNetworkName: vnet.name,
    addressPrefixes: ['10.42.2.0/24'],
  });

  const firewallIp = new PublicIp(stack, 'firewall-ip', {
    name: `pip-fw-${id}`,
    resourceGroupName: rg.name,
    location: rg.location,
    allocationMethod: 'Static',
    sku: 'Standard',
  });
  const policy = new FirewallPolicy(stack, 'firewall-policy', {
    name: `fwp-${id}`,
    resourceGroupName: rg.name,
    location: rg.location,
    sku: 'Standard',
    // Network rules may name FQDNs only with DNS proxy on.
    dns: { proxyEnabled: true },
  });
  const firewall = new Firewall(stack, 'firewall', {
    name: `fw-${id}`,
    resourceGroupName: rg.name,
    location: rg.location,
    skuName: 'AZFW_VNet',
    skuTier: 'Standard',
    firewallPolicyId: policy.id,
    ipConfiguration: [{ name: 'fw-ipconfig', subnetId: firewallSubnet.id, publicIpAddressId: firewallIp.id }],
  });

  const rules = new AzureFirewallPolicyRules(stack, 'aks-egress-rules', {
    requirementSets: [aks, registry],
    firewallPolicyId: policy.id,
    sources: FirewallRuleSources.newIpGroup({ name: `ipg-aks-nodes-${id}`, resourceGroupName: rg.name, location: rg.location, cidrs: [AKS_SUBNET] }),
    basePriority: 200,
    dnsProxyEnabled: true,
    // Azure refuses changes to a policy while a firewall that uses it is being created or updated.
    dependsOn: [firewall],
  });

  const routes = new AksEgressRouteTable(stack, 'aks-egress-routes', {
    name: `rt-aks-egress-${id}`,
    resourceGroupName: rg.name,
    location: rg.location,
    firewallPrivateIp: firewall.ipConfiguration.get(0).privateIpAddress,
    firewallPublicIp: firewallIp.ipAddress,
    subnetId: aksSubnet.id,
  });

  // No catalog row of this cluster lands on the API server: only the operators and the firewall's egress IP.
  const authorized = AksAuthorizedIpRanges.compute({
    cidrs: [{ cidr: operatorCidr.stringValue, purpose: 'operators running kubectl' }],
    firewallPublicIps: [firewallIp.ipAddress],
  });

  const workspace = new LogAnalyticsWorkspace(stack, 'logs', {
    name: `log-${id}`,
    resourceGroupName: rg.name,
    location: rg.location,
    sku: 'PerGB2018',
    retentionInDays: 30,
  });

  const cluster = new KubernetesCluster(stack, 'aks', {
    name: `aks-${id}`,
    resourceGroupName: rg.name,
    location: rg.location,
    dnsPrefix: id,
    defaultNodePool: { name: 'system', vmSize: 'Standard_D4s_v5', nodeCount: 2, vnetSubnetId: aksSubnet.id },
    // With user-defined routing, a system-assigned identity works with the Azure CNI plugin.
    identity: { type: 'SystemAssigned' },
    networkProfile: { networkPlugin: 'azure', outboundType: 'userDefinedRouting' },
    apiServerAccessProfile: authorized.toApiServerAccessProfile(),
    azurePolicyEnabled: true,
    omsAgent: { logAnalyticsWorkspaceId: workspace.id },
    microsoftDefender: { logAnalyticsWorkspaceId: workspace.id },
    // AKS checks the default route when it creates the cluster, and the nodes need the rules to bootstrap.
    dependsOn: [routes.association, rules.lastRuleCollectionGroup],
  });

  new TerraformOutput(stack, 'firewall_public_ip', { value: firewallIp.ipAddress });
  if (!apiServerPublicIp) {
    // Without a network rule to the API server IP, pods that call the API server must name it by its FQDN.
    new TerraformOutput(stack, 'api_server_pod_annotation', {
      value: { 'kubernetes.azure.com/set-kube-service-host-fqdn': 'true' },
      description: 'Set on the pod template of workloads outside kube-system that call the API server, which the firewall allows by name only.',
    });
  }
  new TerraformOutput(stack, 'cluster_fqdn', { value: cluster.fqdn });
  return stack;
}
