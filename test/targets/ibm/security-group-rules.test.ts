import 'cdktf/lib/testing/adapters/jest';
import { Testing, TerraformOutput, TerraformStack } from 'cdktf';
import { CatalogSection } from '../../../lib/catalog/catalog-section';
import { Direction, Peer, PortRange, Protocol, RequirementSet } from '../../../lib/model';
import {
  assignToGroups,
  IbmIsSecurityGroup,
  IbmIsSecurityGroupRule,
  IbmSecurityGroupRules,
  IbmSecurityGroupRulesProps,
  planIbmRules,
} from '../../../lib/targets/ibm';
import { bodies, DOC, NODE_PORTS, nodePortSet, resources, subnets, synth } from './fixtures';

const RULE = 'ibm_is_security_group_rule';
const GROUP = 'ibm_is_security_group';
const ZONES = ['10.240.0.0/24', '10.240.64.0/24', '10.240.128.0/24'];

function build(props: IbmSecurityGroupRulesProps): any {
  return synth((scope) => {
    new IbmSecurityGroupRules(scope, 'node-ports', props);
  });
}

/** Egress rows of the kinds a VPC cluster needs: CIDRs with any/udp/icmp/https, and domain names. */
function mixedSet(): RequirementSet {
  return new CatalogSection(DOC, 'egress', 'Outbound')
    .cidrs(['161.26.0.0/16', '166.8.0.0/14'], Protocol.ANY, [], 'IBM Cloud infrastructure and private service endpoints')
    .cidrs(['10.0.0.53'], Protocol.UDP, [53], 'Custom DNS server')
    .cidrs(['10.0.0.0/8'], Protocol.ICMP, [], 'Path MTU discovery')
    .cidrs(['203.0.113.0/24'], Protocol.HTTPS, [443, 8443], 'Monitoring endpoint')
    .cidrs(['203.0.113.0/24'], Protocol.TCP, [443], 'Same flow, stated as tcp')
    .fqdns(['icr.io', '*.icr.io'], Protocol.HTTPS, [443], 'IBM Cloud Container Registry')
    .toSet();
}

describe('IbmSecurityGroupRules: node ports of a multizone cluster', () => {
  test('GIVEN three subnet CIDRs and a VPC WHEN synthesized THEN one group and one inbound rule per CIDR, exact attributes', () => {
    const json = build({ requirements: nodePortSet(ZONES), vpcId: 'r006-vpc' });
    expect(bodies(json, GROUP)).toEqual([{ vpc: 'r006-vpc', name: 'k8s-firewall-1' }]);
    const groupNames = Object.keys(json.resource[GROUP]);
    expect(groupNames).toEqual([expect.stringMatching(/^node-ports_security-group-1_[0-9A-F]{8}$/)]);
    const group = `\${ibm_is_security_group.${groupNames[0]}.id}`;
    expect(bodies(json, RULE)).toEqual([
      { group, direction: 'inbound', remote: '10.240.0.0/24', name: 'in-tcp-30000-32767-10-240-0-0-24-1b91d9be', protocol: 'tcp', port_min: 30000, port_max: 32767 },
      { group, direction: 'inbound', remote: '10.240.128.0/24', name: 'in-tcp-30000-32767-10-240-128-0-24-5fb41576', protocol: 'tcp', port_min: 30000, port_max: 32767 },
      { group, direction: 'inbound', remote: '10.240.64.0/24', name: 'in-tcp-30000-32767-10-240-64-0-24-4c585de9', protocol: 'tcp', port_min: 30000, port_max: 32767 },
    ]);
    expect(JSON.stringify(json)).toHaveResourceWithProperties(IbmIsSecurityGroupRule, { remote: '10.240.64.0/24', direction: 'inbound' });
    expect(JSON.stringify(json)).not.toHaveResourceWithProperties(IbmIsSecurityGroupRule, { remote: '0.0.0.0/0' });
  });

  test('an existing group gets the rules and no group is created', () => {
    const json = build({ requirements: nodePortSet(ZONES), securityGroupId: 'r006-sg' });
    expect(json.resource[GROUP]).toBeUndefined();
    expect(bodies(json, RULE).map((r) => [r.group, r.remote])).toEqual([
      ['r006-sg', '10.240.0.0/24'],
      ['r006-sg', '10.240.128.0/24'],
      ['r006-sg', '10.240.64.0/24'],
    ]);
  });

  test('"from anywhere" is an explicit opt-in that adds one rule', () => {
    const json = build({ requirements: nodePortSet(ZONES), securityGroupId: 'r006-sg', allowNodePortsFromAnywhere: true });
    const rules = bodies(json, RULE);
    expect(rules).toHaveLength(4);
    expect(rules.filter((r) => r.remote === '0.0.0.0/0')).toEqual([
      { group: 'r006-sg', direction: 'inbound', remote: '0.0.0.0/0', name: 'in-tcp-30000-32767-0-0-0-0-0-c283565b', protocol: 'tcp', port_min: 30000, port_max: 32767 },
    ]);
  });

  test('group options: prefix, resource group, tags, minimum groups', () => {
    const json = build({
      requirements: nodePortSet(ZONES),
      vpcId: '${var.vpc_id}',
      groupNamePrefix: 'prod-nodes',
      resourceGroupId: 'rg123',
      tags: ['cluster:prod'],
      minimumGroups: 2,
    });
    expect(bodies(json, GROUP)).toEqual([
      { vpc: '${var.vpc_id}', name: 'prod-nodes-1', resource_group: 'rg123', tags: ['cluster:prod'] },
      { vpc: '${var.vpc_id}', name: 'prod-nodes-2', resource_group: 'rg123', tags: ['cluster:prod'] },
    ]);
    expect(bodies(json, RULE)).toHaveLength(3);
  });

  test('exposes rules, groups, group IDs and the group of each rule', () => {
    const stack = new TerraformStack(Testing.app(), 's');
    const c = new IbmSecurityGroupRules(stack, 'node-ports', { requirements: nodePortSet(ZONES), vpcId: 'v' });
    expect(c.rules).toHaveLength(3);
    expect(c.securityGroups).toHaveLength(1);
    expect(c.securityGroups[0]).toBeInstanceOf(IbmIsSecurityGroup);
    new TerraformOutput(stack, 'ids', { value: [...c.securityGroupIds, c.securityGroups[0].id] });
    const ids = JSON.parse(Testing.synth(stack)).output.ids.value;
    expect(ids).toEqual([ids[1], expect.stringMatching(/^\$\{ibm_is_security_group\.node-ports_security-group-1_[0-9A-F]{8}\.id\}$/)]);
    expect(Object.values(c.groupOfRule)).toEqual([1, 1, 1]);
    expect(c.plannedRules.map((r) => r.purpose)).toEqual(Array(3).fill('Node ports reached by VPC load balancers'));
  });
});

describe('IbmSecurityGroupRules: other flows', () => {
  test('outbound rules where CIDRs are known: any (narrowed), udp, icmp, https as tcp, one rule per port range, duplicates merged', () => {
    const json = build({ requirementSets: [mixedSet()], securityGroupId: 'sg', narrowAnyProtocol: true });
    const rules = bodies(json, RULE).map(({ group: _g, name: _n, ...rest }) => rest);
    const order = (r: Record<string, unknown>) => `${r.remote} ${String(r.port_min ?? '').padStart(5, '0')}`;
    expect(rules.sort((a, b) => (order(a) < order(b) ? -1 : 1))).toEqual([
      { direction: 'outbound', remote: '10.0.0.0/8', protocol: 'icmp' },
      { direction: 'outbound', remote: '10.0.0.53/32', protocol: 'udp', port_min: 53, port_max: 53 },
      { direction: 'outbound', remote: '161.26.0.0/16', protocol: 'icmp_tcp_udp' },
      { direction: 'outbound', remote: '166.8.0.0/14', protocol: 'icmp_tcp_udp' },
      { direction: 'outbound', remote: '203.0.113.0/24', protocol: 'tcp', port_min: 443, port_max: 443 },
      { direction: 'outbound', remote: '203.0.113.0/24', protocol: 'tcp', port_min: 8443, port_max: 8443 },
    ]);
  });

  test('a rule for several requirements keeps every purpose', () => {
    const plan = planIbmRules(mixedSet(), { narrowAnyProtocol: true });
    const rule = plan.rules.find((r) => r.remote === '203.0.113.0/24' && r.portMin === 443)!;
    expect(rule.requirements).toHaveLength(2);
    expect(rule.purpose).toBe('Monitoring endpoint / Same flow, stated as tcp');
  });

  test('FQDN requirements are not dropped: listed on the construct and in a Terraform output', () => {
    const stack = new TerraformStack(Testing.app(), 's');
    const c = new IbmSecurityGroupRules(stack, 'egress', { requirementSets: [mixedSet()], securityGroupId: 'sg', narrowAnyProtocol: true });
    expect(c.fqdnRequirements.map((r) => [r.direction, r.protocol, r.ports, r.peer])).toEqual([
      ['egress', 'https', ['443'], { kind: 'fqdn', value: 'icr.io' }],
      ['egress', 'https', ['443'], { kind: 'wildcard-fqdn', value: '*.icr.io' }],
    ]);
    const json = JSON.parse(Testing.synth(stack));
    const fqdnOutput = json.output[Object.keys(json.output).find((k) => k.startsWith('egress_fqdn-requirements_'))!];
    expect(fqdnOutput.description).toBe(
      'Domain names IBM VPC security groups cannot express: allow them on the proxy or firewall their "firewall" field names, or else on the egress proxy or firewall in front of the cluster.',
    );
    expect(fqdnOutput.value).toEqual([
      { direction: 'egress', peer: 'icr.io', protocol: 'https', ports: '443', purpose: 'IBM Cloud Container Registry', necessity: 'required', source: 'ibm-test/egress', url: 'https://example.com/ibm-test' },
      { direction: 'egress', peer: '*.icr.io', protocol: 'https', ports: '443', purpose: 'IBM Cloud Container Registry', necessity: 'required', source: 'ibm-test/egress', url: 'https://example.com/ibm-test' },
    ]);
  });

  test('rows a catalog marks for another firewall are listed, never rendered or rejected; security-group rows are rendered', () => {
    const set = new CatalogSection(DOC, 'mixed', 'Mixed')
      .cidrs(['192.0.2.0/24'], Protocol.HTTPS, [443], 'Admin network to IBM Cloud', { metadata: { firewall: 'corporate' } })
      .cidrs(['2001:db8::/32'], Protocol.HTTPS, [443], 'IPv6 admin network', { metadata: { firewall: 'corporate' } })
      .fqdns(['cloud.ibm.com'], Protocol.HTTPS, [443], 'ibmcloud CLI', { metadata: { firewall: 'corporate' } })
      .cidrs(['10.240.0.0/24'], Protocol.TCP, [NODE_PORTS], 'Node ports', { direction: Direction.INGRESS, metadata: { firewall: 'vpc-security-group' } })
      .toSet();
    const stack = new TerraformStack(Testing.app(), 's');
    const c = new IbmSecurityGroupRules(stack, 'r', { requirements: set, securityGroupId: 'sg' });
    expect(c.plannedRules.map((r) => r.remote)).toEqual(['10.240.0.0/24']);
    expect(c.otherFirewallRequirements.map((r) => r.peer.value)).toEqual(['192.0.2.0/24', '2001:db8::/32']);
    expect(c.fqdnRequirements.map((r) => r.peer.value)).toEqual(['cloud.ibm.com']);
    const json = JSON.parse(Testing.synth(stack));
    const values = Object.entries<any>(json.output).map(([k, o]) => [k.replace(/_[0-9A-F]{8}$/, ''), o.value.map((v: any) => [v.peer, v.firewall])]);
    expect(values).toEqual([
      ['r_fqdn-requirements', [['cloud.ibm.com', 'corporate']]],
      ['r_other-firewall-requirements', [['192.0.2.0/24', 'corporate'], ['2001:db8::/32', 'corporate']]],
      ['r_skipped-requirements', []],
    ]);
  });

  test('output text is Terraform-literal: a ${ in a purpose is escaped', () => {
    const set = new CatalogSection(DOC, 'registry', 'Registry').fqdns(['us.icr.io'], Protocol.HTTPS, [443], 'Registry for ${team}').toSet();
    const json = build({ requirements: set, securityGroupId: 'sg' });
    // Terraform renders `$${` as the characters `${`; the construct's own list keeps the text as given.
    expect(Object.values<any>(json.output)[0].value.map((o: any) => o.purpose)).toEqual(['Registry for $${team}']);
  });

  test('the output is present and empty when every requirement has a CIDR', () => {
    const json = build({ requirements: nodePortSet(ZONES), securityGroupId: 'sg' });
    expect(Object.values<any>(json.output).map((o) => o.value)).toEqual([[], [], []]);
  });

  test('a set with only domain names creates no rules but still lists them', () => {
    const set = new CatalogSection(DOC, 'registry', 'Registry').fqdns(['us.icr.io'], Protocol.HTTPS, [443], 'Registry').toSet();
    const json = build({ requirements: set, securityGroupId: 'sg' });
    expect(json.resource).toBeUndefined();
    expect(Object.values<any>(json.output)[0].value.map((o: any) => o.peer)).toEqual(['us.icr.io']);
  });
});

describe('IbmSecurityGroupRules: stable names and output', () => {
  test('rule names are lower-case, at most 63 characters, IBM-valid and unique', () => {
    const plan = planIbmRules(nodePortSet(subnets(300)).merge(mixedSet()), { narrowAnyProtocol: true });
    const names = plan.rules.map((r) => r.name);
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) {
      expect(name.length).toBeLessThanOrEqual(63);
      expect(name).toMatch(/^[a-z][-a-z0-9]*[a-z0-9]$/);
    }
  });

  test('GIVEN three subnets WHEN a fourth is added THEN exactly one rule is added and nothing else changes', () => {
    const before = build({ requirements: nodePortSet(ZONES), vpcId: 'v' });
    const after = build({ requirements: nodePortSet([...ZONES, '10.240.192.0/24']), vpcId: 'v' });
    const b = resources(before, RULE);
    const a = resources(after, RULE);
    expect(Object.keys(a)).toHaveLength(Object.keys(b).length + 1);
    for (const [name, body] of Object.entries(b)) expect(a[name]).toEqual(body);
    const added = Object.keys(a).filter((n) => !(n in b));
    expect(added.map((n) => a[n].remote)).toEqual(['10.240.192.0/24']);
    expect(resources(after, GROUP)).toEqual(resources(before, GROUP));
  });

  test('the same holds with rules split over two groups', () => {
    const before = build({ requirements: nodePortSet(subnets(300)), vpcId: 'v' });
    const after = build({ requirements: nodePortSet(subnets(301)), vpcId: 'v' });
    const b = resources(before, RULE);
    const a = resources(after, RULE);
    expect(Object.keys(b)).toHaveLength(300);
    expect(Object.keys(a)).toHaveLength(301);
    for (const [name, body] of Object.entries(b)) expect(a[name]).toEqual(body);
    expect(resources(after, GROUP)).toEqual(resources(before, GROUP));
  });

  test('synthesizing twice is byte-identical, whatever the input order', () => {
    const one = Testing.synthScope((s) => new IbmSecurityGroupRules(s, 'r', { requirementSets: [nodePortSet(ZONES), mixedSet()], vpcId: 'v', narrowAnyProtocol: true }));
    const two = Testing.synthScope((s) => {
      const rules = new IbmSecurityGroupRules(s, 'r', { requirementSets: [mixedSet()], vpcId: 'v', narrowAnyProtocol: true });
      rules.addRequirements(nodePortSet([...ZONES].reverse()));
    });
    expect(two).toBe(one);
  });
});

describe('IbmSecurityGroupRules: 250 rules per security group', () => {
  test('an existing group takes exactly 250 rules', () => {
    const json = build({ requirements: nodePortSet(subnets(250)), securityGroupId: 'r006-sg' });
    expect(Object.keys(json.resource[RULE])).toHaveLength(250);
  });

  test('an existing group fails at synth at 251 rules with the count and the limit, and writes nothing', () => {
    const stack = new TerraformStack(Testing.app(), 's');
    new IbmSecurityGroupRules(stack, 'node-ports', { requirements: nodePortSet(subnets(251)), securityGroupId: 'r006-sg' });
    expect(() => Testing.synth(stack)).toThrow(
      'Rules for security group r006-sg (251 planned + 0 reserved): 251 exceeds the limit of 250 (from IbmSecurityGroupRules s/node-ports). ' +
        'Give vpcId instead of securityGroupId so that the rules are split over several created groups, or filter the requirement set.',
    );
  });

  test('the limit reacts to what was added after construction', () => {
    const stack = new TerraformStack(Testing.app(), 's');
    const rules = new IbmSecurityGroupRules(stack, 'node-ports', { requirementSets: [nodePortSet(subnets(250))], securityGroupId: 'r006-sg' });
    rules.addRequirements(nodePortSet(subnets(1, 250)));
    expect(() => rules.render()).toThrow('Rules for security group r006-sg (251 planned + 0 reserved): 251 exceeds the limit of 250');
  });

  test('reserved rules count towards the limit', () => {
    expect(() => build({ requirements: nodePortSet(subnets(240)), securityGroupId: 'sg', reservedRulesPerGroup: 10 })).not.toThrow();
    expect(() => build({ requirements: nodePortSet(subnets(241)), securityGroupId: 'sg', reservedRulesPerGroup: 10 })).toThrow(
      'Rules for security group sg (241 planned + 10 reserved): 251 exceeds the limit of 250',
    );
  });

  test('created groups: 250 rules fit in one group, 251 split over two with at most 250 each', () => {
    const at = build({ requirements: nodePortSet(subnets(250)), vpcId: 'v' });
    expect(Object.keys(at.resource[GROUP])).toHaveLength(1);
    expect(Object.keys(at.resource[RULE])).toHaveLength(250);

    const over = build({ requirements: nodePortSet(subnets(251)), vpcId: 'v' });
    expect(bodies(over, GROUP).map((g) => g.name)).toEqual(['k8s-firewall-1', 'k8s-firewall-2']);
    const perGroup = new Map<string, number>();
    for (const r of bodies(over, RULE)) perGroup.set(String(r.group), (perGroup.get(String(r.group)) ?? 0) + 1);
    expect(perGroup.size).toBe(2);
    expect([...perGroup.values()].reduce((a, b) => a + b)).toBe(251);
    for (const n of perGroup.values()) expect(n).toBeLessThanOrEqual(250);
  });

  test('reserved rules shrink each created group', () => {
    const json = build({ requirements: nodePortSet(subnets(241)), vpcId: 'v', reservedRulesPerGroup: 10 });
    expect(Object.keys(json.resource[GROUP])).toHaveLength(2);
  });

  test('groups fill up to the limit: 1250 rules fit in five groups of 250', () => {
    const plan = planIbmRules(nodePortSet(subnets(1250)));
    const { groups, slotOf } = assignToGroups(plan.rules);
    expect(groups).toBe(5);
    const counts = [0, 0, 0, 0, 0, 0];
    for (const slot of Object.values(slotOf)) counts[slot]++;
    expect(counts.slice(1)).toEqual([250, 250, 250, 250, 250]);
  });

  test('more groups than a worker can carry fail with the count and the limit', () => {
    expect(() => build({ requirements: nodePortSet(subnets(1251)), vpcId: 'v' })).toThrow(
      'Security groups needed for 1251 rules at 250 rules per group: 6 exceeds the limit of 5 (from IbmSecurityGroupRules stack/node-ports). ' +
        "A worker can carry at most 5 security groups, the cluster's own included. Filter the requirement set, or list fewer, wider peer CIDRs.",
    );
    expect(() => build({ requirements: nodePortSet(subnets(501)), vpcId: 'v', maximumGroups: 2 })).toThrow(
      'Security groups needed for 501 rules at 250 rules per group: 3 exceeds the limit of 2',
    );
  });

  test('when the group count grows, only rules that prefer the new group move', () => {
    const plan = planIbmRules(nodePortSet(subnets(400)));
    const two = assignToGroups(plan.rules, { minimumGroups: 2 }).slotOf;
    const three = assignToGroups(plan.rules, { minimumGroups: 3 }).slotOf;
    const moved = Object.keys(two).filter((k) => two[k] !== three[k]);
    expect(moved.every((k) => three[k] === 3)).toBe(true);
    expect(moved.length).toBeGreaterThan(0);
    expect(moved.length).toBeLessThan(200);
  });
});

describe('IbmSecurityGroupRules: rejections', () => {
  const cidrSet = (cidr: string) => new CatalogSection(DOC, 'x', 'X').cidrs([cidr], Protocol.TCP, [443], 'Some flow').toSet();

  test.each<[string, () => IbmSecurityGroupRulesProps, string]>([
    [
      'an IPv6 CIDR peer',
      () => ({ requirements: cidrSet('2001:db8::/32'), vpcId: 'v' }),
      'IBM VPC security groups cannot express "2001:db8::/32": IBM VPC security group rules support ip_version "ipv4" only (from IbmSecurityGroupRules Default/r: ibm-test/x "Some flow"). Filter IPv6 requirements out of the set',
    ],
    [
      'a service tag peer',
      () => ({ requirements: RequirementSet.of(new CatalogSection(DOC, 'x', 'X').row([Peer.serviceTag('AzureCloud.westeurope')], Protocol.TCP, [443], 'Azure').requirements), vpcId: 'v' }),
      'IBM VPC security groups cannot express "AzureCloud.westeurope": a service-tag stands for a set of addresses or names only Azure Firewall knows (from IbmSecurityGroupRules Default/r: ibm-test/x "Azure"). Render this requirement with the Azure target',
    ],
    [
      'an FQDN tag peer',
      () => ({ requirements: RequirementSet.of(new CatalogSection(DOC, 'x', 'X').row([Peer.fqdnTag('AzureKubernetesService')], Protocol.HTTPS, [443], 'AKS').requirements), vpcId: 'v' }),
      'IBM VPC security groups cannot express "AzureKubernetesService": a fqdn-tag stands for a set',
    ],
    [
      'an unresolved placeholder',
      () => ({
        requirements: RequirementSet.of(
          new CatalogSection(DOC, 'x', 'X').row([Peer.placeholder('api-server-public-ip', 'Set apiServerPublicIp.')], Protocol.TCP, [443], 'API server').requirements,
        ),
        vpcId: 'v',
      }),
      'Placeholder <api-server-public-ip> is not resolved (from ibm-test/x: <api-server-public-ip> (API server)). Set apiServerPublicIp.',
    ],
    ['neither securityGroupId nor vpcId', () => ({ requirements: nodePortSet(ZONES) }), 'Missing required option securityGroupId or vpcId: the rules need a security group'],
    [
      'both securityGroupId and vpcId',
      () => ({ requirements: nodePortSet(ZONES), securityGroupId: 'sg', vpcId: 'v' }),
      'Invalid combination of securityGroupId and vpcId "sg / v" (from IbmSecurityGroupRules Default/r). Give securityGroupId to add rules to an existing group, or vpcId',
    ],
    ['an empty vpcId', () => ({ requirements: nodePortSet(ZONES), vpcId: ' ' }), 'Invalid vpcId " " (from IbmSecurityGroupRules Default/r vpcId). Give the VPC ID'],
    [
      'group options with an existing group',
      () => ({ requirements: nodePortSet(ZONES), securityGroupId: 'sg', groupNamePrefix: 'x' }),
      'Invalid groupNamePrefix "x" (from IbmSecurityGroupRules Default/r groupNamePrefix). groupNamePrefix applies to groups that are created; with securityGroupId no group is created. Remove it or give vpcId instead.',
    ],
    [
      'an upper-case group name prefix',
      () => ({ requirements: nodePortSet(ZONES), vpcId: 'v', groupNamePrefix: 'K8s' }),
      'Invalid security group name (from groupNamePrefix) "K8s-5" (from IbmSecurityGroupRules Default/r groupNamePrefix). IBM VPC names use lower-case letters',
    ],
    [
      'a group name prefix too long for a group number',
      () => ({ requirements: nodePortSet(ZONES), vpcId: 'v', groupNamePrefix: 'a'.repeat(62) }),
      'IBM VPC names are 1-63 characters long; this one has 64.',
    ],
    ['minimumGroups 0', () => ({ requirements: nodePortSet(ZONES), vpcId: 'v', minimumGroups: 0 }), 'Invalid minimumGroups "0" (from IbmSecurityGroupRules Default/r minimumGroups). minimumGroups is a whole number from 1 to 5.'],
    ['maximumGroups 6', () => ({ requirements: nodePortSet(ZONES), vpcId: 'v', maximumGroups: 6 }), 'maximumGroups is a whole number from 1 to 5.'],
    ['minimumGroups above maximumGroups', () => ({ requirements: nodePortSet(ZONES), vpcId: 'v', minimumGroups: 3, maximumGroups: 2 }), 'minimumGroups must not exceed maximumGroups (2).'],
    ['250 reserved rules', () => ({ requirements: nodePortSet(ZONES), vpcId: 'v', reservedRulesPerGroup: 250 }), 'reservedRulesPerGroup is a whole number from 0 to 249.'],
    ['requirements that are not a set', () => ({ requirements: ['10.0.0.0/8'] as unknown as RequirementSet, vpcId: 'v' }), 'Invalid requirements (an array, expected a RequirementSet) "[\\"10.0.0.0/8\\"]" (from IbmSecurityGroupRules Default/r requirements). Give a RequirementSet'],
  ])('%s', (_what, props, message) => {
    const stack = new TerraformStack(Testing.app(), 'Default');
    expect(() => new IbmSecurityGroupRules(stack, 'r', props())).toThrow(message);
    expect(stack.node.tryFindChild('r')).toBeUndefined();
    const json = JSON.parse(Testing.synth(stack));
    expect(json.resource).toBeUndefined();
    expect(json.output).toBeUndefined();
  });

  test('a requirement whose ports are given as several ranges becomes one rule per range', () => {
    const set = new CatalogSection(DOC, 'x', 'X')
      .row([Peer.cidr('10.1.0.0/16')], Protocol.UDP, [PortRange.range(30000, 32767), PortRange.single(53)], 'Two ranges', { direction: Direction.INGRESS })
      .toSet();
    expect(planIbmRules(set).rules.map((r) => [r.direction, r.protocol, r.portMin, r.portMax])).toEqual([
      ['inbound', 'udp', 30000, 32767],
      ['inbound', 'udp', 53, 53],
    ]);
  });
});
