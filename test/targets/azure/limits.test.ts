import { AKS_CATALOG } from '../../../lib/catalog/aks';
import { chainguardEnforceProfile, EnforceMode } from '../../../lib/catalog/chainguard-enforce';
import { Protocol, sourceKey } from '../../../lib/model';
import { LIMITS } from '../../../lib/plan';
import {
  AzureFirewallRuleMode,
  AzureRulePlanOptions,
  derivedSectionPriority,
  FirewallRuleSources,
  planAzureFirewallRules,
} from '../../../lib/targets/azure';
import { groupsByName, networkSection, newStack, rules, section, setOf, synthJson, webSection } from './fixtures';

/** Plan options as the construct passes them, for sources 10.42.1.0/24. */
function options(overrides: Partial<AzureRulePlanOptions> = {}): AzureRulePlanOptions {
  const sources = FirewallRuleSources.addresses(['10.42.1.0/24']);
  return {
    mode: AzureFirewallRuleMode.EXPLICIT_FQDNS,
    dnsProxyEnabled: false,
    fqdnTag: 'AzureKubernetesService',
    fqdnTagSections: [],
    sourceCount: sources.count,
    sourceBytesPerRule: sources.bytesPerRule,
    groupName: 'egress',
    basePriority: 500,
    maxGroups: LIMITS.azureRuleCollectionGroupsPerPolicy,
    maxGroupBytes: LIMITS.azureRuleCollectionGroupBytes,
    collectionPriorities: {},
    allowAnyAddress: false,
    origin: 'test',
    ...overrides,
  };
}

/** `n` sections of one HTTPS name each. */
function manySections(n: number) {
  return Array.from({ length: n }, (_, i) => section(`s${String(i).padStart(3, '0')}`).fqdns([`host${i}.example.com`], Protocol.HTTPS, [443], 'A host'));
}

/** `n` distinct, non-adjacent /32s (so that aggregation keeps all of them). */
function spreadAddresses(n: number): string[] {
  return Array.from({ length: n }, (_, i) => `100.64.${Math.floor(i / 128)}.${(i % 128) * 2}`);
}

/** A byte limit under which every single-rule collection fits alone but no two fit together. */
function oneCollectionPerGroupBytes(): number {
  const sizes = planAzureFirewallRules([setOf(...manySections(61))], options()).groups[0].collections.map((c) => c.estimatedBytes);
  const limit = 2 * Math.min(...sizes) - 1;
  expect(Math.max(...sizes)).toBeLessThanOrEqual(limit);
  return limit;
}

describe('priorities', () => {
  test('derived priorities are pinned: changing the hash would move every deployed collection', () => {
    expect(derivedSectionPriority('aks/addon-azure-monitor')).toBe(16430);
    expect(derivedSectionPriority('aks/azure-public-fqdn-rules')).toBe(11030);
    expect(derivedSectionPriority('test/web')).toBe(5900);
  });

  test('the sections of the AKS and Chainguard Enforce catalogs do not collide', () => {
    const keys = new Set(AKS_CATALOG.map((t) => `aks/${t.section}`));
    for (const mode of [EnforceMode.AGENT, EnforceMode.AGENTLESS]) {
      for (const r of chainguardEnforceProfile({ acknowledgeRetired: true, mode }).requirements) for (const s of r.sources) keys.add(sourceKey(s));
    }
    const priorities = [...keys].map((k) => derivedSectionPriority(k)).sort((a, b) => a - b);
    expect(keys.size).toBeGreaterThan(15);
    for (let i = 1; i < priorities.length; i++) expect(priorities[i] - priorities[i - 1]).toBeGreaterThan(5);
    expect(priorities[0]).toBeGreaterThanOrEqual(100);
    expect(priorities[priorities.length - 1] + 5).toBeLessThanOrEqual(65000);
  });

  test('base priority at the bounds 100 and 65000 is accepted, one past is refused', () => {
    expect(() => rules(newStack(), { requirementSets: [setOf(webSection())], basePriority: 100 })).not.toThrow();
    expect(() => rules(newStack(), { requirementSets: [setOf(webSection())], basePriority: 65000 })).not.toThrow();
    expect(() => rules(newStack(), { requirementSets: [setOf(webSection())], basePriority: 99 })).toThrow(
      'Invalid basePriority "99" (from AzureFirewallPolicyRules test/egress basePriority). Azure Firewall priorities are whole numbers from 100 to 65000.',
    );
    expect(() => rules(newStack(), { requirementSets: [setOf(webSection())], basePriority: 65001 })).toThrow('Invalid basePriority "65001"');
    expect(() => rules(newStack(), { requirementSets: [setOf(webSection())], basePriority: 500.5 })).toThrow('Invalid basePriority "500.5"');
  });

  test('split groups must fit under 65000 too', () => {
    const opts = options({ basePriority: 65000, maxGroupBytes: oneCollectionPerGroupBytes() });
    expect(() => planAzureFirewallRules([setOf(...manySections(2))], opts)).toThrow(
      'Invalid rule collection group priority "65001" (from test). The 2 groups take priorities 65000-65001, past 65000; lower basePriority to at most 64999.',
    );
  });

  test('two sections whose priorities collide are an error that names collectionPriorities', () => {
    // test/web derives 5900 (network 5900, application 5905).
    const sets = [setOf(webSection(), networkSection())];
    expect(() => rules(newStack(), { requirementSets: sets, collectionPriorities: { 'test/net': 5905 } }).render()).toThrow(
      'Invalid rule collection priority "5900" (from AzureFirewallPolicyRules test/egress). ' +
        'Sections test/net (priorities 5905 and 5910) and test/web (priorities 5900 and 5905) collide. ' +
        'Set collectionPriorities: { "test/web": <a free priority> } (100-64995, at least 6 away from the others).',
    );
    expect(() => rules(newStack(), { requirementSets: sets, collectionPriorities: { 'test/net': 5906 } })).not.toThrow();
  });

  test('an override renders as given: network at the base, application at base + 5', () => {
    const stack = newStack();
    rules(stack, { requirementSets: [setOf(webSection())], collectionPriorities: { 'test/web': 64995 } });
    const [group] = Object.values(groupsByName(synthJson(stack)));
    expect(group.application_rule_collection[0].priority).toBe(65000);
  });

  test('an override for a section that is not there is refused with the valid sections', () => {
    expect(() => rules(newStack(), { requirementSets: [setOf(webSection(), networkSection())], collectionPriorities: { 'test/wbe': 1000 } }).render()).toThrow(
      'Unknown section in collectionPriorities "test/wbe" (from AzureFirewallPolicyRules test/egress). Did you mean "test/web"? Valid values: test/net, test/web.',
    );
  });

  test('an override out of range is refused', () => {
    expect(() => rules(newStack(), { requirementSets: [setOf(webSection())], collectionPriorities: { 'test/web': 64996 } })).toThrow(
      'Invalid collectionPriorities["test/web"] "64996" (from AzureFirewallPolicyRules test/egress collectionPriorities["test/web"]). Azure Firewall priorities are whole numbers from 100 to 64995 (the application collection takes the priority + 5).',
    );
    expect(() => rules(newStack(), { requirementSets: [setOf(webSection())], collectionPriorities: { 'test/web': 99 } })).toThrow('Invalid collectionPriorities["test/web"] "99"');
  });
});

describe('unique source/destination pairs in network rules (20,000)', () => {
  const partner = (n: number) => section('partner').cidrs(spreadAddresses(n), Protocol.TCP, [443], 'Partner endpoints');
  const fourSources = FirewallRuleSources.addresses(['10.0.0.0/24', '10.0.2.0/24', '10.0.4.0/24', '10.0.6.0/24']);

  test('4 sources x 5,000 destinations = 20,000 is accepted', () => {
    const stack = newStack();
    const construct = rules(stack, { requirementSets: [setOf(partner(5000))], sources: fourSources });
    expect(construct.plan.networkRulePairs).toBe(20000);
    const [group] = Object.values(groupsByName(synthJson(stack)));
    expect(group.network_rule_collection[0].rule[0].destination_addresses).toHaveLength(5000);
  });

  test('3 sources x 6,667 destinations = 20,001 is refused with the count, the limit and the way out', () => {
    const threeSources = FirewallRuleSources.addresses(['10.0.0.0/24', '10.0.2.0/24', '10.0.4.0/24']);
    expect(() => rules(newStack(), { requirementSets: [setOf(partner(6667))], sources: threeSources }).render()).toThrow(
      'Azure Firewall unique source/destination pairs in network rules: 20001 exceeds the limit of 20000 (from AzureFirewallPolicyRules test/egress). ' +
        'Pairs are sources x destinations summed over network rules, and an IP group counts as one address: put the sources in an IP group ' +
        '(FirewallRuleSources.ipGroupIds or FirewallRuleSources.newIpGroup), use fewer, wider source ranges, or spread the sections over several firewall policies.',
    );
  });

  test('an IP Group counts as one source', () => {
    const ipGroup = FirewallRuleSources.newIpGroup({ name: 'g', resourceGroupName: 'rg', location: 'westeurope', cidrs: ['10.0.0.0/24', '10.0.2.0/24', '10.0.4.0/24'] });
    const construct = rules(newStack(), { requirementSets: [setOf(partner(6667))], sources: ipGroup });
    expect(construct.plan.networkRulePairs).toBe(6667);
  });

  test('application rules do not count', () => {
    expect(planAzureFirewallRules([setOf(webSection())], options()).networkRulePairs).toBe(0);
  });
});

describe('FQDNs in network rules', () => {
  test('more than 1,000 adds a performance warning; 1,000 does not', () => {
    const names = (n: number) => Array.from({ length: n }, (_, i) => `ntp${i}.example.com`);
    const warnings = (n: number) => {
      const construct = rules(newStack(), { requirementSets: [setOf(section('ntp').fqdns(names(n), Protocol.UDP, [123], 'Time'))], dnsProxyEnabled: true });
      construct.render();
      return construct.node.metadata.filter((m) => m.type === '@cdktf/warn').map((m) => String(m.data));
    };
    expect(warnings(1000)).toEqual([]);
    expect(warnings(1001)).toEqual([
      '1001 FQDNs in network rules: Azure advises at most 1000 per firewall for good performance. State HTTP/HTTPS flows as http/https so they become application rules.',
    ]);
  });
});

describe('rule collection groups per policy (60) and their size (2 MB)', () => {
  test('60 groups are accepted, chained with depends_on and consecutive priorities', () => {
    const stack = newStack();
    const construct = rules(stack, { requirementSets: [setOf(...manySections(60))], maxRuleCollectionGroupBytes: oneCollectionPerGroupBytes() });
    expect(construct.ruleCollectionGroups).toHaveLength(60);
    const json = synthJson(stack);
    const resources = json.resource.azurerm_firewall_policy_rule_collection_group;
    const ids = Object.keys(resources);
    const byName = groupsByName(json);
    expect(byName.egress.priority).toBe(500);
    expect(byName.egress.depends_on).toBeUndefined();
    expect(byName['egress-2'].priority).toBe(501);
    expect(byName['egress-60'].priority).toBe(559);
    const idOf = (name: string) => ids.find((id) => resources[id].name === name);
    expect(byName['egress-2'].depends_on).toEqual([`azurerm_firewall_policy_rule_collection_group.${idOf('egress')}`]);
    expect(byName['egress-60'].depends_on).toEqual([`azurerm_firewall_policy_rule_collection_group.${idOf('egress-59')}`]);
    expect(construct.lastRuleCollectionGroup).toBe(construct.ruleCollectionGroups[59]);
    expect(construct.plan.groups[59].name).toBe('egress-60');
  });

  test('61 groups are refused with the count, the limit and the way out', () => {
    expect(() => rules(newStack(), { requirementSets: [setOf(...manySections(61))], maxRuleCollectionGroupBytes: oneCollectionPerGroupBytes() }).render()).toThrow(
      /^Azure Firewall rule collection groups for one policy: 61 exceeds the limit of 60 \(from AzureFirewallPolicyRules test\/egress\)\. Groups split at \d+ estimated bytes each\. Put the sources in an IP group to shrink every rule, spread the requirement sets over several firewall policies, or raise maxRuleCollectionGroups if the policy allows more\.$/,
    );
  });

  test('maxRuleCollectionGroups lowers the limit (a policy that already has other groups)', () => {
    expect(() =>
      rules(newStack(), { requirementSets: [setOf(...manySections(3))], maxRuleCollectionGroupBytes: oneCollectionPerGroupBytes(), maxRuleCollectionGroups: 2 }).render(),
    ).toThrow(/rule collection groups for one policy: 3 exceeds the limit of 2/);
  });

  test('a group at exactly the byte limit stays one group; one byte less splits it in two', () => {
    const set = setOf(webSection(), networkSection());
    const total = planAzureFirewallRules([set], options()).groups[0].estimatedBytes;
    const at = planAzureFirewallRules([set], options({ maxGroupBytes: total }));
    expect(at.groups.map((g) => g.estimatedBytes)).toEqual([total]);
    const over = planAzureFirewallRules([set], options({ maxGroupBytes: total - 1 }));
    expect(over.groups.map((g) => g.collections.map((c) => c.name))).toEqual([['test-web-application-42d96d1e'], ['test-net-network-499fe952']]);
  });

  test('a collection larger than a group is split by rules into parts that keep its priority', () => {
    const big = section('big').fqdns(
      Array.from({ length: 10 }, (_, i) => `host${i}.example.com`),
      Protocol.HTTPS,
      [443],
      'Hosts',
    );
    const whole = planAzureFirewallRules([setOf(big)], options()).groups[0];
    const plan = planAzureFirewallRules([setOf(big)], options({ maxGroupBytes: Math.ceil(whole.estimatedBytes / 3) + 100 }));
    expect(plan.groups.length).toBeGreaterThanOrEqual(3);
    const parts = plan.groups.map((g) => g.collections[0]);
    expect(parts.map((c) => c.name)).toEqual(parts.map((_, i) => (i === 0 ? whole.collections[0].name : `${whole.collections[0].name}-${i + 1}`)));
    expect(new Set(parts.map((c) => c.priority))).toEqual(new Set([whole.collections[0].priority]));
    expect(parts.flatMap((c) => c.applicationRules!.map((r) => r.name))).toEqual(whole.collections[0].applicationRules!.map((r) => r.name));
    for (const g of plan.groups) expect(g.estimatedBytes).toBeLessThanOrEqual(Math.ceil(whole.estimatedBytes / 3) + 100);
  });

  test('a single rule larger than a group is refused', () => {
    expect(() => planAzureFirewallRules([setOf(webSection())], options({ maxGroupBytes: 300 }))).toThrow(
      /^Estimated size in bytes of rule wildcard-data-mcr-microsoft-com-f14ad3b0 in Azure Firewall rule collection test-web-application-42d96d1e: \d+ exceeds the limit of 300 \(from test\)\. One rule cannot be split across groups\./,
    );
  });

  test('with the default 2 MB limit, a plan of about 2.5 MB is split into two groups', () => {
    const hosts = Array.from({ length: 10000 }, (_, i) => `host${i}.example.com`);
    const set = setOf(section('bulk', 'Bulk hosts').fqdns(hosts, Protocol.HTTPS, [443], 'One of many hosts'));
    const plan = planAzureFirewallRules([set], options());
    const total = plan.groups.reduce((sum, g) => sum + g.estimatedBytes, 0);
    expect(total).toBeGreaterThan(LIMITS.azureRuleCollectionGroupBytes);
    expect(plan.groups).toHaveLength(2);
    for (const g of plan.groups) expect(g.estimatedBytes).toBeLessThanOrEqual(2 * 1024 * 1024);
  });
});
