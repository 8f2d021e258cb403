/** The AWS fleet keeps exercising every construct option (so that the terraform check keeps meaning something). */
import { App, Testing } from 'cdktf';
import { validateStackJson } from '../../lib/validate';
import { addAwsFleet, AWS_FLEET, FLEET_TAGS } from '../../tools/aws-fleet';
import { resourcesOf } from '../targets/helpers';

function synthFleet(): Map<string, any> {
  const app = Testing.app();
  addAwsFleet(app);
  const out = new Map<string, any>();
  for (const s of AWS_FLEET) out.set(s.name, JSON.parse(Testing.synth(app.node.findChild(s.name) as any)));
  return out;
}

describe('AWS fleet', () => {
  const fleet = synthFleet();

  test('names are unique and sorted; every stack passes the offline schema validation', () => {
    const names = AWS_FLEET.map((s) => s.name);
    expect(names).toEqual([...new Set(names)].sort());
    expect(addAwsFleet(new App({ outdir: '/tmp/unused' }))).toEqual(names);
    for (const [name, json] of fleet) {
      const report = validateStackJson(JSON.stringify(json));
      expect({ name, problems: report.problems }).toEqual({ name, problems: [] });
    }
  });

  test('owned security groups: several groups, tags, IPv4 and IPv6, tcp/udp/icmp/icmpv6/all, both directions, a literal VPC', () => {
    const json = fleet.get('aws-fleet-sg-owned');
    const groups = resourcesOf(json, 'aws_security_group');
    expect(groups.length).toBeGreaterThanOrEqual(3);
    const spread = groups.filter((g) => g.vpc_id === '${var.vpc_id}');
    expect(spread.length).toBeGreaterThanOrEqual(2);
    for (const g of spread) expect(g.tags).toEqual(FLEET_TAGS);
    expect(groups.map((g) => g.vpc_id)).toContain('vpc-0a1b2c3d4e5f67890');
    expect(groups.map((g) => g.vpc_id)).toContain('${var.vpc_id}');
    const rules = [...resourcesOf(json, 'aws_vpc_security_group_ingress_rule'), ...resourcesOf(json, 'aws_vpc_security_group_egress_rule')];
    expect(new Set(rules.map((r) => r.ip_protocol))).toEqual(new Set(['tcp', 'udp', 'icmp', 'icmpv6', '-1']));
    expect(rules.some((r) => r.cidr_ipv6)).toBe(true);
    expect(rules.some((r) => r.from_port === 30000 && r.to_port === 32767)).toBe(true);
    expect(resourcesOf(json, 'aws_vpc_security_group_ingress_rule').length).toBeGreaterThan(3);
    expect(resourcesOf(json, 'aws_vpc_security_group_egress_rule').length).toBeGreaterThan(3);
  });

  test('existing groups: a resource reference, a variable, any-address peers, a literal ${ in a description', () => {
    const json = fleet.get('aws-fleet-sg-existing');
    const rules = [...resourcesOf(json, 'aws_vpc_security_group_ingress_rule'), ...resourcesOf(json, 'aws_vpc_security_group_egress_rule')];
    expect(new Set(rules.map((r) => r.security_group_id))).toEqual(new Set(['${aws_security_group.nodes.id}', '${var.existing_security_group_id}']));
    expect(rules.map((r) => r.cidr_ipv4 ?? r.cidr_ipv6)).toEqual(expect.arrayContaining(['0.0.0.0/0', '::/0']));
    expect(rules.map((r) => r.description)).toContain('SSH from the bastion; template text $${not_a_reference} stays literal');
  });

  test('EKS: every endpoint setting, IPv6, references, extra security groups', () => {
    const clusters = new Map<string, any>(Object.entries(fleet.get('aws-fleet-eks').resource.aws_eks_cluster));
    const vpc = (n: string) => clusters.get(n).vpc_config;
    expect([...clusters.keys()].sort()).toEqual(['apply-to', 'everyone', 'ipv6', 'private-only', 'public-and-private', 'public-only']);
    expect(vpc('public-and-private')).toMatchObject({ endpoint_private_access: true, endpoint_public_access: true, security_group_ids: expect.any(Array) });
    expect(vpc('public-only')).toMatchObject({ endpoint_private_access: false, endpoint_public_access: true });
    expect(vpc('public-only').public_access_cidrs).toContain('${aws_eip.nat.public_ip}/32');
    expect(vpc('private-only')).toMatchObject({ endpoint_private_access: true, endpoint_public_access: false });
    expect(vpc('private-only').public_access_cidrs).toBeUndefined();
    expect(vpc('everyone').public_access_cidrs).toEqual(['0.0.0.0/0']);
    expect(vpc('ipv6').public_access_cidrs).toEqual(['203.0.113.128/25', '2001:db8:1234::/48']);
    expect(clusters.get('ipv6').kubernetes_network_config).toEqual({ ip_family: 'ipv6' });
    expect(vpc('apply-to').public_access_cidrs).toEqual(['${var.admin_cidr}']);
  });

  test('Network Firewall: http, https and both, HOME_NET, a fixed capacity, tags, a policy referencing every group', () => {
    const json = fleet.get('aws-fleet-network-firewall');
    const groups = resourcesOf(json, 'aws_networkfirewall_rule_group');
    // One group per protocol, each with every name of its protocol: both.example.com is in the http and the tls group.
    expect(groups.map((g) => g.name).sort()).toEqual(['fleet-enforce-tls', 'fleet-fixed-tls', 'fleet-mixed-http', 'fleet-mixed-tls']);
    const byName = new Map(groups.map((g) => [g.name, g]));
    expect(byName.get('fleet-fixed-tls').capacity).toBe(250);
    expect(byName.get('fleet-mixed-http').tags).toEqual(FLEET_TAGS);
    expect(byName.get('fleet-mixed-tls').rule_group.rule_variables.ip_sets[0].ip_set.definition).toEqual(['10.0.0.0/16', '10.1.0.0/16']);
    const refs = resourcesOf(json, 'aws_networkfirewall_firewall_policy')[0].firewall_policy.stateful_rule_group_reference;
    expect(refs).toHaveLength(groups.length);
  });
});
