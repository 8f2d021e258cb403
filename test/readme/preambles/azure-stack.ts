// Preamble of the README's Azure block: an AKS network behind Azure Firewall, and the profiles `aks` and `registry` (Chainguard's registry).
import { Firewall } from '@cdktf/provider-azurerm/lib/firewall';
import { FirewallPolicy } from '@cdktf/provider-azurerm/lib/firewall-policy';
import { KubernetesClusterConfig } from '@cdktf/provider-azurerm/lib/kubernetes-cluster';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { PublicIp } from '@cdktf/provider-azurerm/lib/public-ip';
import { ResourceGroup } from '@cdktf/provider-azurerm/lib/resource-group';
import { Subnet } from '@cdktf/provider-azurerm/lib/subnet';
import { VirtualNetwork } from '@cdktf/provider-azurerm/lib/virtual-network';
import { App, TerraformStack } from 'cdktf';
import * as firewallRequirements from 'cdktf-firewall-requirements';

const app = new App();
const stack = new TerraformStack(app, 'readme-azure');
new AzurermProvider(stack, 'azurerm', { features: [{}] });

const aks = firewallRequirements.aksProfile({
  location: 'westeurope',
  addons: [firewallRequirements.AksAddon.AZURE_MONITOR, firewallRequirements.AksAddon.AZURE_POLICY],
});
const registry = firewallRequirements.chainguardContainersProfile();

const rg = new ResourceGroup(stack, 'rg', { name: 'rg-aks', location: 'westeurope' });
const vnet = new VirtualNetwork(stack, 'vnet', { name: 'vnet-aks', resourceGroupName: rg.name, location: rg.location, addressSpace: ['10.42.0.0/16'] });
const aksSubnet = new Subnet(stack, 'aks-subnet', { name: 'aks-nodes', resourceGroupName: rg.name, virtualNetworkName: vnet.name, addressPrefixes: ['10.42.1.0/24'] });
const firewallSubnet = new Subnet(stack, 'firewall-subnet', { name: 'AzureFirewallSubnet', resourceGroupName: rg.name, virtualNetworkName: vnet.name, addressPrefixes: ['10.42.2.0/24'] });
const firewallIp = new PublicIp(stack, 'firewall-ip', { name: 'pip-fw', resourceGroupName: rg.name, location: rg.location, allocationMethod: 'Static', sku: 'Standard' });
const policy = new FirewallPolicy(stack, 'policy', { name: 'fwp-aks', resourceGroupName: rg.name, location: rg.location, dns: { proxyEnabled: true } });
const firewall = new Firewall(stack, 'firewall', {
  name: 'fw-aks',
  resourceGroupName: rg.name,
  location: rg.location,
  skuName: 'AZFW_VNet',
  skuTier: 'Standard',
  firewallPolicyId: policy.id,
  ipConfiguration: [{ name: 'fw-ipconfig', subnetId: firewallSubnet.id, publicIpAddressId: firewallIp.id }],
});
const clusterConfig: KubernetesClusterConfig = {
  name: 'aks-demo',
  resourceGroupName: rg.name,
  location: rg.location,
  dnsPrefix: 'aks-demo',
  defaultNodePool: { name: 'system', vmSize: 'Standard_D4s_v5', nodeCount: 2, vnetSubnetId: aksSubnet.id },
  identity: { type: 'SystemAssigned' },
  networkProfile: { networkPlugin: 'azure', outboundType: 'userDefinedRouting' },
};

// README BLOCK

app.synth();
