import { terraformText } from '../../../model/terraform-text';
import { GcpPolicyRulePlan, GcpVpcRulePlan } from './gcp-firewall-types';

// The resource bodies of a GcpFirewall plan, written once in the provider binding's structure (camelCase): the
// construct passes them to the bindings, the plain-Terraform exporter converts the keys to Terraform JSON. What the
// two fill in differently (a network id or `${var.network}`, a service-account list or `${var.target_service_accounts}`)
// comes in through the context. No cdktf here.

/** Description of the created egress policy. */
export const GCP_EGRESS_POLICY_DESCRIPTION = 'Egress allowed for the cluster nodes; everything else denied unless denyOtherEgress is off';

/** What every rule of one GcpFirewall shares. */
export interface GcpRuleContext<A> {
  /** The VPC network (ingress rules). */
  readonly network: string;
  /** @default - the provider's project (no argument) */
  readonly project?: string;
  /** Network tags the ingress rules target (never with service accounts). */
  readonly targetTags: readonly string[];
  /** The service accounts the rules target; undefined: every instance (no argument). */
  readonly targetServiceAccounts?: A;
  readonly enableLogging: boolean;
}

function shared<A>(ctx: GcpRuleContext<A>) {
  return {
    project: ctx.project !== undefined ? { project: ctx.project } : {},
    logging: ctx.enableLogging ? { enableLogging: true } : {},
    serviceAccounts: ctx.targetServiceAccounts !== undefined ? { targetServiceAccounts: ctx.targetServiceAccounts } : {},
  };
}

/** A `google_compute_firewall` (ingress VPC rule). */
export function gcpVpcRuleBody<A>(rule: GcpVpcRulePlan, ctx: GcpRuleContext<A>) {
  const { project, logging, serviceAccounts } = shared(ctx);
  return {
    name: terraformText(rule.name),
    network: ctx.network,
    ...project,
    description: rule.description,
    direction: 'INGRESS',
    priority: rule.priority,
    allow: [{ protocol: rule.protocol, ...(rule.ports.length ? { ports: rule.ports } : {}) }],
    sourceRanges: rule.sourceRanges,
    ...(ctx.targetTags.length ? { targetTags: [...ctx.targetTags] } : serviceAccounts),
    ...logging,
  };
}

/** A `google_compute_network_firewall_policy_rule` (egress allow or deny) of `policy`. */
export function gcpPolicyRuleBody<A>(rule: GcpPolicyRulePlan, policy: string, ctx: GcpRuleContext<A>) {
  const { project, logging, serviceAccounts } = shared(ctx);
  return {
    firewallPolicy: policy,
    ...project,
    ruleName: terraformText(rule.ruleName),
    description: rule.description,
    priority: rule.priority,
    direction: 'EGRESS',
    action: rule.action,
    match: {
      ...(rule.destFqdns ? { destFqdns: rule.destFqdns } : {}),
      ...(rule.destIpRanges ? { destIpRanges: rule.destIpRanges } : {}),
      layer4Configs: [{ ipProtocol: rule.protocol, ...(rule.ports.length ? { ports: rule.ports } : {}) }],
    },
    ...serviceAccounts,
    ...logging,
  };
}

/** The created `google_compute_network_firewall_policy`. */
export function gcpPolicyBody(name: string, project: string | undefined) {
  return { name: terraformText(name), ...(project !== undefined ? { project } : {}), description: GCP_EGRESS_POLICY_DESCRIPTION };
}

/** The `google_compute_network_firewall_policy_association` of the created policy with the network. */
export function gcpPolicyAssociationBody(name: string, project: string | undefined, network: string, policy: string) {
  return { name: terraformText(name), ...(project !== undefined ? { project } : {}), attachmentTarget: network, firewallPolicy: policy };
}
