import { invalidValue, limitExceeded } from '../../../model/errors';
import { describeValue, InputCheck } from '../../../model/input';
import { RequirementSet } from '../../../model/requirement-set';
import { contentHash } from '../../../plan/naming';
import { validateIbmName } from './ibm-validation';
import { planIbmRules } from './rule-plan';
import { IBM_RULES_PER_SECURITY_GROUP, IBM_SECURITY_GROUPS_PER_TARGET, IbmPlannedRule, IbmRulePlan } from './rule-plan-types';
import { validateRuleConfig } from './rule-types';

// Security groups of the IBM plan: the checked group options, and the rules spread over the groups a worker can
// carry (created groups or an existing one). No cdktf here.

/** Default name prefix of created groups. */
export const DEFAULT_GROUP_NAME_PREFIX = 'k8s-firewall';

/** Options of `assignToGroups`. */
export interface IbmGroupAssignmentOptions {
  /** Rules one group may hold. @default IBM_RULES_PER_SECURITY_GROUP */
  readonly capacity?: number;
  /** Create at least this many groups (reserve room so that growth does not add a group). @default 1 */
  readonly minimumGroups?: number;
  /** Fail when more groups are needed. @default IBM_SECURITY_GROUPS_PER_TARGET */
  readonly maximumGroups?: number;
  /** Named in errors. @default 'IBM security group rules' */
  readonly origin?: string;
}

/** Which group each rule goes to. */
export interface IbmGroupAssignment {
  /** Number of groups. */
  readonly groups: number;
  /** Group number (1-based) by rule key. */
  readonly slotOf: Readonly<Record<string, number>>;
}

/**
 * Spreads rules over numbered groups (slot 1..n) with rendezvous hashing: each rule ranks the slots by a hash of
 * its own key and the slot number and takes the first one with room. The number of groups is the fewest that
 * hold every rule (at least `minimumGroups`). A rule's slot depends on its own content, not on its position, so
 * one more rule lands in its preferred group and moves nothing else while that group has room; when the group
 * count grows, only the rules that prefer the new group move.
 */
export function assignToGroups(rules: readonly IbmPlannedRule[], options: IbmGroupAssignmentOptions = {}): IbmGroupAssignment {
  const capacity = options.capacity ?? IBM_RULES_PER_SECURITY_GROUP;
  const minimum = options.minimumGroups ?? 1;
  const maximum = options.maximumGroups ?? IBM_SECURITY_GROUPS_PER_TARGET;
  const origin = options.origin ?? 'IBM security group rules';
  const groups = Math.max(minimum, Math.ceil(rules.length / capacity));
  if (groups > maximum) {
    throw limitExceeded(
      `Security groups needed for ${rules.length} rules at ${capacity} rules per group`,
      groups,
      maximum,
      origin,
      `A worker can carry at most ${IBM_SECURITY_GROUPS_PER_TARGET} security groups, the cluster's own included. ` +
        'Filter the requirement set, or list fewer, wider peer CIDRs.',
    );
  }
  const fill = new Array<number>(groups + 1).fill(0);
  const slotOf: Record<string, number> = {};
  for (const rule of [...rules].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))) {
    const ranking = Array.from({ length: groups }, (_, i) => ({ slot: i + 1, score: contentHash(rule.key, `slot-${i + 1}`) }))
      .sort((a, b) => (a.score < b.score ? 1 : a.score > b.score ? -1 : a.slot - b.slot))
      .map((r) => r.slot);
    // groups * capacity >= rules.length, so some slot always has room.
    const slot = ranking.find((s) => fill[s] < capacity)!;
    fill[slot]++;
    slotOf[rule.key] = slot;
  }
  return { groups, slotOf };
}

/** The group options of the IBM target, checked (the construct's props and the export target's options). */
export interface IbmGroupOptions {
  /** Name prefix of created groups; group n is `<prefix>-<n>`. */
  readonly groupNamePrefix: string;
  /** Tags of created groups (literals or references). */
  readonly tags?: string[];
  readonly minimumGroups: number;
  readonly maximumGroups: number;
  readonly reservedRulesPerGroup: number;
  readonly allowNodePortsFromAnywhere: boolean;
  readonly allowAnyAddress: boolean;
  readonly narrowAnyProtocol: boolean;
}

/** The raw group options, as a caller gave them (unchecked). */
export interface IbmGroupOptionInput {
  readonly groupNamePrefix?: unknown;
  readonly tags?: unknown;
  readonly minimumGroups?: unknown;
  readonly maximumGroups?: unknown;
  readonly reservedRulesPerGroup?: unknown;
  readonly allowNodePortsFromAnywhere?: unknown;
  readonly allowAnyAddress?: unknown;
  readonly narrowAnyProtocol?: unknown;
}

/** Names of the options `checkIbmGroupOptions` reads. */
export const IBM_GROUP_OPTION_NAMES: readonly string[] = [
  'groupNamePrefix',
  'tags',
  'minimumGroups',
  'maximumGroups',
  'reservedRulesPerGroup',
  'allowNodePortsFromAnywhere',
  'allowAnyAddress',
  'narrowAnyProtocol',
];

/**
 * Checks the group options shared by `IbmSecurityGroupRules` and the `ibm-security-group-rules` export target.
 * @param existingGroup when rules go into an existing group: the option that says so (e.g. `securityGroupId`) and
 *   the way back to created groups; options that only shape created groups are then refused
 */
export function checkIbmGroupOptions(check: InputCheck, input: IbmGroupOptionInput, existingGroup?: { readonly option: string; readonly instead: string }): IbmGroupOptions {
  if (existingGroup) {
    for (const name of ['groupNamePrefix', 'tags', 'minimumGroups', 'maximumGroups'] as const) {
      const value = input[name];
      if (value === undefined) continue;
      throw invalidValue(
        name,
        describeValue(value),
        check.where(name),
        `${name} applies to groups that are created; with ${existingGroup.option} no group is created. Remove it or ${existingGroup.instead}.`,
      );
    }
  }
  const groupNamePrefix =
    check.optionalString('groupNamePrefix', input.groupNamePrefix, {
      allowReference: false,
      hint: 'Give a literal prefix of lower-case letters, digits and hyphens, e.g. "k8s-node-ports".',
    }) ?? DEFAULT_GROUP_NAME_PREFIX;
  // Validate the longest name the prefix can produce.
  validateIbmName(`${groupNamePrefix}-${IBM_SECURITY_GROUPS_PER_TARGET}`, 'security group name (from groupNamePrefix)', check.where('groupNamePrefix'));
  const tags = input.tags === undefined ? undefined : check.stringArray('tags', input.tags);
  const reservedRulesPerGroup = check.integer('reservedRulesPerGroup', input.reservedRulesPerGroup, { min: 0, max: IBM_RULES_PER_SECURITY_GROUP - 1, default: 0 });
  const minimumGroups = check.integer('minimumGroups', input.minimumGroups, { min: 1, max: IBM_SECURITY_GROUPS_PER_TARGET, default: 1 });
  const maximumGroups = check.integer('maximumGroups', input.maximumGroups, { min: 1, max: IBM_SECURITY_GROUPS_PER_TARGET, default: IBM_SECURITY_GROUPS_PER_TARGET });
  if (minimumGroups > maximumGroups) {
    throw invalidValue('minimumGroups', String(minimumGroups), check.where('minimumGroups'), `minimumGroups must not exceed maximumGroups (${maximumGroups}).`);
  }
  return {
    groupNamePrefix,
    tags,
    minimumGroups,
    maximumGroups,
    reservedRulesPerGroup,
    allowNodePortsFromAnywhere: check.boolean('allowNodePortsFromAnywhere', input.allowNodePortsFromAnywhere, false),
    allowAnyAddress: check.boolean('allowAnyAddress', input.allowAnyAddress, false),
    narrowAnyProtocol: check.boolean('narrowAnyProtocol', input.narrowAnyProtocol, false),
  };
}

/** Where the rules go: one existing group, or groups that are created. */
export interface IbmGroupTarget {
  /**
   * The existing group, as errors name it (its ID or the variable that holds it).
   * @default - none: groups are created
   */
  readonly existingGroup?: string;
  /** How to get past 250 rules in the existing group, in the words of the caller's options. @default - created groups */
  readonly existingGroupWayOut?: string;
  /** Named in errors, e.g. the construct path. */
  readonly origin: string;
}

/** The rules, the groups they need and which group each rule goes to. */
export interface IbmSecurityGroupPlan extends IbmRulePlan {
  /** Names of the groups to create, group 1 first (empty with an existing group). */
  readonly groupNames: readonly string[];
  /** Group number (1-based) by rule key (empty with an existing group). */
  readonly slotOf: Readonly<Record<string, number>>;
}

/**
 * The whole plan of the IBM target, shared by `IbmSecurityGroupRules` and the `ibm-security-group-rules` export
 * target: the rules (`planIbmRules`), every rule checked against what the provider accepts, and their groups (an
 * existing group up to 250 rules with the reserved ones, or as many created groups as the rules need, spread stably
 * by `assignToGroups`).
 */
export function planIbmSecurityGroups(set: RequirementSet, options: IbmGroupOptions, target: IbmGroupTarget): IbmSecurityGroupPlan {
  const { origin } = target;
  const plan = planIbmRules(set, {
    allowNodePortsFromAnywhere: options.allowNodePortsFromAnywhere,
    allowAnyAddress: options.allowAnyAddress,
    narrowAnyProtocol: options.narrowAnyProtocol,
    origin,
  });
  for (const rule of plan.rules) {
    // Fails here, not halfway through creating resources, should a planned rule ever be invalid.
    validateRuleConfig(
      { group: 'planned', direction: rule.direction, remote: rule.remote, name: rule.name, protocol: rule.protocol, portMin: rule.portMin, portMax: rule.portMax },
      `${origin} rule ${rule.name}`,
    );
  }
  const reserved = options.reservedRulesPerGroup;
  if (target.existingGroup !== undefined) {
    const total = plan.rules.length + reserved;
    if (total > IBM_RULES_PER_SECURITY_GROUP) {
      throw limitExceeded(
        `Rules for security group ${target.existingGroup} (${plan.rules.length} planned + ${reserved} reserved)`,
        total,
        IBM_RULES_PER_SECURITY_GROUP,
        origin,
        target.existingGroupWayOut ?? 'Let the rules go into created groups so that they are split over several groups, or filter the requirement set.',
      );
    }
    return { ...plan, groupNames: [], slotOf: {} };
  }
  const assignment = assignToGroups(plan.rules, {
    capacity: IBM_RULES_PER_SECURITY_GROUP - reserved,
    minimumGroups: options.minimumGroups,
    maximumGroups: options.maximumGroups,
    origin,
  });
  const groupNames = Array.from({ length: assignment.groups }, (_, i) => `${options.groupNamePrefix}-${i + 1}`);
  return { ...plan, groupNames, slotOf: assignment.slotOf };
}
