import * as fs from 'fs';
import * as path from 'path';
import { Testing } from 'cdktf';
import { chainguardEnforceProfile } from '../../../lib/catalog/chainguard-enforce';
import { ibmVpcProfile } from '../../../lib/catalog/ibm-vpc';
import { IBM_EXPORT_TARGETS, IBM_SECURITY_GROUP_RULES_EXPORT } from '../../../lib/export/ibm';
import { FirewallRequirementsError, RequirementSet } from '../../../lib/model';
import { IBM_GROUP_OPTION_NAMES, IbmSecurityGroupRules, IbmSecurityGroupRulesProps } from '../../../lib/targets/ibm';
import { errorOf } from '../../model/fixtures';
import { nodePortSet, subnets } from './fixtures';

const ORIGIN = 'export ibm-security-group-rules spec.target';
const ZONES = ['10.240.0.0/24', '10.240.64.0/24', '10.240.128.0/24'];
const build = (set: RequirementSet, options: Record<string, unknown> = {}) => IBM_SECURITY_GROUP_RULES_EXPORT.build(set, options, ORIGIN);

function profile(): RequirementSet {
  return RequirementSet.union([ibmVpcProfile({ region: 'eu-de', subnetCidrs: ZONES }), chainguardEnforceProfile({ acknowledgeRetired: true })]);
}

/** Rules by name without the group reference; groups by name without vpc/resource group references. */
function content(resources: any): { rules: Record<string, unknown>; groups: unknown[]; groupOfRule: Record<string, string> } {
  const rules: Record<string, unknown> = {};
  const groupOfRule: Record<string, string> = {};
  const groupName: Record<string, string> = {};
  for (const [key, g] of Object.entries<any>(resources.ibm_is_security_group ?? {})) groupName[key] = g.name;
  for (const r of Object.values<any>(resources.ibm_is_security_group_rule ?? {})) {
    const { group, ['//']: _meta, ...rest } = r;
    rules[r.name] = rest;
    const ref = /^\$\{ibm_is_security_group\.([^.]+)\.id\}$/.exec(group);
    groupOfRule[r.name] = ref ? groupName[ref[1]] : group;
  }
  const groups = Object.values<any>(resources.ibm_is_security_group ?? {}).map(({ vpc: _v, resource_group: _rg, ['//']: _m, ...rest }) => rest);
  return { rules, groups, groupOfRule };
}

function constructContent(set: RequirementSet, props: Partial<IbmSecurityGroupRulesProps>): ReturnType<typeof content> & { outputs: Record<string, unknown> } {
  const json = JSON.parse(Testing.synthScope((scope) => new IbmSecurityGroupRules(scope, 'rules', { requirementSets: [set], ...props } as IbmSecurityGroupRulesProps)));
  const outputs: Record<string, unknown> = {};
  for (const [k, o] of Object.entries<any>(json.output ?? {})) outputs[k.replace(/^rules_/, '').replace(/_[0-9A-F]{8}$/, '')] = o.value;
  return { ...content(json.resource ?? {}), outputs };
}

describe('export target ibm-security-group-rules', () => {
  test('is listed for the IBM cloud, with every group option of the construct', () => {
    expect(IBM_EXPORT_TARGETS).toEqual([IBM_SECURITY_GROUP_RULES_EXPORT]);
    expect(IBM_SECURITY_GROUP_RULES_EXPORT.cloud).toBe('ibm');
    expect(Object.keys(IBM_SECURITY_GROUP_RULES_EXPORT.options).sort()).toEqual(['existingSecurityGroup', ...IBM_GROUP_OPTION_NAMES].sort());
  });

  test('GIVEN the IBM VPC profile and Chainguard Enforce WHEN exported THEN the rules, groups and lists equal what the construct synthesizes', () => {
    const set = profile();
    const module = build(set, { groupNamePrefix: 'k8s-node-ports', tags: ['k8s'] });
    const fromConstruct = constructContent(set, { vpcId: 'v', groupNamePrefix: 'k8s-node-ports', tags: ['k8s'] });
    const exported = content(module.resources);
    expect(Object.keys(exported.rules).length).toBeGreaterThan(0);
    expect(exported).toEqual({ rules: fromConstruct.rules, groups: fromConstruct.groups, groupOfRule: fromConstruct.groupOfRule });
    expect(module.outputs.fqdn_requirements.value).toEqual(fromConstruct.outputs['fqdn-requirements']);
    expect(module.outputs.other_firewall_requirements.value).toEqual(fromConstruct.outputs['other-firewall-requirements']);
    expect(module.outputs.skipped_requirements.value).toEqual(fromConstruct.outputs['skipped-requirements']);
    expect((module.outputs.skipped_requirements.value as unknown[]).length).toBeGreaterThan(0);
    expect(module.outputs.rule_names.value).toEqual(Object.keys(exported.rules).sort());
  });

  test('the same with rules split over two created groups, and with an existing group', () => {
    const set = nodePortSet(subnets(251));
    const split = build(set);
    expect(content(split.resources)).toEqual((({ outputs: _o, ...rest }) => rest)(constructContent(set, { vpcId: 'v' })));
    expect(Object.keys(split.resources.ibm_is_security_group)).toEqual(['security-group-1', 'security-group-2']);

    const existing = build(nodePortSet(ZONES), { existingSecurityGroup: true });
    const c = constructContent(nodePortSet(ZONES), { securityGroupId: 'sg' });
    expect(content(existing.resources).rules).toEqual(c.rules);
    expect(existing.resources.ibm_is_security_group).toBeUndefined();
    expect(Object.values<any>(existing.resources.ibm_is_security_group_rule).every((r) => r.group === '${var.security_group_id}')).toBe(true);
  });

  test('module shape: provider range, variables for the ids it does not own, references, outputs', () => {
    const module = build(nodePortSet(ZONES));
    expect(module.providers).toEqual([{ name: 'ibm', source: 'IBM-Cloud/ibm', version: '>= 1.87.2, < 3.0.0' }]);
    expect(Object.keys(module.variables)).toEqual(['vpc_id', 'resource_group_id']);
    expect(module.variables.resource_group_id).toMatchObject({ type: 'string', default: null, nullable: true });
    expect(module.resources.ibm_is_security_group).toEqual({
      'security-group-1': { vpc: '${var.vpc_id}', name: 'k8s-firewall-1', resource_group: '${var.resource_group_id}' },
    });
    const rule = Object.values<any>(module.resources.ibm_is_security_group_rule)[0];
    expect(rule).toEqual({
      group: '${ibm_is_security_group.security-group-1.id}',
      direction: 'inbound',
      remote: '10.240.0.0/24',
      name: 'in-tcp-30000-32767-10-240-0-0-24-1b91d9be',
      protocol: 'tcp',
      port_min: 30000,
      port_max: 32767,
    });
    expect(module.outputs.security_group_ids.value).toEqual(['${ibm_is_security_group.security-group-1.id}']);
    expect(Object.keys(module.outputs).sort()).toEqual(['fqdn_requirements', 'other_firewall_requirements', 'rule_names', 'security_group_ids', 'skipped_requirements']);
    expect(Object.keys(build(nodePortSet(ZONES), { existingSecurityGroup: true }).variables)).toEqual(['security_group_id']);
    expect(JSON.stringify(build(nodePortSet(ZONES)))).toBe(JSON.stringify(module));
  });

  test('the same errors as the construct: opt-ins, limits, protocol any, option types', () => {
    const halves = nodePortSet(['0.0.0.0/1', '128.0.0.0/1']);
    expect(() => build(halves)).toThrow(`Invalid remote for inbound tcp ports 30000-32767 "0.0.0.0/1, 128.0.0.0/1 (together 0.0.0.0/0)" (from ${ORIGIN}: `);
    expect(() => build(halves, { allowNodePortsFromAnywhere: true })).not.toThrow();
    expect(() => build(nodePortSet(subnets(251)), { existingSecurityGroup: true })).toThrow(
      `Rules for security group var.security_group_id (251 planned + 0 reserved): 251 exceeds the limit of 250 (from ${ORIGIN}). Set existingSecurityGroup: false so that the rules are split`,
    );
    expect(() => build(nodePortSet(subnets(1251)))).toThrow('Security groups needed for 1251 rules at 250 rules per group: 6 exceeds the limit of 5');
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ existingSecurityGroup: 'true' }, `Invalid existingSecurityGroup (string, expected true or false) "true" (from ${ORIGIN} existingSecurityGroup)`],
      [{ existingSecurityGroup: true, groupNamePrefix: 'x' }, 'groupNamePrefix applies to groups that are created; with existingSecurityGroup: true no group is created. Remove it or set existingSecurityGroup: false.'],
      [{ tags: 'k8s' }, `Invalid tags (string, expected an array) "k8s" (from ${ORIGIN} tags)`],
      [{ minimumGroups: NaN }, `Invalid minimumGroups "NaN" (from ${ORIGIN} minimumGroups)`],
      [{ allowAnyAdress: true }, `Unknown property "allowAnyAdress" (from ${ORIGIN}). Did you mean "allowAnyAddress"?`],
      [{ vpcId: 'r006-x' }, `Unknown property "vpcId" (from ${ORIGIN})`],
    ];
    for (const [options, message] of cases) {
      const e = errorOf(() => build(nodePortSet(ZONES), options));
      expect(e).toBeInstanceOf(FirewallRequirementsError);
      expect(e.message).toContain(message);
    }
  });

  test('plans without cdktf: nothing the target imports loads cdktf, constructs or a provider binding', () => {
    const root = path.join(__dirname, '../../../lib');
    const seen = new Set<string>();
    const offenders: string[] = [];
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      const text = fs.readFileSync(file, 'utf8');
      for (const m of text.matchAll(/^(?:import|export)[^'"]*?from\s+'([^']+)'/gm)) {
        const spec = m[1];
        if (!spec.startsWith('.')) {
          if (/^(cdktf|constructs|@cdktf\/)/.test(spec)) offenders.push(`${path.relative(root, file)} -> ${spec}`);
          continue;
        }
        const base = path.resolve(path.dirname(file), spec);
        visit(fs.existsSync(`${base}.ts`) ? `${base}.ts` : path.join(base, 'index.ts'));
      }
    };
    visit(path.join(root, 'export/ibm/index.ts'));
    expect(seen.size).toBeGreaterThan(5);
    expect(offenders).toEqual([]);
  });
});
