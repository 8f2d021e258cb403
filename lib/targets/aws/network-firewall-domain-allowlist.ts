import { KEEP_CDKTF_TOKENS, terraformText, terraformTextMap } from '../../model/terraform-text';
import { NetworkfirewallRuleGroup } from '@cdktf/provider-aws/lib/networkfirewall-rule-group';
import { Annotations, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { FirewallRequirementsError } from '../../model/errors';
import { Requirement } from '../../model/requirement';
import { RequirementSet } from '../../model/requirement-set';
import { describeElsewhere } from '../../plan/control-plane-access';
import { RequirementsConstruct } from '../requirements-construct';
import {
  assertDomainAllowlistRows,
  checkDomainAllowlistOptions,
  DOMAIN_ALLOWLIST_OPTION_NAMES,
  DomainAllowlistGroupPlan,
  DomainAllowlistOptions,
  domainAllowlistRuleGroupBody,
  planDomainAllowlist,
  StatefulRuleOrder,
} from './plan/domain-allowlist-plan';

export {
  DOMAIN_ALLOWLIST_MIN_CAPACITY,
  domainAllowlistCapacity,
  domainAllowlistRequiredCapacity,
  domainListTarget,
  DomainTargetType,
  StatefulRuleOrder,
} from './plan/domain-allowlist-plan';
export type { DomainAllowlistGroupPlan } from './plan/domain-allowlist-plan';

const NAME = 'NetworkFirewallDomainAllowlist';

/** Properties of `NetworkFirewallDomainAllowlist`. */
export interface NetworkFirewallDomainAllowlistProps {
  /**
   * The requirement sets whose domain names to allow (more can be added with `addRequirements`), e.g. the EKS node
   * profile merged with an agent's profile. The construct picks the egress rows to domain names from the nodes;
   * every other row (CIDR peers, ingress, control plane, services) is skipped and reported in
   * `skippedRequirements`. A domain row over anything but http or https is refused: a domain list cannot match it.
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
   * Base name of the rule groups (letters, digits, hyphens); the TLS group appends `-tls`, the HTTP group `-http`.
   * Rule group names are unique per account and Region: two allowlists in one stack must not share one (checked at
   * synth).
   */
  readonly name: string;
  /**
   * The source networks the rules inspect (`HOME_NET`): the node subnets or VPC, and with a central inspection VPC
   * (Transit Gateway) every spoke VPC whose egress passes the firewall. Required: AWS's default is the CIDR of the
   * firewall's own VPC, and traffic from outside `HOME_NET` is not filtered by the domain list at all, so a central
   * firewall left on the default would let the clusters' traffic past the allowlist. Literal CIDRs or Terraform
   * references (e.g. `${aws_vpc.main.cidr_block}`). Networks that cover every address need `allowAnyAddress`.
   */
  readonly homeNetCidrs: string[];
  /**
   * Capacity of each rule group, fixed when the group is created (a change replaces it), at most 30,000.
   * @default - computed per group, see `domainAllowlistCapacity`
   */
  readonly capacity?: number;
  /**
   * The stateful rule order of the firewall policy the groups are attached to (a rule group must use its
   * policy's order). With `STRICT_ORDER`, give the policy the default actions `aws:drop_established` and
   * `aws:alert_established`.
   * @default StatefulRuleOrder.DEFAULT_ACTION_ORDER
   */
  readonly ruleOrder?: StatefulRuleOrder;
  /**
   * Tags for every rule group.
   * @default {}
   */
  readonly tags?: Record<string, string>;
  /**
   * Whether `homeNetCidrs` may cover every address (`0.0.0.0/0`, or networks that together cover it).
   * @default false
   */
  readonly allowAnyAddress?: boolean;
}

const PROP_NAMES = ['requirementSets', 'requirements', ...DOMAIN_ALLOWLIST_OPTION_NAMES];

/**
 * Allows egress to domain names through AWS Network Firewall: `aws_networkfirewall_rule_group`s of type STATEFUL
 * with a `rules_source_list` ALLOWLIST, one matched on the TLS SNI (every https name) and one on the HTTP Host
 * header (every http name), each only when some name needs it.
 *
 * What it drops: an ALLOWLIST group drops all traffic of its protocol (TLS, HTTP) from `HOME_NET` whose name it
 * does not list; other protocols (DNS, SSH, raw TCP) pass the domain list untouched and are left to the policy's
 * other rules. Because each group holds every name of its protocol, the two groups never drop each other's names,
 * under DEFAULT_ACTION_ORDER or STRICT_ORDER alike. Give every set for one firewall policy to ONE allowlist
 * (`addRequirements`): under STRICT_ORDER, one allowlist's drop rule can run before another's pass rules.
 *
 * `*.example.com` becomes `.example.com`, which also matches `example.com` itself. Ports are not part of a domain
 * list; restrict them with security group rules if needed. Attach the groups to a firewall policy.
 */
export class NetworkFirewallDomainAllowlist extends RequirementsConstruct {
  private readonly options: DomainAllowlistOptions;
  private readonly rendered = {
    ruleGroups: [] as NetworkfirewallRuleGroup[],
    groups: [] as DomainAllowlistGroupPlan[],
    skipped: [] as Requirement[],
  };

  constructor(scope: Construct, id: string, props: NetworkFirewallDomainAllowlistProps) {
    super(scope, id, NAME);
    const p = this.check.props(props, PROP_NAMES) as unknown as Record<string, unknown>;
    const sets = this.check.requirementSets('requirementSets', p.requirementSets, { optional: true });
    if (p.requirements !== undefined) sets.push(this.check.requirementSet('requirements', p.requirements));
    this.options = checkDomainAllowlistOptions(this.check, p);
    this.addRequirements(...sets);
    this.node.addValidation({ validate: () => this.validateUniqueNames() });
  }

  /** The rule groups, `http` before `tls`. Renders first. */
  public get ruleGroups(): NetworkfirewallRuleGroup[] {
    this.render();
    return [...this.rendered.ruleGroups];
  }

  /** The plan behind each rule group, in the same order. Renders first. */
  public get groups(): DomainAllowlistGroupPlan[] {
    this.render();
    return [...this.rendered.groups];
  }

  /** Rows the allowlist does not render (CIDR peers, ingress, control plane, services). Renders first. */
  public get skippedRequirements(): Requirement[] {
    this.render();
    return [...this.rendered.skipped];
  }

  /** The rule group names. Renders first. */
  public get ruleGroupNames(): string[] {
    return this.groups.map((g) => g.name);
  }

  protected validateRequirementSet(set: RequirementSet): void {
    assertDomainAllowlistRows(set.requirements.filter((r) => r.landsOnNodes));
  }

  protected renderRequirements(requirements: RequirementSet): void {
    const plan = planDomainAllowlist(requirements, this.options, this.check.owner);
    const tags = this.options.tags && Object.keys(this.options.tags).length > 0 ? { tags: terraformTextMap(this.options.tags, KEEP_CDKTF_TOKENS) } : {};
    for (const g of plan.groups) {
      this.rendered.ruleGroups.push(
        new NetworkfirewallRuleGroup(this, g.suffix, {
          name: terraformText(g.name, KEEP_CDKTF_TOKENS),
          type: 'STATEFUL',
          capacity: g.capacity,
          description: terraformText(g.description),
          ruleGroup: domainAllowlistRuleGroupBody(g, plan, this.options.ruleOrder),
          ...tags,
        }),
      );
    }
    this.rendered.groups.push(...plan.groups);
    this.rendered.skipped.push(...plan.skippedRequirements);
    if (plan.skippedRequirements.length > 0) {
      const elsewhere = plan.skippedRequirements.filter((r) => !r.landsOnNodes);
      const notNames = plan.skippedRequirements.length - elsewhere.length;
      const parts = [
        ...(notNames > 0 ? [`${NAME} ${this.node.path}: ${notNames} node requirement(s) are not egress to a domain name (CIDR peers, ingress) and are not in the allowlist: render them with SecurityGroupRules.`] : []),
        ...(elsewhere.length > 0 ? [describeElsewhere(`${NAME} ${this.node.path}`, elsewhere)] : []),
      ];
      Annotations.of(this).addInfo(parts.join(' '));
    }
  }

  /** Rule group names are unique per account and Region: no two allowlists in one stack may share one. */
  private validateUniqueNames(): string[] {
    const mine = new Set(this.ruleGroupNames);
    // Only allowlists of the same stack with a shared name can clash: one index by stack and name.
    const keys = (c: NetworkFirewallDomainAllowlist) => {
      const stack = TerraformStack.of(c).node.path;
      return c.ruleGroupNames.map((n) => `${stack}|${n}`);
    };
    for (const other of RequirementsConstruct.peersOf(this, NetworkFirewallDomainAllowlist, 'stack rule group names', keys)) {
      if (other.node.path < this.node.path) continue;
      const clash = other.ruleGroupNames.find((n) => mine.has(n));
      if (clash !== undefined) {
        throw new FirewallRequirementsError(
          'conflict',
          `Network Firewall rule group name ${JSON.stringify(clash)} is used twice in the stack`,
          clash,
          `${this.check.owner} and ${NAME} ${other.node.path}`,
          'Rule group names are unique per account and Region, so the second group would fail at apply: give each allowlist its own name, or better, add every set to one allowlist with addRequirements (two allowlists in one STRICT_ORDER policy can drop each other\'s names).',
        );
      }
    }
    return [];
  }
}
