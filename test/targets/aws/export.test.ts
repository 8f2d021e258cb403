import * as fs from 'fs';
import * as path from 'path';
import { EksCluster } from '@cdktf/provider-aws/lib/eks-cluster';
import { chainguardEnforceProfile } from '../../../lib/catalog/chainguard-enforce';
import { eksNodesProfile } from '../../../lib/catalog/eks';
import { Direction, FirewallRequirementsError, Protocol, RequirementSet } from '../../../lib/model';
import { AWS_EXPORT_TARGETS, AWS_NETWORK_FIREWALL_EXPORT, AWS_SECURITY_GROUP_RULES_EXPORT, EKS_ENDPOINT_ACCESS_EXPORT } from '../../../lib/export/aws';
import { EksEndpointAccess, NetworkFirewallDomainAllowlist, SecurityGroupRules } from '../../../lib/targets/aws';
import { errorOf } from '../../model/fixtures';
import { cidrFlow, distinctHosts, egressFqdns, resourcesOf, synth } from '../helpers';

const ORIGIN = 'export test spec.target';

/** JSON with keys sorted at every level. */
function canonical(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  return `{${Object.keys(value as object).sort().map((k) => `${JSON.stringify(k)}:${canonical((value as any)[k])}`).join(',')}}`;
}

/** Resource bodies without the references (group ids), keyed by type and sorted, for comparing content. */
function content(resources: Record<string, Record<string, any>>, types: string[]): Record<string, string[]> {
  const strip = (body: any) => {
    const { security_group_id: _a, vpc_id: _b, ...rest } = body;
    return rest;
  };
  return Object.fromEntries(types.map((t) => [t, Object.values(resources[t] ?? {}).map(strip).map(canonical).sort()]));
}

const eks = eksNodesProfile({ region: 'eu-central-1', ecrAccountIds: ['123456789012'], clusterSecurityGroupCidrs: ['10.0.0.0/24'], nodeSubnetCidrs: ['10.0.16.0/20'] });
const enforce = chainguardEnforceProfile({ acknowledgeRetired: true });

describe('AWS export targets', () => {
  test('three targets, each with the hashicorp/aws range that admits 5.x and 6.x', () => {
    expect(AWS_EXPORT_TARGETS.map((t) => t.name)).toEqual(['aws-security-group-rules', 'aws-network-firewall', 'eks-endpoint-access']);
    for (const t of AWS_EXPORT_TARGETS) expect(t.cloud).toBe('aws');
  });

  test('aws-security-group-rules: the same groups and rules as SecurityGroupRules', () => {
    const set = RequirementSet.of(distinctHosts(70).map((c) => cidrFlow(c, { direction: Direction.INGRESS, purpose: 'Webhook ${callers}' }))).merge(eks.filter((r) => !r.peer.isDomain));
    const options = { vpcId: 'vpc-1', groupName: 'nodes', tags: { team: 'platform' } };
    const exported = AWS_SECURITY_GROUP_RULES_EXPORT.build(set, options, ORIGIN);
    const json = synth((scope) => new SecurityGroupRules(scope, 'Nodes', { requirementSets: [set], ...options }));
    const types = ['aws_security_group', 'aws_vpc_security_group_ingress_rule', 'aws_vpc_security_group_egress_rule'];
    const fromConstruct = Object.fromEntries(types.map((t) => [t, Object.fromEntries(resourcesOf(json, t).map((b, i) => [String(i).padStart(4, '0'), b]))]));
    expect(content(exported.resources as any, types)).toEqual(content(fromConstruct as any, types));
    expect(Object.keys(exported.resources.aws_security_group)).toEqual(['Group', 'Group-1']);
    expect(exported.providers).toEqual([{ name: 'aws', source: 'hashicorp/aws', version: '>= 5.0, < 7.0' }]);
    expect(exported.variables.vpc_id).toMatchObject({ type: 'string', default: 'vpc-1' });
    expect(exported.outputs.security_group_ids.value).toEqual(['${aws_security_group.Group.id}', '${aws_security_group.Group-1.id}']);
    // Every rule references a group of the module; descriptions keep a literal ${ escaped.
    const rules = Object.values(exported.resources.aws_vpc_security_group_ingress_rule) as any[];
    expect(new Set(rules.map((r) => r.security_group_id))).toEqual(new Set(exported.outputs.security_group_ids.value as string[]));
    expect(rules[0].description).toContain('$${callers}');
  });

  test('aws-security-group-rules with an existing group: a variable, no groups', () => {
    const exported = AWS_SECURITY_GROUP_RULES_EXPORT.build(RequirementSet.of([cidrFlow('10.0.0.0/8')]), { securityGroupId: 'sg-1' }, ORIGIN);
    expect(exported.resources.aws_security_group).toBeUndefined();
    expect(Object.values(exported.resources.aws_vpc_security_group_egress_rule)).toEqual([expect.objectContaining({ security_group_id: '${var.security_group_id}', cidr_ipv4: '10.0.0.0/8' })]);
  });

  test('aws-network-firewall: the same rule groups as NetworkFirewallDomainAllowlist', () => {
    const set = eks.merge(enforce, egressFqdns(['plain.example.com'], 'Plain', Protocol.HTTP, [80]));
    const options = { name: 'egress', homeNetCidrs: ['10.0.16.0/20'], ruleOrder: 'STRICT_ORDER' };
    const exported = AWS_NETWORK_FIREWALL_EXPORT.build(set, options, ORIGIN);
    const json = synth((scope) => new NetworkFirewallDomainAllowlist(scope, 'Allow', { requirementSets: [set], ...(options as any) }));
    expect(Object.keys(exported.resources.aws_networkfirewall_rule_group)).toEqual(['http', 'tls']);
    expect(Object.values(exported.resources.aws_networkfirewall_rule_group)).toEqual(resourcesOf(json, 'aws_networkfirewall_rule_group'));
    expect(exported.outputs.rule_group_arns.value).toEqual(['${aws_networkfirewall_rule_group.http.arn}', '${aws_networkfirewall_rule_group.tls.arn}']);
  });

  test('eks-endpoint-access: no resources; the values to pass to aws_eks_cluster.vpc_config, as the construct sets them', () => {
    const options = { cidrs: [{ cidr: '203.0.113.0/24', purpose: 'Office' }] };
    const exported = EKS_ENDPOINT_ACCESS_EXPORT.build(enforce.merge(eks), options, ORIGIN);
    expect(exported.resources).toEqual({});
    const access = EksEndpointAccess.fromRequirements({ requirementSets: [enforce, eks], ...options });
    const json = synth((scope) => {
      new EksCluster(scope, 'C', { name: 'c', roleArn: 'arn:aws:iam::123456789012:role/eks', vpcConfig: access.toVpcConfig(['subnet-a']) });
    });
    const vpc = resourcesOf(json, 'aws_eks_cluster')[0].vpc_config;
    expect({
      endpoint_private_access: exported.outputs.endpoint_private_access.value,
      endpoint_public_access: exported.outputs.endpoint_public_access.value,
      public_access_cidrs: exported.outputs.public_access_cidrs.value,
    }).toEqual({ endpoint_private_access: vpc.endpoint_private_access, endpoint_public_access: vpc.endpoint_public_access, public_access_cidrs: vpc.public_access_cidrs });
  });

  test('bad options fail with the construct\'s errors, naming the spec', () => {
    expect(errorOf(() => AWS_SECURITY_GROUP_RULES_EXPORT.build(RequirementSet.empty(), { vpcId: 'vpc-1', allowAnyAddress: 'yes' }, ORIGIN)).message).toContain(
      'Invalid allowAnyAddress (string, expected true or false) "yes" (from export test spec.target allowAnyAddress)',
    );
    expect(errorOf(() => AWS_NETWORK_FIREWALL_EXPORT.build(enforce, { name: 'x' }, ORIGIN)).message).toContain('Missing required property homeNetCidrs (from export test spec.target homeNetCidrs)');
    expect(errorOf(() => EKS_ENDPOINT_ACCESS_EXPORT.build(enforce, { ipFamily: 'IPV6' }, ORIGIN)).message).toContain('Unknown ipFamily "IPV6" (from export test spec.target ipFamily)');
    expect(errorOf(() => EKS_ENDPOINT_ACCESS_EXPORT.build(enforce, { cidrs: [{ cidr: '0.0.0.0/0' }] }, ORIGIN)).code).toBe('any-address');
    expect(errorOf(() => AWS_SECURITY_GROUP_RULES_EXPORT.build(RequirementSet.empty(), { vpcId: 'vpc-1', groupname: 'x' }, ORIGIN))).toBeInstanceOf(FirewallRequirementsError);
  });

  test('the export targets and everything they import load no cdktf, constructs or provider binding', () => {
    const root = path.resolve(__dirname, '../../../lib');
    const seen = new Set<string>();
    const offending: string[] = [];
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      const text = fs.readFileSync(file, 'utf8');
      for (const m of text.matchAll(/^(?:import|export)\s[^;]*?from\s+'([^']+)'/gms)) {
        const spec = m[1];
        if (/^(cdktf|constructs|@cdktf\/)/.test(spec)) offending.push(`${path.relative(root, file)} -> ${spec}`);
        if (!spec.startsWith('.')) continue;
        const base = path.resolve(path.dirname(file), spec);
        const target = [`${base}.ts`, path.join(base, 'index.ts')].find((f) => fs.existsSync(f));
        if (target) visit(target);
      }
    };
    visit(path.join(root, 'export/aws/index.ts'));
    expect(seen.size).toBeGreaterThan(10);
    expect(offending).toEqual([]);
  });
});
