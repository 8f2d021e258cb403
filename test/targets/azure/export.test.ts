import { AksAddon, aksProfile } from '../../../lib/catalog/aks';
import { chainguardEnforceProfile } from '../../../lib/catalog/chainguard-enforce';
import { AKS_AUTHORIZED_IP_RANGES_EXPORT } from '../../../lib/export/azure/aks-authorized-ip-ranges';
import { AZURE_FIREWALL_POLICY_EXPORT } from '../../../lib/export/azure/azure-firewall-policy';
import { AZURE_EXPORT_TARGETS } from '../../../lib/export/azure';
import { RequirementSet } from '../../../lib/model';
import { AksAuthorizedIpRanges, FirewallRuleSources } from '../../../lib/targets/azure';
import { IP_GROUP_ID, Json, newStack, rules, synthJson } from './fixtures';

const ORIGIN = 'export azure-firewall-policy spec.target';

/** Rule collection groups without ids and references (policy id, sources, depends_on), keyed by group name. */
function ruleContent(groups: Json[]): Json {
  const strip = (rule: Json) => {
    const { source_addresses: _a, source_ip_groups: _g, ...rest } = rule;
    return rest;
  };
  return Object.fromEntries(
    groups.map((g) => [
      g.name,
      {
        priority: g.priority,
        application: (g.application_rule_collection ?? []).map((c: Json) => ({ ...c, rule: c.rule.map(strip) })),
        network: (g.network_rule_collection ?? []).map((c: Json) => ({ ...c, rule: c.rule.map(strip) })),
      },
    ]),
  );
}

describe('export azure-firewall-policy', () => {
  const requirements = RequirementSet.union([
    aksProfile({ location: 'westeurope', addons: [AksAddon.AZURE_MONITOR, AksAddon.KEY_VAULT_SECRETS_PROVIDER], nodesProvisionedBeforeMarch2021: true }),
    chainguardEnforceProfile({ acknowledgeRetired: true }),
  ]);

  test('the exported rules are the rules the construct synthesizes for the same input', () => {
    const stack = newStack();
    rules(stack, { requirementSets: [requirements], sources: FirewallRuleSources.ipGroupIds([IP_GROUP_ID]), basePriority: 300, dnsProxyEnabled: true, ruleCollectionGroupName: 'aks-egress' });
    const synthesized = Object.values(synthJson(stack).resource.azurerm_firewall_policy_rule_collection_group) as Json[];
    const exported = AZURE_FIREWALL_POLICY_EXPORT.build(requirements, { basePriority: 300, dnsProxyEnabled: true }, ORIGIN);
    const groups = Object.values(exported.resources.azurerm_firewall_policy_rule_collection_group) as Json[];
    expect(ruleContent(groups)).toEqual(ruleContent(synthesized));
    expect(groups[0].firewall_policy_id).toBe('${var.firewall_policy_id}');
    expect(groups[0].network_rule_collection[0].rule[0].source_ip_groups).toBe('${var.source_ip_group_ids}');
    expect(JSON.stringify(exported)).toContain('*.vault.azure.net');
  });

  test('variables, outputs and a provider range; no backend, no provider block', () => {
    const m = AZURE_FIREWALL_POLICY_EXPORT.build(requirements, { basePriority: 300, dnsProxyEnabled: true, sources: 'addresses', sourceCount: 2 }, ORIGIN);
    expect(Object.keys(m.variables).sort()).toEqual(['firewall_policy_id', 'source_addresses']);
    expect(m.outputs.rule_collection_group_names.value).toEqual(['aks-egress']);
    expect(m.outputs.rule_collection_group_ids.value).toEqual(['${azurerm_firewall_policy_rule_collection_group.aks-egress.id}']);
    expect(m.providers).toEqual([{ name: 'azurerm', source: 'hashicorp/azurerm', version: '>= 3.0, < 5.0' }]);
    expect(AZURE_EXPORT_TARGETS.map((t) => t.name)).toEqual(['azure-firewall-policy', 'aks-authorized-ip-ranges']);
  });

  test('split groups chain with depends_on, keyed by their names', () => {
    const m = AZURE_FIREWALL_POLICY_EXPORT.build(requirements, { basePriority: 300, dnsProxyEnabled: true, maxRuleCollectionGroupBytes: 4000 }, ORIGIN);
    const groups = m.resources.azurerm_firewall_policy_rule_collection_group as Record<string, Json>;
    const keys = Object.keys(groups);
    expect(keys.length).toBeGreaterThan(2);
    expect(groups[keys[1]].depends_on).toEqual([`azurerm_firewall_policy_rule_collection_group.${keys[0]}`]);
    expect(groups[keys[1]].priority).toBe(301);
  });

  test('the same errors as the construct', () => {
    expect(() => AZURE_FIREWALL_POLICY_EXPORT.build(requirements, { basePriority: 300 }, ORIGIN)).toThrow(/FQDNs in network rules work only with DNS proxy/);
    expect(() => AZURE_FIREWALL_POLICY_EXPORT.build(requirements, { dnsProxyEnabled: true }, ORIGIN)).toThrow(`Missing required property basePriority (from ${ORIGIN} basePriority)`);
    expect(() => AZURE_FIREWALL_POLICY_EXPORT.build(requirements, { basePriority: 300, dnsProxyEnabled: 'true' }, ORIGIN)).toThrow(/^Invalid dnsProxyEnabled \(string, expected true or false\)/);
    expect(() => AZURE_FIREWALL_POLICY_EXPORT.build(requirements, { basePriority: 300, source: 'addresses' }, ORIGIN)).toThrow('Did you mean "sources"?');
    expect(() => AZURE_FIREWALL_POLICY_EXPORT.build(requirements, { basePriority: 300, dnsProxyEnabled: true, sources: 'cidrs' }, ORIGIN)).toThrow(/^Unknown sources "cidrs"/);
  });
});

describe('export aks-authorized-ip-ranges', () => {
  const enforce = chainguardEnforceProfile({ acknowledgeRetired: true });

  test('no resources; the output joins the planned ranges with the firewall IPs and extra CIDRs given at apply', () => {
    const m = AKS_AUTHORIZED_IP_RANGES_EXPORT.build(enforce, { cidrs: [{ cidr: '203.0.113.0/24', purpose: 'office' }] }, 'export aks-authorized-ip-ranges spec.target');
    expect(m.resources).toEqual({});
    expect(m.locals!.planned_authorized_ip_ranges).toEqual(AksAuthorizedIpRanges.compute({ requirementSets: [enforce], cidrs: [{ cidr: '203.0.113.0/24' }] }).ranges);
    expect(m.outputs.authorized_ip_ranges.value).toBe('${distinct(concat(local.planned_authorized_ip_ranges, formatlist("%s/32", var.firewall_public_ips), var.extra_cidrs))}');
    expect(Object.keys(m.variables).sort()).toEqual(['extra_cidrs', 'firewall_public_ips']);
  });

  test('the same refusals as AksAuthorizedIpRanges', () => {
    const origin = 'export aks-authorized-ip-ranges spec.target';
    expect(() => AKS_AUTHORIZED_IP_RANGES_EXPORT.build(enforce, { cidrs: [{ cidr: '0.0.0.0/1' }, { cidr: '128.0.0.0/1' }] }, origin)).toThrow(/together 0.0.0.0\/0.*There is no opt-in/);
    expect(() => AKS_AUTHORIZED_IP_RANGES_EXPORT.build(enforce, { privateCluster: true }, origin)).toThrow(/not supported for private clusters/);
    expect(() => AKS_AUTHORIZED_IP_RANGES_EXPORT.build(enforce, { firewallPublicIps: ['20.50.1.0/24'] }, origin)).toThrow(/Invalid firewall public IP "20.50.1.0\/24"/);
    expect(() => AKS_AUTHORIZED_IP_RANGES_EXPORT.build(enforce, { requirementSets: [] }, origin)).toThrow('Unknown property "requirementSets"');
  });
});
