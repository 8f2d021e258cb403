import { invalidValue } from '../../../model/errors';
import { RequirementSet } from '../../../model/requirement-set';
import { assertWithinLimit, LIMITS } from '../../../plan/limits';
import { collection, packGroups } from './group-packing';
import { assertNoAnyAddressDestination, checkExpressible, selectEgressRequirements } from './rule-checks';
import { APPLICATION_OFFSET, AzureFirewallRuleMode, AzureRuleCollectionKind, AzureRulePlan, AzureRulePlanOptions, PlannedCollection } from './rule-plan-types';
import { collectSections, sectionPriorities, validatePriority } from './section-priorities';
import { planSection } from './section-rules';

// Planning for Azure Firewall policy rules. No cdktf here: the plan is plain data that the construct renders,
// so it can be tested (and later rendered to plain Terraform JSON) on its own.

export { estimateBytes } from './group-packing';
export { checkExpressible, selectEgressRequirements } from './rule-checks';
export { AZURE_NAME_MAX, AZURE_RULE_DESCRIPTION_MAX, AzureFirewallRuleMode, AzureRuleCollectionKind } from './rule-plan-types';
export type { AzureRulePlan, AzureRulePlanOptions, PlannedApplicationProtocol, PlannedApplicationRule, PlannedCollection, PlannedGroup, PlannedNetworkRule } from './rule-plan-types';
export { derivedSectionPriority } from './section-priorities';
export { provenanceText } from './section-rules';

/**
 * Plans the rule collection groups for the egress requirements of `sets`: one application and/or one network
 * collection per source section; a flow listed by several sections appears in each of them (with that
 * section's purpose), so that every collection depends only on its own section. Validates everything and
 * throws before anything is rendered.
 */
export function planAzureFirewallRules(sets: readonly RequirementSet[], options: AzureRulePlanOptions): AzureRulePlan {
  validatePriority(options.basePriority, 'basePriority', options.origin);
  const all = RequirementSet.union(sets);
  const { egress, skipped, elsewhere } = selectEgressRequirements(all);
  if (egress.size === 0) {
    throw invalidValue(
      'requirement sets',
      `${all.size} requirement(s), none egress from the nodes`,
      options.origin,
      'An Azure Firewall policy filters egress traffic; pass requirement sets with egress requirements (ingress CIDRs to the API server belong in AksAuthorizedIpRanges).',
    );
  }
  egress.assertResolved();
  for (const r of egress.requirements) checkExpressible(r, options);
  assertNoAnyAddressDestination(egress.requirements, options);

  const sections = collectSections(egress.requirements);
  const tagSections = new Set(options.fqdnTagSections);
  if (options.mode === AzureFirewallRuleMode.FQDN_TAG && ![...sections.keys()].some((s) => tagSections.has(s))) {
    throw invalidValue(
      'mode',
      AzureFirewallRuleMode.FQDN_TAG,
      options.origin,
      `None of the requirements comes from a section the ${options.fqdnTag} FQDN tag covers (${[...tagSections].join(', ')}). ` +
        'Use AzureFirewallRuleMode.EXPLICIT_FQDNS, or pass the AKS profile.',
    );
  }

  const priorities = sectionPriorities([...sections.keys()], options);
  const collections: PlannedCollection[] = [];
  let networkRulePairs = 0;
  let networkRuleFqdns = 0;
  for (const [section, entry] of sections) {
    const useTag = options.mode === AzureFirewallRuleMode.FQDN_TAG && tagSections.has(section);
    const { applicationRules, networkRules } = planSection(entry, useTag, options);
    const base = priorities.get(section) as number;
    if (networkRules.length > 0) {
      collections.push(collection(AzureRuleCollectionKind.NETWORK, section, base, undefined, networkRules, options));
      for (const rule of networkRules) {
        networkRulePairs += options.sourceCount * ((rule.destinationAddresses?.length ?? 0) + (rule.destinationFqdns?.length ?? 0));
        networkRuleFqdns += rule.destinationFqdns?.length ?? 0;
      }
    }
    if (applicationRules.length > 0) {
      collections.push(collection(AzureRuleCollectionKind.APPLICATION, section, base + APPLICATION_OFFSET, applicationRules, undefined, options));
    }
  }
  assertWithinLimit(
    'Azure Firewall unique source/destination pairs in network rules',
    networkRulePairs,
    LIMITS.azureNetworkRuleSourceDestinationPairs,
    options.origin,
    'Pairs are sources x destinations summed over network rules, and an IP group counts as one address: ' +
      'put the sources in an IP group (FirewallRuleSources.ipGroupIds or FirewallRuleSources.newIpGroup), ' +
      'use fewer, wider source ranges, or spread the sections over several firewall policies.',
  );

  collections.sort((a, b) => a.priority - b.priority);
  const groups = packGroups(collections, options);
  assertWithinLimit(
    'Azure Firewall rule collection groups for one policy',
    groups.length,
    options.maxGroups,
    options.origin,
    `Groups split at ${options.maxGroupBytes} estimated bytes each. Put the sources in an IP group to shrink every rule, ` +
      'spread the requirement sets over several firewall policies, or raise maxRuleCollectionGroups if the policy allows more.',
  );
  const last = groups[groups.length - 1];
  if (last.priority > LIMITS.azurePriorityMax) {
    throw invalidValue(
      'rule collection group priority',
      String(last.priority),
      options.origin,
      `The ${groups.length} groups take priorities ${options.basePriority}-${last.priority}, past ${LIMITS.azurePriorityMax}; ` +
        `lower basePriority to at most ${LIMITS.azurePriorityMax - groups.length + 1}.`,
    );
  }
  return { groups, skipped, elsewhere, networkRulePairs, networkRuleFqdns };
}
