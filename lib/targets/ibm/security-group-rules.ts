import { TerraformOutput, TerraformProvider, Token } from 'cdktf';
import { Construct } from 'constructs';
import { invalidValue, limitExceeded, missingOption } from '../../model/errors';
import { RequirementRecord, toRecord } from '../../model/requirement-record';
import { RequirementSet } from '../../model/requirement-set';
import { terraformLiteral } from '../terraform-text';
import { validateIbmName } from './ibm-validation';
import {
  assignToGroups,
  FIREWALL_METADATA_KEY,
  IBM_RULES_PER_SECURITY_GROUP,
  IBM_SECURITY_GROUPS_PER_TARGET,
  IbmPlannedRule,
  planIbmRules,
} from './rule-plan';
import { IbmIsSecurityGroup } from './security-group';
import { IbmIsSecurityGroupRule, validateRuleConfig } from './security-group-rule';

/** Properties of `IbmSecurityGroupRules`. */
export interface IbmSecurityGroupRulesProps {
  /** The requirements to allow, e.g. `ibmVpcProfile({...})` or any set with IPv4 CIDR peers. */
  readonly requirements: RequirementSet;
  /**
   * ID of an existing security group to add every rule to. The construct then fails, with the count, when the
   * rules (plus `reservedRulesPerGroup`) exceed 250. Give exactly one of `securityGroupId` and `vpcId`.
   * @default - none: groups are created in `vpcId`
   */
  readonly securityGroupId?: string;
  /**
   * ID of the VPC to create security groups in. The construct creates as many groups as the rules need (250 rules
   * each) and spreads the rules over them stably. Give exactly one of `securityGroupId` and `vpcId`.
   * @default - none: rules go into `securityGroupId`
   */
  readonly vpcId?: string;
  /**
   * Name prefix of created groups; group n is named `<prefix>-<n>`.
   * @default 'k8s-firewall'
   */
  readonly groupNamePrefix?: string;
  /**
   * Resource group ID of created groups.
   * @default - the provider's resource group
   */
  readonly resourceGroupId?: string;
  /**
   * Tags of created groups.
   * @default - no tags
   */
  readonly tags?: string[];
  /**
   * Create at least this many groups, so that growth up to `minimumGroups * 250` rules never adds a group
   * (adding a group moves about 1/n of the rules to it).
   * @default 1
   */
  readonly minimumGroups?: number;
  /**
   * Fail when more groups than this are needed. A worker carries at most 5 security groups, the cluster's own
   * groups included, so lower this to what is left on your workers.
   * @default 5
   */
  readonly maximumGroups?: number;
  /**
   * Rules per group kept free for rules managed elsewhere (those already in an existing group); they count
   * towards the limit of 250.
   * @default 0
   */
  readonly reservedRulesPerGroup?: number;
  /**
   * Also allow inbound TCP 30000-32767 from 0.0.0.0/0. Off by default: node ports open only to the CIDRs the
   * requirements name (the cluster's subnets).
   * @default false
   */
  readonly allowNodePortsFromAnywhere?: boolean;
  /**
   * Provider for the created resources.
   * @default - the stack's default `ibm` provider
   */
  readonly provider?: TerraformProvider;
}

/** Default name prefix of created groups. */
export const DEFAULT_GROUP_NAME_PREFIX = 'k8s-firewall';

/**
 * Renders a requirement set into IBM Cloud VPC security group rules: one `ibm_is_security_group_rule` per IPv4
 * CIDR peer and port range (inbound for ingress requirements, outbound for egress), in an existing group or in
 * groups it creates (split at 250 rules per group).
 *
 * IBM security groups match addresses only, so domain-name requirements (registries, IBM Cloud endpoints) become
 * `fqdnRequirements` and the Terraform output `fqdn-requirements`, for the team that runs the proxy or firewall;
 * other rows a catalog marks for another firewall (metadata `firewall: corporate`) likewise become
 * `otherFirewallRequirements` and the output `other-firewall-requirements`. Nothing is dropped silently.
 * Everything is validated before the first resource is created.
 */
export class IbmSecurityGroupRules extends Construct {
  /** The planned rules, sorted by content key. */
  public readonly plannedRules: readonly IbmPlannedRule[];
  /** The rule resources, in the order of `plannedRules`. */
  public readonly rules: readonly IbmIsSecurityGroupRule[];
  /** The groups this construct created (empty when given `securityGroupId`), group 1 first. */
  public readonly securityGroups: readonly IbmIsSecurityGroup[];
  /** IDs of every group that holds rules (the given one, or the created ones): attach these to the workers. */
  public readonly securityGroupIds: readonly string[];
  /** Domain-name requirements IBM security groups cannot express, as records for a proxy or firewall team. */
  public readonly fqdnRequirements: readonly RequirementRecord[];
  /** The Terraform output listing `fqdnRequirements` (always present, an empty list when there are none). */
  public readonly fqdnOutput: TerraformOutput;
  /**
   * Requirements other than domain names that a catalog marks for another firewall (metadata `firewall`, e.g.
   * `corporate` for the administrators' network): not rendered here, listed for that firewall's team.
   */
  public readonly otherFirewallRequirements: readonly RequirementRecord[];
  /** The Terraform output listing `otherFirewallRequirements` (always present, an empty list when there are none). */
  public readonly otherFirewallOutput: TerraformOutput;
  /** Group number (1-based, as in the group name) of each rule name; empty with `securityGroupId`. */
  public readonly groupOfRule: Readonly<Record<string, number>>;

  constructor(scope: Construct, id: string, props: IbmSecurityGroupRulesProps) {
    // Validate and plan before joining the construct tree: bad input leaves no trace, not even an empty node.
    const origin = `IbmSecurityGroupRules ${[scope.node.path, id].filter((p) => p !== '').join('/')}`;
    validateProps(props, origin);
    const plan = planIbmRules(props.requirements, { allowNodePortsFromAnywhere: props.allowNodePortsFromAnywhere, origin });
    const reserved = props.reservedRulesPerGroup ?? 0;
    const capacity = IBM_RULES_PER_SECURITY_GROUP - reserved;
    let groupCount = 1;
    let slotOf: Readonly<Record<string, number>> = {};
    if (props.securityGroupId !== undefined) {
      const total = plan.rules.length + reserved;
      if (total > IBM_RULES_PER_SECURITY_GROUP) {
        throw limitExceeded(
          `Rules for security group ${props.securityGroupId} (${plan.rules.length} planned + ${reserved} reserved)`,
          total,
          IBM_RULES_PER_SECURITY_GROUP,
          origin,
          'Give vpcId instead of securityGroupId so that the rules are split over several created groups, or filter the requirement set.',
        );
      }
    } else {
      const assignment = assignToGroups(plan.rules, {
        capacity,
        minimumGroups: props.minimumGroups,
        maximumGroups: props.maximumGroups,
        origin,
      });
      groupCount = assignment.groups;
      slotOf = assignment.slotOf;
    }
    const prefix = props.groupNamePrefix ?? DEFAULT_GROUP_NAME_PREFIX;
    for (const rule of plan.rules) {
      // Fails here, not halfway through creating resources, should a planned rule ever be invalid.
      validateRuleConfig({ group: 'planned', direction: rule.direction, remote: rule.remote, name: rule.name, protocol: rule.protocol, portMin: rule.portMin, portMax: rule.portMax }, `${origin} rule ${rule.name}`);
    }

    super(scope, id);
    const groups: IbmIsSecurityGroup[] = [];
    if (props.vpcId !== undefined) {
      for (let slot = 1; slot <= groupCount; slot++) {
        groups.push(
          new IbmIsSecurityGroup(this, `security-group-${slot}`, {
            vpc: props.vpcId,
            name: `${prefix}-${slot}`,
            resourceGroup: props.resourceGroupId,
            tags: props.tags,
            provider: props.provider,
          }),
        );
      }
    }
    // One id token per group: every attribute read creates a new token (and captures a stack trace).
    const groupIds = props.securityGroupId !== undefined ? [props.securityGroupId] : groups.map((g) => g.id);
    const groupIdOf = (key: string): string => (props.securityGroupId !== undefined ? groupIds[0] : groupIds[slotOf[key] - 1]);

    this.plannedRules = plan.rules;
    this.rules = plan.rules.map(
      (rule) =>
        new IbmIsSecurityGroupRule(this, rule.name, {
          group: groupIdOf(rule.key),
          direction: rule.direction,
          remote: rule.remote,
          name: rule.name,
          protocol: rule.protocol,
          portMin: rule.portMin,
          portMax: rule.portMax,
          provider: props.provider,
        }),
    );
    this.securityGroups = groups;
    this.groupOfRule = Object.fromEntries(plan.rules.filter((r) => r.key in slotOf).map((r) => [r.name, slotOf[r.key]]));
    this.securityGroupIds = groupIds;
    this.fqdnRequirements = plan.fqdnRequirements.map(toRecord);
    this.fqdnOutput = new TerraformOutput(this, 'fqdn-requirements', {
      description:
        'Domain names IBM VPC security groups cannot express: allow them on the proxy or firewall their "firewall" field names, or else on the egress proxy or firewall in front of the cluster.',
      value: this.fqdnRequirements.map(outputEntry),
    });
    this.otherFirewallRequirements = plan.otherFirewallRequirements.map(toRecord);
    this.otherFirewallOutput = new TerraformOutput(this, 'other-firewall-requirements', {
      description: 'Requirements a catalog marks for another firewall (the "firewall" field), not for the VPC security group: allow them there.',
      value: this.otherFirewallRequirements.map(outputEntry),
    });
  }
}

/** One requirement as the outputs list it: flat, readable fields for a network team (Terraform-literal text). */
function outputEntry(r: RequirementRecord): Record<string, string> {
  const firewall = r.metadata?.[FIREWALL_METADATA_KEY];
  const entry: Record<string, string> = {
    direction: r.direction,
    peer: r.peer.value,
    protocol: r.protocol,
    ports: r.ports.join(','),
    purpose: r.purpose,
    necessity: r.necessity,
    ...(firewall !== undefined ? { firewall } : {}),
    source: r.source,
    url: r.provenance.url,
  };
  return Object.fromEntries(Object.entries(entry).map(([key, value]) => [key, terraformLiteral(value)]));
}

function validateProps(props: IbmSecurityGroupRulesProps, origin: string): void {
  if (!(props.requirements instanceof RequirementSet)) {
    throw invalidValue('requirements', String(props.requirements), origin, 'Pass a RequirementSet, e.g. ibmVpcProfile({ region, subnetCidrs }).');
  }
  const hasGroup = props.securityGroupId !== undefined;
  const hasVpc = props.vpcId !== undefined;
  if (hasGroup === hasVpc) {
    if (hasGroup) {
      throw invalidValue(
        'combination of securityGroupId and vpcId',
        `${props.securityGroupId} / ${props.vpcId}`,
        origin,
        'Give securityGroupId to add rules to an existing group, or vpcId to let the construct create groups, not both.',
      );
    }
    throw missingOption('securityGroupId or vpcId', origin, 'the rules need a security group', 'vpcId: "r006-..." (groups are created) or securityGroupId: "r006-..."');
  }
  for (const [name, value] of [['securityGroupId', props.securityGroupId], ['vpcId', props.vpcId]] as const) {
    if (value !== undefined && !Token.isUnresolved(value) && value.trim() === '') {
      throw invalidValue(name, value, origin, `Give the ${name === 'vpcId' ? 'VPC' : 'security group'} ID.`);
    }
  }
  if (hasGroup) {
    for (const [name, value] of [['groupNamePrefix', props.groupNamePrefix], ['resourceGroupId', props.resourceGroupId], ['tags', props.tags], ['minimumGroups', props.minimumGroups], ['maximumGroups', props.maximumGroups]] as const) {
      if (value !== undefined) {
        throw invalidValue(name, String(value), origin, `${name} applies to groups the construct creates; with securityGroupId no group is created. Remove it or give vpcId instead.`);
      }
    }
  }
  const prefix = props.groupNamePrefix ?? DEFAULT_GROUP_NAME_PREFIX;
  // Validate the longest name the prefix can produce.
  validateIbmName(`${prefix}-${IBM_SECURITY_GROUPS_PER_TARGET}`, 'security group name (from groupNamePrefix)', origin);
  checkCount('reservedRulesPerGroup', props.reservedRulesPerGroup, 0, IBM_RULES_PER_SECURITY_GROUP - 1, origin);
  checkCount('minimumGroups', props.minimumGroups, 1, IBM_SECURITY_GROUPS_PER_TARGET, origin);
  checkCount('maximumGroups', props.maximumGroups, 1, IBM_SECURITY_GROUPS_PER_TARGET, origin);
  if ((props.minimumGroups ?? 1) > (props.maximumGroups ?? IBM_SECURITY_GROUPS_PER_TARGET)) {
    throw invalidValue('minimumGroups', String(props.minimumGroups), origin, `minimumGroups must not exceed maximumGroups (${props.maximumGroups}).`);
  }
}

function checkCount(name: string, value: number | undefined, min: number, max: number, origin: string): void {
  if (value === undefined) return;
  if (!Number.isInteger(value) || value < min || value > max) {
    throw invalidValue(name, String(value), origin, `${name} is a whole number from ${min} to ${max}.`);
  }
}
