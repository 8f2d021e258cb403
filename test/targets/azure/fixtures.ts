import 'cdktf/lib/testing/adapters/jest';
import { Testing, TerraformStack } from 'cdktf';
import { CatalogSection, SourceDocument } from '../../../lib/catalog/catalog-section';
import { Direction, Landing, Necessity, Peer, PortRange, Protocol, RequirementSet } from '../../../lib/model';
import { AzureFirewallPolicyRules, AzureFirewallPolicyRulesProps, FirewallRuleSources } from '../../../lib/targets/azure';

export const POLICY_ID = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.Network/firewallPolicies/egress';
export const IP_GROUP_ID = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.Network/ipGroups/aks-nodes';

/** A made-up document, so that the expected descriptions do not follow catalog edits. */
export const DOC: SourceDocument = { catalog: 'test', title: 'Test requirements', url: 'https://example.com/doc', date: '2026-01-01' };

export function section(key: string, title = `Table ${key}`): CatalogSection {
  return new CatalogSection(DOC, key, title, key);
}

/** `Source: ...` text every rule of section `key` ends with (stable provenance only: no date, no URL). */
export function sourceText(key: string, title = `Table ${key}`): string {
  return `Source: test/${key}, ${title}`;
}

/** Application rows: HTTPS to a name and a wildcard, HTTP and HTTPS to one name. */
export function webSection(): CatalogSection {
  return section('web')
    .fqdns(['mcr.microsoft.com', '*.data.mcr.microsoft.com'], Protocol.HTTPS, [443], 'Pull images')
    .fqdns(['security.ubuntu.com'], Protocol.HTTP, [80], 'OS updates')
    .fqdns(['security.ubuntu.com'], Protocol.HTTPS, [443], 'OS updates over TLS');
}

/** Network rows: a service tag, adjacent CIDRs, a port range and ICMP. */
export function networkSection(): CatalogSection {
  return section('net')
    .row([Peer.serviceTag('AzureCloud.westeurope')], Protocol.UDP, [1194], 'Tunnel to the control plane')
    .row([Peer.serviceTag('AzureMonitor')], Protocol.HTTPS, [443], 'Metrics and logs')
    .cidrs(['203.0.113.0/25', '203.0.113.128/25'], Protocol.TCP, [PortRange.range(30000, 32767)], 'Node ports of the partner')
    .cidrs(['198.51.100.7'], Protocol.ICMP, [], 'Reachability checks');
}

/** A network-rule FQDN (needs DNS proxy). */
export function ntpSection(): CatalogSection {
  return section('ntp').fqdns(['ntp.ubuntu.com'], Protocol.UDP, [123], 'Time synchronization');
}

/** An ingress row (not an egress firewall rule). */
export function ingressSection(): CatalogSection {
  return section('inbound').cidrs(['34.132.193.40/32'], Protocol.TCP, [443], 'SaaS reaches the API server', { direction: Direction.INGRESS, landing: Landing.CONTROL_PLANE });
}

export function setOf(...sections: CatalogSection[]): RequirementSet {
  return RequirementSet.union(sections.map((s) => s.toSet()));
}

export function newStack(): TerraformStack {
  return new TerraformStack(Testing.app(), 'test');
}

export type Props = Partial<AzureFirewallPolicyRulesProps> & Pick<AzureFirewallPolicyRulesProps, 'requirementSets'>;

/** A rules construct with test defaults. */
export function rules(stack: TerraformStack, props: Props, id = 'egress'): AzureFirewallPolicyRules {
  return new AzureFirewallPolicyRules(stack, id, {
    firewallPolicyId: POLICY_ID,
    sources: FirewallRuleSources.addresses(['10.42.1.0/24']),
    basePriority: 500,
    ...props,
  });
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;

export function synthJson(stack: TerraformStack): Json {
  return JSON.parse(Testing.synth(stack));
}

/** Rule collection groups of a synthesized stack, by name. */
export function groupsByName(json: Json): Record<string, Json> {
  const groups = json.resource?.azurerm_firewall_policy_rule_collection_group ?? {};
  return Object.fromEntries(Object.values(groups).map((g: Json) => [g.name, g]));
}

/** Every collection (application and network) of every group, by collection name. */
export function collectionsByName(json: Json): Record<string, Json> {
  const out: Record<string, Json> = {};
  for (const g of Object.values(groupsByName(json))) {
    for (const c of [...(g.application_rule_collection ?? []), ...(g.network_rule_collection ?? [])]) out[c.name] = c;
  }
  return out;
}

/** The only collection of `kind` whose name starts with `prefix`. */
export function collection(json: Json, prefix: string): Json {
  const found = Object.entries(collectionsByName(json)).filter(([name]) => name.startsWith(prefix));
  if (found.length !== 1) throw new Error(`expected one collection ${prefix}*, found ${found.map(([n]) => n).join(', ') || 'none'}`);
  return found[0][1];
}

export const required = Necessity.required();
