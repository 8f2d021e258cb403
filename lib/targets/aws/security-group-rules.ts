import { KEEP_CDKTF_TOKENS, terraformText, terraformTextMap } from '../../model/terraform-text';
import { SecurityGroup } from '@cdktf/provider-aws/lib/security-group';
import { VpcSecurityGroupEgressRule } from '@cdktf/provider-aws/lib/vpc-security-group-egress-rule';
import { VpcSecurityGroupIngressRule } from '@cdktf/provider-aws/lib/vpc-security-group-ingress-rule';
import { Annotations } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import { IpVersion } from '../../model/cidr';
import { FirewallRequirementsError } from '../../model/errors';
import { Direction } from '../../model/protocol';
import { Requirement } from '../../model/requirement';
import { RequirementSet } from '../../model/requirement-set';
import { describeElsewhere, selectNodeRequirements } from '../../plan/control-plane-access';
import { RequirementsConstruct } from '../requirements-construct';
import {
  assertSecurityGroupPeers,
  checkSecurityGroupOptions,
  planSecurityGroupLayout,
  SECURITY_GROUP_DESCRIPTION,
  SECURITY_GROUP_OPTION_NAMES,
  SecurityGroupLayout,
  SecurityGroupOptions,
  securityGroupKey,
} from './plan/security-group-plan';

export { AWS_RULES_TIMES_GROUPS_MAX, AWS_SECURITY_GROUPS_PER_INTERFACE } from './plan/security-group-plan';

const NAME = 'SecurityGroupRules';
const DOMAIN_TARGET = 'NetworkFirewallDomainAllowlist';

/** Properties of `SecurityGroupRules`. */
export interface SecurityGroupRulesProps {
  /**
   * The requirement sets whose node flows to allow (more can be added with `addRequirements`). Rows that land on
   * the cluster API endpoint or on a service beside the cluster are skipped (see `skippedRequirements`); domain
   * names on the nodes are refused: allow them with `NetworkFirewallDomainAllowlist`.
   * @default []
   */
  readonly requirementSets?: RequirementSet[];
  /**
   * One requirement set, merged into `requirementSets`.
   * @deprecated use `requirementSets`
   * @default - none
   */
  readonly requirements?: RequirementSet;
  /**
   * An existing security group to put every rule in. Give this or `vpcId`, not both. The construct cannot
   * spread rules over a group it does not own, so it fails when they exceed `rulesPerGroup`.
   * @default - none: the construct creates its own groups in `vpcId`
   */
  readonly securityGroupId?: string;
  /**
   * The VPC in which the construct creates and owns its security groups, as many as the rules need. Two
   * `SecurityGroupRules` in the same VPC must not give their groups the same name (checked at synth).
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
   * Most groups the construct may create (with `vpcId` only). They all go on the same network interfaces, which
   * take 5 groups by default (up to 16 after a quota increase), including any other groups the nodes have. The
   * stable spreading fills groups to about two thirds on average (see `layoutSecurityGroups`).
   * @default 5
   */
  readonly maxGroups?: number;
  /**
   * Name of the first group the construct creates (with `vpcId` only); further groups get a `-<suffix>`. A literal.
   * @default - a name derived from the construct path
   */
  readonly groupName?: string;
  /**
   * Tags for every group and rule.
   * @default {}
   */
  readonly tags?: Record<string, string>;
  /**
   * Whether a flow may allow every address (`0.0.0.0/0` or `::/0`, or networks that together cover them all).
   * Without it such a peer is refused: least privilege means naming the networks a flow needs. Opt in when
   * something else narrows the traffic, e.g. HTTPS out to any address behind a firewall that filters by host name.
   * @default false
   */
  readonly allowAnyAddress?: boolean;
}

const PROP_NAMES = ['requirementSets', 'requirements', ...SECURITY_GROUP_OPTION_NAMES];

/**
 * Allows the node flows (CIDR peers) of requirement sets in AWS security groups: one
 * `aws_vpc_security_group_ingress_rule` or `_egress_rule` per aggregated CIDR, protocol and port range, with
 * construct ids derived from that content. Sets accumulate (`addRequirements`) until synth, when the rules render.
 *
 * What it lets through: exactly those flows, from the groups' network interfaces. What it drops: nothing by itself;
 * security groups only allow, and a network interface allows the union of its groups. Rows that land on the cluster
 * API endpoint (use `EksEndpointAccess`) or on a service beside the cluster are skipped and reported.
 *
 * Quota-aware: when the construct owns the groups (`vpcId`), it spreads the rules over as many
 * `aws_security_group`s as needed with a stable placement (see `layoutSecurityGroups`); with an existing group
 * (`securityGroupId`) it fails with the count and the limit.
 *
 * Least privilege: a peer that covers every address is refused unless `allowAnyAddress` is set.
 */
export class SecurityGroupRules extends RequirementsConstruct {
  private readonly options: SecurityGroupOptions;
  private readonly rendered = {
    securityGroups: [] as SecurityGroup[],
    securityGroupIds: [] as string[],
    ingressRules: [] as VpcSecurityGroupIngressRule[],
    egressRules: [] as VpcSecurityGroupEgressRule[],
    skipped: [] as Requirement[],
    groupNames: [] as string[],
  };

  constructor(scope: Construct, id: string, props: SecurityGroupRulesProps) {
    super(scope, id, NAME);
    const p = this.check.props(props, PROP_NAMES) as unknown as Record<string, unknown>;
    const sets = this.check.requirementSets('requirementSets', p.requirementSets, { optional: true });
    if (p.requirements !== undefined) sets.push(this.check.requirementSet('requirements', p.requirements));
    this.options = checkSecurityGroupOptions(this.check, p, defaultGroupName(this));
    this.addRequirements(...sets);
    this.node.addValidation({ validate: () => this.validateUniqueGroupNames() });
  }

  /** The groups the construct created (empty with `securityGroupId`), first group first. Renders first. */
  public get securityGroups(): SecurityGroup[] {
    this.render();
    return [...this.rendered.securityGroups];
  }

  /** Ids of the groups the rules are in: attach these to the nodes. Renders first. */
  public get securityGroupIds(): string[] {
    this.render();
    return [...this.rendered.securityGroupIds];
  }

  /** The inbound rules, sorted by content. Renders first. */
  public get ingressRules(): VpcSecurityGroupIngressRule[] {
    this.render();
    return [...this.rendered.ingressRules];
  }

  /** The outbound rules, sorted by content. Renders first. */
  public get egressRules(): VpcSecurityGroupEgressRule[] {
    this.render();
    return [...this.rendered.egressRules];
  }

  /**
   * Rows that do not land on the nodes (the cluster API endpoint, a service beside the cluster): never opened in a
   * node security group. Renders first.
   */
  public get skippedRequirements(): Requirement[] {
    this.render();
    return [...this.rendered.skipped];
  }

  /** The names of the groups the construct owns (empty with `securityGroupId`). Renders first. */
  public get groupNames(): string[] {
    this.render();
    return [...this.rendered.groupNames];
  }

  /** The VPC of the owned groups, as given (undefined with `securityGroupId`). */
  public get vpcId(): string | undefined {
    return this.options.vpcId;
  }

  protected validateRequirementSet(set: RequirementSet): void {
    // Peers of node rows that a security group cannot express fail at the call that added them.
    assertSecurityGroupPeers(selectNodeRequirements(set.requirements).nodes, DOMAIN_TARGET);
  }

  protected renderRequirements(requirements: RequirementSet): void {
    const layout: SecurityGroupLayout = planSecurityGroupLayout(requirements, this.options, this.check.owner, DOMAIN_TARGET);
    const tags = this.options.tags && Object.keys(this.options.tags).length > 0 ? { tags: terraformTextMap(this.options.tags, KEEP_CDKTF_TOKENS) } : {};
    const groupIds = new Map<string, string>();
    for (const group of layout.groups) {
      if (group.name === undefined) {
        groupIds.set(group.suffix, this.options.securityGroupId as string);
        this.rendered.securityGroupIds.push(this.options.securityGroupId as string);
        continue;
      }
      const sg = new SecurityGroup(this, securityGroupKey(group), { name: terraformText(group.name, KEEP_CDKTF_TOKENS), description: SECURITY_GROUP_DESCRIPTION, vpcId: this.options.vpcId, ...tags });
      this.rendered.securityGroups.push(sg);
      this.rendered.securityGroupIds.push(sg.id);
      this.rendered.groupNames.push(group.name);
      groupIds.set(group.suffix, sg.id);
    }
    // Rules sit directly under this construct, ids from content: moving a rule to another group changes only
    // its security_group_id, never its address.
    const placed = layout.groups
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
      if (rule.direction === Direction.INGRESS) this.rendered.ingressRules.push(new VpcSecurityGroupIngressRule(this, rule.id, config));
      else this.rendered.egressRules.push(new VpcSecurityGroupEgressRule(this, rule.id, config));
    }
    this.rendered.skipped.push(...layout.skippedRequirements);
    if (layout.skippedRequirements.length > 0) {
      Annotations.of(this).addInfo(describeElsewhere(`${NAME} ${this.node.path}`, layout.skippedRequirements));
    }
  }

  /** Security group names are unique per VPC: another `SecurityGroupRules` in the same VPC must not reuse one. */
  private validateUniqueGroupNames(): string[] {
    if (this.options.vpcId === undefined) return [];
    const mine = new Set(this.groupNames);
    // Only constructs with a group name of their own in the same VPC can clash: one index by VPC and name.
    const keys = (c: SecurityGroupRules) => (c.vpcId === undefined ? [] : c.groupNames.map((n) => `${c.vpcId}|${n}`));
    for (const other of RequirementsConstruct.peersOf(this, SecurityGroupRules, 'vpc group names', keys)) {
      // Report each pair once, from the construct whose path sorts first.
      if (other.node.path < this.node.path) continue;
      const clash = other.groupNames.find((n) => mine.has(n));
      if (clash !== undefined) {
        throw new FirewallRequirementsError(
          'conflict',
          `Security group name ${JSON.stringify(clash)} is used twice in VPC ${this.options.vpcId}`,
          clash,
          `${this.check.owner} and ${NAME} ${other.node.path}`,
          'Group names are unique within a VPC, so the second group would fail at apply: give each SecurityGroupRules its own groupName (further groups append -<suffix>), or add the requirement sets to one construct with addRequirements.',
        );
      }
    }
    return [];
  }
}

function defaultGroupName(scope: IConstruct): string {
  // The path, readable and unique within the app.
  const path = scope.node.path.replace(/[^a-zA-Z0-9._-]+/g, '-').replace(/^-+|-+$/g, '');
  return path.slice(-200).replace(/^sg-/i, 'group-') || 'firewall-requirements';
}
