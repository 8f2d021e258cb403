import { FirewallPolicyRuleCollectionGroup } from '@cdktf/provider-azurerm/lib/firewall-policy-rule-collection-group';
import { IpGroup } from '@cdktf/provider-azurerm/lib/ip-group';
import { Annotations, ITerraformDependable, Token } from 'cdktf';
import { Construct } from 'constructs';
import { AKS_FQDN_TAG, AKS_FQDN_TAG_SECTIONS } from '../../catalog/aks';
import { invalidValue } from '../../model/errors';
import { Requirement } from '../../model/requirement';
import { RequirementSet } from '../../model/requirement-set';
import { LIMITS } from '../../plan/limits';
import { slug } from '../../plan/naming';
import { FirewallRuleSourceKind, FirewallRuleSources } from './firewall-rule-sources';
import { AzureFirewallRuleMode, AzureRuleCollectionKind, AzureRulePlan, AzureRulePlanOptions, PlannedGroup, planAzureFirewallRules } from './rule-plan';
import { PlanCache } from '../../plan/plan-cache';

/** Properties of `AzureFirewallPolicyRules`. */
export interface AzureFirewallPolicyRulesProps {
  /**
   * The requirements to allow, e.g. `[aksProfile({...}), chainguardEnforceProfile()]`. They are merged; egress
   * requirements become rules. Ingress requirements are skipped (see `skippedRequirements`): an egress firewall
   * policy does not admit traffic into the cluster; ingress CIDRs to the API server belong in
   * `AksAuthorizedIpRanges`.
   */
  readonly requirementSets: RequirementSet[];
  /** Id of the `azurerm_firewall_policy` the rule collection groups belong to. */
  readonly firewallPolicyId: string;
  /** Where the traffic comes from: the cluster's subnets, as CIDRs or IP Groups. */
  readonly sources: FirewallRuleSources;
  /**
   * Priority of the first rule collection group (100-65000). When the rules are split over several groups,
   * the others take the next priorities.
   */
  readonly basePriority: number;
  /**
   * Explicit FQDN rules, or the `AzureKubernetesService` FQDN tag for the rows the tag covers.
   * @default AzureFirewallRuleMode.EXPLICIT_FQDNS
   */
  readonly mode?: AzureFirewallRuleMode;
  /**
   * Whether DNS proxy is enabled on the firewall policy (`azurerm_firewall_policy` `dns { proxy_enabled = true }`).
   * Network rules may name FQDNs (e.g. NTP to ntp.ubuntu.com on UDP 123) only when it is; otherwise such a
   * requirement is an error.
   * @default false
   */
  readonly dnsProxyEnabled?: boolean;
  /**
   * Name of the (first) rule collection group; further groups get `-2`, `-3`, ... At least two letters, digits,
   * dots, underscores and hyphens, starting with a letter or digit and ending with a letter, digit or underscore.
   * @default - the construct id, as a slug (`-rules` appended when that is a single character)
   */
  readonly ruleCollectionGroupName?: string;
  /**
   * Base priority per section (`catalog/section`, e.g. `aks/addon-azure-monitor`), replacing the derived one:
   * the network collection takes the base, the application collection base + 5. Use it when two sections'
   * derived priorities collide.
   * @default {}
   */
  readonly collectionPriorities?: Record<string, number>;
  /**
   * Most rule collection groups this construct may create. The policy limit is 60 (50 for policies created
   * before July 2022); subtract the groups the policy already has.
   * @default 60
   */
  readonly maxRuleCollectionGroups?: number;
  /**
   * Most estimated bytes per rule collection group (2 MB; 1 MB for policies created before July 2022).
   * @default 2097152
   */
  readonly maxRuleCollectionGroupBytes?: number;
  /**
   * `catalog/section` keys whose FQDN rows the FQDN tag covers, in FQDN_TAG mode.
   * @default AKS_FQDN_TAG_SECTIONS
   */
  readonly fqdnTagSections?: string[];
  /**
   * Resources the first rule collection group waits for, e.g. another construct's last group on the same
   * policy (Azure applies changes to one policy one group at a time).
   * @default []
   */
  readonly dependsOn?: ITerraformDependable[];
}

/**
 * Azure Firewall policy rules for requirement sets: `azurerm_firewall_policy_rule_collection_group` resources
 * with one network and/or one application rule collection per source section (catalog section or add-on).
 *
 * - HTTP/HTTPS to domain names become application rules (`Http`/`Https` protocol blocks, left-most wildcards).
 * - CIDRs (aggregated exactly), service tags and, with DNS proxy, plain domain names over TCP/UDP/ICMP/any
 *   become network rules (ports as strings). HTTP/HTTPS to a CIDR or service tag becomes a TCP network rule.
 * - A flow listed by several sections appears in each section's collection with that section's purpose, so
 *   adding a section (an add-on) adds its collections and leaves every other collection byte-identical.
 * - Collection names come from the section key; priorities from a stable hash of it (collisions are errors
 *   that name `collectionPriorities` as the fix); rule names from the destination, protocol and ports.
 * - Checked at synth: pairs in network rules (20,000), groups per policy (60), estimated bytes per group
 *   (2 MB; larger plans are split into several groups chained with `depends_on`), priorities 100-65000.
 */
/** Rule plans shared by every AzureFirewallPolicyRules of the process (same sets, same options). */
const AZURE_RULE_PLANS = new PlanCache<AzureRulePlan>('Azure Firewall rule plans');

export class AzureFirewallPolicyRules extends Construct {
  /** The rule collection groups, in priority order (each depends on the one before). */
  public readonly ruleCollectionGroups: FirewallPolicyRuleCollectionGroup[];
  /** The IP Group created for `FirewallRuleSources.newIpGroup`, if any. */
  public readonly ipGroup?: IpGroup;
  /** Requirements not rendered: the ingress ones (an egress firewall policy does not admit them). */
  public readonly skippedRequirements: Requirement[];
  /** The plan that was rendered (names, priorities, estimated sizes, counted pairs). */
  public readonly plan: AzureRulePlan;

  constructor(scope: Construct, id: string, props: AzureFirewallPolicyRulesProps) {
    super(scope, id);
    const origin = `AzureFirewallPolicyRules ${this.node.path}`;
    if (!Token.isUnresolved(props.firewallPolicyId) && !props.firewallPolicyId.trim()) {
      throw invalidValue('firewallPolicyId', props.firewallPolicyId, origin, 'Pass the policy id, e.g. firewallPolicy.id.');
    }
    const groupName = props.ruleCollectionGroupName ?? defaultGroupName(id);
    // The azurerm provider's pattern for the name: at least two characters, the last a letter, digit or underscore.
    if (Token.isUnresolved(groupName) || !/^[A-Za-z0-9][A-Za-z0-9_.-]*[A-Za-z0-9_]$/.test(groupName)) {
      throw invalidValue(
        'ruleCollectionGroupName',
        groupName,
        origin,
        'Use a literal name of at least two letters, digits, dots, underscores and hyphens, starting with a letter or digit and ending with a letter, digit or underscore (it also names the Terraform resources).',
      );
    }
    const maxGroups = props.maxRuleCollectionGroups ?? LIMITS.azureRuleCollectionGroupsPerPolicy;
    const maxBytes = props.maxRuleCollectionGroupBytes ?? LIMITS.azureRuleCollectionGroupBytes;
    checkPositive(maxGroups, 'maxRuleCollectionGroups', origin);
    checkPositive(maxBytes, 'maxRuleCollectionGroupBytes', origin);

    // Plan (and so validate) everything before creating any resource.
    const planOptions: AzureRulePlanOptions = {
      mode: props.mode ?? AzureFirewallRuleMode.EXPLICIT_FQDNS,
      dnsProxyEnabled: props.dnsProxyEnabled ?? false,
      fqdnTag: AKS_FQDN_TAG,
      fqdnTagSections: props.fqdnTagSections ?? AKS_FQDN_TAG_SECTIONS,
      sourceCount: props.sources.count,
      sourceBytesPerRule: props.sources.bytesPerRule,
      groupName,
      basePriority: props.basePriority,
      maxGroups,
      maxGroupBytes: maxBytes,
      collectionPriorities: props.collectionPriorities ?? {},
      origin,
    };
    // Stacks with the same sets and options share one plan; the origin only names this construct in errors,
    // which are never cached.
    const { origin: _origin, ...planKey } = planOptions;
    this.plan = AZURE_RULE_PLANS.get(props.requirementSets, planKey, () => planAzureFirewallRules(props.requirementSets, planOptions));
    this.skippedRequirements = [...this.plan.skipped];
    if (this.plan.networkRuleFqdns > LIMITS.azureNetworkRuleFqdnsRecommended) {
      Annotations.of(this).addWarning(
        `${this.plan.networkRuleFqdns} FQDNs in network rules: Azure advises at most ${LIMITS.azureNetworkRuleFqdnsRecommended} per firewall for good performance. ` +
          'State HTTP/HTTPS flows as http/https so they become application rules.',
      );
    }

    const ipGroupProps = props.sources.newIpGroupProps;
    if (props.sources.kind === FirewallRuleSourceKind.NEW_IP_GROUP && ipGroupProps) {
      this.ipGroup = new IpGroup(this, 'ip-group', {
        name: ipGroupProps.name,
        resourceGroupName: ipGroupProps.resourceGroupName,
        location: ipGroupProps.location,
        cidrs: [...ipGroupProps.cidrs],
        ...(ipGroupProps.tags ? { tags: { ...ipGroupProps.tags } } : {}),
      });
    }
    const sourceAttributes = this.sourceAttributes(props.sources);

    this.ruleCollectionGroups = [];
    let previous: ITerraformDependable[] = props.dependsOn ?? [];
    for (const group of this.plan.groups) {
      const resource = new FirewallPolicyRuleCollectionGroup(this, group.name, {
        name: group.name,
        firewallPolicyId: props.firewallPolicyId,
        priority: group.priority,
        ...renderCollections(group, sourceAttributes),
        ...(previous.length > 0 ? { dependsOn: previous } : {}),
      });
      this.ruleCollectionGroups.push(resource);
      previous = [resource];
    }
  }

  /** The last rule collection group: make the next change to the same policy depend on it. */
  public get lastRuleCollectionGroup(): FirewallPolicyRuleCollectionGroup {
    return this.ruleCollectionGroups[this.ruleCollectionGroups.length - 1];
  }

  private sourceAttributes(sources: FirewallRuleSources): { sourceAddresses?: string[]; sourceIpGroups?: string[] } {
    switch (sources.kind) {
      case FirewallRuleSourceKind.IP_GROUP_IDS:
        return { sourceIpGroups: [...sources.values] };
      case FirewallRuleSourceKind.NEW_IP_GROUP:
        return { sourceIpGroups: [(this.ipGroup as IpGroup).id] };
      default:
        return { sourceAddresses: [...sources.values] };
    }
  }
}

/** The construct id as a slug; a one-character slug is lengthened, since the provider wants at least two. */
function defaultGroupName(id: string): string {
  const name = slug(id, 70);
  return name.length >= 2 ? name : `${name}-rules`;
}

function checkPositive(value: number, what: string, origin: string): void {
  if (!Number.isInteger(value) || value < 1) {
    throw invalidValue(what, String(value), origin, 'Give a whole number of at least 1.');
  }
}

function renderCollections(group: PlannedGroup, sources: { sourceAddresses?: string[]; sourceIpGroups?: string[] }) {
  const application = group.collections.filter((c) => c.kind === AzureRuleCollectionKind.APPLICATION);
  const network = group.collections.filter((c) => c.kind === AzureRuleCollectionKind.NETWORK);
  return {
    ...(application.length > 0
      ? {
          applicationRuleCollection: application.map((c) => ({
            name: c.name,
            action: 'Allow',
            priority: c.priority,
            rule: (c.applicationRules ?? []).map((r) => ({
              name: r.name,
              description: r.description,
              protocols: r.protocols.map((p) => ({ type: p.type, port: p.port })),
              ...sources,
              ...(r.destinationFqdns ? { destinationFqdns: [...r.destinationFqdns] } : {}),
              ...(r.destinationFqdnTags ? { destinationFqdnTags: [...r.destinationFqdnTags] } : {}),
            })),
          })),
        }
      : {}),
    ...(network.length > 0
      ? {
          networkRuleCollection: network.map((c) => ({
            name: c.name,
            action: 'Allow',
            priority: c.priority,
            rule: (c.networkRules ?? []).map((r) => ({
              name: r.name,
              description: r.description,
              protocols: [...r.protocols],
              ...sources,
              ...(r.destinationAddresses ? { destinationAddresses: [...r.destinationAddresses] } : {}),
              ...(r.destinationFqdns ? { destinationFqdns: [...r.destinationFqdns] } : {}),
              destinationPorts: [...r.destinationPorts],
            })),
          })),
        }
      : {}),
  };
}
