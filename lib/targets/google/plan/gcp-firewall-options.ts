import { FirewallRequirementsError, invalidValue } from '../../../model/errors';
import { describeValue, InputCheck } from '../../../model/input';
import { LIMITS } from '../../../plan/limits';

// The checked options of GcpFirewall (shared by the construct and the export target), the GCP limits they are
// checked against, and the target choice (network tags or service accounts). No cdktf here.

/** Characters kept in rule descriptions (printable ASCII). */
export const GCP_DESCRIPTION_CHARACTERS = '\\x20-\\x7E';

/** Longest description written; kept short so a rule list stays readable. */
export const GCP_DESCRIPTION_MAX_LENGTH = 256;

/** Names of Compute Engine resources: RFC 1035, 1-63 characters. */
export const GCP_NAME_MAX_LENGTH = 63;

/** How many priorities, from `policyPriorityStart` on, the egress allow rules of one GcpFirewall are spread over. */
export const GCP_POLICY_PRIORITY_SLOTS = 10000;

/** @deprecated use GCP_POLICY_PRIORITY_SLOTS */
export const GCP_FQDN_PRIORITY_SLOTS = GCP_POLICY_PRIORITY_SLOTS;

/** Highest network firewall policy rule priority number (the lowest precedence). */
export const GCP_POLICY_PRIORITY_MAX = 2147483647;

/**
 * The first priority number of the predefined rules every network firewall policy carries (egress `::/0`
 * goto_next at 2147483644, ingress `::/0` at 2147483645, egress and ingress `0.0.0.0/0` at 2147483646 and
 * 2147483647); they cannot be modified or deleted, so a user rule must come before them.
 */
export const GCP_POLICY_PREDEFINED_PRIORITY_START = 2147483644;

/**
 * Default priority of the IPv4 egress deny (the IPv6 deny takes the next number): the last two priorities before
 * the predefined rules, so every allow in the policy comes before the deny.
 */
export const GCP_DEFAULT_DENY_PRIORITY = GCP_POLICY_PREDEFINED_PRIORITY_START - 2;

/** Default first priority of the egress allow rules. */
export const GCP_DEFAULT_POLICY_PRIORITY_START = 10000;

/** Network firewall policy rule: `dest_ip_ranges` per rule (provider documentation). */
export const GCP_DEST_IP_RANGES_PER_POLICY_RULE = 5000;

/** `namePrefix`: leaves room for the rule name suffixes within 63 characters. */
const NAME_PREFIX = /^[a-z][a-z0-9-]{0,19}$/;

/** A network tag: RFC 1035 label, 1-63 characters. */
const NETWORK_TAG = /^[a-z]([-a-z0-9]{0,61}[a-z0-9])?$/;

/** Every prop `GcpFirewall` takes (unknown keys are refused with did-you-mean). */
export const GCP_FIREWALL_PROPS: readonly string[] = [
  'requirementSets',
  'requirements',
  'network',
  'project',
  'namePrefix',
  'priority',
  'targetTags',
  'targetServiceAccounts',
  'firewallPolicy',
  'policyPriorityStart',
  'fqdnPriorityStart',
  'denyOtherEgress',
  'denyPriority',
  'enableLogging',
  'allowAnyAddress',
];

/** The options the plan depends on, checked. Resource ids (network, project, service accounts) are not here. */
export interface GcpFirewallPlanOptions {
  readonly namePrefix: string;
  /** Priority of the ingress VPC firewall rules. */
  readonly priority: number;
  /** Whether the rules target network tags (which network firewall policy rules cannot). */
  readonly hasTargetTags: boolean;
  /** Whether an existing policy was given (no policy or association is created). */
  readonly existingPolicy: boolean;
  readonly policyPriorityStart: number;
  readonly denyOtherEgress: boolean;
  readonly denyPriority: number;
  readonly enableLogging: boolean;
  readonly allowAnyAddress: boolean;
}

/**
 * Checks the plan options among a props object (runtime types, ranges, their consistency). Shared by the construct
 * and the export target so both refuse the same input with the same message.
 * @param props the props (construct) or `spec.target` (export); unknown keys must have been refused before
 * @param existingPolicy whether `firewallPolicy` was given
 * @param hasTargetTags whether `targetTags` holds at least one tag
 */
export function checkGcpFirewallPlanOptions(check: InputCheck, props: Readonly<Record<string, unknown>>, existingPolicy: boolean, hasTargetTags: boolean): GcpFirewallPlanOptions {
  const namePrefix =
    check.optionalString('namePrefix', props.namePrefix, {
      allowReference: false,
      pattern: NAME_PREFIX,
      hint: 'Start with a lower-case letter and use up to 20 lower-case letters, digits and hyphens (GCP names follow RFC 1035).',
    }) ?? 'fwreq';
  const priority = check.integer('priority', props.priority, {
    min: 0,
    max: LIMITS.gcpFirewallPriorityMax,
    default: 1000,
    hint: `A VPC firewall rule priority is a whole number from 0 to ${LIMITS.gcpFirewallPriorityMax}.`,
  });
  if (props.policyPriorityStart !== undefined && props.fqdnPriorityStart !== undefined) {
    throw new FirewallRequirementsError(
      'conflicting-options',
      `Conflicting options policyPriorityStart (${describeValue(props.policyPriorityStart)}) and fqdnPriorityStart (${describeValue(props.fqdnPriorityStart)})`,
      `${String(props.policyPriorityStart)} / ${String(props.fqdnPriorityStart)}`,
      check.where('fqdnPriorityStart'),
      'fqdnPriorityStart is the deprecated name of policyPriorityStart: give only policyPriorityStart.',
    );
  }
  const startName = props.fqdnPriorityStart !== undefined ? 'fqdnPriorityStart' : 'policyPriorityStart';
  const maxStart = GCP_POLICY_PREDEFINED_PRIORITY_START - 2 - GCP_POLICY_PRIORITY_SLOTS;
  const policyPriorityStart = check.integer(startName, props[startName], {
    min: 0,
    max: maxStart,
    default: GCP_DEFAULT_POLICY_PRIORITY_START,
    hint: `Give a whole number from 0 to ${maxStart}, so that the ${GCP_POLICY_PRIORITY_SLOTS} allow priorities from it and the two deny priorities after them stay before the policy's predefined rules (${GCP_POLICY_PREDEFINED_PRIORITY_START} on).`,
  });
  const denyOtherEgress = check.boolean('denyOtherEgress', props.denyOtherEgress, true);
  const firstDeny = policyPriorityStart + GCP_POLICY_PRIORITY_SLOTS;
  const denyPriority = check.integer('denyPriority', props.denyPriority, {
    min: firstDeny,
    max: GCP_DEFAULT_DENY_PRIORITY,
    default: GCP_DEFAULT_DENY_PRIORITY,
    hint: `The egress deny must come after every allow of the policy: give a whole number from ${firstDeny} (after the allow priorities ${policyPriorityStart}-${firstDeny - 1}) to ${GCP_DEFAULT_DENY_PRIORITY} (the IPv6 deny takes the next number, before the predefined rules at ${GCP_POLICY_PREDEFINED_PRIORITY_START}).`,
  });
  if (props.denyPriority !== undefined && !denyOtherEgress) {
    throw new FirewallRequirementsError(
      'conflicting-options',
      `Conflicting options denyPriority (${describeValue(props.denyPriority)}) and denyOtherEgress: false`,
      String(props.denyPriority),
      check.where('denyPriority'),
      'denyPriority places the egress deny, which denyOtherEgress: false leaves out: drop one of them.',
    );
  }
  if (hasTargetTags && denyOtherEgress) {
    throw invalidValue(
      'targetTags with denyOtherEgress',
      'true',
      check.where('targetTags'),
      'The egress deny is a network firewall policy rule, which cannot target network tags (it would deny the egress of every instance in the network): use targetServiceAccounts, or set denyOtherEgress: false and deny egress yourself.',
    );
  }
  return {
    namePrefix,
    priority,
    hasTargetTags,
    existingPolicy,
    policyPriorityStart,
    denyOtherEgress,
    denyPriority,
    enableLogging: check.boolean('enableLogging', props.enableLogging, false),
    allowAnyAddress: check.boolean('allowAnyAddress', props.allowAnyAddress, false),
  };
}

/** Checks `targetTags` (network tags, literal RFC 1035 labels). */
export function checkTargetTags(check: InputCheck, value: unknown): string[] {
  const tags = check.stringArray('targetTags', value, { optional: true });
  tags.forEach((tag, i) => {
    if (!NETWORK_TAG.test(tag) && !tag.includes('${') && !tag.includes('#{TfToken[')) {
      throw invalidValue('network tag', tag, `${check.where('targetTags')}[${i}]`, 'A network tag is 1-63 lower-case letters, digits and hyphens, starting with a letter and not ending with a hyphen.');
    }
  });
  return tags;
}

/** Refuses network tags together with service accounts (a rule targets one kind). */
export function checkTargetChoice(check: InputCheck, tags: readonly string[], serviceAccounts: readonly string[]): void {
  if (tags.length > 0 && serviceAccounts.length > 0) {
    throw invalidValue(
      'targetTags with targetServiceAccounts',
      `${tags.join(',')} / ${serviceAccounts.join(',')}`,
      check.where('targetTags'),
      'A rule targets network tags or service accounts, not both: give one of them.',
    );
  }
}
