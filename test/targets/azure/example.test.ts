import { Firewall } from '@cdktf/provider-azurerm/lib/firewall';
import { FirewallPolicy } from '@cdktf/provider-azurerm/lib/firewall-policy';
import { KubernetesCluster } from '@cdktf/provider-azurerm/lib/kubernetes-cluster';
import { Subnet } from '@cdktf/provider-azurerm/lib/subnet';
import { Testing } from 'cdktf';
import { createStack } from '../../../examples/aks-egress/stack';
import { collectionsByName, Json } from './fixtures';

function synth(): string {
  return Testing.synth(createStack(Testing.app(), 'aks-egress'));
}

describe('examples/aks-egress', () => {
  const synthesized = synth();
  const json: Json = JSON.parse(synthesized);

  test('synthesizing twice is byte-identical', () => {
    expect(synth()).toEqual(synthesized);
  });

  test('network: the AKS subnet and the AzureFirewallSubnet', () => {
    expect(synthesized).toHaveResourceWithProperties(Subnet, { name: 'aks-nodes', address_prefixes: ['10.42.1.0/24'] });
    expect(synthesized).toHaveResourceWithProperties(Subnet, { name: 'AzureFirewallSubnet', address_prefixes: ['10.42.2.0/24'] });
  });

  test('the firewall policy has DNS proxy enabled and the firewall uses it', () => {
    expect(synthesized).toHaveResourceWithProperties(FirewallPolicy, { dns: { proxy_enabled: true } });
    const [policyId] = Object.keys(json.resource.azurerm_firewall_policy);
    expect(synthesized).toHaveResourceWithProperties(Firewall, { firewall_policy_id: `\${azurerm_firewall_policy.${policyId}.id}`, sku_name: 'AZFW_VNet' });
  });

  test('one rule collection per section: AKS core, the three add-ons and the Chainguard registry hosts', () => {
    expect(Object.keys(collectionsByName(json)).sort()).toEqual([
      'aks-addon-azure-monitor-application-5397bda7',
      'aks-addon-azure-monitor-network-dc8ed991',
      'aks-addon-azure-policy-application-1a812d36',
      'aks-addon-defender-application-2e4a57d2',
      'aks-azure-public-fqdn-rules-application-7e394486',
      'chainguard-containers-hosts-application-98c1a7e4',
      'chainguard-containers-third-party-hosts-application-582a4ecf',
    ]);
    const monitor = collectionsByName(json)['aks-addon-azure-monitor-network-dc8ed991'];
    expect(monitor.rule[0]).toMatchObject({ protocols: ['TCP'], destination_addresses: ['AzureMonitor'], destination_ports: ['443'] });
    const [ipGroupId] = Object.keys(json.resource.azurerm_ip_group);
    expect(monitor.rule[0].source_ip_groups).toEqual([`\${azurerm_ip_group.${ipGroupId}.id}`]);
  });

  test('the rule collection group waits for the firewall (Azure refuses policy changes while the firewall is being created)', () => {
    const [firewallId] = Object.keys(json.resource.azurerm_firewall);
    const groups = Object.values(json.resource.azurerm_firewall_policy_rule_collection_group) as Json[];
    expect(groups.map((g) => g.depends_on)).toEqual([[`azurerm_firewall.${firewallId}`]]);
  });

  test('the route table sends 0.0.0.0/0 to the firewall and is associated with the AKS subnet', () => {
    const [table] = Object.values(json.resource.azurerm_route_table) as Json[];
    const [firewallId] = Object.keys(json.resource.azurerm_firewall);
    const [pipId] = Object.keys(json.resource.azurerm_public_ip);
    expect(table.route).toEqual([
      { name: 'default-via-firewall', address_prefix: '0.0.0.0/0', next_hop_type: 'VirtualAppliance', next_hop_in_ip_address: `\${azurerm_firewall.${firewallId}.ip_configuration[0].private_ip_address}` },
      { name: 'firewall-public-ip-to-internet', address_prefix: `\${azurerm_public_ip.${pipId}.ip_address}/32`, next_hop_type: 'Internet', next_hop_in_ip_address: null },
    ]);
    expect(Object.keys(json.resource.azurerm_subnet_route_table_association)).toHaveLength(1);
  });

  test('the cluster uses user-defined routing, authorized ranges and the three add-ons, after the routes and rules exist', () => {
    const [pipId] = Object.keys(json.resource.azurerm_public_ip);
    expect(synthesized).toHaveResourceWithProperties(KubernetesCluster, {
      network_profile: { network_plugin: 'azure', outbound_type: 'userDefinedRouting' },
      api_server_access_profile: {
        authorized_ip_ranges: ['${var.operator_cidr}', `\${azurerm_public_ip.${pipId}.ip_address}/32`],
      },
      azure_policy_enabled: true,
    });
    const [cluster] = Object.values(json.resource.azurerm_kubernetes_cluster) as Json[];
    expect(cluster.oms_agent.log_analytics_workspace_id).toMatch(/^\$\{azurerm_log_analytics_workspace\..*\.id\}$/);
    expect(cluster.microsoft_defender.log_analytics_workspace_id).toEqual(cluster.oms_agent.log_analytics_workspace_id);
    expect(cluster.depends_on).toEqual([
      expect.stringMatching(/^azurerm_subnet_route_table_association\./),
      expect.stringMatching(/^azurerm_firewall_policy_rule_collection_group\./),
    ]);
  });

  test('pods that call the API server reach it by name through the annotation; no retired Enforce range anywhere', () => {
    const annotation = Object.entries(json.output).find(([k]) => k.startsWith('api_server_pod_annotation'));
    expect(annotation?.[1]).toMatchObject({ value: { 'kubernetes.azure.com/set-kube-service-host-fqdn': 'true' } });
    // The FQDN rule the annotated pods use.
    expect(synthesized).toContain('*.hcp.westeurope.azmk8s.io');
    for (const address of ['34.107.162.32', '34.117.0.114', '34.132.193.40', '35.230.121.20', '35.237.242.37']) expect(synthesized).not.toContain(address);
  });

  test('the nodes pull from cgr.dev with its blob storage host', () => {
    const registry = collectionsByName(json)['chainguard-containers-hosts-application-98c1a7e4'];
    const blob = collectionsByName(json)['chainguard-containers-third-party-hosts-application-582a4ecf'];
    expect(registry.rule.flatMap((r: Json) => r.destination_fqdns).sort()).toEqual(['cgr.dev', 'enforce.dev']);
    expect(blob.rule.flatMap((r: Json) => r.destination_fqdns)).toEqual(['9236a389bd48b984df91adc1bc924620.r2.cloudflarestorage.com']);
  });

  test('with the API server IP known, a network rule TCP 443 to that one address replaces the annotation', () => {
    process.env.AKS_API_SERVER_PUBLIC_IP = '20.61.10.5';
    try {
      const withIp: Json = JSON.parse(synth());
      expect(Object.keys(withIp.output).some((k) => k.startsWith('api_server_pod_annotation'))).toBe(false);
      const rules = Object.values(collectionsByName(withIp)).flatMap((c: Json) => c.rule);
      expect(rules.filter((r: Json) => JSON.stringify(r.destination_addresses) === '["20.61.10.5/32"]' && r.destination_ports?.[0] === '443')).toHaveLength(1);
    } finally {
      delete process.env.AKS_API_SERVER_PUBLIC_IP;
    }
  });
});
