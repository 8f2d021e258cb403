import { KEEP_CDKTF_TOKENS, terraformText, terraformTextMap } from '../../model/terraform-text';
import { FirewallPolicyRuleCollectionGroup } from '@cdktf/provider-azurerm/lib/firewall-policy-rule-collection-group';
import { IpGroup } from '@cdktf/provider-azurerm/lib/ip-group';
import { Annotations, DefaultTokenResolver, ITerraformDependable, StringConcat, TerraformStack, Token, Tokenization } from 'cdktf';
import { Construct } from 'constructs';
import { FirewallRequirementsError, invalidValue } from '../../model/errors';
import { describeValue, InputCheck } from '../../model/input';
import { Requirement } from '../../model/requirement';
import { RequirementSet } from '../../model/requirement-set';
import { describeElsewhere } from '../../plan/control-plane-access';
import { LIMITS } from '../../plan/limits';
import { PlanCache } from '../../plan/plan-cache';
import { RequirementsConstruct } from '../requirements-construct';
import { FirewallRuleSourceKind, FirewallRuleSources } from './firewall-rule-sources';
import { AZURE_POLICY_RULES_OPTIONS, AzureFirewallPolicyRulesSettings, defaultGroupName, planPolicyRules, validatePolicyRulesSet } from './plan/firewall-policy-rules-plan';
import { ruleCollectionsBody } from './plan/rule-collection-body';
import { AzureFirewallRuleMode, AzureRulePlan } from './plan/rule-plan';

/** Properties of `AzureFirewallPolicyRules`. */
export interface AzureFirewallPolicyRulesProps {
  /**
   * The requirements to allow, e.g. `[aksProfile({...}), chainguardContainersProfile()]`; more can be added with
   * `addRequirements` until synth. They are merged; egress requirements that leave the nodes become rules. Ingress
   * requirements and every row that does not land on the nodes are skipped (see `skippedRequirements`): an egress
   * firewall policy does not admit traffic into the cluster; ingress CIDRs to the API server belong in
   * `AksAuthorizedIpRanges`.
   * @default []
   */
  readonly requirementSets?: RequirementSet[];
  /** Id of the `azurerm_firewall_policy` the rule collection groups belong to. */
  readonly firewallPolicyId: string;
  /** Where the traffic comes from: the cluster's subnets, as CIDRs or IP Groups. */
  readonly sources: FirewallRuleSources;
  /**
   * Priority of the first rule collection group (100-65000). When the rules are split over several groups,
   * the others take the next priorities. Two rule collection groups on one policy never share a priority: synth
   * fails when another `AzureFirewallPolicyRules` on the same policy uses one of these priorities.
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
   * Allow network-rule destinations that together cover every address (`0.0.0.0/0`, or networks that add up to
   * it) for one protocol and port. Judged per flow after exact aggregation over every section.
   * @default false
   */
  readonly allowAnyAddress?: boolean;
  /**
   * Resources the first rule collection group waits for, e.g. another construct's last group on the same
   * policy (Azure applies changes to one policy one group at a time).
   * @default []
   */
  readonly dependsOn?: ITerraformDependable[];
}

/** Rule plans shared by every AzureFirewallPolicyRules of the process (same sets, same options). */
const AZURE_RULE_PLANS = new PlanCache<AzureRulePlan>('Azure Firewall rule plans');

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
 * - Interpreted catalog rows (`Requirement.interpretation`, e.g. Key Vault's `vault.azure.net`, whose vaults are
 *   `<name>.vault.azure.net`) render the interpreted peer; the rule description names the literal row.
 * - Rendered lazily at synth (sets added later with `addRequirements` are included). Checked at synth: pairs in
 *   network rules (20,000), groups per policy (60), estimated bytes per group (2 MB; larger plans are split into
 *   several groups chained with `depends_on`), priorities 100-65000, network destinations that cover every
 *   address (`allowAnyAddress`), and, across every `AzureFirewallPolicyRules` of the app on the same
 *   `firewallPolicyId`, rule collection group priorities and names used twice.
 * - Skipped (`skippedRequirements`, with an info annotation): ingress rows and rows that land on the cluster API
 *   endpoint or a service beside the cluster.
 */
export class AzureFirewallPolicyRules extends RequirementsConstruct {
  private readonly firewallPolicyId: string;
  private readonly sources: FirewallRuleSources;
  private readonly settings: AzureFirewallPolicyRulesSettings;
  private readonly dependsOn: ITerraformDependable[];
  private rendered?: { plan: AzureRulePlan; groups: FirewallPolicyRuleCollectionGroup[]; ipGroup?: IpGroup };

  constructor(scope: Construct, id: string, props: AzureFirewallPolicyRulesProps) {
    super(scope, id, 'AzureFirewallPolicyRules');
    try {
      const p = this.check.props(props, [...AZURE_POLICY_RULES_OPTIONS.names, ...CONSTRUCT_PROPS]);
      this.firewallPolicyId = this.check.string('firewallPolicyId', p.firewallPolicyId, { hint: 'Pass the policy id, e.g. firewallPolicy.id.' });
      this.sources = checkSources(this.check, p.sources);
      this.settings = AZURE_POLICY_RULES_OPTIONS.read(this.check, p as unknown as Record<string, unknown>, { ruleCollectionGroupName: defaultGroupName(id) });
      this.dependsOn = this.check.array('dependsOn', p.dependsOn, (item, where) => checkDependable(item, where), { optional: true });
      this.addRequirements(...this.check.requirementSets('requirementSets', p.requirementSets, { optional: true }));
    } catch (e) {
      // Bad props leave nothing behind: the half-built construct would otherwise render at synth.
      scope.node.tryRemoveChild(id);
      throw e;
    }
    this.node.addValidation({ validate: () => this.findConflicts() });
  }

  /** The rule collection groups, in priority order (each depends on the one before). Reading it renders the construct. */
  public get ruleCollectionGroups(): FirewallPolicyRuleCollectionGroup[] {
    return [...this.output.groups];
  }

  /** The last rule collection group: make the next change to the same policy depend on it. Reading it renders the construct. */
  public get lastRuleCollectionGroup(): FirewallPolicyRuleCollectionGroup {
    const groups = this.output.groups;
    return groups[groups.length - 1];
  }

  /** The IP Group created for `FirewallRuleSources.newIpGroup`, if any. Reading it renders the construct. */
  public get ipGroup(): IpGroup | undefined {
    return this.output.ipGroup;
  }

  /**
   * Requirements not rendered: ingress ones (an egress firewall policy does not admit them) and every one that does
   * not land on the nodes (control-plane and service rows). Reading it renders the construct.
   */
  public get skippedRequirements(): Requirement[] {
    return [...this.output.plan.skipped];
  }

  /** The plan that was rendered (names, priorities, estimated sizes, counted pairs). Reading it renders the construct. */
  public get plan(): AzureRulePlan {
    return this.output.plan;
  }

  /** The policy id the groups belong to, as given. */
  public get policyId(): string {
    return this.firewallPolicyId;
  }

  protected validateRequirementSet(set: RequirementSet): void {
    validatePolicyRulesSet(set, this.settings);
  }

  protected renderRequirements(requirements: RequirementSet): void {
    // Plan (and so validate) everything before creating any resource.
    // Constructs with the same sets, settings and source sizes share one plan; the owner only names this
    // construct in errors, which are never cached.
    const plan = AZURE_RULE_PLANS.get([requirements], { settings: this.settings, sourceCount: this.sources.count, sourceBytes: this.sources.bytesPerRule }, () =>
      planPolicyRules(requirements, { ...this.settings, sourceCount: this.sources.count, sourceBytesPerRule: this.sources.bytesPerRule }, this.check.owner),
    );
    if (plan.elsewhere.length > 0) {
      Annotations.of(this).addInfo(describeElsewhere(`AzureFirewallPolicyRules ${this.node.path}`, plan.elsewhere));
    }
    if (plan.networkRuleFqdns > LIMITS.azureNetworkRuleFqdnsRecommended) {
      Annotations.of(this).addWarning(
        `${plan.networkRuleFqdns} FQDNs in network rules: Azure advises at most ${LIMITS.azureNetworkRuleFqdnsRecommended} per firewall for good performance. ` +
          'State HTTP/HTTPS flows as http/https so they become application rules.',
      );
    }
    const ipGroupProps = this.sources.newIpGroupProps;
    const ipGroup =
      this.sources.kind === FirewallRuleSourceKind.NEW_IP_GROUP && ipGroupProps
        ? new IpGroup(this, 'ip-group', {
            name: terraformText(ipGroupProps.name, KEEP_CDKTF_TOKENS),
            resourceGroupName: ipGroupProps.resourceGroupName,
            location: ipGroupProps.location,
            cidrs: [...ipGroupProps.cidrs],
            ...(ipGroupProps.tags ? { tags: terraformTextMap(ipGroupProps.tags, KEEP_CDKTF_TOKENS) } : {}),
          })
        : undefined;
    const sourceAttributes = sourceAttributesOf(this.sources, ipGroup);
    const groups: FirewallPolicyRuleCollectionGroup[] = [];
    let previous: ITerraformDependable[] = this.dependsOn;
    for (const group of plan.groups) {
      const resource = new FirewallPolicyRuleCollectionGroup(this, group.name, {
        name: terraformText(group.name, KEEP_CDKTF_TOKENS),
        firewallPolicyId: this.firewallPolicyId,
        priority: group.priority,
        ...ruleCollectionsBody(group, sourceAttributes),
        ...(previous.length > 0 ? { dependsOn: previous } : {}),
      });
      groups.push(resource);
      previous = [resource];
    }
    this.rendered = { plan, groups, ipGroup };
  }

  private get output(): { plan: AzureRulePlan; groups: FirewallPolicyRuleCollectionGroup[]; ipGroup?: IpGroup } {
    this.render();
    if (!this.rendered) {
      throw invalidValue('read of a rendered attribute', 'during rendering', this.check.owner, 'Read rendered attributes after the construct has rendered.');
    }
    return this.rendered;
  }

  private cachedPolicyKey?: string;

  /** The policy, for comparing constructs: a literal id, or a reference resolved within its stack (computed once). */
  private get policyKey(): string {
    this.cachedPolicyKey ??= policyKey(this, this.firewallPolicyId);
    return this.cachedPolicyKey;
  }

  /**
   * Two groups with one priority or one name on a policy: the library's `conflict` error with both construct paths and
   * the fix (thrown, so that synth reports it as it is rather than as a generic validation failure).
   */
  private findConflicts(): string[] {
    if (!this.rendered) return [];
    const key = this.policyKey;
    const policy = Token.isUnresolved(this.firewallPolicyId) ? key.replace(/^[^|]*\|/, '') : this.firewallPolicyId;
    for (const other of RequirementsConstruct.peersOf(this, AzureFirewallPolicyRules, 'policy', (c) => [c.policyKey])) {
      if (!other.rendered) continue;
      // Each pair is reported once, by the construct whose path sorts first.
      if (other.node.path < this.node.path) continue;
      const origin = `AzureFirewallPolicyRules ${this.node.path} and AzureFirewallPolicyRules ${other.node.path}`;
      for (const mine of this.rendered.plan.groups) {
        for (const theirs of other.rendered.plan.groups) {
          if (mine.priority === theirs.priority) {
            throw new FirewallRequirementsError(
              'conflict',
              `Rule collection groups ${mine.name} and ${theirs.name} both have priority ${mine.priority} on firewall policy ${policy}: ` +
                'Azure processes groups of equal priority in an undefined order',
              String(mine.priority),
              origin,
              'Give one of them another basePriority ' +
                `(each construct uses basePriority up to basePriority + its group count - 1; ${this.node.path} uses ${rangeText(this.rendered.plan)}, ${other.node.path} uses ${rangeText(other.rendered.plan)}).`,
            );
          }
          if (mine.name === theirs.name) {
            throw new FirewallRequirementsError(
              'conflict',
              `Rule collection group name ${mine.name} is used twice on firewall policy ${policy}: the second group would replace the first`,
              mine.name,
              origin,
              'Give one of them another ruleCollectionGroupName.',
            );
          }
        }
      }
    }
    return [];
  }
}

/** The props besides the option table's (resources and references, which only a construct has). */
const CONSTRUCT_PROPS: readonly string[] = ['requirementSets', 'firewallPolicyId', 'sources', 'dependsOn'];

function rangeText(plan: AzureRulePlan): string {
  const first = plan.groups[0].priority;
  const last = plan.groups[plan.groups.length - 1].priority;
  return first === last ? String(first) : `${first}-${last}`;
}

/** A comparable form of a policy id: literal ids as they are, references as the Terraform expression they resolve to. */
function policyKey(scope: Construct, id: string): string {
  if (!Token.isUnresolved(id)) return id.toLowerCase();
  // A reference names a resource of its own stack: the same expression in another stack is another policy.
  const stack = TerraformStack.of(scope);
  try {
    // Each read of `policy.id` is a new token string; resolved, the same reference is the same expression.
    return `${stack.node.path}|${String(Tokenization.resolve(id, { scope: stack, preparing: false, resolver: new DefaultTokenResolver(new StringConcat()) }))}`;
  } catch {
    return `${stack.node.path}|${id}`;
  }
}

function checkSources(check: InputCheck, value: unknown): FirewallRuleSources {
  if (value instanceof FirewallRuleSources) return value;
  const hint = "Give sources: FirewallRuleSources.addresses(['10.42.1.0/24']), FirewallRuleSources.ipGroupIds([...]) or FirewallRuleSources.newIpGroup({...}).";
  check.required('sources', value, hint.replace(/^Give sources: /, '').replace(/\.$/, ''));
  throw invalidValue('sources', describeValue(value), check.where('sources'), hint, 'invalid-type');
}

function checkDependable(value: unknown, where: string): ITerraformDependable {
  if (value !== null && typeof value === 'object' && typeof (value as ITerraformDependable).fqn === 'string') return value as ITerraformDependable;
  throw invalidValue('dependsOn entry', describeValue(value), where, 'Give resources (or other dependables) such as the firewall: dependsOn: [firewall].', 'invalid-type');
}

function sourceAttributesOf(sources: FirewallRuleSources, ipGroup: IpGroup | undefined): { sourceAddresses?: string[]; sourceIpGroups?: string[] } {
  switch (sources.kind) {
    case FirewallRuleSourceKind.IP_GROUP_IDS:
      return { sourceIpGroups: [...sources.values] };
    case FirewallRuleSourceKind.NEW_IP_GROUP:
      return { sourceIpGroups: [(ipGroup as IpGroup).id] };
    default:
      return { sourceAddresses: [...sources.values] };
  }
}
