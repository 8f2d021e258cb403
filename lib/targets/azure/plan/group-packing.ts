import { limitExceeded } from '../../../model/errors';
import { stableName } from '../../../plan/naming';
import { AZURE_NAME_MAX, AzureRuleCollectionKind, AzureRulePlanOptions, PlannedApplicationRule, PlannedCollection, PlannedGroup, PlannedNetworkRule } from './rule-plan-types';

// Sizes and packing: collections are estimated in bytes and packed into rule collection groups of at most
// maxGroupBytes, splitting a collection that is larger than a group by rules. No cdktf here.

/** Estimated serialized size of a value (UTF-8 bytes of its JSON). */
export function estimateBytes(value: unknown): number {
  return Buffer.byteLength(JSON.stringify(value), 'utf8');
}

export function collection(
  kind: AzureRuleCollectionKind,
  section: string,
  priority: number,
  applicationRules: PlannedApplicationRule[] | undefined,
  networkRules: PlannedNetworkRule[] | undefined,
  options: AzureRulePlanOptions,
): PlannedCollection {
  const name = stableName(`${section} ${kind}`, `${section}|${kind}`, AZURE_NAME_MAX);
  const c = { kind, section, name, priority, applicationRules, networkRules, estimatedBytes: 0 };
  return { ...c, estimatedBytes: collectionBytes(c, options) };
}

function rulesOf(c: PlannedCollection): ReadonlyArray<PlannedApplicationRule | PlannedNetworkRule> {
  return c.applicationRules ?? c.networkRules ?? [];
}

function ruleBytes(rule: PlannedApplicationRule | PlannedNetworkRule, options: AzureRulePlanOptions): number {
  return estimateBytes(rule) + options.sourceBytesPerRule + 1;
}

function collectionBytes(c: PlannedCollection, options: AzureRulePlanOptions): number {
  const header = estimateBytes({ name: c.name, action: 'Allow', priority: c.priority, rule: [] });
  return header + rulesOf(c).reduce((sum, rule) => sum + ruleBytes(rule, options), 0);
}

function withRules(c: PlannedCollection, rules: ReadonlyArray<PlannedApplicationRule | PlannedNetworkRule>, name: string, options: AzureRulePlanOptions): PlannedCollection {
  const base = {
    ...c,
    name,
    applicationRules: c.kind === AzureRuleCollectionKind.APPLICATION ? (rules as PlannedApplicationRule[]) : undefined,
    networkRules: c.kind === AzureRuleCollectionKind.NETWORK ? (rules as PlannedNetworkRule[]) : undefined,
  };
  return { ...base, estimatedBytes: collectionBytes(base, options) };
}

/**
 * Packs collections (in priority order) into groups of at most `maxGroupBytes`: a collection that fits stays
 * whole, starting a new group when the current one is full; one larger than a whole group is split by rules
 * into parts (`<name>-2`, ...) that keep its priority, each in its own group.
 */
export function packGroups(collections: readonly PlannedCollection[], options: AzureRulePlanOptions): PlannedGroup[] {
  const limit = options.maxGroupBytes;
  const groups: PlannedCollection[][] = [[]];
  let used = 0;
  const open = () => {
    if (groups[groups.length - 1].length > 0) groups.push([]);
    used = 0;
  };
  for (const c of collections) {
    if (used + c.estimatedBytes <= limit) {
      groups[groups.length - 1].push(c);
      used += c.estimatedBytes;
      continue;
    }
    if (c.estimatedBytes <= limit) {
      open();
      groups[groups.length - 1].push(c);
      used = c.estimatedBytes;
      continue;
    }
    // Larger than a group: split by rules. The header allowance covers the `-<part>` name suffix.
    open();
    const header = collectionBytes(withRules(c, [], `${c.name}-9999`, options), options);
    let part: Array<PlannedApplicationRule | PlannedNetworkRule> = [];
    let partBytes = header;
    let partIndex = 1;
    const flush = () => {
      const piece = withRules(c, part, partIndex === 1 ? c.name : `${c.name}-${partIndex}`, options);
      groups[groups.length - 1].push(piece);
      used = piece.estimatedBytes;
      partIndex++;
      part = [];
      partBytes = header;
    };
    for (const rule of rulesOf(c)) {
      const bytes = ruleBytes(rule, options);
      if (partBytes + bytes > limit) {
        if (part.length === 0) {
          throw limitExceeded(
            `Estimated size in bytes of rule ${rule.name} in Azure Firewall rule collection ${c.name}`,
            header + bytes,
            limit,
            options.origin,
            'One rule cannot be split across groups. Put the sources in an IP group (FirewallRuleSources.ipGroupIds or FirewallRuleSources.newIpGroup) to shrink it.',
          );
        }
        flush();
        open();
      }
      part.push(rule);
      partBytes += bytes;
    }
    flush();
  }
  return groups.map((collectionsOfGroup, i) => ({
    name: i === 0 ? options.groupName : `${options.groupName}-${i + 1}`,
    priority: options.basePriority + i,
    collections: collectionsOfGroup,
    estimatedBytes: collectionsOfGroup.reduce((sum, c) => sum + c.estimatedBytes, 0),
  }));
}
