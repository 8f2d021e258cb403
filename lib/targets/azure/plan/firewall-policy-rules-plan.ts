import { AKS_FQDN_TAG, AKS_FQDN_TAG_SECTIONS } from '../../../catalog/aks';
import { describeValue, InputCheck } from '../../../model/input';
import { invalidValue } from '../../../model/errors';
import { RequirementSet } from '../../../model/requirement-set';
import { LIMITS } from '../../../plan/limits';
import { slug } from '../../../plan/naming';
import { AzureFirewallRuleMode, AzureRulePlan, checkExpressible, planAzureFirewallRules, selectEgressRequirements } from './rule-plan';

// The checked settings of AzureFirewallPolicyRules, shared by the construct and the plain-Terraform export target
// (so both refuse the same input with the same messages). No cdktf here.

/** Settings of Azure Firewall policy rules that do not depend on cdktf (the construct's props minus sources and dependsOn). */
export interface AzureFirewallPolicyRulesSettings {
  readonly mode: AzureFirewallRuleMode;
  readonly dnsProxyEnabled: boolean;
  readonly groupName: string;
  readonly basePriority: number;
  readonly maxGroups: number;
  readonly maxGroupBytes: number;
  readonly collectionPriorities: Readonly<Record<string, number>>;
  readonly fqdnTagSections: readonly string[];
  readonly allowAnyAddress: boolean;
}

/** The raw settings props, as a caller (or an export spec) gives them. */
export interface AzureFirewallPolicyRulesSettingsInput {
  readonly mode?: unknown;
  readonly dnsProxyEnabled?: unknown;
  readonly ruleCollectionGroupName?: unknown;
  readonly basePriority?: unknown;
  readonly maxRuleCollectionGroups?: unknown;
  readonly maxRuleCollectionGroupBytes?: unknown;
  readonly collectionPriorities?: unknown;
  readonly fqdnTagSections?: unknown;
  readonly allowAnyAddress?: unknown;
}

/** The azurerm provider's pattern for a rule collection group name: two or more characters, the last a letter, digit or underscore. */
const GROUP_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]*[A-Za-z0-9_]$/;

/** Checks the settings props through `check` (each error names the prop, the value and the owner). */
export function checkPolicyRulesSettings(check: InputCheck, p: AzureFirewallPolicyRulesSettingsInput, defaultGroupName: string): AzureFirewallPolicyRulesSettings {
  const groupName = check.string('ruleCollectionGroupName', p.ruleCollectionGroupName ?? defaultGroupName, {
    allowReference: false,
    pattern: GROUP_NAME,
    hint:
      'Use a literal name of at least two letters, digits, dots, underscores and hyphens, starting with a letter or digit and ending with a letter, digit or underscore (it also names the Terraform resources).',
  });
  const priorityHint = `Azure Firewall priorities are whole numbers from ${LIMITS.azurePriorityMin} to ${LIMITS.azurePriorityMax}.`;
  return {
    mode: check.enumValue('mode', p.mode, Object.values(AzureFirewallRuleMode), AzureFirewallRuleMode.EXPLICIT_FQDNS),
    dnsProxyEnabled: check.boolean('dnsProxyEnabled', p.dnsProxyEnabled, false),
    allowAnyAddress: check.boolean('allowAnyAddress', p.allowAnyAddress, false),
    groupName,
    basePriority: check.integer('basePriority', p.basePriority, { min: LIMITS.azurePriorityMin, max: LIMITS.azurePriorityMax, hint: priorityHint }),
    maxGroups: check.integer('maxRuleCollectionGroups', p.maxRuleCollectionGroups, {
      min: 1,
      max: 10000,
      default: LIMITS.azureRuleCollectionGroupsPerPolicy,
      hint: 'Give a whole number of at least 1: the groups this construct may add to the policy.',
    }),
    maxGroupBytes: check.integer('maxRuleCollectionGroupBytes', p.maxRuleCollectionGroupBytes, {
      min: 1,
      max: LIMITS.azureRuleCollectionGroupBytes,
      default: LIMITS.azureRuleCollectionGroupBytes,
      hint: `Give a whole number of at least 1 and at most ${LIMITS.azureRuleCollectionGroupBytes} (2 MB, the Azure limit).`,
    }),
    collectionPriorities: checkPriorityMap(check, p.collectionPriorities),
    fqdnTagSections: p.fqdnTagSections === undefined ? AKS_FQDN_TAG_SECTIONS : check.stringArray('fqdnTagSections', p.fqdnTagSections, { allowReference: false }),
  };
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

/** Plans the rule collection groups of the merged set (the whole-set checks: limits, splitting, priorities). */
export function planPolicyRules(
  requirements: RequirementSet,
  settings: AzureFirewallPolicyRulesSettings,
  sources: { readonly count: number; readonly bytesPerRule: number },
  origin: string,
): AzureRulePlan {
  return planAzureFirewallRules([requirements], {
    mode: settings.mode,
    dnsProxyEnabled: settings.dnsProxyEnabled,
    fqdnTag: AKS_FQDN_TAG,
    fqdnTagSections: settings.fqdnTagSections,
    sourceCount: sources.count,
    sourceBytesPerRule: sources.bytesPerRule,
    groupName: settings.groupName,
    basePriority: settings.basePriority,
    maxGroups: settings.maxGroups,
    maxGroupBytes: settings.maxGroupBytes,
    collectionPriorities: settings.collectionPriorities,
    allowAnyAddress: settings.allowAnyAddress,
    origin,
  });
}
