import { PortRange } from '../../../model/port-range';
import { Requirement } from '../../../model/requirement';
import { LIMITS } from '../../../plan/limits';
import { IbmRuleDirection, IbmRuleProtocol } from './rule-types';

// The shapes and constants of the IBM plan. No cdktf here.

/** IBM Cloud VPC: rules per security group (VPC quotas). */
export const IBM_RULES_PER_SECURITY_GROUP: number = LIMITS.ibmRulesPerSecurityGroup;

/** IBM Cloud VPC: security groups per target, e.g. a worker's network interface (service limit, not adjustable). */
export const IBM_SECURITY_GROUPS_PER_TARGET: number = LIMITS.ibmSecurityGroupsPerTarget;

/**
 * Metadata key a catalog uses to say which firewall a requirement belongs in (the `ibm-vpc` profile sets
 * `vpc-security-group` on node-port rows, `corporate` on rows for the administrators' network firewall and
 * `ingress-load-balancer` on the Ingress health-check ranges, whose place the document does not name).
 */
export const FIREWALL_METADATA_KEY = 'firewall';

/** The `firewall` metadata value this target renders; requirements without the key are rendered too. */
export const IBM_SECURITY_GROUP_FIREWALL = 'vpc-security-group';

/** The Kubernetes NodePort range IBM VPC load balancers and ALBs reach workers on. */
export const IBM_NODE_PORT_RANGE = PortRange.range(30000, 32767);

/** One security group rule the IBM target will emit. */
export interface IbmPlannedRule {
  /** Content key `direction protocol ports remote`; the rule's identity. */
  readonly key: string;
  /** Stable rule name derived from the key: lower-case, at most 63 characters, unique. */
  readonly name: string;
  readonly direction: IbmRuleDirection;
  readonly protocol: IbmRuleProtocol;
  /** Canonical IPv4 CIDR of the other end. */
  readonly remote: string;
  /**
   * Lowest port; always set for tcp and udp.
   * @default - none: icmp and icmp_tcp_udp take no ports
   */
  readonly portMin?: number;
  /**
   * Highest port; always set for tcp and udp.
   * @default - none: icmp and icmp_tcp_udp take no ports
   */
  readonly portMax?: number;
  /** The requirements the rule implements (empty for an explicit opt-in such as node ports from anywhere). */
  readonly requirements: readonly Requirement[];
  /** What the rule is for. */
  readonly purpose: string;
}

/** Options of `planIbmRules`. */
export interface IbmPlanOptions {
  /**
   * Add an inbound TCP 30000-32767 rule from 0.0.0.0/0 (the vendor's "Any" source for node ports). It also admits
   * requirements that together cover every address on inbound TCP within 30000-32767 (e.g. the `ibm-vpc` profile's
   * `nodePortsFromAnywhere` row), and nothing else.
   * @default false - node ports are opened only to the CIDRs the requirements name
   */
  readonly allowNodePortsFromAnywhere?: boolean;
  /**
   * Admit rules whose remotes, for one direction, protocol and port, together cover every IPv4 address
   * (`0.0.0.0/0`, or `0.0.0.0/1` + `128.0.0.0/1`, ...). Judged by coverage, not by spelling.
   * @default false - such rules are refused with the requirements that cover every address
   */
  readonly allowAnyAddress?: boolean;
  /**
   * Render a requirement with protocol `any` as an `icmp_tcp_udp` rule (ICMP, TCP and UDP on every port). The admitted
   * provider versions (`IBM_PROVIDER_VERSION_CONSTRAINT`) have no "every IP protocol" value before 2.1.0, so without this
   * opt-in such a requirement is refused; with it, other IP protocols (ESP, GRE, SCTP, ...) stay closed.
   * @default false - requirements with protocol `any` are refused
   */
  readonly narrowAnyProtocol?: boolean;
  /** Named in errors, e.g. the construct path. @default 'IBM security group rules' */
  readonly origin?: string;
}

/** Rules and the requirements IBM security groups do not render. */
export interface IbmRulePlan {
  /** Rules sorted by key. */
  readonly rules: readonly IbmPlannedRule[];
  /** Domain-name requirements, in set order: hand them to an egress proxy or firewall. */
  readonly fqdnRequirements: readonly Requirement[];
  /** Other requirements whose `firewall` metadata names another firewall, in set order: not rendered. */
  readonly otherFirewallRequirements: readonly Requirement[];
  /**
   * Requirements that land elsewhere than on the workers (the cluster API endpoint, e.g. Chainguard Enforce's
   * `cidr-ranges` rows, or a service beside the cluster), in set order: never opened on the nodes.
   */
  readonly skippedRequirements: readonly Requirement[];
}
