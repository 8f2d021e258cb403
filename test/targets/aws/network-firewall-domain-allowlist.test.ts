import { NetworkfirewallRuleGroup } from '@cdktf/provider-aws/lib/networkfirewall-rule-group';
import { TerraformStack, Testing } from 'cdktf';
import 'cdktf/lib/testing/adapters/jest';
import { chainguardEnforceProfile } from '../../../lib/catalog/chainguard-enforce';
import { Direction, Peer, PortRange, Protocol, RequirementSet } from '../../../lib/model';
import {
  domainAllowlistCapacity,
  DomainTargetType,
  NetworkFirewallDomainAllowlist,
  NetworkFirewallDomainAllowlistProps,
  planDomainAllowlist,
} from '../../../lib/targets/aws';
import { errorOf, req } from '../../model/fixtures';
import { cidrFlow, diff, egressFqdns, resourcesOf, synth } from '../helpers';

function allowlist(props: Partial<NetworkFirewallDomainAllowlistProps> & { requirements: RequirementSet }): any {
  return synth((scope) => new NetworkFirewallDomainAllowlist(scope, 'Allow', { name: 'egress', ...props }));
}

describe('NetworkFirewallDomainAllowlist', () => {
  test('the Enforce agent hosts: one STATEFUL ALLOWLIST group on TLS SNI', () => {
    const hosts = chainguardEnforceProfile().filter((r) => r.peer.isDomain);
    const json = allowlist({ requirements: hosts });
    expect(resourcesOf(json, 'aws_networkfirewall_rule_group')).toEqual([
      {
        name: 'egress-tls',
        type: 'STATEFUL',
        capacity: 100,
        description: 'Domain allowlist (TLS_SNI) for chainguard-enforce/chainguard-hosts, chainguard-enforce/third-party-hosts',
        rule_group: {
          rules_source: {
            rules_source_list: {
              generated_rules_type: 'ALLOWLIST',
              target_types: ['TLS_SNI'],
              targets: hosts.requirements.map((r) => r.peer.value).sort(),
            },
          },
        },
      },
    ]);
    expect(JSON.stringify(json)).toHaveResourceWithProperties(NetworkfirewallRuleGroup, { name: 'egress-tls', capacity: 100 });
  });

  test('target types follow the protocols: https only -> TLS_SNI, http only -> HTTP_HOST, both -> both', () => {
    const requirements = egressFqdns(['secure.example.com', 'both.example.com'])
      .merge(egressFqdns(['plain.example.com', 'both.example.com'], 'Plain', Protocol.HTTP, [80]));
    const groups = planDomainAllowlist(requirements.requirements);
    expect(groups.map((g) => [g.suffix, g.targetTypes, g.targets])).toEqual([
      ['http', [DomainTargetType.HTTP_HOST], ['plain.example.com']],
      ['http-tls', [DomainTargetType.HTTP_HOST, DomainTargetType.TLS_SNI], ['both.example.com']],
      ['tls', [DomainTargetType.TLS_SNI], ['secure.example.com']],
    ]);
    const json = allowlist({ requirements });
    expect(resourcesOf(json, 'aws_networkfirewall_rule_group').map((g) => [g.name, g.rule_group.rules_source.rules_source_list.target_types]).sort()).toEqual([
      ['egress-http', ['HTTP_HOST']],
      ['egress-http-tls', ['HTTP_HOST', 'TLS_SNI']],
      ['egress-tls', ['TLS_SNI']],
    ]);
  });

  test('*.example.com becomes .example.com, which also covers the apex and other names under it', () => {
    const requirements = egressFqdns(['*.example.com', 'example.com', 'api.example.com', 'other.org', '*.a.example.com']);
    const [group] = planDomainAllowlist(requirements.requirements);
    expect(group.targets).toEqual(['.example.com', 'other.org']);
    expect(group.requiredCapacity).toBe(2);
  });

  test('HOME_NET is set when homeNetCidrs are given', () => {
    const json = allowlist({ requirements: egressFqdns(['a.example.com']), homeNetCidrs: ['10.0.0.0/16', '10.1.0.0/16'], tags: { team: 'platform' } });
    const [group] = resourcesOf(json, 'aws_networkfirewall_rule_group');
    expect(group.rule_group.rule_variables).toEqual({ ip_sets: [{ key: 'HOME_NET', ip_set: { definition: ['10.0.0.0/16', '10.1.0.0/16'] } }] });
    expect(group.tags).toEqual({ team: 'platform' });
  });

  test('adding a domain changes the targets of its group in place, within the capacity headroom', () => {
    const before = allowlist({ requirements: egressFqdns(['a.example.com']) });
    const after = allowlist({ requirements: egressFqdns(['a.example.com', 'b.example.com']) });
    expect(diff(before, after)).toEqual({ added: [], removed: [], changed: ['aws_networkfirewall_rule_group.Allow_tls_AE19E2AF'] });
    expect(resourcesOf(after, 'aws_networkfirewall_rule_group')[0].capacity).toBe(100);
  });

  describe('capacity', () => {
    test('formula: targets x target types, doubled, rounded up to a hundred, at least 100, at most 30,000', () => {
      expect(domainAllowlistCapacity(1)).toBe(100);
      expect(domainAllowlistCapacity(50)).toBe(100);
      expect(domainAllowlistCapacity(51)).toBe(200);
      expect(domainAllowlistCapacity(14999)).toBe(30000);
      expect(domainAllowlistCapacity(15000)).toBe(30000);
      expect(domainAllowlistCapacity(30000)).toBe(30000);
    });

    test('a group needing exactly 30,000 is accepted; 30,001 fails', () => {
      const names = (n: number) => Array.from({ length: n }, (_, i) => `h${i}.example.org`);
      const json = allowlist({ requirements: egressFqdns(names(15000)).merge(egressFqdns(names(15000), 'Plain', Protocol.HTTP, [80])) });
      expect(resourcesOf(json, 'aws_networkfirewall_rule_group').map((g) => [g.name, g.capacity])).toEqual([['egress-http-tls', 30000]]);
      expect(() => allowlist({ requirements: egressFqdns(names(30001)) })).toThrow(
        'Network Firewall rule group egress-tls capacity (30001 targets x 1 target types): 30001 exceeds the limit of 30000 (from NetworkFirewallDomainAllowlist). Split the domains over several NetworkFirewallDomainAllowlist constructs, or allow parent domains with wildcards.',
      );
    });

    test('an explicit capacity is used when it is enough', () => {
      expect(resourcesOf(allowlist({ requirements: egressFqdns(['a.example.com']), capacity: 1 }), 'aws_networkfirewall_rule_group')[0].capacity).toBe(1);
      expect(resourcesOf(allowlist({ requirements: egressFqdns(['a.example.com']), capacity: 30000 }), 'aws_networkfirewall_rule_group')[0].capacity).toBe(30000);
    });

    test('an explicit capacity below the need, over 30,000, or not a whole number fails', () => {
      expect(() => allowlist({ requirements: egressFqdns(['a.example.com', 'b.example.com']), capacity: 1 })).toThrow(
        'Invalid capacity "1" (from NetworkFirewallDomainAllowlist). egress-tls needs at least 2 (2 targets x 1 target types): raise capacity or leave it unset to compute it.',
      );
      expect(() => allowlist({ requirements: egressFqdns(['a.example.com']), capacity: 30001 })).toThrow(
        'NetworkFirewallDomainAllowlist capacity: 30001 exceeds the limit of 30000',
      );
      expect(() => allowlist({ requirements: egressFqdns(['a.example.com']), capacity: 0.5 })).toThrow(
        'Invalid capacity "0.5" (from NetworkFirewallDomainAllowlist). Give a whole number from 1 to 30000.',
      );
    });
  });

  describe('rejections', () => {
    test('a CIDR points to SecurityGroupRules', () => {
      const e = errorOf(() => allowlist({ requirements: RequirementSet.of([cidrFlow('10.0.0.0/8')]) }));
      expect(e.code).toBe('unsupported-peer');
      expect(e.message).toBe(
        'AWS Network Firewall domain allowlist cannot express "10.0.0.0/8": a domain list matches host names only (from test/core: Reach the network). Allow CIDRs with SecurityGroupRules.',
      );
    });

    test('an ingress domain name', () => {
      expect(() => allowlist({ requirements: RequirementSet.of([req({ direction: Direction.INGRESS, peer: Peer.fqdn('ci.example.com') })]) })).toThrow(
        'AWS Network Firewall domain allowlist cannot express "ci.example.com": a domain list allows outbound traffic only (from test/core: Pull images). Give the CIDRs the peer connects from to SecurityGroupRules.',
      );
    });

    test('a domain over a protocol a domain list cannot match', () => {
      const set = RequirementSet.of([req({ protocol: Protocol.UDP, ports: [PortRange.single(123)], peer: Peer.fqdn('ntp.ubuntu.com'), purpose: 'NTP' })]);
      const e = errorOf(() => allowlist({ requirements: set }));
      expect(e.code).toBe('unsupported-flow');
      expect(e.message).toBe(
        'Invalid protocol for the domain allowlist "udp 123 to ntp.ubuntu.com" (from test/core: NTP). A domain list matches the HTTP Host header and the TLS SNI only: give the requirement as http or https, or allow the resolved addresses with SecurityGroupRules.',
      );
    });

    test('an Azure FQDN tag', () => {
      expect(() => allowlist({ requirements: RequirementSet.of([req({ peer: Peer.fqdnTag('AzureKubernetesService') })]) })).toThrow(
        'cannot express "AzureKubernetesService": a domain list matches host names only (from test/core: Pull images). Give domain names, or render this requirement with the Azure target.',
      );
    });

    test.each([['egress_list'], [''], ['x'.repeat(120)]])('name %p', (name) => {
      expect(() => allowlist({ requirements: RequirementSet.empty(), name })).toThrow(
        `Invalid name "${name}" (from NetworkFirewallDomainAllowlist). Use 1-119 letters, digits and hyphens (a suffix such as -http-tls is appended).`,
      );
    });

    test('requirements that are not a RequirementSet', () => {
      expect(() => allowlist({ requirements: ['a.example.com'] as unknown as RequirementSet })).toThrow(
        'Invalid requirements "a.example.com" (from NetworkFirewallDomainAllowlist). Give a RequirementSet, e.g. profile.filter((r) => r.peer.isDomain).',
      );
    });

    test('an invalid HOME_NET CIDR', () => {
      expect(() => allowlist({ requirements: RequirementSet.empty(), homeNetCidrs: ['10.0.0.1/16'] })).toThrow(
        'Invalid CIDR "10.0.0.1/16": host bits are set after the prefix (from NetworkFirewallDomainAllowlist homeNetCidrs[0]). Did you mean 10.0.0.0/16?',
      );
    });

    test('nothing is created when a requirement is rejected', () => {
      const app = Testing.app();
      const stack = new TerraformStack(app, 'test');
      expect(
        () => new NetworkFirewallDomainAllowlist(stack, 'Allow', { name: 'x', requirements: egressFqdns(['a.example.com']).merge(RequirementSet.of([cidrFlow('10.0.0.0/8')])) }),
      ).toThrow('Allow CIDRs with SecurityGroupRules.');
      expect(JSON.parse(Testing.synth(stack)).resource).toBeUndefined();
    });
  });
});
