import { Protocol } from '../../../model/protocol';
import { Requirement } from '../../../model/requirement';
import { LIMITS } from '../../../plan/limits';

// The shapes of an Azure Firewall rule plan and the constants the planner and its renderers share. No cdktf here.

/** How the construct renders the FQDN rows of the sections an Azure Firewall FQDN tag covers. */
export enum AzureFirewallRuleMode {
  /** Every row is an explicit rule that cites its source (the default). */
  EXPLICIT_FQDNS = 'explicit-fqdns',
  /**
   * The rows the FQDN tag covers become one application rule with the tag (`destination_fqdn_tags`); everything
   * the tag does not cover (network rules, add-ons, other catalogs) stays explicit.
   */
  FQDN_TAG = 'fqdn-tag',
}

/** The two kinds of filter rule collection this target renders. */
export enum AzureRuleCollectionKind {
  APPLICATION = 'application',
  NETWORK = 'network',
}

/** One `protocols` block of an application rule. */
export interface PlannedApplicationProtocol {
  /** `Http` or `Https`. */
  readonly type: string;
  readonly port: number;
}

/** One application rule, without its sources (the construct adds them). */
export interface PlannedApplicationRule {
  readonly name: string;
  readonly description: string;
  readonly protocols: readonly PlannedApplicationProtocol[];
  /** @default - none */
  readonly destinationFqdns?: readonly string[];
  /** @default - none */
  readonly destinationFqdnTags?: readonly string[];
}

/** One network rule, without its sources (the construct adds them). */
export interface PlannedNetworkRule {
  readonly name: string;
  readonly description: string;
  /** `TCP`, `UDP`, `ICMP` or `Any`. */
  readonly protocols: readonly string[];
  /** Ports and ranges as strings, `*` for ICMP and Any. */
  readonly destinationPorts: readonly string[];
  /** CIDRs, addresses and service tags. @default - none */
  readonly destinationAddresses?: readonly string[];
  /** Domain names (network-rule FQDN filtering needs DNS proxy). @default - none */
  readonly destinationFqdns?: readonly string[];
}

/** One rule collection: the rules of one source section of one kind (or a part of them, when split). */
export interface PlannedCollection {
  readonly kind: AzureRuleCollectionKind;
  /** `catalog/section` the rules come from. */
  readonly section: string;
  readonly name: string;
  readonly priority: number;
  /** Set for application collections. @default - none */
  readonly applicationRules?: readonly PlannedApplicationRule[];
  /** Set for network collections. @default - none */
  readonly networkRules?: readonly PlannedNetworkRule[];
  /** Estimated serialized size in bytes, sources included. */
  readonly estimatedBytes: number;
}

/** One rule collection group (one Terraform resource). */
export interface PlannedGroup {
  readonly name: string;
  readonly priority: number;
  /** Collections sorted by priority, application and network mixed. */
  readonly collections: readonly PlannedCollection[];
  readonly estimatedBytes: number;
}

/** Everything the planner needs besides the requirements. */
export interface AzureRulePlanOptions {
  readonly mode: AzureFirewallRuleMode;
  /** Whether DNS proxy is enabled on the policy (network rules may then name FQDNs). */
  readonly dnsProxyEnabled: boolean;
  /** The FQDN tag used in FQDN_TAG mode, e.g. `AzureKubernetesService`. */
  readonly fqdnTag: string;
  /** `catalog/section` keys whose application FQDN rows the tag covers. */
  readonly fqdnTagSections: readonly string[];
  /** Number of source entries each rule carries (an IP group counts as one). */
  readonly sourceCount: number;
  /** Bytes the source attributes add to each rule, for the size estimate. */
  readonly sourceBytesPerRule: number;
  /** Name of the first rule collection group; further groups get `-2`, `-3`, ... */
  readonly groupName: string;
  /** Priority of the first group; further groups take the next priorities. */
  readonly basePriority: number;
  /** Most groups this plan may use. */
  readonly maxGroups: number;
  /** Most estimated bytes per group. */
  readonly maxGroupBytes: number;
  /** Base priority per section (`catalog/section`), replacing the derived one. */
  readonly collectionPriorities: Readonly<Record<string, number>>;
  /** Whether network-rule destinations that cover every address (per flow, after aggregation) are allowed. */
  readonly allowAnyAddress: boolean;
  /** Named in errors, e.g. `AzureFirewallPolicyRules aks-egress`. */
  readonly origin: string;
}

/** The result: groups to render, what was skipped and the counts that were checked. */
export interface AzureRulePlan {
  readonly groups: readonly PlannedGroup[];
  /**
   * Requirements not rendered: ingress ones (an egress firewall does not admit them) and every one that does not
   * land on the nodes (see `elsewhere`).
   */
  readonly skipped: readonly Requirement[];
  /** The skipped requirements that land on the cluster API endpoint or a service beside the cluster. */
  readonly elsewhere: readonly Requirement[];
  /** Sum over network rules of sources x destinations (the Azure Firewall 20,000 limit). */
  readonly networkRulePairs: number;
  /** FQDNs over all network rules (Azure advises at most 1,000 per firewall for performance). */
  readonly networkRuleFqdns: number;
}

/** Rule descriptions are cut to this length (a readability choice; the provider documents no limit). */
export const AZURE_RULE_DESCRIPTION_MAX = 512;

/** Rule and collection names are cut to this length (a readability choice; hashes keep them unique). */
export const AZURE_NAME_MAX = 80;

/** Characters kept in descriptions: printable ASCII without quotes, backslash, `$`, `%` and braces (Terraform interpolation). */
export const DESCRIPTION_CHARS = "A-Za-z0-9 .,:;/()<>#*_+=?&'@!\\[\\]|~^-";

/** Priority slots for derived collection priorities: section base = 100 + 10 * slot; network +0, application +5. */
export const PRIORITY_SLOTS = Math.floor((LIMITS.azurePriorityMax - 5 - LIMITS.azurePriorityMin) / 10) + 1;

export const APPLICATION_OFFSET = 5;

/** Network-rule protocol names. */
export const NETWORK_PROTOCOLS: Readonly<Record<string, string>> = {
  [Protocol.TCP]: 'TCP',
  [Protocol.UDP]: 'UDP',
  [Protocol.ICMP]: 'ICMP',
  [Protocol.ANY]: 'Any',
};

/** Application-rule protocol names. */
export const APPLICATION_PROTOCOLS: Readonly<Record<string, string>> = {
  [Protocol.HTTP]: 'Http',
  [Protocol.HTTPS]: 'Https',
};
