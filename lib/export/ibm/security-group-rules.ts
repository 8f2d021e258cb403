import { terraformText, terraformTextList } from '../../model/terraform-text';
import { toRecord } from '../../model/requirement-record';
import { IBM_OUTPUT_DESCRIPTIONS, outputEntry } from '../../targets/ibm/plan/requirement-outputs';
import { IbmPlannedRule } from '../../targets/ibm/plan/rule-plan';
import { checkIbmGroupOptions, planIbmSecurityGroups } from '../../targets/ibm/plan/security-group-plan';
import {
  IBM_PROVIDER_NAME,
  IBM_PROVIDER_SOURCE,
  IBM_PROVIDER_VERSION_CONSTRAINT,
  IBM_SECURITY_GROUP_RULE_TYPE,
  IBM_SECURITY_GROUP_TYPE,
} from '../../targets/ibm/plan/rule-types';
import { TargetOptionTable } from '../../targets/target-options';
import { defineExportTarget } from '../define-target';
import { ExportTarget, ExportVariable } from '../module';

// The `ibm-security-group-rules` export target: the plan of IbmSecurityGroupRules (same planning code, limits,
// splitting, opt-ins and errors) as a plain Terraform module. No cdktf is loaded from here.

/** The option that puts every rule into an existing group (`var.security_group_id`) instead of created groups. */
const EXISTING_GROUP_OPTION = 'existingSecurityGroup';

const OPTIONS: Readonly<Record<string, string>> = {
  [EXISTING_GROUP_OPTION]: 'true: add every rule to the group in var.security_group_id (up to 250 rules); false (default): create groups in var.vpc_id, 250 rules each.',
  groupNamePrefix: 'Name prefix of created groups; group n is <prefix>-<n> (default k8s-firewall).',
  tags: 'Tags of created groups (default none).',
  minimumGroups: 'Create at least this many groups, 1-5 (default 1).',
  maximumGroups: 'Fail when more groups than this are needed, 1-5 (default 5: the security groups a worker can carry).',
  reservedRulesPerGroup: 'Rules per group kept free for rules managed elsewhere, 0-249 (default 0).',
  allowNodePortsFromAnywhere: 'Also allow inbound TCP 30000-32767 from 0.0.0.0/0, and admit node-port rows that cover every address (default false).',
  allowAnyAddress: 'Admit rules whose remotes together cover every IPv4 address (default false).',
  narrowAnyProtocol: 'Render requirements with protocol any as icmp_tcp_udp (ICMP, TCP and UDP only); refused otherwise (default false).',
};

/**
 * `ibm-security-group-rules`: IBM Cloud VPC security group rules for the IPv4 CIDR flows of the requirements, as
 * `IbmSecurityGroupRules` renders them, in created groups (`var.vpc_id`, `var.resource_group_id`) or in an
 * existing group (`var.security_group_id`). Outputs: the group IDs to attach to the workers, the rule names, and
 * the requirements the groups do not render (domain names, rows for other firewalls, rows that land elsewhere).
 */
export const IBM_SECURITY_GROUP_RULES_EXPORT: ExportTarget = defineExportTarget({
  name: 'ibm-security-group-rules',
  description: 'IBM Cloud VPC security group rules (ibm_is_security_group_rule) for the IPv4 CIDR flows, in created groups or an existing one.',
  cloud: 'ibm',
  options: TargetOptionTable.unchecked(OPTIONS),
  build(requirements, raw, origin, check) {
    const set = check.requirementSet('requirements', requirements);
    const existing = check.boolean(EXISTING_GROUP_OPTION, raw[EXISTING_GROUP_OPTION], false);
    const options = checkIbmGroupOptions(check, raw, existing ? { option: `${EXISTING_GROUP_OPTION}: true`, instead: `set ${EXISTING_GROUP_OPTION}: false` } : undefined);
    const plan = planIbmSecurityGroups(set, options, {
      existingGroup: existing ? 'var.security_group_id' : undefined,
      existingGroupWayOut: `Set ${EXISTING_GROUP_OPTION}: false so that the rules are split over several created groups, or filter the requirement set.`,
      origin,
    });

    const variables: Record<string, ExportVariable> = existing
      ? { security_group_id: { type: 'string', description: 'ID of the existing security group the rules are added to (ibmcloud is security-groups).' } }
      : {
          vpc_id: { type: 'string', description: 'ID of the VPC the security groups are created in (ibmcloud is vpcs).' },
          resource_group_id: {
            type: 'string',
            description: "Resource group ID of the created security groups; null for the provider's resource group.",
            default: null,
            nullable: true,
          },
        };

    const groupKeys = plan.groupNames.map((_, i) => `security-group-${i + 1}`);
    const groups: Record<string, unknown> = {};
    plan.groupNames.forEach((name, i) => {
      groups[groupKeys[i]] = {
        vpc: '${var.vpc_id}',
        name: terraformText(name),
        resource_group: '${var.resource_group_id}',
        ...(options.tags !== undefined ? { tags: terraformTextList(options.tags) } : {}),
      };
    });
    const groupIds = existing ? ['${var.security_group_id}'] : groupKeys.map((k) => `\${${IBM_SECURITY_GROUP_TYPE}.${k}.id}`);
    const groupOf = (rule: IbmPlannedRule) => (existing ? groupIds[0] : groupIds[plan.slotOf[rule.key] - 1]);
    const rules: Record<string, unknown> = {};
    for (const rule of plan.rules) rules[rule.name] = ruleBody(rule, groupOf(rule));

    const resources: Record<string, Record<string, unknown>> = {};
    if (!existing) resources[IBM_SECURITY_GROUP_TYPE] = groups;
    if (plan.rules.length > 0) resources[IBM_SECURITY_GROUP_RULE_TYPE] = rules;

    return {
      providers: [{ name: IBM_PROVIDER_NAME, source: IBM_PROVIDER_SOURCE, version: IBM_PROVIDER_VERSION_CONSTRAINT }],
      variables,
      resources,
      outputs: {
        security_group_ids: { value: groupIds, description: 'Security groups that hold the rules: attach them to the worker nodes.' },
        rule_names: { value: plan.rules.map((r) => terraformText(r.name)), description: 'Names of the security group rules, sorted by content key.' },
        fqdn_requirements: { value: plan.fqdnRequirements.map(toRecord).map(outputEntry), description: IBM_OUTPUT_DESCRIPTIONS.fqdn },
        other_firewall_requirements: { value: plan.otherFirewallRequirements.map(toRecord).map(outputEntry), description: IBM_OUTPUT_DESCRIPTIONS.otherFirewall },
        skipped_requirements: { value: plan.skippedRequirements.map(toRecord).map(outputEntry), description: IBM_OUTPUT_DESCRIPTIONS.skipped },
      },
    };
  },
});

/** A rule in Terraform JSON syntax: the arguments IbmIsSecurityGroupRule synthesizes, unset ones left out. */
function ruleBody(rule: IbmPlannedRule, group: string): Record<string, unknown> {
  return {
    group,
    direction: rule.direction,
    remote: rule.remote,
    name: terraformText(rule.name),
    protocol: rule.protocol,
    ...(rule.portMin !== undefined ? { port_min: rule.portMin, port_max: rule.portMax } : {}),
  };
}

