import { NetworkfirewallRuleGroup } from '@cdktf/provider-aws/lib/networkfirewall-rule-group';
import { TerraformStack, Testing } from 'cdktf';
import 'cdktf/lib/testing/adapters/jest';
import { chainguardEnforceProfile } from '../../../lib/catalog/chainguard-enforce';
import { eksNodesProfile } from '../../../lib/catalog/eks';
import { Direction, FirewallRequirementsError, Peer, PortRange, Protocol, RequirementSet } from '../../../lib/model';
import {
  checkDomainAllowlistOptions,
  domainAllowlistCapacity,
  domainAllowlistRequiredCapacity,
  DomainTargetType,
  NetworkFirewallDomainAllowlist,
  NetworkFirewallDomainAllowlistProps,
  planDomainAllowlist,
  StatefulRuleOrder,
} from '../../../lib/targets/aws';
import { InputCheck } from '../../../lib/model/input';
import { controlPlaneReq, errorOf, req } from '../../model/fixtures';
import { cidrFlow, diff, egressFqdns, resourcesOf, synth } from '../helpers';

const HOME_NET = ['10.0.16.0/20'];
type Props = Partial<NetworkFirewallDomainAllowlistProps>;

function allowlist(props: Props): any {
  return synth((scope) => new NetworkFirewallDomainAllowlist(scope, 'Allow', { name: 'egress', homeNetCidrs: HOME_NET, ...props } as NetworkFirewallDomainAllowlistProps));
}

function plan(requirements: RequirementSet, props: Record<string, unknown> = {}) {
  const check = new InputCheck('test');
  return planDomainAllowlist(requirements, checkDomainAllowlistOptions(check, { name: 'egress', homeNetCidrs: HOME_NET, ...props }), check.owner);
}

const groupsOf = (json: any) => resourcesOf(json, 'aws_networkfirewall_rule_group');

describe('NetworkFirewallDomainAllowlist', () => {
  test('the EKS node profile and the Enforce agent: one TLS group with every name, HOME_NET explicit, the rule order set', () => {
    const eks = eksNodesProfile({ region: 'eu-central-1', ecrAccountIds: ['123456789012'], clusterSecurityGroupCidrs: ['10.0.0.0/24'], nodeSubnetCidrs: HOME_NET });
    const enforce = chainguardEnforceProfile({ acknowledgeRetired: true });
    const json = allowlist({ requirementSets: [eks, enforce] });
    const [group] = groupsOf(json);
    expect(groupsOf(json)).toHaveLength(1);
    const names = [...eks.requirements, ...enforce.requirements].filter((r) => r.peer.isDomain).map((r) => r.peer.value);
    expect(group).toMatchObject({ name: 'egress-tls', type: 'STATEFUL', capacity: 100 });
    expect(group.rule_group).toEqual({
      rule_variables: { ip_sets: [{ key: 'HOME_NET', ip_set: { definition: ['10.0.16.0/20'] } }] },
      rules_source: { rules_source_list: { generated_rules_type: 'ALLOWLIST', target_types: ['TLS_SNI'], targets: [...new Set(names)].sort() } },
      stateful_rule_options: { rule_order: 'DEFAULT_ACTION_ORDER' },
    });
    // The hosts the nodes need to pull images and get credentials in the region.
    expect(group.rule_group.rules_source.rules_source_list.targets).toEqual(
      expect.arrayContaining([
        'api.ecr.eu-central-1.amazonaws.com',
        '123456789012.dkr.ecr.eu-central-1.amazonaws.com',
        '602401143452.dkr.ecr.eu-central-1.amazonaws.com',
        'prod-eu-central-1-starport-layer-bucket.s3.eu-central-1.amazonaws.com',
        'sts.eu-central-1.amazonaws.com',
        'cgr.dev',
      ]),
    );
    expect(group.rule_group.rules_source.rules_source_list.targets).not.toContain('sts.amazonaws.com');
    expect(JSON.stringify(json)).toHaveResourceWithProperties(NetworkfirewallRuleGroup, { name: 'egress-tls', capacity: 100 });
  });

  test('CIDR, ingress and control-plane rows are skipped, reported and annotated, never an error', () => {
    const app = Testing.app();
    const stack = new TerraformStack(app, 's');
    const cidr = cidrFlow('10.0.0.0/8');
    const cp = controlPlaneReq('34.107.162.32/32');
    const list = new NetworkFirewallDomainAllowlist(stack, 'Allow', {
      name: 'egress',
      homeNetCidrs: HOME_NET,
      requirementSets: [egressFqdns(['a.example.com']), RequirementSet.of([cidr, cp, req({ direction: Direction.INGRESS, peer: Peer.fqdn('ci.example.com') })])],
    });
    expect(list.skippedRequirements.map((r) => r.peer.value).sort()).toEqual(['10.0.0.0/8', '34.107.162.32/32', 'ci.example.com']);
    Testing.synth(stack);
    expect(list.ruleGroupNames).toEqual(['egress-tls']);
    const annotations = stack.node.findAll().flatMap((c) => c.node.metadata.filter((m) => m.type === '@cdktf/info').map((m) => String(m.data)));
    expect(annotations).toEqual([
      expect.stringContaining('NetworkFirewallDomainAllowlist s/Allow: 2 node requirement(s) are not egress to a domain name (CIDR peers, ingress) and are not in the allowlist: render them with SecurityGroupRules.'),
    ]);
    expect(annotations[0]).toContain('1 requirement(s) land on the cluster API endpoint (e.g. 34.107.162.32/32');
  });

  test('one group per protocol, each with every name of its protocol: a name used both ways is in both', () => {
    const requirements = egressFqdns(['secure.example.com', 'both.example.com']).merge(egressFqdns(['plain.example.com', 'both.example.com'], 'Plain', Protocol.HTTP, [80]));
    expect(plan(requirements).groups.map((g) => [g.name, g.targetType, g.targets])).toEqual([
      ['egress-http', DomainTargetType.HTTP_HOST, ['both.example.com', 'plain.example.com']],
      ['egress-tls', DomainTargetType.TLS_SNI, ['both.example.com', 'secure.example.com']],
    ]);
    const json = allowlist({ requirementSets: [requirements], ruleOrder: StatefulRuleOrder.STRICT_ORDER });
    expect(groupsOf(json).map((g) => [g.name, g.rule_group.rules_source.rules_source_list.target_types, g.rule_group.stateful_rule_options.rule_order])).toEqual([
      ['egress-http', ['HTTP_HOST'], 'STRICT_ORDER'],
      ['egress-tls', ['TLS_SNI'], 'STRICT_ORDER'],
    ]);
  });

  test('*.example.com becomes .example.com, which also covers the apex and other names under it', () => {
    const [group] = plan(egressFqdns(['*.example.com', 'example.com', 'api.example.com', 'other.org', '*.a.example.com'])).groups;
    expect(group.targets).toEqual(['.example.com', 'other.org']);
    expect(group.requiredCapacity).toBe(3);
  });

  test('HOME_NET: normalized literals and Terraform references; tags', () => {
    const json = allowlist({ requirementSets: [egressFqdns(['a.example.com'])], homeNetCidrs: ['10.0.0.0/16', '${aws_vpc.spoke.cidr_block}', '10.0.0.0/16'], tags: { team: 'platform' } });
    const [group] = groupsOf(json);
    expect(group.rule_group.rule_variables).toEqual({ ip_sets: [{ key: 'HOME_NET', ip_set: { definition: ['10.0.0.0/16', '${aws_vpc.spoke.cidr_block}'] } }] });
    expect(group.tags).toEqual({ team: 'platform' });
  });

  test('HOME_NET that covers every address needs allowAnyAddress (coverage, not spelling)', () => {
    const e = errorOf(() => allowlist({ requirementSets: [egressFqdns(['a.example.com'])], homeNetCidrs: ['0.0.0.0/1', '128.0.0.0/1'] }));
    expect(e.code).toBe('any-address');
    expect(e.message).toContain('Invalid HOME_NET "0.0.0.0/1, 128.0.0.0/1 (together 0.0.0.0/0)"');
    expect(e.message).toContain('NetworkFirewallDomainAllowlist test/Allow homeNetCidrs[0]');
    const json = allowlist({ requirementSets: [egressFqdns(['a.example.com'])], homeNetCidrs: ['0.0.0.0/1', '128.0.0.0/1'], allowAnyAddress: true });
    expect(groupsOf(json)[0].rule_group.rule_variables.ip_sets[0].ip_set.definition).toEqual(['0.0.0.0/1', '128.0.0.0/1']);
  });

  describe('composition', () => {
    test('addRequirements after construction adds names to the same group in place', () => {
      const before = allowlist({ requirementSets: [egressFqdns(['a.example.com'])] });
      const after = synth((scope) => {
        const list = new NetworkFirewallDomainAllowlist(scope, 'Allow', { name: 'egress', homeNetCidrs: HOME_NET, requirementSets: [egressFqdns(['a.example.com'])] });
        list.addRequirements(egressFqdns(['b.example.com']));
      });
      expect(diff(before, after)).toEqual({ added: [], removed: [], changed: ['aws_networkfirewall_rule_group.Allow_tls_AE19E2AF'] });
      expect(groupsOf(after)[0].rule_group.rules_source.rules_source_list.targets).toEqual(['a.example.com', 'b.example.com']);
    });

    test('the capacity reacts to names added later; adding after render fails', () => {
      const names = Array.from({ length: 60 }, (_, i) => `h${i}.example.org`);
      const stack = new TerraformStack(Testing.app(), 's');
      const list = new NetworkFirewallDomainAllowlist(stack, 'Allow', { name: 'egress', homeNetCidrs: HOME_NET });
      list.addRequirements(egressFqdns(names));
      expect(list.groups.map((g) => g.capacity)).toEqual([200]);
      expect(() => list.addRequirements(egressFqdns(['late.example.org']))).toThrow('The construct has already rendered its resources');
    });

    test('the deprecated requirements prop is merged into requirementSets', () => {
      const json = allowlist({ requirements: egressFqdns(['b.example.com']), requirementSets: [egressFqdns(['a.example.com'])] });
      expect(groupsOf(json)[0].rule_group.rules_source.rules_source_list.targets).toEqual(['a.example.com', 'b.example.com']);
    });
  });

  describe('capacity', () => {
    test('need: targets + 1 (the drop rule); default: doubled, rounded up to a hundred, at least 100, at most 30,000', () => {
      expect(domainAllowlistRequiredCapacity(20)).toBe(21);
      expect(domainAllowlistCapacity(1)).toBe(100);
      expect(domainAllowlistCapacity(50)).toBe(100);
      expect(domainAllowlistCapacity(51)).toBe(200);
      expect(domainAllowlistCapacity(15000)).toBe(30000);
      expect(domainAllowlistCapacity(30000)).toBe(30000);
    });

    test('a group of 30,000 names fails: with its drop rule it needs 30,001', () => {
      const names = (n: number) => Array.from({ length: n }, (_, i) => `h${i}.example.org`);
      expect(() => plan(egressFqdns(names(30000)))).toThrow(
        'Network Firewall rule group egress-tls capacity (30000 targets + 1): 30001 exceeds the limit of 30000 (from test). Allow parent domains with wildcards (*.example.com), or split the names over two firewall policies.',
      );
    });

    test('an explicit capacity is used when it is enough; below the need it fails at render', () => {
      expect(groupsOf(allowlist({ requirementSets: [egressFqdns(['a.example.com'])], capacity: 2 }))[0].capacity).toBe(2);
      expect(() => allowlist({ requirementSets: [egressFqdns(['a.example.com', 'b.example.com'])], capacity: 2 })).toThrow(
        'Invalid capacity "2" (from NetworkFirewallDomainAllowlist test/Allow capacity). egress-tls needs at least 3 (2 targets + 1): raise capacity or leave it unset to compute it.',
      );
    });
  });

  describe('rejections', () => {
    test('a domain over a protocol a domain list cannot match fails at the call that adds it', () => {
      const stack = new TerraformStack(Testing.app(), 's');
      const list = new NetworkFirewallDomainAllowlist(stack, 'Allow', { name: 'egress', homeNetCidrs: HOME_NET });
      const e = errorOf(() => list.addRequirements(RequirementSet.of([req({ protocol: Protocol.UDP, ports: [PortRange.single(123)], peer: Peer.fqdn('ntp.ubuntu.com'), purpose: 'NTP' })])));
      expect(e.code).toBe('unsupported-flow');
      expect(e.message).toBe(
        'Invalid protocol for the domain allowlist "udp 123 to ntp.ubuntu.com" (from test/core: NTP). A domain list matches the HTTP Host header and the TLS SNI only: give the requirement as http or https, or allow the resolved addresses with SecurityGroupRules.',
      );
    });

    test('no domain names at all fails at render: an empty allowlist would drop all TLS', () => {
      const e = errorOf(() => allowlist({ requirementSets: [RequirementSet.of([cidrFlow('10.0.0.0/8')])] }));
      expect(e.code).toBe('empty');
      expect(e.message).toContain('No domain names to allow: 1 requirement(s), none egress to a domain name from the nodes (from NetworkFirewallDomainAllowlist test/Allow)');
    });

    test.each([['egress_list'], [''], ['x'.repeat(124)]])('name %p', (name) => {
      expect(() => allowlist({ requirementSets: [], name })).toThrow(`"${name}" (from NetworkFirewallDomainAllowlist test/Allow name). Use 1-123 letters, digits and hyphens (the suffix -tls or -http is appended).`);
    });

    test('homeNetCidrs missing, a string, empty, or an invalid CIDR', () => {
      expect(() => allowlist({ homeNetCidrs: undefined })).toThrow('Missing required property homeNetCidrs (from NetworkFirewallDomainAllowlist test/Allow homeNetCidrs)');
      expect(() => allowlist({ homeNetCidrs: '10.0.0.0/16' as unknown as string[] })).toThrow(
        'Invalid homeNetCidrs (string, expected an array) "10.0.0.0/16" (from NetworkFirewallDomainAllowlist test/Allow homeNetCidrs). Give homeNetCidrs as an array, e.g. ["10.0.0.0/16"].',
      );
      expect(() => allowlist({ homeNetCidrs: [] })).toThrow('Give at least one entry in homeNetCidrs.');
      expect(() => allowlist({ homeNetCidrs: ['10.0.0.1/16'] })).toThrow(
        'Invalid CIDR "10.0.0.1/16": host bits are set after the prefix (from NetworkFirewallDomainAllowlist test/Allow homeNetCidrs[0]). Did you mean 10.0.0.0/16?',
      );
    });

    test('unknown props, enum values and wrong types are refused with the library error', () => {
      expect(() => allowlist({ homeNetCidr: HOME_NET } as Props)).toThrow('Unknown property "homeNetCidr" (from NetworkFirewallDomainAllowlist test/Allow). Did you mean "homeNetCidrs"?');
      expect(() => allowlist({ ruleOrder: 'strict' as StatefulRuleOrder })).toThrow('Unknown ruleOrder "strict"');
      expect(() => allowlist({ capacity: Number.NaN })).toThrow('Invalid capacity "NaN"');
      expect(() => allowlist({ requirementSets: egressFqdns(['a.example.com']) as unknown as RequirementSet[] })).toThrow('Wrap the set in an array: requirementSets: [set].');
      expect(() => allowlist({ requirements: ['a.example.com'] as unknown as RequirementSet })).toThrow('Invalid requirements (an array, expected a RequirementSet) "[\\"a.example.com\\"]" (from NetworkFirewallDomainAllowlist test/Allow requirements)');
    });

    test('two allowlists with the same rule group name in one stack fail at synth', () => {
      const stack = new TerraformStack(Testing.app(), 's');
      new NetworkFirewallDomainAllowlist(stack, 'A', { name: 'egress', homeNetCidrs: HOME_NET, requirementSets: [egressFqdns(['a.example.com'])] });
      new NetworkFirewallDomainAllowlist(stack, 'B', { name: 'egress', homeNetCidrs: HOME_NET, requirementSets: [egressFqdns(['b.example.com'])] });
      const e = errorOf(() => Testing.synth(stack, true));
      expect(e.code).toBe('conflict');
      expect(e.message).toContain('Network Firewall rule group name "egress-tls" is used twice in the stack (from NetworkFirewallDomainAllowlist s/A and NetworkFirewallDomainAllowlist s/B)');
    });

    test('nothing is created when a requirement is rejected', () => {
      const stack = new TerraformStack(Testing.app(), 'test');
      expect(() =>
        new NetworkFirewallDomainAllowlist(stack, 'Allow', { name: 'x', homeNetCidrs: HOME_NET, requirementSets: [RequirementSet.of([req({ protocol: Protocol.TCP, peer: Peer.fqdn('git.example.com'), ports: [PortRange.single(22)] })])] }),
      ).toThrow('A domain list matches the HTTP Host header and the TLS SNI only');
      expect(stack.node.findAll().filter((c) => c instanceof NetworkfirewallRuleGroup)).toEqual([]);
    });
  });

  test('FirewallRequirementsError for every rejection above', () => {
    expect(errorOf(() => allowlist({ homeNetCidrs: [] }))).toBeInstanceOf(FirewallRequirementsError);
  });
});
