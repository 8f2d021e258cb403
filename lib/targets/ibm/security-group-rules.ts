import { KEEP_CDKTF_TOKENS, terraformText, terraformTextList } from '../../model/terraform-text';
import { Annotations, TerraformOutput, TerraformProvider } from 'cdktf';
import { Construct } from 'constructs';
import { invalidValue, missingOption } from '../../model/errors';
import { describeValue, InputCheck, isTerraformReference } from '../../model/input';
import { RequirementRecord, toRecord } from '../../model/requirement-record';
import { RequirementSet } from '../../model/requirement-set';
import { describeElsewhere } from '../../plan/control-plane-access';
import { RequirementsConstruct } from '../requirements-construct';
import { checkIbmRequirements, IbmPlannedRule } from './plan/rule-plan';
import { checkIbmGroupOptions, IBM_GROUP_OPTION_NAMES, IbmGroupOptions, planIbmSecurityGroups } from './plan/security-group-plan';
import { IBM_OUTPUT_DESCRIPTIONS, outputEntry } from './plan/requirement-outputs';
import { IbmIsSecurityGroup } from './security-group';
import { IbmIsSecurityGroupRule } from './security-group-rule';

/** Properties of `IbmSecurityGroupRules`. */
export interface IbmSecurityGroupRulesProps {
  /**
   * The requirements to allow, e.g. `[ibmVpcProfile({...})]` or any sets with IPv4 CIDR peers; merged with the sets
   * added later through `addRequirements`.
   * @default []
   */
  readonly requirementSets?: RequirementSet[];
  /**
   * One requirement set.
   * @deprecated use `requirementSets` (this set is merged into them)
   * @default - none
   */
  readonly requirements?: RequirementSet;
  /**
   * ID of an existing security group to add every rule to. Synthesis then fails, with the count, when the rules
   * (plus `reservedRulesPerGroup`) exceed 250. Give exactly one of `securityGroupId` and `vpcId`.
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
   * Name prefix of created groups; group n is named `<prefix>-<n>`. A literal (the names are checked at synth).
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
   * Also allow inbound TCP 30000-32767 from 0.0.0.0/0 (one rule), and admit requirements that together cover every
   * address on inbound TCP within 30000-32767 (the `ibm-vpc` profile's `nodePortsFromAnywhere` row). The node-port
   * opt-in; `allowAnyAddress` is the general one. Off by default: node ports open only to the CIDRs the
   * requirements name (the cluster's subnets).
   * @default false
   */
  readonly allowNodePortsFromAnywhere?: boolean;
  /**
   * Admit rules whose remotes, for one direction, protocol and port, together cover every IPv4 address (judged by
   * coverage: `0.0.0.0/1` + `128.0.0.0/1` is every address). Without it such rules fail at synth, naming the
   * requirements that cover every address.
   * @default false
   */
  readonly allowAnyAddress?: boolean;
  /**
   * Render requirements with protocol `any` as `icmp_tcp_udp` rules (ICMP, TCP and UDP; other IP protocols such as
   * ESP or GRE stay closed). Provider versions before 2.1.0, which the admitted range includes, have no "every
   * protocol" value, so without this opt-in such requirements are refused.
   * @default false
   */
  readonly narrowAnyProtocol?: boolean;
  /**
   * Provider for the created resources.
   * @default - the stack's default `ibm` provider
   */
  readonly provider?: TerraformProvider;
}

const KNOWN_PROPS: readonly string[] = ['requirementSets', 'requirements', 'securityGroupId', 'vpcId', 'resourceGroupId', 'provider', ...IBM_GROUP_OPTION_NAMES];

/** Props after checking. */
interface CheckedProps {
  readonly sets: RequirementSet[];
  readonly securityGroupId?: string;
  readonly vpcId?: string;
  readonly resourceGroupId?: string;
  readonly provider?: TerraformProvider;
  readonly options: IbmGroupOptions;
}

/**
 * Renders requirement sets into IBM Cloud VPC security group rules: one `ibm_is_security_group_rule` per IPv4 CIDR
 * peer and port range (inbound for ingress requirements, outbound for egress), in an existing group or in groups it
 * creates (split at 250 rules per group). Sets given as props and through `addRequirements` are merged and rendered
 * once, at synth (or when a rendered attribute such as `rules` is first read).
 *
 * What it does not render is reported, never dropped silently:
 * - domain names (registries, IBM Cloud endpoints): `fqdnRequirements` and the output `fqdn-requirements`, for the
 *   team that runs the egress proxy or firewall (IBM security groups match addresses only);
 * - rows a catalog marks for another firewall (metadata `firewall: corporate`): `otherFirewallRequirements` and the
 *   output `other-firewall-requirements`;
 * - rows that land elsewhere than on the workers (the cluster API endpoint, e.g. Chainguard Enforce's `cidr-ranges`,
 *   or a service beside the cluster): `skippedRequirements`, the output `skipped-requirements` and an info
 *   annotation. Opening them on every worker would admit those networks to the nodes and still not reach the API
 *   server.
 *
 * Least privilege: rules whose remotes together cover every IPv4 address need `allowAnyAddress` (or, for inbound
 * node ports only, `allowNodePortsFromAnywhere`); protocol `any` needs `narrowAnyProtocol`.
 *
 * Errors: props and the sets given to the constructor are checked before the construct joins the tree, so bad props
 * leave no node behind. Sets added later are checked when added (that call throws; the construct stays, without the
 * set). Whole-set checks (any address by coverage, rules per group, group count) can only run at synth, when
 * everything has been added: synthesis then fails and writes nothing.
 */
export class IbmSecurityGroupRules extends RequirementsConstruct {
  private readonly props: CheckedProps;
  private rendered?: {
    readonly plannedRules: readonly IbmPlannedRule[];
    readonly rules: readonly IbmIsSecurityGroupRule[];
    readonly securityGroups: readonly IbmIsSecurityGroup[];
    readonly securityGroupIds: readonly string[];
    readonly groupOfRule: Readonly<Record<string, number>>;
    readonly fqdnRequirements: readonly RequirementRecord[];
    readonly fqdnOutput: TerraformOutput;
    readonly otherFirewallRequirements: readonly RequirementRecord[];
    readonly otherFirewallOutput: TerraformOutput;
    readonly skippedRequirements: readonly RequirementRecord[];
    readonly skippedOutput: TerraformOutput;
  };

  constructor(scope: Construct, id: string, props: IbmSecurityGroupRulesProps) {
    // Check props and the initial sets before joining the construct tree: bad input leaves no node behind.
    const owner = `IbmSecurityGroupRules ${[scope.node.path, id].filter((p) => p !== '').join('/')}`;
    const checked = checkProps(new InputCheck(owner), props);
    for (const set of checked.sets) checkIbmRequirements(set, { ...checked.options, origin: owner });
    super(scope, id, 'IbmSecurityGroupRules');
    this.props = checked;
    this.addRequirements(...checked.sets);
  }

  /** The planned rules, sorted by content key (renders the construct). */
  public get plannedRules(): readonly IbmPlannedRule[] {
    return this.output().plannedRules;
  }

  /** The rule resources, in the order of `plannedRules` (renders the construct). */
  public get rules(): readonly IbmIsSecurityGroupRule[] {
    return this.output().rules;
  }

  /** The groups this construct created (empty when given `securityGroupId`), group 1 first (renders the construct). */
  public get securityGroups(): readonly IbmIsSecurityGroup[] {
    return this.output().securityGroups;
  }

  /** IDs of every group that holds rules (the given one, or the created ones): attach these to the workers (renders the construct). */
  public get securityGroupIds(): readonly string[] {
    return this.output().securityGroupIds;
  }

  /** Group number (1-based, as in the group name) of each rule name; empty with `securityGroupId` (renders the construct). */
  public get groupOfRule(): Readonly<Record<string, number>> {
    return this.output().groupOfRule;
  }

  /** Domain-name requirements IBM security groups cannot express, as records for a proxy or firewall team (renders the construct). */
  public get fqdnRequirements(): readonly RequirementRecord[] {
    return this.output().fqdnRequirements;
  }

  /** The Terraform output listing `fqdnRequirements` (always present, an empty list when there are none). */
  public get fqdnOutput(): TerraformOutput {
    return this.output().fqdnOutput;
  }

  /**
   * Requirements other than domain names that a catalog marks for another firewall (metadata `firewall`, e.g.
   * `corporate` for the administrators' network): not rendered here, listed for that firewall's team.
   */
  public get otherFirewallRequirements(): readonly RequirementRecord[] {
    return this.output().otherFirewallRequirements;
  }

  /** The Terraform output listing `otherFirewallRequirements` (always present, an empty list when there are none). */
  public get otherFirewallOutput(): TerraformOutput {
    return this.output().otherFirewallOutput;
  }

  /**
   * Requirements that land elsewhere than on the workers (the cluster API endpoint, a service beside the cluster):
   * never opened on the nodes. Render the control-plane ones with the API server constructs of the cloud that runs it.
   */
  public get skippedRequirements(): readonly RequirementRecord[] {
    return this.output().skippedRequirements;
  }

  /** The Terraform output listing `skippedRequirements` (always present, an empty list when there are none). */
  public get skippedOutput(): TerraformOutput {
    return this.output().skippedOutput;
  }

  protected validateRequirementSet(set: RequirementSet): void {
    checkIbmRequirements(set, { ...this.props.options, origin: this.check.owner });
  }

  protected renderRequirements(requirements: RequirementSet): void {
    const p = this.props;
    const existing = p.securityGroupId;
    const plan = planIbmSecurityGroups(requirements, p.options, {
      existingGroup: existing === undefined ? undefined : isTerraformReference(existing) ? 'given by securityGroupId (a Terraform reference)' : existing,
      existingGroupWayOut: 'Give vpcId instead of securityGroupId so that the rules are split over several created groups, or filter the requirement set.',
      origin: this.check.owner,
    });
    const groups = plan.groupNames.map(
      (name, i) =>
        new IbmIsSecurityGroup(this, `security-group-${i + 1}`, {
          vpc: p.vpcId!,
          name: terraformText(name),
          resourceGroup: p.resourceGroupId,
          tags: terraformTextList(p.options.tags, KEEP_CDKTF_TOKENS),
          provider: p.provider,
        }),
    );
    // One id token per group: every attribute read creates a new token (and captures a stack trace).
    const groupIds = existing !== undefined ? [existing] : groups.map((g) => g.id);
    const groupIdOf = (key: string): string => (existing !== undefined ? groupIds[0] : groupIds[plan.slotOf[key] - 1]);
    const rules = plan.rules.map(
      (rule) =>
        new IbmIsSecurityGroupRule(this, rule.name, {
          group: groupIdOf(rule.key),
          direction: rule.direction,
          remote: rule.remote,
          name: terraformText(rule.name),
          protocol: rule.protocol,
          portMin: rule.portMin,
          portMax: rule.portMax,
          provider: p.provider,
        }),
    );
    const fqdnRequirements = plan.fqdnRequirements.map(toRecord);
    const otherFirewallRequirements = plan.otherFirewallRequirements.map(toRecord);
    const skippedRequirements = plan.skippedRequirements.map(toRecord);
    if (plan.skippedRequirements.length > 0) {
      Annotations.of(this).addInfo(describeElsewhere(this.check.owner, plan.skippedRequirements));
    }
    this.rendered = {
      plannedRules: plan.rules,
      rules,
      securityGroups: groups,
      securityGroupIds: groupIds,
      groupOfRule: Object.fromEntries(plan.rules.filter((r) => r.key in plan.slotOf).map((r) => [r.name, plan.slotOf[r.key]])),
      fqdnRequirements,
      fqdnOutput: new TerraformOutput(this, 'fqdn-requirements', {
        description: IBM_OUTPUT_DESCRIPTIONS.fqdn,
        value: fqdnRequirements.map(outputEntry),
      }),
      otherFirewallRequirements,
      otherFirewallOutput: new TerraformOutput(this, 'other-firewall-requirements', {
        description: IBM_OUTPUT_DESCRIPTIONS.otherFirewall,
        value: otherFirewallRequirements.map(outputEntry),
      }),
      skippedRequirements,
      skippedOutput: new TerraformOutput(this, 'skipped-requirements', {
        description: IBM_OUTPUT_DESCRIPTIONS.skipped,
        value: skippedRequirements.map(outputEntry),
      }),
    };
  }

  private output(): NonNullable<IbmSecurityGroupRules['rendered']> {
    this.render();
    return this.rendered!;
  }
}

function checkProps(check: InputCheck, raw: IbmSecurityGroupRulesProps): CheckedProps {
  const props = check.props(raw, KNOWN_PROPS);
  const sets = check.requirementSets('requirementSets', props.requirementSets, { optional: true });
  if (props.requirements !== undefined) sets.push(check.requirementSet('requirements', props.requirements));
  const securityGroupId = check.optionalString('securityGroupId', props.securityGroupId, { hint: 'Give the ID of an existing security group, e.g. "r006-..." or a variable.' });
  const vpcId = check.optionalString('vpcId', props.vpcId, { hint: 'Give the VPC ID, e.g. "r006-..." or a variable.' });
  if ((securityGroupId === undefined) === (vpcId === undefined)) {
    if (securityGroupId !== undefined) {
      throw invalidValue(
        'combination of securityGroupId and vpcId',
        `${securityGroupId} / ${vpcId}`,
        check.owner,
        'Give securityGroupId to add rules to an existing group, or vpcId to let the construct create groups, not both.',
      );
    }
    throw missingOption('securityGroupId or vpcId', check.owner, 'the rules need a security group', 'vpcId: "r006-..." (groups are created) or securityGroupId: "r006-..."');
  }
  const existing = securityGroupId !== undefined ? { option: 'securityGroupId', instead: 'give vpcId instead' } : undefined;
  if (existing && props.resourceGroupId !== undefined) {
    throw invalidValue(
      'resourceGroupId',
      String(props.resourceGroupId),
      check.where('resourceGroupId'),
      'resourceGroupId applies to groups that are created; with securityGroupId no group is created. Remove it or give vpcId instead.',
    );
  }
  const resourceGroupId = check.optionalString('resourceGroupId', props.resourceGroupId, {
    pattern: /^[A-Za-z0-9_-]+$/,
    hint: 'Give the resource group ID (letters, digits, hyphens), not its display name.',
  });
  if (props.provider !== undefined && !(props.provider instanceof TerraformProvider)) {
    throw invalidValue('provider', describeValue(props.provider), check.where('provider'), 'Give an IbmProvider (or another TerraformProvider) construct.', 'invalid-type');
  }
  return { sets, securityGroupId, vpcId, resourceGroupId, provider: props.provider, options: checkIbmGroupOptions(check, props, existing) };
}
