import { AKS_FQDN_TAG, AKS_FQDN_TAG_SECTIONS } from '../../../catalog/aks';
import { describeValue, InputCheck } from '../../../model/input';
import { invalidValue } from '../../../model/errors';
import { RequirementSet } from '../../../model/requirement-set';
import { LIMITS } from '../../../plan/limits';
import { slug } from '../../../plan/naming';
import { targetOption, TargetOptionTable, TargetOptionValues } from '../../target-options';
import { AzureFirewallRuleMode, AzureRulePlan, checkExpressible, planAzureFirewallRules, selectEgressRequirements } from './rule-plan';

// The options of AzureFirewallPolicyRules that do not depend on cdktf, declared once: the construct and the
// plain-Terraform export target check them through this table (so both refuse the same input with the same
// messages), and the planner takes the checked values. No cdktf here.

/** The azurerm provider's pattern for a rule collection group name: two or more characters, the last a letter, digit or underscore. */
const GROUP_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]*[A-Za-z0-9_]$/;

const PRIORITY_HINT = `Azure Firewall priorities are whole numbers from ${LIMITS.azurePriorityMin} to ${LIMITS.azurePriorityMax}.`;

/** The options of Azure Firewall policy rules (the construct's props besides requirementSets, firewallPolicyId, sources and dependsOn). */
export const AZURE_POLICY_RULES_OPTIONS = new TargetOptionTable({
  ruleCollectionGroupName: targetOption.string('Name of the first rule collection group; further groups get -2, -3, ... (default aks-egress).', {
    allowReference: false,
    pattern: GROUP_NAME,
    hint:
      'Use a literal name of at least two letters, digits, dots, underscores and hyphens, starting with a letter or digit and ending with a letter, digit or underscore (it also names the Terraform resources).',
  }),
  mode: targetOption.choice('explicit-fqdns (default) or fqdn-tag (the AzureKubernetesService tag for the AKS core FQDN rows).', Object.values(AzureFirewallRuleMode), AzureFirewallRuleMode.EXPLICIT_FQDNS),
  dnsProxyEnabled: targetOption.boolean('Whether DNS proxy is on for the policy: network rules may then name FQDNs (default false).', false),
  allowAnyAddress: targetOption.boolean('Allow network-rule destinations that cover every address (default false).', false),
  basePriority: targetOption.integer('Priority of the first rule collection group (100-65000); split groups take the next ones. Required.', {
    min: LIMITS.azurePriorityMin,
    max: LIMITS.azurePriorityMax,
    hint: PRIORITY_HINT,
  }),
  maxRuleCollectionGroups: targetOption.integer('Most rule collection groups the module may create (default 60).', {
    min: 1,
    max: 10000,
    default: LIMITS.azureRuleCollectionGroupsPerPolicy,
    hint: 'Give a whole number of at least 1: the groups this construct may add to the policy.',
  }),
  maxRuleCollectionGroupBytes: targetOption.integer('Most estimated bytes per rule collection group (default 2 MB).', {
    min: 1,
    max: LIMITS.azureRuleCollectionGroupBytes,
    default: LIMITS.azureRuleCollectionGroupBytes,
    hint: `Give a whole number of at least 1 and at most ${LIMITS.azureRuleCollectionGroupBytes} (2 MB, the Azure limit).`,
  }),
  collectionPriorities: targetOption.custom("Base priority per section, e.g. { 'aks/addon-azure-monitor': 4000 }.", (check, _name, value) => checkPriorityMap(check, value)),
  fqdnTagSections: targetOption.custom<readonly string[]>('catalog/section keys the FQDN tag covers in fqdn-tag mode.', (check, name, value) =>
    value === undefined ? AKS_FQDN_TAG_SECTIONS : check.stringArray(name, value, { allowReference: false }),
  ),
});

/** The checked options (see `AZURE_POLICY_RULES_OPTIONS`). */
export type AzureFirewallPolicyRulesSettings = TargetOptionValues<typeof AZURE_POLICY_RULES_OPTIONS.declarations>;

/** How the rules name their sources, for the limits and the size estimate. */
export interface AzureRuleSourceSize {
  /** Entries of the source list (addresses or IP group ids). */
  readonly sourceCount: number;
  /** Estimated bytes the sources add to each rule. */
  readonly sourceBytesPerRule: number;
}

function checkPriorityMap(check: InputCheck, value: unknown): Record<string, number> {
  if (value === undefined) return {};
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw invalidValue(
      'collectionPriorities',
      describeValue(value),
      check.where('collectionPriorities'),
      "Give collectionPriorities as { 'catalog/section': priority }, e.g. { 'aks/addon-azure-monitor': 4000 }.",
      'invalid-type',
    );
  }
  const out: Record<string, number> = {};
  for (const [section, priority] of Object.entries(value as Record<string, unknown>)) {
    const max = LIMITS.azurePriorityMax - 5;
    out[section] = check.integer(`collectionPriorities[${JSON.stringify(section)}]`, priority, {
      min: LIMITS.azurePriorityMin,
      max,
      hint: `Azure Firewall priorities are whole numbers from ${LIMITS.azurePriorityMin} to ${max} (the application collection takes the priority + 5).`,
    });
  }
  return out;
}

/** The construct id as a slug; a one-character slug is lengthened, since the provider wants at least two. */
export function defaultGroupName(id: string): string {
  const name = slug(id, 70);
  return name.length >= 2 ? name : `${name}-rules`;
}

/** The per-set checks (run when a set is added): peers Azure Firewall cannot express, unresolved placeholders. */
export function validatePolicyRulesSet(set: RequirementSet, settings: Pick<AzureFirewallPolicyRulesSettings, 'dnsProxyEnabled'>): void {
  for (const r of selectEgressRequirements(set).egress.requirements) checkExpressible(r, settings);
}

/**
 * Plans the rule collection groups of the merged set (the whole-set checks: limits, splitting, priorities).
 * @param settings the checked options and the size of the sources
 */
export function planPolicyRules(requirements: RequirementSet, settings: AzureFirewallPolicyRulesSettings & AzureRuleSourceSize, origin: string): AzureRulePlan {
  return planAzureFirewallRules([requirements], {
    mode: settings.mode,
    dnsProxyEnabled: settings.dnsProxyEnabled,
    fqdnTag: AKS_FQDN_TAG,
    fqdnTagSections: settings.fqdnTagSections,
    sourceCount: settings.sourceCount,
    sourceBytesPerRule: settings.sourceBytesPerRule,
    groupName: settings.ruleCollectionGroupName,
    basePriority: settings.basePriority,
    maxGroups: settings.maxRuleCollectionGroups,
    maxGroupBytes: settings.maxRuleCollectionGroupBytes,
    collectionPriorities: settings.collectionPriorities,
    allowAnyAddress: settings.allowAnyAddress,
    origin,
  });
}
