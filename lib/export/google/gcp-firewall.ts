import { terraformText } from '../../model/terraform-text';
import { InputCheck } from '../../model/input';
import { RequirementSet } from '../../model/requirement-set';
import { checkGcpFirewallPlanOptions, checkTargetChoice, checkTargetTags, GcpPolicyRulePlan, GcpVpcRulePlan, planGcpFirewall } from '../../targets/google/plan/gcp-firewall-plan';
import { ExportedModuleContent, ExportTarget, ExportVariable } from '../module';
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
export const GCP_FIREWALL_EXPORT: ExportTarget = {
  name: 'gcp-firewall',
  description: 'GCP VPC firewall rules (ingress) and a network firewall policy (egress allows, then deny the rest)',
  cloud: 'google',
  options: OPTIONS,
  build(requirements: RequirementSet, options: Readonly<Record<string, unknown>>, origin: string): ExportedModuleContent {
    const check = new InputCheck(origin);
    const o = check.props(options, Object.keys(OPTIONS), false) as Record<string, unknown>;
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
    const common = {
      project: '${var.project}',
      ...(planOptions.enableLogging ? { enable_logging: true } : {}),
    };
    const resources: Record<string, Record<string, unknown>> = {};
    if (plan.firewallRules.length > 0) {
      resources.google_compute_firewall = Object.fromEntries(plan.firewallRules.map((r) => [r.name, vpcRuleBody(r, tags, common)]));
    }
    const policyRef = plan.createsPolicy ? `\${google_compute_network_firewall_policy.${GCP_POLICY_KEY}.name}` : '${var.firewall_policy}';
    if (plan.createsPolicy) {
      resources.google_compute_network_firewall_policy = {
        [GCP_POLICY_KEY]: { name: terraformText(plan.policyName), project: '${var.project}', description: 'Egress allowed for the cluster nodes; everything else denied unless denyOtherEgress is off' },
      };
      resources.google_compute_network_firewall_policy_association = {
        [GCP_POLICY_ASSOCIATION_KEY]: { name: terraformText(plan.policyName), project: '${var.project}', attachment_target: '${var.network}', firewall_policy: policyRef },
      };
    }
    if (plan.policyRules.length > 0) {
      resources.google_compute_network_firewall_policy_rule = Object.fromEntries(plan.policyRules.map((r) => [r.ruleName, policyRuleBody(r, policyRef, common)]));
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
};

function vpcRuleBody(r: GcpVpcRulePlan, tags: readonly string[], common: Record<string, unknown>): Record<string, unknown> {
  return {
    name: terraformText(r.name),
    network: '${var.network}',
    description: r.description,
    direction: 'INGRESS',
    priority: r.priority,
    allow: [{ protocol: r.protocol, ...(r.ports.length ? { ports: r.ports } : {}) }],
    source_ranges: r.sourceRanges,
    ...(tags.length ? { target_tags: [...tags] } : { target_service_accounts: '${var.target_service_accounts}' }),
    ...common,
  };
}

function policyRuleBody(r: GcpPolicyRulePlan, policyRef: string, common: Record<string, unknown>): Record<string, unknown> {
  return {
    firewall_policy: policyRef,
    rule_name: terraformText(r.ruleName),
    description: r.description,
    priority: r.priority,
    direction: 'EGRESS',
    action: r.action,
    match: {
      ...(r.destFqdns ? { dest_fqdns: r.destFqdns } : {}),
      ...(r.destIpRanges ? { dest_ip_ranges: r.destIpRanges } : {}),
      layer4_configs: [{ ip_protocol: r.protocol, ...(r.ports.length ? { ports: r.ports } : {}) }],
    },
    target_service_accounts: '${var.target_service_accounts}',
    ...common,
  };
}
