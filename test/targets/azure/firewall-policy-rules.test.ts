import { Testing } from 'cdktf';
import { FirewallPolicyRuleCollectionGroup } from '@cdktf/provider-azurerm/lib/firewall-policy-rule-collection-group';
import { IpGroup } from '@cdktf/provider-azurerm/lib/ip-group';
import { aksProfile, AksAddon, AKS_FQDN_TAG_SECTIONS } from '../../../lib/catalog/aks';
import { chainguardEnforceProfile } from '../../../lib/catalog/chainguard-enforce';
import { Direction, Peer, PortRange, Protocol } from '../../../lib/model';
import { AzureFirewallRuleMode, FirewallRuleSources } from '../../../lib/targets/azure';
import {
  collection,
  groupsByName,
  ingressSection,
  IP_GROUP_ID,
  Json,
  networkSection,
  newStack,
  ntpSection,
  POLICY_ID,
  rules,
  section,
  setOf,
  sourceText,
  synthJson,
  webSection,
} from './fixtures';

const SOURCES = ['10.42.1.0/24'];

describe('AzureFirewallPolicyRules: application rules', () => {
  test('HTTPS and HTTP rows become Http/Https protocol blocks, one rule per name, wildcards kept left-most', () => {
    // GIVEN
    const stack = newStack();
    // WHEN
    rules(stack, { requirementSets: [setOf(webSection())] });
    // THEN
    const json = synthJson(stack);
    expect(collection(json, 'test-web-application')).toEqual({
      name: 'test-web-application-42d96d1e',
      action: 'Allow',
      priority: 5905,
      rule: [
        {
          name: 'wildcard-data-mcr-microsoft-com-f14ad3b0',
          description: `Pull images. ${sourceText('web')}`,
          protocols: [{ type: 'Https', port: 443 }],
          source_addresses: SOURCES,
          destination_fqdns: ['*.data.mcr.microsoft.com'],
        },
        {
          name: 'mcr-microsoft-com-9fde6aef',
          description: `Pull images. ${sourceText('web')}`,
          protocols: [{ type: 'Https', port: 443 }],
          source_addresses: SOURCES,
          destination_fqdns: ['mcr.microsoft.com'],
        },
        {
          name: 'security-ubuntu-com-b54366aa',
          description: `OS updates / OS updates over TLS. ${sourceText('web')}`,
          protocols: [
            { type: 'Http', port: 80 },
            { type: 'Https', port: 443 },
          ],
          source_addresses: SOURCES,
          destination_fqdns: ['security.ubuntu.com'],
        },
      ],
    });
  });

  test('the rule collection group carries the policy id, the name and the base priority', () => {
    const stack = newStack();
    rules(stack, { requirementSets: [setOf(webSection())], ruleCollectionGroupName: 'aks-egress', basePriority: 300 });
    expect(Testing.synth(stack)).toHaveResourceWithProperties(FirewallPolicyRuleCollectionGroup, {
      name: 'aks-egress',
      firewall_policy_id: POLICY_ID,
      priority: 300,
    });
  });

  test('the default name is the construct id as a slug, lengthened when it has one character', () => {
    const stack = newStack();
    rules(stack, { requirementSets: [setOf(webSection())] }, 'AKS Egress');
    rules(stack, { requirementSets: [setOf(webSection())], basePriority: 600 }, 'e');
    const names = Object.values<Json>(synthJson(stack).resource.azurerm_firewall_policy_rule_collection_group).map((g) => g.name);
    expect(names.sort()).toEqual(['aks-egress', 'e-rules']);
  });

  test('a user FQDN tag peer becomes destination_fqdn_tags', () => {
    const stack = newStack();
    const tagged = section('tags').row([Peer.fqdnTag('WindowsUpdate')], Protocol.HTTPS, [443], 'Windows updates');
    rules(stack, { requirementSets: [setOf(tagged)] });
    expect(collection(synthJson(stack), 'test-tags-application').rule).toEqual([
      {
        name: 'windowsupdate-fqdn-tag-94a8607e',
        description: `Windows updates. ${sourceText('tags')}`,
        protocols: [{ type: 'Https', port: 443 }],
        source_addresses: SOURCES,
        destination_fqdn_tags: ['WindowsUpdate'],
      },
    ]);
  });
});

describe('AzureFirewallPolicyRules: network rules', () => {
  test('service tags go to destination_addresses, CIDRs merge exactly, ports are strings, ICMP takes *', () => {
    const stack = newStack();
    rules(stack, { requirementSets: [setOf(networkSection())] });
    expect(collection(synthJson(stack), 'test-net-network')).toEqual({
      name: 'test-net-network-499fe952',
      action: 'Allow',
      priority: 17550,
      rule: [
        {
          name: '198-51-100-7-32-icmp-ba09bf04',
          description: `Reachability checks. ${sourceText('net')}`,
          protocols: ['ICMP'],
          source_addresses: SOURCES,
          destination_addresses: ['198.51.100.7/32'],
          destination_ports: ['*'],
        },
        {
          // 203.0.113.0/25 and 203.0.113.128/25 are adjacent: one /24, nothing wider.
          name: '203-0-113-0-24-tcp-30000-32767-5d82d2ba',
          description: `Node ports of the partner. ${sourceText('net')}`,
          protocols: ['TCP'],
          source_addresses: SOURCES,
          destination_addresses: ['203.0.113.0/24'],
          destination_ports: ['30000-32767'],
        },
        {
          name: 'azurecloud-westeurope-udp-1194-14f7cf10',
          description: `Tunnel to the control plane. ${sourceText('net')}`,
          protocols: ['UDP'],
          source_addresses: SOURCES,
          destination_addresses: ['AzureCloud.westeurope'],
          destination_ports: ['1194'],
        },
        {
          // HTTPS to a service tag: service tags exist only in network rules, so it is TCP 443.
          name: 'azuremonitor-tcp-443-477edfae',
          description: `Metrics and logs. ${sourceText('net')}`,
          protocols: ['TCP'],
          source_addresses: SOURCES,
          destination_addresses: ['AzureMonitor'],
          destination_ports: ['443'],
        },
      ],
    });
  });

  test('an FQDN in a network rule (NTP to ntp.ubuntu.com UDP 123) is rendered when DNS proxy is enabled', () => {
    const stack = newStack();
    rules(stack, { requirementSets: [setOf(ntpSection())], dnsProxyEnabled: true });
    expect(collection(synthJson(stack), 'test-ntp-network')).toEqual({
      name: 'test-ntp-network-66f8b450',
      action: 'Allow',
      priority: 34180,
      rule: [
        {
          name: 'ntp-ubuntu-com-udp-123-b84900b2',
          description: `Time synchronization. ${sourceText('ntp')}`,
          protocols: ['UDP'],
          source_addresses: SOURCES,
          destination_fqdns: ['ntp.ubuntu.com'],
          destination_ports: ['123'],
        },
      ],
    });
  });

  test('an FQDN in a network rule without DNS proxy is an error that says how to enable it', () => {
    expect(() => rules(newStack(), { requirementSets: [setOf(ntpSection())] })).toThrow(
      'An Azure Firewall network rule cannot express "ntp.ubuntu.com": FQDNs in network rules work only with DNS proxy enabled on the firewall policy ' +
        '(from test/ntp: ntp.ubuntu.com udp/123 (Time synchronization)). ' +
        'Enable DNS proxy on the policy (azurerm_firewall_policy dns { proxy_enabled = true }) and set dnsProxyEnabled: true on this construct.',
    );
  });

  test('a wildcard in a network rule is refused even with DNS proxy', () => {
    const wild = section('wild').fqdns(['*.example.com'], Protocol.TCP, [443], 'Anything under example.com');
    expect(() => rules(newStack(), { requirementSets: [setOf(wild)], dnsProxyEnabled: true })).toThrow(
      /cannot express "\*\.example\.com": FQDN filtering in network rules does not support wildcards .* State the flow as http or https/,
    );
  });

  test('ANY protocol renders as Any with port *', () => {
    const stack = newStack();
    const any = section('any').cidrs(['192.0.2.0/24'], Protocol.ANY, [], 'Peering partner');
    rules(stack, { requirementSets: [setOf(any)] });
    const rule = collection(synthJson(stack), 'test-any-network').rule[0];
    expect(rule).toMatchObject({ protocols: ['Any'], destination_ports: ['*'], destination_addresses: ['192.0.2.0/24'] });
  });
});

describe('AzureFirewallPolicyRules: sources', () => {
  test('existing IP Group ids go to source_ip_groups', () => {
    const stack = newStack();
    rules(stack, { requirementSets: [setOf(webSection())], sources: FirewallRuleSources.ipGroupIds([IP_GROUP_ID]) });
    const rule = collection(synthJson(stack), 'test-web-application').rule[0];
    expect(rule.source_ip_groups).toEqual([IP_GROUP_ID]);
    expect(rule.source_addresses).toBeUndefined();
  });

  test('newIpGroup creates an azurerm_ip_group with the aggregated CIDRs and every rule references it', () => {
    const stack = newStack();
    rules(stack, {
      requirementSets: [setOf(webSection(), networkSection())],
      sources: FirewallRuleSources.newIpGroup({ name: 'aks-nodes', resourceGroupName: 'rg', location: 'westeurope', cidrs: ['10.42.1.0/24', '10.42.0.0/24'], tags: { team: 'platform' } }),
    });
    const synthesized = Testing.synth(stack);
    expect(synthesized).toHaveResourceWithProperties(IpGroup, {
      name: 'aks-nodes',
      resource_group_name: 'rg',
      location: 'westeurope',
      cidrs: ['10.42.0.0/23'],
      tags: { team: 'platform' },
    });
    const json = JSON.parse(synthesized);
    const [ipGroupId] = Object.keys(json.resource.azurerm_ip_group);
    const allRules = [...collection(json, 'test-web-application').rule, ...collection(json, 'test-net-network').rule];
    for (const rule of allRules) {
      expect(rule.source_ip_groups).toEqual([`\${azurerm_ip_group.${ipGroupId}.id}`]);
    }
  });

  test('anySource is the explicit opt-in for *', () => {
    const stack = newStack();
    rules(stack, { requirementSets: [setOf(webSection())], sources: FirewallRuleSources.anySource() });
    expect(collection(synthJson(stack), 'test-web-application').rule[0].source_addresses).toEqual(['*']);
  });

  test('source CIDRs are aggregated exactly', () => {
    expect(FirewallRuleSources.addresses(['10.0.1.0/24', '10.0.0.0/24', '10.0.3.0/24']).values).toEqual(['10.0.0.0/23', '10.0.3.0/24']);
  });

  test('a /0 source is refused with the named opt-in as the fix', () => {
    expect(() => FirewallRuleSources.addresses(['0.0.0.0/0'])).toThrow(
      'Invalid source "0.0.0.0/0" (from FirewallRuleSources.addresses cidrs[0]). 0.0.0.0/0 allows every IPv4 address. ' +
        "Give the cluster's subnets, or opt in explicitly with FirewallRuleSources.anySource().",
    );
  });

  test('empty sources are refused', () => {
    expect(() => FirewallRuleSources.addresses([])).toThrow('Invalid cidrs "[]" (from FirewallRuleSources.addresses cidrs). Give at least one entry in cidrs.');
    expect(() => FirewallRuleSources.ipGroupIds([])).toThrow('Invalid ids "[]" (from FirewallRuleSources.ipGroupIds ids). Give at least one entry in ids.');
  });

  test('a malformed source CIDR names the fix', () => {
    expect(() => FirewallRuleSources.addresses(['10.42.1.1/24'])).toThrow('Did you mean 10.42.1.0/24?');
  });

  test('an IP Group id that is not a resource id is refused', () => {
    expect(() => FirewallRuleSources.ipGroupIds(['aks-nodes'])).toThrow(/Invalid IP Group id "aks-nodes" \(from FirewallRuleSources.ipGroupIds ids\[0\]\)\. Give the resource id/);
  });

  test('a new IP Group takes at most 5,000 CIDRs (at the limit and one over)', () => {
    const cidrs = (n: number) => Array.from({ length: n }, (_, i) => `10.${Math.floor(i / 128)}.${(i % 128) * 2}.0/24`);
    const props = { name: 'g', resourceGroupName: 'rg', location: 'westeurope' };
    expect(FirewallRuleSources.newIpGroup({ ...props, cidrs: cidrs(5000) }).values).toHaveLength(5000);
    expect(() => FirewallRuleSources.newIpGroup({ ...props, cidrs: cidrs(5001) })).toThrow(
      'CIDRs in one Azure Firewall IP Group: 5001 exceeds the limit of 5000 (from FirewallRuleSources.newIpGroup). ' +
        'Use wider subnets, or create several IP Groups and pass their ids with FirewallRuleSources.ipGroupIds.',
    );
  });

  test('a new IP Group needs a name', () => {
    expect(() => FirewallRuleSources.newIpGroup({ name: ' ', resourceGroupName: 'rg', location: 'westeurope', cidrs: ['10.0.0.0/24'] })).toThrow(
      `Invalid name " " (from FirewallRuleSources.newIpGroup name). Give the IP Group a name, e.g. 'ipg-aks-nodes'.`,
    );
  });
});

describe('AzureFirewallPolicyRules: FQDN tag mode', () => {
  test('with the AKS profile, the core FQDN rows become one AzureKubernetesService rule; add-ons stay explicit', () => {
    const stack = newStack();
    const aks = aksProfile({ location: 'westeurope', addons: [AksAddon.AZURE_POLICY] });
    rules(stack, { requirementSets: [aks], mode: AzureFirewallRuleMode.FQDN_TAG });
    const json = synthJson(stack);
    const core = collection(json, 'aks-azure-public-fqdn-rules-application');
    expect(core.rule).toHaveLength(1);
    expect(core.rule[0]).toMatchObject({
      name: 'azurekubernetesservice-fqdn-tag-3b102e75',
      protocols: [{ type: 'Https', port: 443 }],
      source_addresses: SOURCES,
      destination_fqdn_tags: ['AzureKubernetesService'],
    });
    expect(core.rule[0].description).toMatch(/^The AzureKubernetesService FQDN tag covers the \d+ FQDN rows of this section\. Source: /);
    expect(core.rule[0].destination_fqdns).toBeUndefined();
    const policy = collection(json, 'aks-addon-azure-policy-application');
    expect(policy.rule.map((r: { destination_fqdns: string[] }) => r.destination_fqdns[0])).toEqual([
      'data.policy.core.windows.net',
      'dc.services.visualstudio.com',
      'store.policy.core.windows.net',
    ]);
  });

  test('the AzureKubernetesService tag covers the core FQDN tables of each cloud', () => {
    expect(AKS_FQDN_TAG_SECTIONS).toEqual(['aks/azure-public-fqdn-rules', 'aks/azure-china-fqdn-rules', 'aks/azure-us-government-fqdn-rules']);
  });

  test('sections the tag does not cover keep explicit rules; network rows of a tag section stay explicit', () => {
    const stack = newStack();
    const mixed = section('core')
      .fqdns(['mcr.microsoft.com'], Protocol.HTTPS, [443], 'Images')
      .row([Peer.serviceTag('AzureCloud.westeurope')], Protocol.TCP, [9000], 'Tunnel');
    rules(stack, { requirementSets: [setOf(mixed, webSection())], mode: AzureFirewallRuleMode.FQDN_TAG, fqdnTagSections: ['test/core'] });
    const json = synthJson(stack);
    expect(collection(json, 'test-core-application').rule.map((r: { name: string }) => r.name)).toEqual(['azurekubernetesservice-fqdn-tag-3b102e75']);
    expect(collection(json, 'test-core-network').rule[0].destination_addresses).toEqual(['AzureCloud.westeurope']);
    expect(collection(json, 'test-web-application').rule).toHaveLength(3);
  });

  test('FQDN tag mode without any covered section is an error', () => {
    expect(() => rules(newStack(), { requirementSets: [setOf(webSection())], mode: AzureFirewallRuleMode.FQDN_TAG }).render()).toThrow(
      /Invalid mode "fqdn-tag" \(from AzureFirewallPolicyRules test\/egress\)\. None of the requirements comes from a section the AzureKubernetesService FQDN tag covers \(aks\/azure-public-fqdn-rules, .*\)\. Use AzureFirewallRuleMode\.EXPLICIT_FQDNS, or pass the AKS profile\./,
    );
  });
});

describe('AzureFirewallPolicyRules: what is not an egress rule', () => {
  test('ingress requirements are skipped and reported', () => {
    const stack = newStack();
    const construct = rules(stack, { requirementSets: [setOf(webSection(), ingressSection())] });
    expect(construct.skippedRequirements.map((r) => `${r.direction} ${r.peer.value}`)).toEqual(['ingress 34.132.193.40/32']);
    expect(Testing.synth(stack)).not.toContain('34.132.193.40');
  });

  test('only ingress requirements is an error that points to AksAuthorizedIpRanges', () => {
    expect(() => rules(newStack(), { requirementSets: [setOf(ingressSection())] }).render()).toThrow(
      'Invalid requirement sets "1 requirement(s), none egress from the nodes" (from AzureFirewallPolicyRules test/egress). ' +
        'An Azure Firewall policy filters egress traffic; pass requirement sets with egress requirements (ingress CIDRs to the API server belong in AksAuthorizedIpRanges).',
    );
  });

  test('the Chainguard Enforce agent profile: hosts become rules, its ingress CIDRs are skipped', () => {
    const stack = newStack();
    const construct = rules(stack, { requirementSets: [chainguardEnforceProfile({ acknowledgeRetired: true })] });
    expect(construct.skippedRequirements.every((r) => r.direction === Direction.INGRESS)).toBe(true);
    expect(construct.skippedRequirements.length).toBeGreaterThan(0);
    const hosts = collection(synthJson(stack), 'chainguard-enforce-chainguard-hosts-application');
    expect(hosts.rule.find((r: { destination_fqdns: string[] }) => r.destination_fqdns[0] === 'issuer.enforce.dev')).toMatchObject({
      protocols: [{ type: 'Https', port: 443 }],
    });
  });

  test('an unresolved placeholder is an error that says how to fill it', () => {
    const dns = section('dns').row([Peer.placeholder('custom-dns-servers', 'Set customDnsServers.')], Protocol.UDP, [53], 'Custom DNS');
    expect(() => rules(newStack(), { requirementSets: [setOf(dns)] })).toThrow('Placeholder <custom-dns-servers> is not resolved (from test/dns: <custom-dns-servers> (Custom DNS)). Set customDnsServers.');
  });

  test('an application rule port range is refused', () => {
    const range = section('range').row([Peer.fqdn('example.com')], Protocol.HTTPS, [PortRange.range(8443, 8445)], 'Range');
    expect(() => rules(newStack(), { requirementSets: [setOf(range)] })).toThrow(
      /Invalid application rule port "8443-8445" \(from test\/range: example\.com https\/8443-8445 \(Range\)\)\. An Azure Firewall application rule takes single ports/,
    );
  });

  test('an application rule port above 64000 is refused', () => {
    const high = section('high').fqdns(['example.com'], Protocol.HTTPS, [64001], 'High port');
    expect(() => rules(newStack(), { requirementSets: [setOf(high)] })).toThrow(/Invalid application rule port "64001" .* go up to 64000/);
    const edge = section('edge').fqdns(['example.com'], Protocol.HTTPS, [64000], 'Edge port');
    expect(() => rules(newStack(), { requirementSets: [setOf(edge)] })).not.toThrow();
  });

  test('bad props are refused before anything is created', () => {
    const stack = newStack();
    expect(() => rules(stack, { requirementSets: [setOf(webSection())], firewallPolicyId: ' ' })).toThrow(/Invalid firewallPolicyId " "/);
    expect(() => rules(stack, { requirementSets: [setOf(webSection())], ruleCollectionGroupName: 'bad name' }, 'b')).toThrow(/Invalid ruleCollectionGroupName "bad name"/);
    // The azurerm provider's name pattern: the last character a letter, digit or underscore, at least two characters.
    expect(() => rules(stack, { requirementSets: [setOf(webSection())], ruleCollectionGroupName: 'aks-egress-' }, 'b2')).toThrow(
      'Invalid ruleCollectionGroupName "aks-egress-" (from AzureFirewallPolicyRules test/b2 ruleCollectionGroupName). Use a literal name of at least two letters, digits, dots, underscores and hyphens, starting with a letter or digit and ending with a letter, digit or underscore (it also names the Terraform resources).',
    );
    expect(() => rules(stack, { requirementSets: [setOf(webSection())], ruleCollectionGroupName: 'x' }, 'b4')).toThrow(/Invalid ruleCollectionGroupName "x"/);
    expect(() => rules(newStack(), { requirementSets: [setOf(webSection())], ruleCollectionGroupName: 'aks_' })).not.toThrow();
    expect(() => rules(stack, { requirementSets: [setOf(webSection())], maxRuleCollectionGroups: 0 }, 'c')).toThrow(/Invalid maxRuleCollectionGroups "0"/);
    expect(() => rules(stack, { requirementSets: [setOf(webSection())], maxRuleCollectionGroupBytes: 1.5 }, 'd')).toThrow(/Invalid maxRuleCollectionGroupBytes "1.5"/);
    expect(() => rules(stack, { requirementSets: [setOf(ntpSection())] }, 'e')).toThrow(/DNS proxy/);
    expect(JSON.parse(Testing.synth(stack)).resource).toBeUndefined();
  });
});

describe('AzureFirewallPolicyRules: stable output', () => {
  test('synthesizing twice is byte-identical', () => {
    const build = () => {
      const stack = newStack();
      rules(stack, { requirementSets: [setOf(webSection(), networkSection(), ntpSection()), chainguardEnforceProfile({ acknowledgeRetired: true })], dnsProxyEnabled: true });
      return Testing.synth(stack);
    };
    expect(build()).toEqual(build());
  });

  test('the order of the requirement sets does not matter', () => {
    const a = newStack();
    rules(a, { requirementSets: [setOf(webSection()), setOf(networkSection())] });
    const b = newStack();
    rules(b, { requirementSets: [setOf(networkSection()), setOf(webSection())] });
    expect(Testing.synth(a)).toEqual(Testing.synth(b));
  });

  test('adding one add-on adds exactly its collections and leaves every other resource byte-identical', () => {
    // Azure Monitor shares flows with the core table (login.microsoftonline.com), Defender (*.ods/*.oms.opinsights)
    // and Azure Policy (dc.services.visualstudio.com): those stay in the other collections, unchanged.
    const synth = (addons: AksAddon[]) => {
      const stack = newStack();
      rules(stack, {
        requirementSets: [aksProfile({ location: 'westeurope', addons }), chainguardEnforceProfile({ acknowledgeRetired: true })],
        sources: FirewallRuleSources.newIpGroup({ name: 'aks-nodes', resourceGroupName: 'rg', location: 'westeurope', cidrs: ['10.42.1.0/24'] }),
      });
      return synthJson(stack);
    };
    const before = synth([AksAddon.AZURE_POLICY, AksAddon.DEFENDER]);
    const after = synth([AksAddon.AZURE_POLICY, AksAddon.DEFENDER, AksAddon.AZURE_MONITOR]);

    const [groupBefore] = Object.values(groupsByName(before));
    const [groupAfter] = Object.values(groupsByName(after));
    const names = (g: { application_rule_collection?: Array<{ name: string }>; network_rule_collection?: Array<{ name: string }> }) =>
      [...(g.application_rule_collection ?? []), ...(g.network_rule_collection ?? [])].map((c) => c.name);
    const added = names(groupAfter).filter((n) => !names(groupBefore).includes(n));
    expect(added).toEqual(['aks-addon-azure-monitor-application-5397bda7', 'aks-addon-azure-monitor-network-dc8ed991']);

    // Every collection that existed before is byte-identical, in the same order.
    const strip = (cs: Array<{ name: string }> = []) => JSON.stringify(cs.filter((c) => !added.includes(c.name)));
    expect(strip(groupAfter.application_rule_collection)).toEqual(strip(groupBefore.application_rule_collection));
    expect(strip(groupAfter.network_rule_collection)).toEqual(strip(groupBefore.network_rule_collection ?? []));
    // The group's own attributes and every other resource are byte-identical.
    const rest = (g: Record<string, unknown>) => JSON.stringify({ ...g, application_rule_collection: undefined, network_rule_collection: undefined });
    expect(rest(groupAfter)).toEqual(rest(groupBefore));
    const others = (json: { resource: Record<string, unknown> }) => JSON.stringify({ ...json.resource, azurerm_firewall_policy_rule_collection_group: undefined });
    expect(others(after)).toEqual(others(before));
    expect(Object.keys(after.resource.azurerm_firewall_policy_rule_collection_group)).toEqual(Object.keys(before.resource.azurerm_firewall_policy_rule_collection_group));
  });

  test('a flow listed by two sections appears in both, each with its own purpose', () => {
    const stack = newStack();
    const core = section('core').fqdns(['login.microsoftonline.com'], Protocol.HTTPS, [443], 'Microsoft Entra authentication (core)');
    const addon = section('addon').fqdns(['login.microsoftonline.com'], Protocol.HTTPS, [443], 'Microsoft Entra authentication (add-on)');
    rules(stack, { requirementSets: [setOf(core), setOf(addon)] });
    const json = synthJson(stack);
    expect(collection(json, 'test-core-application').rule[0].description).toEqual(`Microsoft Entra authentication (core). ${sourceText('core')}`);
    expect(collection(json, 'test-addon-application').rule[0].description).toEqual(`Microsoft Entra authentication (add-on). ${sourceText('addon')}`);
  });

  test("a merged requirement keeps each source's purposes (Requirement.purposesFrom)", () => {
    const core = section('core').fqdns(['login.microsoftonline.com'], Protocol.HTTPS, [443], 'Core purpose');
    const addon = section('addon').fqdns(['login.microsoftonline.com'], Protocol.HTTPS, [443], 'Add-on purpose');
    const [merged] = setOf(core, addon).requirements;
    expect(merged.purposes).toEqual(['Core purpose', 'Add-on purpose']);
    expect(merged.purposesFrom(core.provenance)).toEqual(['Core purpose']);
    expect(merged.purposesFrom(addon.provenance)).toEqual(['Add-on purpose']);
    expect(merged.withPeer(Peer.fqdn('login.microsoftonline.us')).purposesFrom(addon.provenance)).toEqual(['Add-on purpose']);
    // A source the requirement does not cite falls back to every purpose.
    expect(merged.purposesFrom(section('other').provenance)).toEqual(['Core purpose', 'Add-on purpose']);
  });

  test('descriptions are sanitized and cut, keeping the source', () => {
    const stack = newStack();
    const long = section('long').fqdns(['example.com'], Protocol.HTTPS, [443], `Uses \${var.x} and %{if} "quotes" ${'x'.repeat(600)}`);
    rules(stack, { requirementSets: [setOf(long)] });
    const description: string = collection(synthJson(stack), 'test-long-application').rule[0].description;
    expect(description.length).toBeLessThanOrEqual(512);
    expect(description).toMatch(/^Uses var\.x and if quotes x+\.\.\. Source: test\/long, Table long$/);
    expect(description).not.toMatch(/[${}%"]/);
  });
});


describe('AzureFirewallPolicyRules: plans shared between stacks', () => {
  test('GIVEN two stacks with the same sets and options THEN they share one plan; other options or sets get their own', () => {
    // GIVEN
    const sets = [setOf(webSection(), networkSection())];
    // WHEN
    const first = rules(newStack(), { requirementSets: sets });
    const second = rules(newStack(), { requirementSets: sets }, 'egress');
    const otherPriority = rules(newStack(), { requirementSets: sets, basePriority: 300 });
    const otherSets = rules(newStack(), { requirementSets: [setOf(webSection(), networkSection())] });
    // THEN
    expect(second.plan).toBe(first.plan);
    expect(otherPriority.plan).not.toBe(first.plan);
    expect(otherPriority.plan.groups[0].priority).toBe(300);
    expect(otherSets.plan).not.toBe(first.plan);
    expect(otherSets.plan).toEqual(first.plan);
  });

  test('GIVEN the same failing sets and options in two stacks THEN each error names its own stack (failures are not cached)', () => {
    const sets = [setOf(webSection())];
    // Rendering (and so planning) happens when the plan is first read.
    expect(() => rules(newStack(), { requirementSets: sets, maxRuleCollectionGroupBytes: 10 }, 'first-egress').plan).toThrow(/first-egress/);
    expect(() => rules(newStack(), { requirementSets: sets, maxRuleCollectionGroupBytes: 10 }, 'second-egress').plan).toThrow(/second-egress/);
  });
});
