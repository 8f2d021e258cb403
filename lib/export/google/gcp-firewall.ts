import { terraformText } from '../../model/terraform-text';
import { checkGcpFirewallPlanOptions, checkTargetChoice, checkTargetTags, planGcpFirewall } from '../../targets/google/plan/gcp-firewall-plan';
import { gcpPolicyAssociationBody, gcpPolicyBody, gcpPolicyRuleBody, gcpVpcRuleBody } from '../../targets/google/plan/gcp-bodies';
import { terraformArguments } from '../define-target';
import { TargetOptionTable } from '../../targets/target-options';
import { defineExportTarget } from '../define-target';
import { ExportTarget, ExportVariable } from '../module';
import { GOOGLE_PROVIDER } from './provider';

/** Construct ids of the created policy and association, used as resource keys too. */
export const GCP_POLICY_KEY = 'EgressPolicy';
export const GCP_POLICY_ASSOCIATION_KEY = 'EgressPolicyAssociation';

const OPTIONS: Record<string, string> = {
  network: 'Default of var.network: the VPC network name, id or self link (the policy association needs the id or self link).',
  project: 'Default of var.project (default: the provider project).',
  targetServiceAccounts: 'Default of var.target_service_accounts: the node service accounts every rule applies to (default: every instance).',
  targetTags: 'Network tags the ingress rules apply to (refused with egress or the egress deny: policy rules cannot target tags).',
  firewallPolicy: 'An existing policy (name or id) already associated with the network: becomes var.firewall_policy, no policy is created.',
  namePrefix: "Start of every name (default 'fwreq').",
  priority: 'Priority of the ingress VPC firewall rules (default 1000).',
  policyPriorityStart: 'First priority of the egress allows (default 10000; they take up to 10000 priorities from it).',
  denyOtherEgress: 'End the policy with an egress deny of 0.0.0.0/0 and ::/0 (default true).',
  denyPriority: 'Priority of the IPv4 egress deny; the IPv6 deny takes the next (default 2147483642).',
  enableLogging: 'Log every rule match (default false).',
  allowAnyAddress: 'Admit CIDR peers that cover every address (default false).',
};

/**
 * `gcp-firewall`: the rules `GcpFirewall` renders, as a module. Ingress VPC firewall rules, egress allows and the
 * egress deny in a global network firewall policy (created and associated with var.network, or var.firewall_policy).
 */
export const GCP_FIREWALL_EXPORT: ExportTarget = defineExportTarget({
  name: 'gcp-firewall',
  description: 'GCP VPC firewall rules (ingress) and a network firewall policy (egress allows, then deny the rest)',
  cloud: 'google',
  options: TargetOptionTable.unchecked(OPTIONS),
  build(requirements, o, origin, check) {
    const network = check.optionalString('network', o.network, { allowReference: false, hint: 'Give the VPC network id or self link as text.' });
    const project = check.optionalString('project', o.project, { allowReference: false, hint: 'Give the project ID as text.' });
    const serviceAccounts = check.stringArray('targetServiceAccounts', o.targetServiceAccounts, { optional: true, allowReference: false });
    const tags = checkTargetTags(check, o.targetTags);
    checkTargetChoice(check, tags, serviceAccounts);
    const existing = check.optionalString('firewallPolicy', o.firewallPolicy, { allowReference: false, hint: 'Give the policy name or id as text.' });
    const planOptions = checkGcpFirewallPlanOptions(check, o, existing !== undefined, tags.length > 0);
    const plan = planGcpFirewall(check.requirementSet('requirements', requirements), planOptions, origin);

    const variables: Record<string, ExportVariable> = {
      network: {
        type: 'string',
        description: 'The VPC network: name, id or self link (the created policy association needs the id or self link).',
        ...(network !== undefined ? { default: network } : {}),
      },
      project: { type: 'string', description: 'Project of every resource; null means the provider project.', default: project ?? null, nullable: true },
      target_service_accounts: {
        type: 'list(string)',
        description: 'Service accounts of the instances every rule applies to (the node service account); null means every instance in the network.',
        default: serviceAccounts.length > 0 ? serviceAccounts : null,
        nullable: true,
      },
      ...(existing !== undefined ? { firewall_policy: { type: 'string', description: 'The global network firewall policy (name or id) the egress rules go into.', default: existing } } : {}),
    };
    const ctx = { network: '${var.network}', project: '${var.project}', targetTags: tags, targetServiceAccounts: '${var.target_service_accounts}', enableLogging: planOptions.enableLogging };
    const resources: Record<string, Record<string, unknown>> = {};
    if (plan.firewallRules.length > 0) {
      resources.google_compute_firewall = Object.fromEntries(plan.firewallRules.map((r) => [r.name, terraformArguments(gcpVpcRuleBody(r, ctx))]));
    }
    const policyRef = plan.createsPolicy ? `\${google_compute_network_firewall_policy.${GCP_POLICY_KEY}.name}` : '${var.firewall_policy}';
    if (plan.createsPolicy) {
      resources.google_compute_network_firewall_policy = { [GCP_POLICY_KEY]: terraformArguments(gcpPolicyBody(plan.policyName, ctx.project)) };
      resources.google_compute_network_firewall_policy_association = {
        [GCP_POLICY_ASSOCIATION_KEY]: terraformArguments(gcpPolicyAssociationBody(plan.policyName, ctx.project, ctx.network, policyRef)),
      };
    }
    if (plan.policyRules.length > 0) {
      resources.google_compute_network_firewall_policy_rule = Object.fromEntries(plan.policyRules.map((r) => [r.ruleName, terraformArguments(gcpPolicyRuleBody(r, policyRef, ctx))]));
    }
    return {
      providers: [GOOGLE_PROVIDER],
      variables,
      resources,
      outputs: {
        firewall_rule_names: { value: plan.firewallRules.map((r) => terraformText(r.name)), description: 'Names of the ingress VPC firewall rules.' },
        policy_rule_names: { value: plan.policyRules.map((r) => terraformText(r.ruleName)), description: 'Names of the egress policy rules (allows, then the denies).' },
        firewall_policy_id: {
          value: plan.createsPolicy ? `\${google_compute_network_firewall_policy.${GCP_POLICY_KEY}.id}` : existing !== undefined ? '${var.firewall_policy}' : null,
          description: 'The network firewall policy holding the egress rules (null when there are none).',
        },
      },
    };
  },
});
