import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { TerraformStack, Testing } from 'cdktf';
import { Direction, Landing, Peer, PortRange, Protocol, RequirementSet } from '../../../lib/model';
import { userCidrRequirements } from '../../../lib/plan/user-cidrs';
import {
  AWS_SG_DESCRIPTION_MAX_LENGTH,
  layoutSecurityGroups,
  planSecurityGroupRules,
  SecurityGroupRules,
  SecurityGroupRulesProps,
} from '../../../lib/targets/aws';
import { controlPlaneReq, errorOf, req } from '../../model/fixtures';
import { cidrFlow, diff, distinctHosts, egressFqdns, resourcesOf, synth } from '../helpers';

function rules(props: Partial<SecurityGroupRulesProps>): any {
  return synth((scope) => new SecurityGroupRules(scope, 'Nodes', { vpcId: 'vpc-1', ...props }));
}

/** `count` ingress TCP 443 requirements from distinct, non-adjacent /32s. */
function ingressHosts(count: number, secondOctet = 0): RequirementSet {
  return RequirementSet.of(distinctHosts(count, secondOctet).map((c) => cidrFlow(c, { direction: Direction.INGRESS, purpose: 'Webhook callers' })));
}

describe('SecurityGroupRules', () => {
  test('one rule per aggregated CIDR and port range, exact attributes, in a group the construct owns', () => {
    // GIVEN egress to two adjacent networks on 443 and 8443-8444, and ICMP in from one network
    const requirements = RequirementSet.of([
      req({ protocol: Protocol.TCP, ports: [PortRange.single(443), PortRange.range(8443, 8444)], peer: Peer.cidr('10.0.0.0/25'), purpose: 'Registry mirror' }),
      req({ protocol: Protocol.HTTPS, ports: [PortRange.single(443)], peer: Peer.cidr('10.0.0.128/25'), purpose: 'Registry mirror (HA)' }),
      req({ direction: Direction.INGRESS, protocol: Protocol.ICMP, ports: [], peer: Peer.cidr('192.0.2.0/24'), purpose: 'Path MTU discovery' }),
    ]);
    // WHEN
    const json = rules({ requirements, groupName: 'nodes-extra', tags: { team: 'platform' } });
    // THEN
    expect(resourcesOf(json, 'aws_security_group')).toEqual([
      { name: 'nodes-extra', description: 'Kubernetes firewall requirements', vpc_id: 'vpc-1', tags: { team: 'platform' } },
    ]);
    const group = '${aws_security_group.Nodes_Group_3A9CFCF5.id}';
    expect(json.resource.aws_vpc_security_group_egress_rule).toEqual({
      'Nodes_egress-tcp-443-10-0-0-0-24-cb54a84b_F65F3231': {
        security_group_id: group,
        ip_protocol: 'tcp',
        from_port: 443,
        to_port: 443,
        cidr_ipv4: '10.0.0.0/24',
        description: 'Registry mirror / Registry mirror (HA)',
        tags: { team: 'platform' },
      },
      'Nodes_egress-tcp-8443-8444-10-0-0-0-25-61c8d438_DE61D634': {
        security_group_id: group,
        ip_protocol: 'tcp',
        from_port: 8443,
        to_port: 8444,
        cidr_ipv4: '10.0.0.0/25',
        description: 'Registry mirror',
        tags: { team: 'platform' },
      },
    });
    expect(resourcesOf(json, 'aws_vpc_security_group_ingress_rule')).toEqual([
      {
        security_group_id: group,
        ip_protocol: 'icmp',
        from_port: -1,
        to_port: -1,
        cidr_ipv4: '192.0.2.0/24',
        description: 'Path MTU discovery',
        tags: { team: 'platform' },
      },
    ]);
  });

  test('IPv6 goes to cidr_ipv6; ICMPv6 and "any" take no ports', () => {
    const requirements = RequirementSet.of([
      req({ protocol: Protocol.ICMP, ports: [], peer: Peer.cidr('2001:db8::/32'), purpose: 'ICMPv6' }),
      req({ protocol: Protocol.ANY, ports: [], peer: Peer.cidr('2001:db8:1::/48'), purpose: 'All' }),
    ]);
    expect(resourcesOf(rules({ requirements }), 'aws_vpc_security_group_egress_rule').map(({ security_group_id, ...r }) => r)).toEqual([
      { ip_protocol: '-1', cidr_ipv6: '2001:db8:1::/48', description: 'All' },
      { ip_protocol: 'icmpv6', cidr_ipv6: '2001:db8::/32', description: 'ICMPv6' },
    ]);
  });

  test('descriptions keep only the characters AWS accepts and at most 255 of them', () => {
    const requirements = RequirementSet.of([
      cidrFlow('10.0.0.0/8', { purpose: 'Ops <on-call> "pager" ~ [eu] {a} 50% & more' }),
      cidrFlow('10.0.0.0/8', { purpose: 'y'.repeat(300), protocol: Protocol.HTTPS }),
    ]);
    const [rule] = resourcesOf(rules({ requirements }), 'aws_vpc_security_group_egress_rule');
    expect(rule.description).toHaveLength(AWS_SG_DESCRIPTION_MAX_LENGTH);
    const [short] = resourcesOf(rules({ requirements: RequirementSet.of([cidrFlow('10.0.0.0/8', { purpose: 'Ops <on-call> "pager" ~ [eu] {a} 50% & more' })]) }), 'aws_vpc_security_group_egress_rule');
    expect(short.description).toBe('Ops on-call pager [eu] {a} 50 & more');
  });

  test('a ${ in a purpose is escaped so that Terraform does not read it as an interpolation', () => {
    const requirements = RequirementSet.of([cidrFlow('10.0.0.0/8', { purpose: 'Cost center ${team} $ {x}' })]);
    const [rule] = resourcesOf(rules({ requirements }), 'aws_vpc_security_group_egress_rule');
    // Terraform renders `$${` as the characters `${`.
    expect(rule.description).toBe('Cost center $${team} $ {x}');
  });

  test('an existing group: rules go there and no group is created', () => {
    const json = rules({ requirements: RequirementSet.of([cidrFlow('10.0.0.0/8')]), vpcId: undefined, securityGroupId: 'sg-0123' });
    expect(json.resource.aws_security_group).toBeUndefined();
    expect(resourcesOf(json, 'aws_vpc_security_group_egress_rule')[0].security_group_id).toBe('sg-0123');
  });

  test('adding one CIDR adds exactly one rule resource and changes nothing else', () => {
    const base = RequirementSet.of([cidrFlow('10.0.0.0/24'), cidrFlow('10.1.0.0/24', { ports: [22], direction: Direction.INGRESS })]);
    const before = rules({ requirements: base });
    const after = rules({ requirements: base.merge(RequirementSet.of([cidrFlow('172.16.0.0/12')])) });
    const d = diff(before, after);
    expect(d).toEqual({ added: ['aws_vpc_security_group_egress_rule.Nodes_egress-tcp-443-172-16-0-0-12-bdca3898_151B3DB8'], removed: [], changed: [] });
  });

  test('synthesizing twice is byte-identical', () => {
    const build = () => {
      const app = Testing.app();
      const stack = new TerraformStack(app, 'test');
      new SecurityGroupRules(stack, 'Nodes', { vpcId: 'vpc-1', requirements: ingressHosts(130) });
      return Testing.synth(stack);
    };
    expect(build()).toBe(build());
  });

  describe('quota of 60 rules per group per direction and IP version', () => {
    test('60 inbound rules fit one group', () => {
      const json = rules({ requirements: ingressHosts(60) });
      expect(resourcesOf(json, 'aws_security_group')).toHaveLength(1);
      expect(resourcesOf(json, 'aws_vpc_security_group_ingress_rule')).toHaveLength(60);
    });

    test('61 inbound rules spread over two groups the construct owns, none over 60', () => {
      const json = rules({ requirements: ingressHosts(61), groupName: 'nodes' });
      expect(resourcesOf(json, 'aws_security_group').map((g) => g.name).sort()).toEqual(['nodes', 'nodes-1']);
      const perGroup = countBy(resourcesOf(json, 'aws_vpc_security_group_ingress_rule').map((r) => r.security_group_id));
      expect(Object.values(perGroup).every((n) => n <= 60)).toBe(true);
      expect(Object.values(perGroup).reduce((a, b) => a + b, 0)).toBe(61);
    });

    test('inbound, outbound, IPv4 and IPv6 count separately: 60 of each fit one group', () => {
      const requirements = ingressHosts(60).merge(
        RequirementSet.of(distinctHosts(60, 1).map((c) => cidrFlow(c))),
        RequirementSet.of(Array.from({ length: 60 }, (_, i) => cidrFlow(`2001:db8:${(i * 2).toString(16)}::/48`))),
      );
      expect(resourcesOf(rules({ requirements }), 'aws_security_group')).toHaveLength(1);
    });

    test('an existing group: 60 rules pass, 61 fail with the count and the limit', () => {
      expect(resourcesOf(rules({ requirements: ingressHosts(60), vpcId: undefined, securityGroupId: 'sg-1' }), 'aws_vpc_security_group_ingress_rule')).toHaveLength(60);
      expect(() => rules({ requirements: ingressHosts(61), vpcId: undefined, securityGroupId: 'sg-1' })).toThrow(
        'AWS security group rules (inbound IPv4) in sg-1: 61 exceeds the limit of 60 (from SecurityGroupRules test/Nodes securityGroupId). Let the construct own the groups (give vpcId instead of securityGroupId) so it can spread the rules over several groups, or raise the "Inbound or outbound rules per security group" quota and set rulesPerGroup.',
      );
    });

    test('rulesPerGroup is configurable', () => {
      expect(() => rules({ requirements: ingressHosts(11), vpcId: undefined, securityGroupId: 'sg-1', rulesPerGroup: 10 })).toThrow('11 exceeds the limit of 10');
      expect(resourcesOf(rules({ requirements: ingressHosts(100), vpcId: undefined, securityGroupId: 'sg-1', rulesPerGroup: 100 }), 'aws_vpc_security_group_ingress_rule')).toHaveLength(100);
    });

    test('more groups than maxGroups fail with the count and the limit', () => {
      expect(() => rules({ requirements: ingressHosts(61), maxGroups: 1 })).toThrow(
        'Security groups needed for 61 rules at 60 per group: 2 exceeds the limit of 1 (from SecurityGroupRules test/Nodes maxGroups). Raise the "Inbound or outbound rules per security group" quota and set rulesPerGroup, or raise the security groups per network interface quota (up to 16) and set maxGroups, or allow fewer, wider CIDRs.',
      );
    });
  });

  describe('stable spreading over several groups', () => {
    const big = ingressHosts(150);

    test('adding a rule whose group has room adds exactly that rule', () => {
      const before = rules({ requirements: big });
      // Try candidates until one lands in a group with room; the layout is a pure function, so this is deterministic.
      const extra = ['172.16.0.1/32', '172.16.0.3/32', '172.16.0.5/32', '172.16.0.7/32']
        .map((c) => RequirementSet.of([cidrFlow(c, { direction: Direction.INGRESS })]))
        .find((s) => layoutSecurityGroups(plan(big.merge(s)), 60).length === layoutSecurityGroups(plan(big), 60).length) as RequirementSet;
      const after = rules({ requirements: big.merge(extra) });
      const d = diff(before, after);
      expect(d.removed).toEqual([]);
      expect(d.changed).toEqual([]);
      expect(d.added).toHaveLength(1);
      expect(d.added[0]).toMatch(/^aws_vpc_security_group_ingress_rule\.Nodes_ingress-tcp-443-172-16-0-/);
    });

    test('when the new rule lands in a full group, only that group splits: its "1" half moves to one new group', () => {
      const before = layoutSecurityGroups(plan(big), 60);
      let set = big;
      let after = before;
      for (let i = 0; after.length === before.length; i++) {
        set = set.merge(RequirementSet.of([cidrFlow(`172.17.${Math.floor(i / 100)}.${(i % 100) * 2 + 1}/32`, { direction: Direction.INGRESS })]));
        after = layoutSecurityGroups(plan(set), 60);
      }
      const groupOf = (layout: typeof before) => new Map(layout.flatMap((g) => g.rules.map((r) => [r.key, g.suffix] as const)));
      const was = groupOf(before);
      const now = groupOf(after);
      const moved = [...was.entries()].filter(([key, suffix]) => now.get(key) !== suffix);
      const newSuffix = after.map((g) => g.suffix).find((s) => !before.some((g) => g.suffix === s));
      // every moved rule left the one group that split, for the one new group
      expect(new Set(moved.map(([, from]) => from)).size).toBe(1);
      expect(new Set(moved.map(([key]) => now.get(key)))).toEqual(new Set([newSuffix]));
      expect(after.length).toBe(before.length + 1);
    });

    test('every group stays within the quota and the first group keeps the base name', () => {
      const layout = layoutSecurityGroups(plan(ingressHosts(290)), 60);
      expect(layout[0].suffix).toBe('');
      expect(layout.every((g) => g.rules.length <= 60)).toBe(true);
      expect(layout.reduce((n, g) => n + g.rules.length, 0)).toBe(290);
    });
  });

  describe('a peer that is every address needs the named opt-in allowAnyAddress', () => {
    const HTTPS_OUT = { direction: Direction.EGRESS, protocol: Protocol.TCP, ports: [PortRange.single(443)] };
    const anyAddress = () => userCidrRequirements([{ cidr: '0.0.0.0/0', purpose: 'HTTPS out' }, { cidr: '::/0', purpose: 'HTTPS out v6' }], HTTPS_OUT, 'test node egress');
    const HINT = 'Give the networks the flow needs, or opt in explicitly with allowAnyAddress: true on SecurityGroupRules.';

    test.each([
      ['0.0.0.0/0', Direction.EGRESS],
      ['::/0', Direction.INGRESS],
    ])('%s (%s) is refused without it, naming the requirement and the prop', (cidr, direction) => {
      const e = errorOf(() => rules({ requirements: RequirementSet.of([cidrFlow('192.0.2.0/24'), cidrFlow(cidr, { direction, purpose: 'Anywhere' })]) }));
      expect(e.code).toBe('any-address');
      expect(e.value).toBe(cidr);
      expect(e.message).toBe(`Invalid peer "${cidr}" (from test/core: Anywhere). A /0 peer allows every address. ${HINT}`);
    });

    test('networks that together cover every address are refused too, naming each', () => {
      const requirements = RequirementSet.of([cidrFlow('0.0.0.0/1', { purpose: 'Lower half' }), cidrFlow('128.0.0.0/1', { purpose: 'Upper half' })]);
      expect(() => rules({ requirements })).toThrow(
        `Invalid peer "0.0.0.0/0" (from 0.0.0.0/1 from test/core: Lower half, 128.0.0.0/1 from test/core: Upper half). A /0 peer allows every address (these networks together cover all of them). ${HINT}`,
      );
      expect(() => plan(requirements)).toThrow('Invalid peer "0.0.0.0/0"');
    });

    test('nothing is created when a /0 is refused', () => {
      const app = Testing.app();
      const stack = new TerraformStack(app, 'test');
      // The /0 is a whole-set check: it fails at synth, before anything is written.
      new SecurityGroupRules(stack, 'Nodes', { vpcId: 'vpc-1', requirementSets: [ingressHosts(3), anyAddress()] });
      expect(() => Testing.synth(stack)).toThrow('Invalid peer "0.0.0.0/0"');
    });

    test('with the opt-in, /0 peers render exactly as a CIDR rule', () => {
      const json = rules({ requirements: anyAddress(), allowAnyAddress: true, groupName: 'nodes' });
      const group = '${aws_security_group.Nodes_Group_3A9CFCF5.id}';
      expect(json.resource.aws_vpc_security_group_egress_rule).toEqual({
        'Nodes_egress-tcp-443-0-0-0-0-0-2825febf_E15E35A7': {
          security_group_id: group,
          ip_protocol: 'tcp',
          from_port: 443,
          to_port: 443,
          cidr_ipv4: '0.0.0.0/0',
          description: 'HTTPS out',
        },
        'Nodes_egress-tcp-443-0-f5243574_B0D12033': {
          security_group_id: group,
          ip_protocol: 'tcp',
          from_port: 443,
          to_port: 443,
          cidr_ipv6: '::/0',
          description: 'HTTPS out v6',
        },
      });
      expect(json.resource.aws_vpc_security_group_ingress_rule).toBeUndefined();
      expect(planSecurityGroupRules(anyAddress().requirements, 'NetworkFirewallDomainAllowlist', true).map((r) => r.key)).toEqual([
        'egress tcp 443 0.0.0.0/0',
        'egress tcp 443 ::/0',
      ]);
      expect(() => plan(anyAddress())).toThrow('Invalid peer "0.0.0.0/0" (from user/test-node-egress: HTTPS out).');
    });

    test('the opt-in changes nothing when no peer is /0', () => {
      const build = (allowAnyAddress?: boolean) => {
        const stack = new TerraformStack(Testing.app(), 'test');
        new SecurityGroupRules(stack, 'Nodes', { vpcId: 'vpc-1', requirements: ingressHosts(70), allowAnyAddress });
        return Testing.synth(stack);
      };
      expect(build(true)).toBe(build(undefined));
      expect(build(false)).toBe(build(undefined));
    });
  });

  describe('rejections', () => {
    test('a domain name points to the domain allowlist', () => {
      const e = errorOf(() => rules({ requirements: egressFqdns(['registry.example.com']) }));
      expect(e.code).toBe('unsupported-peer');
      expect(e.message).toBe(
        'AWS security groups cannot express "registry.example.com": security group rules match IP addresses, not domain names (from test/core: Pull images). Allow domain names with NetworkFirewallDomainAllowlist (AWS Network Firewall), and keep CIDR requirements here.',
      );
    });

    test('a wildcard domain name too', () => {
      expect(() => rules({ requirements: egressFqdns(['*.example.com']) })).toThrow('Allow domain names with NetworkFirewallDomainAllowlist');
    });

    test('an Azure service tag', () => {
      expect(() => rules({ requirements: RequirementSet.of([req({ protocol: Protocol.TCP, peer: Peer.serviceTag('AzureMonitor') })]) })).toThrow(
        'AWS security groups cannot express "AzureMonitor": a service-tag is not an AWS concept (from test/core: Pull images). Give the CIDRs of the peer, or render this requirement with the Azure target.',
      );
    });

    test('an unresolved placeholder', () => {
      expect(() => rules({ requirements: RequirementSet.of([req({ protocol: Protocol.TCP, peer: Peer.placeholder('api-server-ip', 'Set apiServerIp.') })]) })).toThrow(
        'Placeholder <api-server-ip> is not resolved',
      );
    });

    test('requirement sets that are not RequirementSets', () => {
      expect(() => rules({ requirements: 'x' as unknown as RequirementSet })).toThrow(
        'Invalid requirements (string, expected a RequirementSet) "x" (from SecurityGroupRules test/Nodes requirements). Give a RequirementSet: a profile such as aksProfile({...}), or RequirementSet.of([...]).',
      );
      expect(() => rules({ requirementSets: [ingressHosts(1), null as unknown as RequirementSet] })).toThrow('(from SecurityGroupRules test/Nodes requirementSets[1])');
    });

    test('neither or both of securityGroupId and vpcId', () => {
      expect(() => rules({ requirements: RequirementSet.empty(), vpcId: undefined })).toThrow(
        'Invalid securityGroupId/vpcId "(neither)" (from SecurityGroupRules test/Nodes). Give securityGroupId to add the rules to an existing group, or vpcId to let the construct create and own its groups; exactly one of them.',
      );
      expect(() => rules({ requirements: RequirementSet.empty(), securityGroupId: 'sg-1' })).toThrow('Invalid securityGroupId/vpcId "sg-1 / vpc-1"');
    });

    test.each([[0], [-5], [2.5]])('rulesPerGroup %p', (rulesPerGroup) => {
      expect(() => rules({ requirements: RequirementSet.empty(), rulesPerGroup })).toThrow(
        `Invalid rulesPerGroup "${rulesPerGroup}" (from SecurityGroupRules test/Nodes rulesPerGroup). rulesPerGroup is the "Inbound or outbound rules per security group" quota: a whole number from 1 to 1000, e.g. 60.`,
      );
    });

    test('maxGroups of zero', () => {
      expect(() => rules({ requirements: RequirementSet.empty(), maxGroups: 0 })).toThrow('Invalid maxGroups "0" (from SecurityGroupRules test/Nodes maxGroups).');
    });

    test('rules per group times groups over 1,000', () => {
      expect(() => rules({ requirements: RequirementSet.empty(), rulesPerGroup: 100, maxGroups: 11 })).toThrow(
        'Invalid rulesPerGroup x maxGroups "100 x 11 = 1100" (from SecurityGroupRules test/Nodes). AWS caps rules per group multiplied by groups per network interface at 1000: lower one of them.',
      );
      expect(() => rules({ requirements: RequirementSet.empty(), rulesPerGroup: 100, maxGroups: 10 })).not.toThrow();
    });

    test.each([['sg-nodes'], ['bad\u00e9name'], ['x'.repeat(201)]])('groupName %p', (groupName) => {
      expect(() => rules({ requirements: RequirementSet.empty(), groupName })).toThrow(`Invalid groupName "${groupName}" (from SecurityGroupRules test/Nodes groupName).`);
    });

    test('an invalid user CIDR turned into requirements', () => {
      expect(() => userCidrRequirements([{ cidr: '10.0.0.300/32' }], { direction: Direction.EGRESS, protocol: Protocol.TCP, ports: [PortRange.single(443)] }, 'nodes')).toThrow(
        'Invalid CIDR "10.0.0.300/32"',
      );
    });

    test('nothing is created when a requirement is rejected', () => {
      const app = Testing.app();
      const stack = new TerraformStack(app, 'test');
      const nodes = new SecurityGroupRules(stack, 'Nodes', { vpcId: 'vpc-1', requirementSets: [ingressHosts(3)] });
      // A set with a peer the target cannot express fails at the call that adds it, and is not kept.
      expect(() => nodes.addRequirements(egressFqdns(['a.example.com']))).toThrow('cannot express "a.example.com"');
      expect(nodes.requirements.size).toBe(3);
    });
  });
});

describe('SecurityGroupRules composition, landing and conflicts', () => {
  test('addRequirements after construction changes the output; the split reacts to rules added later', () => {
    const stack = new TerraformStack(Testing.app(), 'test');
    const nodes = new SecurityGroupRules(stack, 'Nodes', { vpcId: 'vpc-1', groupName: 'nodes', requirementSets: [ingressHosts(50)] });
    nodes.addRequirements(ingressHosts(50, 1));
    const json = JSON.parse(Testing.synth(stack));
    expect(resourcesOf(json, 'aws_vpc_security_group_ingress_rule')).toHaveLength(100);
    expect(resourcesOf(json, 'aws_security_group').length).toBeGreaterThan(1);
    expect(() => nodes.addRequirements(ingressHosts(1, 2))).toThrow('The construct has already rendered its resources');
  });

  test('rows that land on the API endpoint or a service are skipped, reported and annotated; never opened on the nodes', () => {
    const stack = new TerraformStack(Testing.app(), 'test');
    const cp = controlPlaneReq('34.107.162.32/32');
    const nodes = new SecurityGroupRules(stack, 'Nodes', { vpcId: 'vpc-1', requirementSets: [ingressHosts(2), RequirementSet.of([cp])] });
    const json = JSON.parse(Testing.synth(stack));
    expect(nodes.skippedRequirements).toEqual([cp]);
    expect(JSON.stringify(json)).not.toContain('34.107.162.32');
    const info = stack.node.findAll().flatMap((c) => c.node.metadata.filter((m) => m.type === '@cdktf/info').map((m) => String(m.data)));
    expect(info).toEqual([expect.stringContaining('SecurityGroupRules test/Nodes: 1 requirement(s) land on the cluster API endpoint (e.g. 34.107.162.32/32')]);
  });

  test('a control-plane row with a domain peer is skipped, not refused: only node rows are checked', () => {
    const stack = new TerraformStack(Testing.app(), 'test');
    const odd = req({ direction: Direction.INGRESS, peer: Peer.fqdn('console.example.com'), landing: Landing.SERVICE });
    const nodes = new SecurityGroupRules(stack, 'Nodes', { vpcId: 'vpc-1', requirementSets: [ingressHosts(1), RequirementSet.of([odd])] });
    expect(nodes.skippedRequirements).toEqual([odd]);
  });

  test('runtime checks: strings for booleans, numbers for strings, tokens where a literal is needed, unknown props', () => {
    const e = errorOf(() => rules({ requirementSets: [], allowAnyAddress: 'false' as unknown as boolean }));
    expect(e.code).toBe('invalid-type');
    expect(e.message).toContain('Invalid allowAnyAddress (string, expected true or false) "false" (from SecurityGroupRules test/Nodes allowAnyAddress)');
    expect(() => rules({ vpcId: 42 as unknown as string })).toThrow('Invalid vpcId (number, expected a string) "42" (from SecurityGroupRules test/Nodes vpcId)');
    expect(() => rules({ groupName: '${var.name}' })).toThrow('groupName must be a literal known at synth, not a Terraform reference');
    expect(() => rules({ rulesPerGroup: Infinity })).toThrow('Invalid rulesPerGroup "Infinity"');
    expect(() => rules({ tags: { team: 1 } as unknown as Record<string, string> })).toThrow('Invalid tags.team (number, expected a string) "1"');
    expect(() => rules({ allowAnyAdress: true } as Partial<SecurityGroupRulesProps>)).toThrow('Unknown property "allowAnyAdress" (from SecurityGroupRules test/Nodes). Did you mean "allowAnyAddress"?');
    expect(() => rules({ vpcId: undefined, securityGroupId: 'sg-1', groupName: 'x' })).toThrow(
      'Invalid groupName "x" (from SecurityGroupRules test/Nodes groupName). groupName applies to groups the construct creates (vpcId)',
    );
  });

  test('two SecurityGroupRules giving a group the same name in one VPC fail at synth; other VPCs are fine', () => {
    const build = (vpcB: string) => {
      const stack = new TerraformStack(Testing.app(), 'test');
      new AwsProvider(stack, 'aws', { region: 'eu-central-1' });
      new SecurityGroupRules(stack, 'A', { vpcId: 'vpc-1', groupName: 'nodes', requirementSets: [ingressHosts(1)] });
      new SecurityGroupRules(stack, 'B', { vpcId: vpcB, groupName: 'nodes', requirementSets: [ingressHosts(1, 1)] });
      return Testing.synth(stack, true);
    };
    const e = errorOf(() => build('vpc-1'));
    expect(e.code).toBe('conflict');
    expect(e.message).toContain('Security group name "nodes" is used twice in VPC vpc-1 (from SecurityGroupRules test/A and SecurityGroupRules test/B)');
    expect(() => build('vpc-2')).not.toThrow();
  });
});

function plan(set: RequirementSet) {
  return planSecurityGroupRules(set.requirements, 'NetworkFirewallDomainAllowlist');
}

function countBy(values: string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const v of values) out[v] = (out[v] ?? 0) + 1;
  return out;
}
