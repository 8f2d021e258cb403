import { SecurityGroup } from '@cdktf/provider-aws/lib/security-group';
import { VpcSecurityGroupEgressRule } from '@cdktf/provider-aws/lib/vpc-security-group-egress-rule';
import { VpcSecurityGroupIngressRule } from '@cdktf/provider-aws/lib/vpc-security-group-ingress-rule';
import { Construct } from 'constructs';
import { IpVersion } from '../../model/cidr';
import { invalidValue, limitExceeded } from '../../model/errors';
import { Direction } from '../../model/protocol';
import { RequirementSet } from '../../model/requirement-set';
import { LIMITS } from '../../plan/limits';
import {
  assertFitsOneGroup,
  assertPositiveInteger,
  AWS_SG_TEXT_CHARACTERS,
  layoutSecurityGroups,
  planSecurityGroupRules,
  SecurityGroupPlan,
} from './security-group-plan';

/** Default quota of security groups per network interface (adjustable up to 16). */
export const AWS_SECURITY_GROUPS_PER_INTERFACE = 5;
/** AWS: rules per group multiplied by groups per network interface cannot exceed this. */
export const AWS_RULES_TIMES_GROUPS_MAX = 1000;

const ORIGIN = 'SecurityGroupRules';

/** Properties of `SecurityGroupRules`. */
export interface SecurityGroupRulesProps {
  /** The CIDR flows to allow. Domain names are refused: use `NetworkFirewallDomainAllowlist` for them. */
  readonly requirements: RequirementSet;
  /**
   * An existing security group to put every rule in. Give this or `vpcId`, not both. The construct cannot
   * spread rules over a group it does not own, so it fails when they exceed `rulesPerGroup`.
   * @default - none: the construct creates its own groups in `vpcId`
   */
  readonly securityGroupId?: string;
  /**
   * The VPC in which the construct creates and owns its security groups, as many as the rules need.
   * @default - none: every rule goes into `securityGroupId`
   */
  readonly vpcId?: string;
  /**
   * Rules per group per direction and IP version (the "Inbound or outbound rules per security group" quota).
   * Raise it only after raising the quota.
   * @default 60
   */
  readonly rulesPerGroup?: number;
  /**
   * Most groups the construct may create. They all go on the same network interfaces, which take 5 groups by
   * default (up to 16 after a quota increase), including any other groups the nodes have. The stable spreading
   * fills groups to about two thirds on average (see `layoutSecurityGroups`).
   * @default 5
   */
  readonly maxGroups?: number;
  /**
   * Name of the first group the construct creates; further groups get a `-<suffix>`.
   * @default - a unique name derived from the construct path
   */
  readonly groupName?: string;
  /**
   * Tags for every group and rule.
   * @default {}
   */
  readonly tags?: Record<string, string>;
  /**
   * Whether a requirement may allow every address (`0.0.0.0/0` or `::/0`, or networks that together cover them
   * all). Without it such a peer is refused: least privilege means naming the networks a flow needs. Opt in when
   * something else narrows the traffic, e.g. HTTPS out to any address behind a firewall that filters by host name.
   * @default false
   */
  readonly allowAnyAddress?: boolean;
}

/**
 * Allows the CIDR flows of a requirement set in AWS security groups: one `aws_vpc_security_group_ingress_rule`
 * or `_egress_rule` per aggregated CIDR, protocol and port range, with construct ids derived from that content.
 *
 * Quota-aware: when the construct owns the groups (`vpcId`), it spreads the rules over as many
 * `aws_security_group`s as needed with a stable placement (see `layoutSecurityGroups`); with an existing group
 * (`securityGroupId`) it fails with the count and the limit.
 *
 * Least privilege: a peer that is every address (`0.0.0.0/0`, `::/0`) is refused unless `allowAnyAddress` is set.
 */
export class SecurityGroupRules extends Construct {
  /** The groups the construct created (empty with `securityGroupId`), first group first. */
  public readonly securityGroups: SecurityGroup[] = [];
  /** Ids of the groups the rules are in: attach these to the nodes. */
  public readonly securityGroupIds: string[] = [];
  /** The inbound rules, sorted by content. */
  public readonly ingressRules: VpcSecurityGroupIngressRule[] = [];
  /** The outbound rules, sorted by content. */
  public readonly egressRules: VpcSecurityGroupEgressRule[] = [];

  constructor(scope: Construct, id: string, props: SecurityGroupRulesProps) {
    super(scope, id);
    if (!(props.requirements instanceof RequirementSet)) {
      throw invalidValue('requirements', String(props.requirements), ORIGIN, 'Give a RequirementSet, e.g. a profile or RequirementSet.of([...]).');
    }
    const rulesPerGroup = props.rulesPerGroup ?? LIMITS.awsRulesPerSecurityGroup;
    assertPositiveInteger('rulesPerGroup', rulesPerGroup, ORIGIN, `Give the quota of rules per security group, e.g. ${LIMITS.awsRulesPerSecurityGroup}.`);
    const hasGroup = typeof props.securityGroupId === 'string' && props.securityGroupId.trim() !== '';
    const hasVpc = typeof props.vpcId === 'string' && props.vpcId.trim() !== '';
    if (hasGroup === hasVpc) {
      throw invalidValue(
        'securityGroupId/vpcId',
        hasGroup ? `${props.securityGroupId} / ${props.vpcId}` : '(neither)',
        ORIGIN,
        'Give securityGroupId to add the rules to an existing group, or vpcId to let the construct create and own its groups; exactly one of them.',
      );
    }
    const rules = planSecurityGroupRules(props.requirements.assertResolved().requirements, 'NetworkFirewallDomainAllowlist', props.allowAnyAddress === true);
    const tags = props.tags && Object.keys(props.tags).length > 0 ? { tags: { ...props.tags } } : {};

    let groups: SecurityGroupPlan[];
    const groupIds = new Map<string, string>();
    if (hasGroup) {
      assertFitsOneGroup(rules, rulesPerGroup, props.securityGroupId as string);
      groups = [{ suffix: '', rules }];
      groupIds.set('', props.securityGroupId as string);
      this.securityGroupIds.push(props.securityGroupId as string);
    } else {
      const maxGroups = props.maxGroups ?? AWS_SECURITY_GROUPS_PER_INTERFACE;
      assertPositiveInteger('maxGroups', maxGroups, ORIGIN, `Give how many groups the nodes' network interfaces can take for these rules, e.g. ${AWS_SECURITY_GROUPS_PER_INTERFACE}.`);
      if (rulesPerGroup * maxGroups > AWS_RULES_TIMES_GROUPS_MAX) {
        throw invalidValue(
          'rulesPerGroup x maxGroups',
          `${rulesPerGroup} x ${maxGroups} = ${rulesPerGroup * maxGroups}`,
          ORIGIN,
          `AWS caps rules per group multiplied by groups per network interface at ${AWS_RULES_TIMES_GROUPS_MAX}: lower one of them.`,
        );
      }
      const name = props.groupName ?? defaultGroupName(this);
      validateGroupName(name);
      groups = layoutSecurityGroups(rules, rulesPerGroup);
      if (groups.length > maxGroups) {
        throw limitExceeded(
          `Security groups needed for ${rules.length} rules at ${rulesPerGroup} per group`,
          groups.length,
          maxGroups,
          `${ORIGIN} maxGroups`,
          'Raise the "Inbound or outbound rules per security group" quota and set rulesPerGroup, or raise the security groups per network interface quota (up to 16) and set maxGroups, or allow fewer, wider CIDRs.',
        );
      }
      for (const group of groups) {
        const sg = new SecurityGroup(this, group.suffix === '' ? 'Group' : `Group-${group.suffix}`, {
          name: group.suffix === '' ? name : `${name}-${group.suffix}`,
          description: 'Kubernetes firewall requirements',
          vpcId: props.vpcId,
          ...tags,
        });
        this.securityGroups.push(sg);
        this.securityGroupIds.push(sg.id);
        groupIds.set(group.suffix, sg.id);
      }
    }

    // Rules sit directly under this construct, ids from content: moving a rule to another group changes only
    // its security_group_id, never its address.
    const placed = groups
      .flatMap((g) => g.rules.map((rule) => ({ rule, groupId: groupIds.get(g.suffix) as string })))
      .sort((a, b) => (a.rule.key < b.rule.key ? -1 : 1));
    for (const { rule, groupId } of placed) {
      const config = {
        securityGroupId: groupId,
        ipProtocol: rule.ipProtocol,
        ...(rule.fromPort === undefined ? {} : { fromPort: rule.fromPort, toPort: rule.toPort }),
        ...(rule.cidr.version === IpVersion.IPV4 ? { cidrIpv4: rule.cidr.toString() } : { cidrIpv6: rule.cidr.toString() }),
        ...(rule.description ? { description: rule.description } : {}),
        ...tags,
      };
      if (rule.direction === Direction.INGRESS) this.ingressRules.push(new VpcSecurityGroupIngressRule(this, rule.id, config));
      else this.egressRules.push(new VpcSecurityGroupEgressRule(this, rule.id, config));
    }
  }
}

function defaultGroupName(scope: Construct): string {
  // The path without the stack's root, readable and unique within the app.
  const path = scope.node.path.replace(/[^a-zA-Z0-9._-]+/g, '-').replace(/^-+|-+$/g, '');
  return path.slice(-200) || 'firewall-requirements';
}

function validateGroupName(name: string): void {
  const disallowed = new RegExp(`[^${AWS_SG_TEXT_CHARACTERS}]`);
  if (name === '' || name.length > 200 || disallowed.test(name) || /^sg-/i.test(name)) {
    throw invalidValue(
      'groupName',
      name,
      ORIGIN,
      'Use 1-200 of the characters a-z A-Z 0-9 space and ._-:/()#,@[]+=&;{}!$*, not starting with sg- (further groups append a suffix).',
    );
  }
}
