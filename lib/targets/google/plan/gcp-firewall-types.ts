import { Requirement } from '../../../model/requirement';

// The shapes of a GcpFirewall plan. No cdktf here.

/** One planned ingress `google_compute_firewall` (GCP denies ingress by default: allow rules are enough). */
export interface GcpVpcRulePlan {
  /** Rule name and construct id: derived from prefix, flow and network. */
  readonly name: string;
  readonly protocol: string;
  readonly ports: string[];
  readonly sourceRanges: string[];
  readonly description: string;
  readonly priority: number;
}

/** The action of a planned policy rule (the provider's `action` values). */
export enum GcpPolicyAction {
  ALLOW = 'allow',
  DENY = 'deny',
}

/** One planned `google_compute_network_firewall_policy_rule` (always egress). */
export interface GcpPolicyRulePlan {
  /** Rule name and construct id. */
  readonly ruleName: string;
  readonly action: GcpPolicyAction;
  readonly protocol: string;
  readonly ports: string[];
  /** Set for domain-name rules (at most 100). */
  readonly destFqdns?: string[];
  /** Set for CIDR rules and the deny (at most 5000). */
  readonly destIpRanges?: string[];
  readonly description: string;
  readonly priority: number;
}

/** What a GcpFirewall renders. */
export interface GcpFirewallPlan {
  /** Ingress VPC firewall rules, sorted by name. */
  readonly firewallRules: GcpVpcRulePlan[];
  /** Egress policy rules: allows sorted by name, then the denies (IPv4, IPv6). */
  readonly policyRules: GcpPolicyRulePlan[];
  /** Whether the construct creates a policy (policy rules and no `firewallPolicy` given). */
  readonly createsPolicy: boolean;
  /** Name of the created policy and of its association. */
  readonly policyName: string;
  /** Rows that do not land on the nodes (control plane, services): not opened here. */
  readonly skippedRequirements: Requirement[];
}
