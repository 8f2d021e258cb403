import { terraformText } from '../../model/terraform-text';
import { invalidValue } from '../../model/errors';
import { IpVersion } from '../../model/cidr';
import { Direction } from '../../model/protocol';
import {
  checkSecurityGroupOptions,
  planSecurityGroupLayout,
  SECURITY_GROUP_DESCRIPTION,
  securityGroupKey,
} from '../../targets/aws/plan/security-group-plan';
import { TargetOptionTable } from '../../targets/target-options';
import { defineExportTarget } from '../define-target';
import { ExportTarget, ExportVariable } from '../module';
import { AWS_PROVIDER, tagsArgument } from './common';

/** The option that makes the group id a required input of the module (`var.security_group_id`, no default). */
const EXISTING_GROUP_OPTION = 'existingSecurityGroup';

/** `SecurityGroupRules` as a plain Terraform module: the same plan, groups and rules. */
export const AWS_SECURITY_GROUP_RULES_EXPORT: ExportTarget = defineExportTarget({
  name: 'aws-security-group-rules',
  description: 'AWS security groups and aws_vpc_security_group_ingress/egress_rule resources for the node flows (CIDR peers).',
  cloud: 'aws',
  options: TargetOptionTable.unchecked({
    vpcId: 'The VPC in which the module creates its groups (the default of variable vpc_id); give this or securityGroupId.',
    securityGroupId: 'An existing group to put every rule in (the default of variable security_group_id).',
    existingSecurityGroup: 'true: every rule goes into var.security_group_id, a required input of the module (no default); give neither securityGroupId nor vpcId.',
    rulesPerGroup: 'Rules per group per direction and IP version (quota); default 60.',
    maxGroups: 'Most groups the module may create; default 5.',
    groupName: 'Name of the first group; further groups append -<suffix>. Default kubernetes-firewall-requirements.',
    tags: 'Tags for every group and rule.',
    allowAnyAddress: 'Allow a flow to every address (0.0.0.0/0 or ::/0, by coverage); default false.',
  }),
  build(requirements, p, origin, check) {
    const existing = check.boolean(EXISTING_GROUP_OPTION, p[EXISTING_GROUP_OPTION], false);
    const { [EXISTING_GROUP_OPTION]: _existing, ...groupOptions } = p;
    if (existing && (p.securityGroupId !== undefined || p.vpcId !== undefined)) {
      throw invalidValue(
        EXISTING_GROUP_OPTION,
        'true',
        check.where(EXISTING_GROUP_OPTION),
        `With ${EXISTING_GROUP_OPTION} the group comes from the module's required input security_group_id: drop ${p.securityGroupId !== undefined ? 'securityGroupId' : 'vpcId'}.`,
        'conflicting-options',
      );
    }
    // The planner needs to know that every rule goes into one given group; its id is the module's input.
    const o = checkSecurityGroupOptions(check, existing ? { ...groupOptions, securityGroupId: 'sg-given-by-the-module-input' } : groupOptions, 'kubernetes-firewall-requirements');
    const layout = planSecurityGroupLayout(check.requirementSet('requirements', requirements), o, origin, 'the aws-network-firewall export target');
    const tags = tagsArgument(o.tags);
    const variables: Record<string, ExportVariable> = {};
    const groupRef = new Map<string, string>();
    const groups: Record<string, unknown> = {};
    if (o.securityGroupId !== undefined) {
      variables.security_group_id = { type: 'string', description: 'The existing security group every rule goes into.', ...(existing ? {} : { default: o.securityGroupId }) };
      groupRef.set('', '${var.security_group_id}');
    } else {
      variables.vpc_id = { type: 'string', description: 'The VPC in which the module creates its security groups.', default: o.vpcId };
      for (const g of layout.groups) {
        const key = securityGroupKey(g);
        groups[key] = { name: terraformText(g.name as string), description: SECURITY_GROUP_DESCRIPTION, vpc_id: '${var.vpc_id}', ...tags };
        groupRef.set(g.suffix, `\${aws_security_group.${key}.id}`);
      }
    }
    const ingress: Record<string, unknown> = {};
    const egress: Record<string, unknown> = {};
    for (const g of layout.groups) {
      for (const rule of g.rules) {
        const body = {
          security_group_id: groupRef.get(g.suffix),
          ip_protocol: rule.ipProtocol,
          ...(rule.fromPort === undefined ? {} : { from_port: rule.fromPort, to_port: rule.toPort }),
          ...(rule.cidr.version === IpVersion.IPV4 ? { cidr_ipv4: rule.cidr.toString() } : { cidr_ipv6: rule.cidr.toString() }),
          ...(rule.description ? { description: rule.description } : {}),
          ...tags,
        };
        (rule.direction === Direction.INGRESS ? ingress : egress)[rule.id] = body;
      }
    }
    const resources: Record<string, Record<string, unknown>> = {};
    if (Object.keys(groups).length > 0) resources.aws_security_group = groups;
    if (Object.keys(ingress).length > 0) resources.aws_vpc_security_group_ingress_rule = ingress;
    if (Object.keys(egress).length > 0) resources.aws_vpc_security_group_egress_rule = egress;
    return {
      providers: [AWS_PROVIDER],
      variables,
      resources,
      outputs: {
        security_group_ids: { value: [...new Set(layout.groups.map((g) => groupRef.get(g.suffix)))], description: 'The groups the rules are in: attach them to the nodes.' },
        skipped_requirements: {
          value: layout.skippedRequirements.map((r) => terraformText(`${r.direction} ${r.protocol} ${r.portsText} ${r.peer.toString()} (${r.landing})`)),
          description: 'Rows that do not land on the nodes (cluster API endpoint, services): never opened here.',
        },
      },
    };
  },
});
