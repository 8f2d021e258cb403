import { ComputeFirewall } from '@cdktf/provider-google/lib/compute-firewall';
import { ComputeNetworkFirewallPolicy } from '@cdktf/provider-google/lib/compute-network-firewall-policy';
import { ComputeNetworkFirewallPolicyAssociation } from '@cdktf/provider-google/lib/compute-network-firewall-policy-association';
import { ComputeNetworkFirewallPolicyRule } from '@cdktf/provider-google/lib/compute-network-firewall-policy-rule';
import { Annotations, DefaultTokenResolver, StringConcat, TerraformStack, Tokenization } from 'cdktf';
import { Construct } from 'constructs';
import { FirewallRequirementsError, invalidValue } from '../../model/errors';
import { Requirement } from '../../model/requirement';
import { RequirementSet } from '../../model/requirement-set';
import { describeElsewhere } from '../../plan/control-plane-access';
import { RequirementsConstruct } from '../requirements-construct';
import {
  checkGcpFirewallPeers,
  checkGcpFirewallPlanOptions,
  checkTargetChoice,
  checkTargetTags,
  GCP_FIREWALL_PROPS,
  GcpFirewallPlan,
  GcpFirewallPlanOptions,
  GcpPolicyAction,
  planGcpFirewall,
} from './plan/gcp-firewall-plan';
import { gcpPolicyAssociationBody, gcpPolicyBody, gcpPolicyRuleBody, gcpVpcRuleBody } from './plan/gcp-bodies';

export * from './plan/gcp-firewall-plan';

/** Properties of `GcpFirewall`. */
export interface GcpFirewallProps {
  /**
   * The flows to allow. Node rows only: rows that land on the control plane or on a service are skipped (see
   * `skippedRequirements`). Egress (CIDRs and domain names) becomes allow rules of a network firewall policy,
   * ingress CIDRs become `google_compute_firewall` rules. More sets can be added with `addRequirements` until synth.
   * @default []
   */
  readonly requirementSets?: RequirementSet[];
  /**
   * One set of flows to allow.
   * @deprecated use `requirementSets` (merged with it)
   * @default - none
   */
  readonly requirements?: RequirementSet;
  /**
   * The VPC network: the ingress rules take its name, id or self link; when the construct creates the firewall
   * policy it associates it with this network, which then needs the network's id or self link (e.g. `network.id`).
   */
  readonly network: string;
  /**
   * Project of every resource.
   * @default - the provider's project
   */
  readonly project?: string;
  /**
   * Start of every rule, policy and association name: a lower-case letter, then up to 19 lower-case letters,
   * digits or hyphens. Names must be unique in the project, so give each `GcpFirewall` its own prefix.
   * @default 'fwreq'
   */
  readonly namePrefix?: string;
  /**
   * Priority of the ingress `google_compute_firewall` rules, 0 (first) to 65535.
   * @default 1000
   */
  readonly priority?: number;
  /**
   * Network tags of the instances the ingress rules apply to. Network firewall policy rules, which carry the egress
   * allows and the egress deny, cannot target network tags: tags are refused when there is egress or the deny is on;
   * use `targetServiceAccounts`.
   * @default - every instance in the network
   */
  readonly targetTags?: string[];
  /**
   * Service accounts of the instances every rule (ingress, egress allows and the egress deny) applies to, e.g. the
   * node pool's service account. Without them the egress deny applies to every instance in the network.
   * @default - every instance in the network
   */
  readonly targetServiceAccounts?: string[];
  /**
   * An existing global network firewall policy (name or id), already associated with the network, to add the egress
   * rules to. The construct then creates neither a policy nor an association. GCP associates one global network
   * firewall policy with a network, so two `GcpFirewall`s on one network share a policy this way.
   * @default - a new policy associated with `network`, created when there is an egress rule (allow or deny)
   */
  readonly firewallPolicy?: string;
  /**
   * First priority of the egress allow rules in the policy. Each allow gets a priority from this value to this value
   * + 9999, derived from its content (priorities identify policy rules, so they must not shift).
   * @default 10000
   */
  readonly policyPriorityStart?: number;
  /**
   * First priority of the egress allow rules.
   * @deprecated use `policyPriorityStart`
   * @default 10000
   */
  readonly fqdnPriorityStart?: number;
  /**
   * Whether the policy ends with an egress deny for every other destination (`0.0.0.0/0` and `::/0`, all
   * protocols), after every allow. On by default because GCP allows egress unless a rule denies it (the implied
   * egress rule): without the deny, the allow rules restrict nothing. Turn it off only when another rule of yours
   * denies egress after these allows.
   *
   * The deny sits in the network firewall policy. With the network's `network_firewall_policy_enforcement_order`
   * `BEFORE_CLASSIC_FIREWALL` the policy decides before every VPC firewall rule; with the default
   * `AFTER_CLASSIC_FIREWALL`, a VPC firewall egress allow of yours still lets its traffic out. Either way the flows
   * this construct allows pass, because its egress allows sit in the same policy before the deny.
   * @default true
   */
  readonly denyOtherEgress?: boolean;
  /**
   * Priority of the IPv4 egress deny; the IPv6 deny takes the next number. Must come after every allow
   * (`policyPriorityStart` + 10000 at least) and before the policy's predefined rules (at most 2147483642).
   * @default 2147483642
   */
  readonly denyPriority?: number;
  /**
   * Whether every rule logs its matches.
   * @default false
   */
  readonly enableLogging?: boolean;
  /**
   * Whether a CIDR requirement may allow every address (`0.0.0.0/0` or `::/0`, or networks that together cover
   * them all). Without it such a peer is refused: least privilege means naming the networks a flow needs.
   * @default false
   */
  readonly allowAnyAddress?: boolean;
}

/**
 * Allows the node flows of requirement sets on a Google Cloud VPC network, and denies the rest of the egress.
 *
 * - Egress (CIDRs and domain names): allow rules of a global network firewall policy (created and associated with
 *   the network, or the one given), at priorities derived from their content; CIDR rules carry up to 5000 aggregated
 *   networks, domain-name rules up to 100 names (`dest_fqdns`). Then, unless `denyOtherEgress: false`, an egress deny
 *   of `0.0.0.0/0` and `::/0` after every allow.
 * - Ingress CIDRs: one `google_compute_firewall` per aggregated network and flow, named from that content. GCP denies
 *   ingress by default, so allows are enough.
 *
 * Rows that do not land on the nodes (control plane: `GkeAuthorizedNetworks`; services) are skipped and reported.
 * Rendered at synth, so sets added later with `addRequirements` count. Wildcard domains are refused (GCP FQDN objects
 * take no wildcards), and a CIDR peer that covers every address needs `allowAnyAddress`.
 *
 * @example
 * const gke = gkeNodesProfile({ region: 'europe-west1', googleApiAccess: GkeGoogleApiAccess.PRIVATE,
 *   controlPlaneCidrs: ['172.16.0.32/28'], nodeCidrs: ['10.20.0.0/20'], podCidrs: ['10.24.0.0/14'] });
 * const firewall = new GcpFirewall(stack, 'node-egress', { requirementSets: [gke], network: network.id, targetServiceAccounts: [nodes.email] });
 * firewall.addRequirements(chainguardContainersProfile());
 */
export class GcpFirewall extends RequirementsConstruct {
  private readonly network: string;
  private readonly project?: string;
  private readonly targetTags: string[];
  private readonly targetServiceAccounts: string[];
  private readonly existingPolicy?: string;
  private readonly options: GcpFirewallPlanOptions;
  private planned?: GcpFirewallPlan;
  private readonly vpcRules: ComputeFirewall[] = [];
  private readonly rules: ComputeNetworkFirewallPolicyRule[] = [];
  private policy?: ComputeNetworkFirewallPolicy;
  private association?: ComputeNetworkFirewallPolicyAssociation;

  constructor(scope: Construct, id: string, props: GcpFirewallProps) {
    super(scope, id, 'GcpFirewall');
    const p = this.check.props(props, GCP_FIREWALL_PROPS) as GcpFirewallProps & Record<string, unknown>;
    this.network = this.check.string('network', p.network, { hint: 'Give the VPC network name, id or self link, e.g. network.id.' });
    this.project = this.check.optionalString('project', p.project, { hint: 'Give the project ID as a string.' });
    this.targetTags = checkTargetTags(this.check, p.targetTags);
    this.targetServiceAccounts = this.check.stringArray('targetServiceAccounts', p.targetServiceAccounts, { optional: true });
    checkTargetChoice(this.check, this.targetTags, this.targetServiceAccounts);
    this.existingPolicy = this.check.optionalString('firewallPolicy', p.firewallPolicy, { hint: 'Give the policy name or id, e.g. policy.name.' });
    this.options = checkGcpFirewallPlanOptions(this.check, p, this.existingPolicy !== undefined, this.targetTags.length > 0);
    const sets = this.check.requirementSets('requirementSets', p.requirementSets, { optional: true });
    if (p.requirements !== undefined) sets.push(this.check.requirementSet('requirements', p.requirements));
    this.addRequirements(...sets);
    this.node.addValidation({ validate: () => this.checkConflicts() });
  }

  /** The ingress VPC firewall rules, sorted by name (renders first). */
  public get firewallRules(): ComputeFirewall[] {
    this.render();
    return [...this.vpcRules];
  }

  /** The policy the construct created, if it created one (renders first). */
  public get firewallPolicy(): ComputeNetworkFirewallPolicy | undefined {
    this.render();
    return this.policy;
  }

  /** The association of the created policy with the network, if the construct created one (renders first). */
  public get policyAssociation(): ComputeNetworkFirewallPolicyAssociation | undefined {
    this.render();
    return this.association;
  }

  /** The egress policy rules: allows sorted by name, then the IPv4 and IPv6 denies (renders first). */
  public get policyRules(): ComputeNetworkFirewallPolicyRule[] {
    this.render();
    return [...this.rules];
  }

  /** Rows that do not land on the nodes and are therefore not opened here (renders first). */
  public get skippedRequirements(): Requirement[] {
    return [...this.plan.skippedRequirements];
  }

  /** The plan the resources were rendered from (renders first). */
  public get plan(): GcpFirewallPlan {
    this.render();
    if (!this.planned) throw invalidValue('plan', 'none', this.check.owner, 'Rendering failed earlier: fix the error it raised.');
    return this.planned;
  }

  protected validateRequirementSet(set: RequirementSet): void {
    checkGcpFirewallPeers(set, this.options, this.check.owner);
  }

  protected renderRequirements(requirements: RequirementSet): void {
    const plan = planGcpFirewall(requirements, this.options, this.check.owner);
    this.planned = plan;
    const ctx = {
      network: this.network,
      project: this.project,
      targetTags: this.targetTags,
      targetServiceAccounts: this.targetServiceAccounts.length ? [...this.targetServiceAccounts] : undefined,
      enableLogging: this.options.enableLogging,
    };
    for (const rule of plan.firewallRules) this.vpcRules.push(new ComputeFirewall(this, rule.name, gcpVpcRuleBody(rule, ctx)));

    if (plan.skippedRequirements.length > 0) Annotations.of(this).addInfo(describeElsewhere('GcpFirewall', plan.skippedRequirements));
    if (plan.policyRules.length === 0) return;
    if (this.options.denyOtherEgress && plan.policyRules.every((r) => r.action === GcpPolicyAction.DENY)) {
      Annotations.of(this).addWarning(
        `GcpFirewall: no egress requirement lands on the nodes, so the egress deny blocks all egress of ${this.targetServiceAccounts.length ? 'the target service accounts' : 'every instance in the network'}. Add the egress the nodes need (e.g. gkeNodesProfile), or set denyOtherEgress: false.`,
      );
    }
    let policy = this.existingPolicy;
    if (policy === undefined) {
      this.policy = new ComputeNetworkFirewallPolicy(this, 'EgressPolicy', gcpPolicyBody(plan.policyName, this.project));
      this.association = new ComputeNetworkFirewallPolicyAssociation(this, 'EgressPolicyAssociation', gcpPolicyAssociationBody(plan.policyName, this.project, this.network, this.policy.name));
      policy = this.policy.name;
    }
    for (const rule of plan.policyRules) this.rules.push(new ComputeNetworkFirewallPolicyRule(this, rule.ruleName, gcpPolicyRuleBody(rule, policy, ctx)));
  }

  /**
   * Conflicts with the other GcpFirewalls of the app, reported by the later construct of each pair: two created
   * policies on one network, duplicate names in one project, duplicate priorities or a deny before an allow in one
   * shared policy. Throws the library's error (cdktf runs validations at synth).
   */
  private checkConflicts(): string[] {
    // Only constructs on the same network, project or policy can conflict: one index by those keys.
    for (const other of RequirementsConstruct.peersOf(this, GcpFirewall, 'network project policy', (c) => identityKeys(c.identity()), true)) this.conflictWith(other);
    return [];
  }

  /** Refuses what this construct and an earlier one cannot both create (see `checkConflicts`). */
  private conflictWith(first: GcpFirewall): void {
    const a = { plan: first.plan, id: first.identity() };
    const b = { plan: this.plan, id: this.identity() };
    const pair = `${first.check.owner} and ${this.check.owner}`;
    if (a.plan.createsPolicy && b.plan.createsPolicy && sameThing(a.id, b.id, 'network')) {
      throw new FirewallRequirementsError(
        'conflicting-constructs',
        `Two GcpFirewall constructs each create a global network firewall policy for network ${JSON.stringify(a.id.network)}: GCP associates one global network firewall policy with a network`,
        a.id.network,
        pair,
        'Merge the requirement sets into one GcpFirewall (addRequirements), or create one policy, associate it with the network and give it to both through firewallPolicy (with distinct policyPriorityStart values and the egress deny on one of them).',
      );
    }
    if (sameThing(a.id, b.id, 'project')) {
      const names = new Set([...a.plan.firewallRules.map((r) => r.name), ...(a.plan.createsPolicy ? [a.plan.policyName] : [])]);
      const clash = [...b.plan.firewallRules.map((r) => r.name), ...(b.plan.createsPolicy ? [b.plan.policyName] : [])].find((n) => names.has(n));
      if (clash !== undefined) {
        throw new FirewallRequirementsError(
          'duplicate-name',
          `Two GcpFirewall constructs create resources named ${JSON.stringify(clash)} in project ${a.id.project}: names are unique in a project`,
          clash,
          pair,
          'Give each GcpFirewall its own namePrefix.',
        );
      }
    }
    if (a.id.policy !== undefined && sameThing(a.id, b.id, 'policy')) {
      const byPriority = new Map(a.plan.policyRules.map((r) => [r.priority, r]));
      const clash = b.plan.policyRules.find((r) => byPriority.has(r.priority));
      if (clash) {
        throw new FirewallRequirementsError(
          'duplicate-priority',
          `Two GcpFirewall constructs put rules at priority ${clash.priority} of policy ${a.id.policy} (${byPriority.get(clash.priority)!.ruleName} and ${clash.ruleName}): a priority identifies one rule of a policy`,
          String(clash.priority),
          pair,
          clash.action === GcpPolicyAction.DENY
            ? 'Keep the egress deny on one of them (denyOtherEgress: false on the other) when they target the same instances, or give them distinct denyPriority values.'
            : 'Give them distinct policyPriorityStart values at least 10000 apart.',
        );
      }
      const denies = [...a.plan.policyRules, ...b.plan.policyRules].filter((r) => r.action === GcpPolicyAction.DENY);
      const allows = [...a.plan.policyRules, ...b.plan.policyRules].filter((r) => r.action === GcpPolicyAction.ALLOW);
      const firstDeny = denies.sort((x, y) => x.priority - y.priority)[0];
      const late = firstDeny && allows.find((r) => r.priority > firstDeny.priority);
      if (firstDeny && late) {
        throw new FirewallRequirementsError(
          'deny-before-allow',
          `In policy ${a.id.policy}, the egress deny ${firstDeny.ruleName} (priority ${firstDeny.priority}) comes before the allow ${late.ruleName} (priority ${late.priority}), which would never match`,
          String(firstDeny.priority),
          pair,
          'Keep every policyPriorityStart range before every denyPriority (the default denyPriority is the last one before the predefined rules).',
        );
      }
    }
  }

  /** Identities used to compare constructs: references resolved to `type.name`, literals as given. */
  private cachedIdentity?: Identity;

  /** What the construct uses (network, project, policy), resolved once: the rendered construct no longer changes. */
  private identity(): Identity {
    this.cachedIdentity ??= this.resolveIdentity();
    return this.cachedIdentity;
  }

  private resolveIdentity(): Identity {
    const stack = TerraformStack.of(this);
    const resolver = new DefaultTokenResolver(new StringConcat());
    const show = (value: string) => referenceAddress(String(Tokenization.resolve(value, { scope: stack, resolver })));
    const policy = this.existingPolicy !== undefined ? show(this.existingPolicy) : this.policy ? show(this.policy.name) : undefined;
    return { stack: stack.node.path, network: show(this.network), project: this.project !== undefined ? show(this.project) : '<provider project>', policy };
  }
}

/** The network, project and policy a GcpFirewall uses; references are resource addresses of its stack. */
interface Identity {
  readonly stack: string;
  readonly network: string;
  readonly project: string;
  readonly policy?: string;
}

/**
 * Whether two constructs use the same network, project or policy: equal literals (names and ids are global), or
 * equal references in the same stack (the same address in another stack is another resource). The project of the
 * provider is a reference too: each stack configures its own.
 */
function sameThing(a: Identity, b: Identity, key: 'network' | 'project' | 'policy'): boolean {
  const x = a[key];
  if (x === undefined || x !== b[key]) return false;
  return isLiteral(x) || a.stack === b.stack;
}

/** Keys under which `sameThing` can hold: a literal everywhere, a reference within its stack. */
function identityKeys(id: Identity): string[] {
  const keys: string[] = [];
  for (const key of ['network', 'project', 'policy'] as const) {
    const x = id[key];
    if (x === undefined) continue;
    keys.push(isLiteral(x) ? `${key}|${x}` : `${key}|${id.stack}|${x}`);
  }
  return keys;
}

function isLiteral(x: string): boolean {
  return !x.includes('${') && !/^[a-z0-9_]+\.[A-Za-z0-9_-]+$/.test(x) && x !== '<provider project>';
}

/** `${google_compute_network.vpc.id}` and `${google_compute_network.vpc.name}` name the same network: `google_compute_network.vpc`. */
function referenceAddress(text: string): string {
  const m = /^\$\{([a-z0-9_]+\.[A-Za-z0-9_-]+)\.(id|name|self_link)\}$/.exec(text);
  return m ? m[1] : text;
}
