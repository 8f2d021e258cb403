import { terraformText } from '../../model/terraform-text';
import { checkDomainAllowlistOptions, domainAllowlistRuleGroupBody, planDomainAllowlist } from '../../targets/aws/plan/domain-allowlist-plan';
import { TargetOptionTable } from '../../targets/target-options';
import { defineExportTarget } from '../define-target';
import { ExportTarget } from '../module';
import { terraformArguments } from '../define-target';
import { AWS_PROVIDER, tagsArgument } from './common';

/** `NetworkFirewallDomainAllowlist` as a plain Terraform module: one ALLOWLIST rule group per protocol. */
export const AWS_NETWORK_FIREWALL_EXPORT: ExportTarget = defineExportTarget({
  name: 'aws-network-firewall',
  description: 'AWS Network Firewall stateful ALLOWLIST rule groups (TLS SNI, HTTP Host) with the egress domain names of the nodes.',
  cloud: 'aws',
  options: TargetOptionTable.unchecked({
    name: 'Base name of the rule groups (-tls and -http are appended). Required.',
    homeNetCidrs: 'The inspected source networks (HOME_NET): node subnets or spoke VPCs. Required.',
    capacity: 'Capacity of each rule group; default computed.',
    ruleOrder: 'DEFAULT_ACTION_ORDER (default) or STRICT_ORDER: the firewall policy\'s stateful rule order.',
    tags: 'Tags for every rule group.',
    allowAnyAddress: 'Allow a HOME_NET that covers every address; default false.',
  }),
  build(requirements, p, origin, check) {
    const o = checkDomainAllowlistOptions(check, p);
    const plan = planDomainAllowlist(check.requirementSet('requirements', requirements), o, origin);
    const groups: Record<string, unknown> = {};
    for (const g of plan.groups) {
      groups[g.suffix] = {
        name: terraformText(g.name),
        type: 'STATEFUL',
        capacity: g.capacity,
        description: terraformText(g.description),
        rule_group: terraformArguments(domainAllowlistRuleGroupBody(g, plan, o.ruleOrder)),
        ...tagsArgument(o.tags),
      };
    }
    return {
      providers: [AWS_PROVIDER],
      variables: {},
      resources: { aws_networkfirewall_rule_group: groups },
      outputs: {
        rule_group_arns: { value: plan.groups.map((g) => `\${aws_networkfirewall_rule_group.${g.suffix}.arn}`), description: 'Stateful rule groups to reference from the firewall policy.' },
        rule_group_names: { value: plan.groups.map((g) => terraformText(g.name)), description: 'The rule group names.' },
      },
    };
  },
});
