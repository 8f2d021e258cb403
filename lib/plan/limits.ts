import { limitExceeded } from '../model/errors';

/**
 * Platform limits checked at synth, with where each number comes from. Targets split where semantics allow
 * and otherwise fail through `assertWithinLimit` with the count, the limit and the way out.
 */
export const LIMITS = {
  /** Amazon EKS public endpoint access CIDRs per cluster (EKS service quotas; not adjustable). */
  eksPublicAccessCidrs: 40,
  /** GKE master authorized networks, public endpoint (GKE "Add authorized networks", Limitations). */
  gkeAuthorizedNetworksPublic: 50,
  /** GKE master authorized networks, private cluster. */
  gkeAuthorizedNetworksPrivate: 100,
  /** AKS API server authorized IP ranges (2,000 with API Server VNet Integration). */
  aksAuthorizedIpRanges: 200,
  /** AKS API server authorized IP ranges with API Server VNet Integration. */
  aksAuthorizedIpRangesVnetIntegration: 2000,
  /** AWS VPC inbound or outbound rules per security group, default quota (adjustable). */
  awsRulesPerSecurityGroup: 60,
  /** Azure Firewall rule collection groups per policy (policies created after July 2022; 50 before). */
  azureRuleCollectionGroupsPerPolicy: 60,
  /** Azure Firewall total size of rules in one rule collection group, bytes (2 MB after July 2022; 1 MB before). */
  azureRuleCollectionGroupBytes: 2 * 1024 * 1024,
  /** Azure Firewall unique source/destination pairs over all network rules. */
  azureNetworkRuleSourceDestinationPairs: 20000,
  /** Azure Firewall: individual IP addresses or prefixes per IP Group. */
  azureIpGroupCidrs: 5000,
  /** Azure Firewall: FQDNs across all network rules per firewall, "for good performance" (guidance, not enforced). */
  azureNetworkRuleFqdnsRecommended: 1000,
  /** Azure Firewall policy application rule protocol port range upper bound (azurerm schema `IntBetween(0, 64000)`). */
  azureApplicationRulePortMax: 64000,
  /** Azure Firewall rule collection group and rule collection priority range. */
  azurePriorityMin: 100,
  azurePriorityMax: 65000,
  /** GCP network firewall policy rule: `dest_fqdns` per rule. */
  gcpFqdnsPerPolicyRule: 100,
  /** GCP VPC firewall rule priority range. */
  gcpFirewallPriorityMax: 65535,
  /** IBM Cloud VPC rules per security group. */
  ibmRulesPerSecurityGroup: 250,
  /** IBM Cloud VPC security groups per target, e.g. a network interface (service limit, not adjustable). */
  ibmSecurityGroupsPerTarget: 5,
  /** AWS Network Firewall stateful rule group capacity. */
  awsNetworkFirewallMaxCapacity: 30000,
} as const;

/**
 * Throws a limit error when `count` exceeds `limit`.
 * @param what what is counted, e.g. "EKS public access CIDRs"
 * @param origin the construct or option it belongs to
 * @param wayOut how to get under the limit
 */
export function assertWithinLimit(what: string, count: number, limit: number, origin: string, wayOut: string): void {
  if (count > limit) {
    throw limitExceeded(what, count, limit, origin, wayOut);
  }
}
