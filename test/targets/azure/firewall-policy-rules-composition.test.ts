import { FirewallPolicy } from '@cdktf/provider-azurerm/lib/firewall-policy';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { App, TerraformStack, Testing } from 'cdktf';
import { AksAddon, aksProfile } from '../../../lib/catalog/aks';
import { chainguardEnforceProfile, EnforceEdition } from '../../../lib/catalog/chainguard-enforce';
import { Direction, FirewallRequirementsError, Landing, Protocol, RequirementSet } from '../../../lib/model';
import { AzureFirewallPolicyRules, FirewallRuleSources } from '../../../lib/targets/azure';
import { diff } from '../helpers';
import { collection, collectionsByName, IP_GROUP_ID, Json, networkSection, newStack, ntpSection, POLICY_ID, rules, section, setOf, synthJson, webSection } from './fixtures';

/** Every rule of every collection, keyed `collection/rule`, as JSON (descriptions included). */
function ruleMap(json: Json): Map<string, string> {
  const out = new Map<string, string>();
  for (const [name, c] of Object.entries(collectionsByName(json))) {
    for (const r of (c as Json).rule) out.set(`${name.replace(/-[0-9a-f]{8}$/, '')}/${r.name}`, JSON.stringify(r));
  }
  return out;
}

function validationErrors(stack: TerraformStack): string[] {
  try {
    Testing.synth(stack, true);
    return [];
  } catch (e) {
    return String((e as Error).message).split('\n').filter((l) => l.includes('Rule collection group'));
  }
}

describe('AzureFirewallPolicyRules: composition (addRequirements, lazy rendering)', () => {
  test('GIVEN a construct WHEN a set is added after construction THEN synth renders it too', () => {
    const stack = newStack();
    const construct = rules(stack, { requirementSets: [setOf(webSection())] });
    construct.addRequirements(setOf(networkSection()));
    const json = synthJson(stack);
    expect(Object.keys(collectionsByName(json)).map((n) => n.replace(/-[0-9a-f]{8}$/, '')).sort()).toEqual([
      'test-net-network',
      'test-web-application',
    ]);
  });

  test('requirementSets is optional: every set may come through addRequirements', () => {
    const stack = newStack();
    const construct = new AzureFirewallPolicyRules(stack, 'egress', { firewallPolicyId: POLICY_ID, sources: FirewallRuleSources.ipGroupIds([IP_GROUP_ID]), basePriority: 400 });
    construct.addRequirements(setOf(webSection()));
    expect(collection(synthJson(stack), 'test-web-application').rule[0].source_ip_groups).toEqual([IP_GROUP_ID]);
  });

  test('limits react to what was added later: the group limit counts the added sections', () => {
    const stack = newStack();
    const many = (from: number, n: number) => Array.from({ length: n }, (_, i) => section(`s${from + i}`).fqdns([`h${from + i}.example.com`], Protocol.HTTPS, [443], 'A host'));
    // A group holds exactly one of these sections' collections.
    const oneCollection = rules(newStack(), { requirementSets: [setOf(...many(0, 1))] }).plan.groups[0].estimatedBytes;
    const fits = rules(newStack(), { requirementSets: [setOf(...many(0, 2))], maxRuleCollectionGroups: 2, maxRuleCollectionGroupBytes: oneCollection });
    expect(fits.plan.groups).toHaveLength(2);
    const construct = rules(stack, { requirementSets: [setOf(...many(0, 2))], maxRuleCollectionGroups: 2, maxRuleCollectionGroupBytes: oneCollection });
    construct.addRequirements(setOf(...many(2, 1)));
    expect(() => construct.render()).toThrow(/rule collection groups for one policy: 3 exceeds the limit of 2/);
  });

  test('per-set checks fail at the call that added the set', () => {
    const construct = rules(newStack(), { requirementSets: [setOf(webSection())] });
    expect(() => construct.addRequirements(setOf(ntpSection()))).toThrow(/FQDNs in network rules work only with DNS proxy/);
  });

  test('adding after rendering (e.g. after reading ruleCollectionGroups) fails', () => {
    const construct = rules(newStack(), { requirementSets: [setOf(webSection())] });
    expect(construct.ruleCollectionGroups).toHaveLength(1);
    expect(() => construct.addRequirements(setOf(networkSection()))).toThrow(/has already rendered its resources/);
  });

  test('App.synth writes the groups of a construct that got its sets through addRequirements', () => {
    const app = new App({ outdir: require('fs').mkdtempSync(require('path').join(require('os').tmpdir(), 'azfw-')) });
    const stack = new TerraformStack(app, 's');
    new AzurermProvider(stack, 'azurerm', { features: [{}] });
    const construct = rules(stack, {});
    construct.addRequirements(setOf(webSection()));
    app.synth();
    expect(construct.ruleCollectionGroups).toHaveLength(1);
  });
});

describe('AzureFirewallPolicyRules: what lands elsewhere', () => {
  test('control-plane and service rows are skipped, reported and annotated; never opened on the nodes', () => {
    const stack = newStack();
    const cp = section('cp').cidrs(['34.132.193.40/32'], Protocol.TCP, [443], 'SaaS to the API server', { direction: Direction.INGRESS, landing: Landing.CONTROL_PLANE });
    const svc = section('svc').cidrs(['192.0.2.0/24'], Protocol.HTTPS, [443], 'SaaS reads the registry', { direction: Direction.INGRESS, landing: Landing.SERVICE });
    const construct = rules(stack, { requirementSets: [setOf(webSection(), cp, svc)] });
    const out = Testing.synth(stack);
    expect(out).not.toContain('34.132.193.40');
    expect(out).not.toContain('192.0.2.0');
    expect(construct.skippedRequirements.map((r) => r.landing).sort()).toEqual([Landing.CONTROL_PLANE, Landing.SERVICE]);
    const infos = construct.node.metadata.filter((m) => m.type === '@cdktf/info').map((m) => String(m.data));
    expect(infos).toHaveLength(1);
    expect(infos[0]).toMatch(/^AzureFirewallPolicyRules test\/egress: 1 requirement\(s\) land on the cluster API endpoint \(e\.g\. 34\.132\.193\.40\/32 from test\/cp\)/);
    expect(infos[0]).toContain('1 requirement(s) land on a service beside the cluster');
  });

  test('the Chainguard Enforce agent: its control-plane CIDRs are skipped, its hosts are rules', () => {
    const construct = rules(newStack(), { requirementSets: [chainguardEnforceProfile({ acknowledgeRetired: true })] });
    expect(construct.skippedRequirements.length).toBeGreaterThan(0);
    expect(construct.skippedRequirements.every((r) => r.landing === Landing.CONTROL_PLANE)).toBe(true);
  });
});

describe('AzureFirewallPolicyRules: least privilege', () => {
  const half = (cidr: string, key: string) => section(key).cidrs([cidr], Protocol.TCP, [443], `Half ${key}`);

  test('network destinations that cover every address for one flow are refused, across sections, by coverage', () => {
    const construct = rules(newStack(), { requirementSets: [setOf(half('0.0.0.0/1', 'a'), half('128.0.0.0/1', 'b'))] });
    expect(() => construct.render()).toThrow(
      'Invalid peer "0.0.0.0/0" (from 0.0.0.0/1 from test/a: Half a, 128.0.0.0/1 from test/b: Half b). A /0 peer allows every address (these networks together cover all of them). ' +
        'Give the networks the flow needs, or opt in explicitly with allowAnyAddress: true on AzureFirewallPolicyRules (AzureFirewallPolicyRules test/egress).',
    );
  });

  test('halves on different ports are two flows, and allowAnyAddress opts in', () => {
    const other = section('b').cidrs(['128.0.0.0/1'], Protocol.TCP, [8443], 'Other port');
    expect(() => rules(newStack(), { requirementSets: [setOf(half('0.0.0.0/1', 'a'), other)] }).render()).not.toThrow();
    const stack = newStack();
    rules(stack, { requirementSets: [setOf(section('any').cidrs(['::/0'], Protocol.UDP, [123], 'NTP anywhere'))], allowAnyAddress: true });
    expect(collection(synthJson(stack), 'test-any-network').rule[0].destination_addresses).toEqual(['::/0']);
  });

  test('sources that together cover every address are refused; anySource() is the opt-in', () => {
    expect(() => FirewallRuleSources.addresses(['0.0.0.0/1', '128.0.0.0/1'])).toThrow(
      'Invalid source "0.0.0.0/1, 128.0.0.0/1 (together 0.0.0.0/0)" (from FirewallRuleSources.addresses cidrs: FirewallRuleSources.addresses cidrs[0], FirewallRuleSources.addresses cidrs[1]). These networks together cover every IPv4 address.',
    );
    expect(() => FirewallRuleSources.newIpGroup({ name: 'g', resourceGroupName: 'rg', location: 'westeurope', cidrs: ['::/1', '8000::/1'] })).toThrow(/together ::\/0/);
    expect(FirewallRuleSources.anySource().values).toEqual(['*']);
  });
});

describe('AzureFirewallPolicyRules: runtime prop checks', () => {
  test('wrong types, unknown props and tokens where literals are needed are refused with the prop and the path', () => {
    const stack = newStack();
    const base = { requirementSets: [setOf(webSection())] };
    expect(() => rules(stack, { ...base, dnsProxyEnabled: 'false' as unknown as boolean })).toThrow(/^Invalid dnsProxyEnabled \(string, expected true or false\) "false" \(from AzureFirewallPolicyRules test\/egress dnsProxyEnabled\)/);
    expect(() => rules(stack, { ...base, basePriority: NaN })).toThrow(/^Invalid basePriority "NaN" \(from AzureFirewallPolicyRules test\/egress basePriority\)/);
    expect(() => rules(stack, { ...base, requirementSets: setOf(webSection()) as unknown as RequirementSet[] })).toThrow(/Wrap the set in an array: requirementSets: \[set\]/);
    expect(() => rules(stack, { ...base, sources: ['10.42.1.0/24'] as unknown as FirewallRuleSources })).toThrow(/^Invalid sources "\[\\"10.42.1.0\/24\\"\]" \(from AzureFirewallPolicyRules test\/egress sources\)\. Give sources: FirewallRuleSources.addresses/);
    expect(() => rules(stack, { ...base, allowAnyAdress: true } as never)).toThrow('Unknown property "allowAnyAdress" (from AzureFirewallPolicyRules test/egress). Did you mean "allowAnyAddress"?');
    expect(() => rules(stack, { ...base, mode: 'tag' as never })).toThrow(/^Unknown mode "tag" \(from AzureFirewallPolicyRules test\/egress mode\)\. Valid values: explicit-fqdns, fqdn-tag\./);
    expect(() => rules(stack, { ...base, ruleCollectionGroupName: '${var.name}' })).toThrow(/must be a literal known at synth, not a Terraform reference/);
    expect(() => rules(stack, { ...base, basePriority: -8.1e298 })).toThrow(/^Invalid basePriority "<unresolved Terraform token>"/);
    expect(() => rules(stack, { ...base, dependsOn: ['firewall'] as never })).toThrow(/^Invalid dependsOn entry "firewall" \(from AzureFirewallPolicyRules test\/egress dependsOn\[0\]\)/);
    // Nothing half-built is left behind: the stack synthesizes empty.
    expect(stack.node.children).toHaveLength(0);
    expect(JSON.parse(Testing.synth(stack)).resource).toBeUndefined();
  });
});

describe('AzureFirewallPolicyRules: conflicts between constructs on one policy', () => {
  test('two constructs with the same base priority on one policy fail at synth, naming both paths and the fix', () => {
    const stack = newStack();
    rules(stack, { requirementSets: [setOf(webSection())], basePriority: 300 }, 'cluster-a');
    rules(stack, { requirementSets: [setOf(networkSection())], basePriority: 300 }, 'cluster-b');
    const errors = validationErrors(stack);
    expect(errors.join('\n')).toContain(
      `Rule collection groups cluster-a and cluster-b both have priority 300 on firewall policy ${POLICY_ID}: Azure processes groups of equal priority in an undefined order ` +
        '(from AzureFirewallPolicyRules test/cluster-a and AzureFirewallPolicyRules test/cluster-b). Give one of them another basePriority',
    );
  });

  test('the same policy given as two reads of a reference is one policy; another policy is not a conflict', () => {
    const stack = newStack();
    const policy = new FirewallPolicy(stack, 'policy', { name: 'p', resourceGroupName: 'rg', location: 'westeurope' });
    const other = new FirewallPolicy(stack, 'other', { name: 'o', resourceGroupName: 'rg', location: 'westeurope' });
    rules(stack, { requirementSets: [setOf(webSection())], basePriority: 300, firewallPolicyId: policy.id }, 'a');
    rules(stack, { requirementSets: [setOf(networkSection())], basePriority: 300, firewallPolicyId: other.id }, 'b');
    expect(validationErrors(stack)).toEqual([]);
    rules(stack, { requirementSets: [setOf(networkSection())], basePriority: 300, firewallPolicyId: policy.id }, 'c');
    expect(validationErrors(stack).join('\n')).toMatch(/Rule collection groups a-rules and c-rules both have priority 300 on firewall policy \$\{azurerm_firewall_policy.policy.id\}.*\(from AzureFirewallPolicyRules test\/a and AzureFirewallPolicyRules test\/c\)/);
    expect(validationErrors(stack)).toHaveLength(1);
  });

  test('the same construct paths in two stacks (one cluster per stack) name two policies: no conflict', () => {
    const app = Testing.app();
    const stacks = ['cluster-a', 'cluster-b'].map((name) => {
      const stack = new TerraformStack(app, name);
      new AzurermProvider(stack, 'azurerm', { features: [{}] });
      const policy = new FirewallPolicy(stack, 'policy', { name: 'p', resourceGroupName: 'rg', location: 'westeurope' });
      rules(stack, { requirementSets: [setOf(webSection())], basePriority: 300, firewallPolicyId: policy.id }, 'egress');
      return stack;
    });
    for (const stack of stacks) expect(validationErrors(stack)).toEqual([]);
  });

  test('a split construct occupies basePriority..basePriority+n-1; the same group name twice is refused with the fix', () => {
    const stack = newStack();
    rules(stack, { requirementSets: [setOf(webSection())], basePriority: 300, ruleCollectionGroupName: 'aks-egress' }, 'a');
    rules(stack, { requirementSets: [setOf(networkSection())], basePriority: 400, ruleCollectionGroupName: 'aks-egress' }, 'b');
    expect(validationErrors(stack).join('\n')).toContain(
      `Rule collection group name aks-egress is used twice on firewall policy ${POLICY_ID}: the second group would replace the first (from AzureFirewallPolicyRules test/a and AzureFirewallPolicyRules test/b). Give one of them another ruleCollectionGroupName.`,
    );
  });

  test('a conflict is the library\'s own error with its code and fix, not a validation failure that suggests skipValidation', () => {
    const stack = newStack();
    rules(stack, { requirementSets: [setOf(webSection())], basePriority: 300 }, 'a');
    rules(stack, { requirementSets: [setOf(networkSection())], basePriority: 300 }, 'b');
    let error: unknown;
    try {
      Testing.synth(stack, true);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(FirewallRequirementsError);
    expect((error as FirewallRequirementsError).code).toBe('conflict');
    expect((error as FirewallRequirementsError).origin).toBe('AzureFirewallPolicyRules test/a and AzureFirewallPolicyRules test/b');
    expect((error as Error).message).not.toMatch(/skipValidation|Validation failed/);
  });

  test('distinct priorities and names on one policy synthesize', () => {
    const stack = newStack();
    rules(stack, { requirementSets: [setOf(webSection())], basePriority: 300 }, 'a');
    rules(stack, { requirementSets: [setOf(networkSection())], basePriority: 301 }, 'b');
    expect(validationErrors(stack)).toEqual([]);
  });
});

describe('AzureFirewallPolicyRules: Azure FQDN interpretation', () => {
  test("the Key Vault add-on renders *.vault.azure.net (vaults are <name>.vault.azure.net), and the description names the document's literal row", () => {
    const stack = newStack();
    rules(stack, { requirementSets: [aksProfile({ location: 'westeurope', addons: [AksAddon.KEY_VAULT_SECRETS_PROVIDER] })], dnsProxyEnabled: true });
    const json = synthJson(stack);
    const vault = collection(json, 'aks-addon-key-vault-secrets-provider-application').rule;
    expect(vault).toHaveLength(1);
    expect(vault[0].destination_fqdns).toEqual(['*.vault.azure.net']);
    expect(vault[0].description).toContain('Listed as vault.azure.net; rendered as *.vault.azure.net (interpretation)');
    expect(JSON.stringify(json)).not.toContain('"vault.azure.net"');
  });
});

describe('AzureFirewallPolicyRules: stable descriptions', () => {
  test('descriptions carry the section key and title, never the edition date or URL', () => {
    const stack = newStack();
    rules(stack, { requirementSets: [setOf(webSection())] });
    const description: string = collection(synthJson(stack), 'test-web-application').rule[0].description;
    expect(description).toBe('Pull images. Source: test/web, Table web');
    expect(description).not.toContain('2026-01-01');
    expect(description).not.toContain('https://');
  });

  test('switching Chainguard Enforce editions changes exactly the rules whose flows changed', () => {
    const synthEdition = (edition: EnforceEdition) => {
      const stack = newStack();
      rules(stack, { requirementSets: [chainguardEnforceProfile({ acknowledgeRetired: true, edition })] });
      return synthJson(stack);
    };
    const older = synthEdition(EnforceEdition.EDITION_2023_03_18);
    const newer = synthEdition(EnforceEdition.EDITION_2023_11_29);
    const flows = (edition: EnforceEdition) =>
      new Set(
        chainguardEnforceProfile({ acknowledgeRetired: true, edition })
          .requirements.filter((r) => r.direction === Direction.EGRESS)
          .map((r) => r.peer.value),
      );
    const [a, b] = [flows(EnforceEdition.EDITION_2023_03_18), flows(EnforceEdition.EDITION_2023_11_29)];
    const changedPeers = new Set([...a].filter((p) => !b.has(p)).concat([...b].filter((p) => !a.has(p))));
    expect(changedPeers.size).toBeGreaterThan(0);

    const [before, after] = [ruleMap(older), ruleMap(newer)];
    const added = [...after.keys()].filter((k) => !before.has(k));
    const removed = [...before.keys()].filter((k) => !after.has(k));
    const changed = [...before.keys()].filter((k) => after.has(k) && after.get(k) !== before.get(k));
    const peerOf = (json: string) => (JSON.parse(json).destination_fqdns ?? JSON.parse(json).destination_addresses ?? []).join(',');
    // Every added or removed rule is a changed flow, and no rule of an unchanged flow differs (not even its description).
    expect([...added.map((k) => peerOf(after.get(k)!)), ...removed.map((k) => peerOf(before.get(k)!))].every((p) => changedPeers.has(p))).toBe(true);
    expect(added.length + removed.length).toBe(changedPeers.size);
    expect(changed).toEqual([]);
    // The resources differ only because rules were added or removed.
    expect(diff(older, newer).added).toEqual([]);
  });
});
