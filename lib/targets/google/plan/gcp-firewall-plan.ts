import { invalidValue, unsupportedPeer } from '../../../model/errors';
import { PeerKind } from '../../../model/peer';
import { Direction } from '../../../model/protocol';
import { sourceKey } from '../../../model/provenance';
import { RequirementSet } from '../../../model/requirement-set';
import { selectNodeRequirements } from '../../../plan/control-plane-access';
import { GcpFirewallPlanOptions } from './gcp-firewall-options';
import { GcpFirewallPlan, GcpPolicyRulePlan } from './gcp-firewall-types';
import { assignPriorities, compare, denyRules, planCidrPolicyRules, planFqdnPolicyRules, planIngressRules } from './gcp-rules';

// Planning of GcpFirewall, free of cdktf, constructs and provider bindings: the construct renders this plan, and the
// plain-Terraform exporter (lib/export/google) renders the same plan without loading cdktf.

export { GCP_DEFAULT_DENY_PRIORITY, GCP_DEFAULT_POLICY_PRIORITY_START, GCP_DESCRIPTION_CHARACTERS, GCP_DESCRIPTION_MAX_LENGTH, GCP_DEST_IP_RANGES_PER_POLICY_RULE, GCP_FIREWALL_PROPS, GCP_FQDN_PRIORITY_SLOTS, GCP_NAME_MAX_LENGTH, GCP_POLICY_PREDEFINED_PRIORITY_START, GCP_POLICY_PRIORITY_MAX, GCP_POLICY_PRIORITY_SLOTS, checkGcpFirewallPlanOptions, checkTargetChoice, checkTargetTags } from './gcp-firewall-options';
export type { GcpFirewallPlanOptions } from './gcp-firewall-options';
export { GcpPolicyAction } from './gcp-firewall-types';
export type { GcpFirewallPlan, GcpPolicyRulePlan, GcpVpcRulePlan } from './gcp-firewall-types';

const TARGET = 'GCP firewall';

/**
 * Refuses every node row the GCP firewall cannot express (per added set, so the error points at the call that added
 * it): wildcard domains, ingress from domain names, service tags, unresolved placeholders, and domain names or any
 * egress when the rules target network tags. Rows that land elsewhere are not checked: they are skipped.
 */
export function checkGcpFirewallPeers(set: RequirementSet, options: Pick<GcpFirewallPlanOptions, 'hasTargetTags'>, owner: string): void {
  const { nodes } = selectNodeRequirements(set.requirements);
  RequirementSet.of(nodes).assertResolved();
  for (const r of nodes) {
    const where = `${sourceKey(r.primarySource)}: ${r.purpose}`;
    switch (r.peer.kind) {
      case PeerKind.CIDR:
        break;
      case PeerKind.WILDCARD_FQDN:
        // GCP's FQDN object documentation only says names are "in the domain name format"; that wildcards are
        // refused is unverified (no source confirms or denies it), so the construct stays on the safe side.
        throw unsupportedPeer(
          TARGET,
          r.peer.toString(),
          where,
          'GCP FQDN objects take no wildcards',
          'List the subdomains explicitly (e.g. a.example.com, b.example.com), reach Google APIs through private.googleapis.com (gkeNodesProfile googleApiAccess: private), or send the traffic through Secure Web Proxy or another proxy that filters by host name.',
        );
      case PeerKind.FQDN:
        if (r.direction === Direction.INGRESS) {
          throw unsupportedPeer(TARGET, r.peer.toString(), where, 'ingress from a domain name is not supported', 'Give the CIDRs the peer connects from.');
        }
        break;
      default:
        throw unsupportedPeer(
          TARGET,
          r.peer.toString(),
          where,
          `a ${r.peer.kind} is not a Google Cloud concept`,
          'Give CIDRs or domain names, or render this requirement with the Azure target.',
        );
    }
    if (r.direction === Direction.EGRESS && options.hasTargetTags) {
      throw invalidValue(
        'targetTags',
        `egress to ${r.peer.toString()}`,
        `${owner} (${where})`,
        'Egress rules live in a network firewall policy (so that the egress deny cannot block them), and policy rules cannot target network tags: use targetServiceAccounts instead, which both rule kinds support.',
      );
    }
  }
}

/** Plans the rules of one GcpFirewall from its merged set. Whole-set checks (limits, /0, priorities) run here. */
export function planGcpFirewall(requirements: RequirementSet, options: GcpFirewallPlanOptions, owner: string): GcpFirewallPlan {
  checkGcpFirewallPeers(requirements, options, owner);
  const { nodes, elsewhere } = selectNodeRequirements(requirements.requirements);
  const ingress = nodes.filter((r) => r.direction === Direction.INGRESS);
  const egress = nodes.filter((r) => r.direction === Direction.EGRESS);
  const optIn = `allowAnyAddress: true on ${owner}`;
  const firewallRules = planIngressRules(ingress, options, optIn);
  const allows = [...planCidrPolicyRules(egress, options, optIn), ...planFqdnPolicyRules(egress, options)];
  assignPriorities(allows, options.policyPriorityStart, owner);
  const policyRules: GcpPolicyRulePlan[] = allows.sort((a, b) => compare(a.ruleName, b.ruleName)).map(({ key: _key, ...rule }) => rule);
  if (options.denyOtherEgress) policyRules.push(...denyRules(options));
  return {
    firewallRules,
    policyRules,
    createsPolicy: policyRules.length > 0 && !options.existingPolicy,
    policyName: `${options.namePrefix}-egress`,
    skippedRequirements: [...elsewhere],
  };
}
