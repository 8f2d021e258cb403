import { PlanCache } from '../plan/plan-cache';
import { Aspects, IAspect, TerraformStack } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import { invalidValue } from '../model/errors';
import { InputCheck } from '../model/input';
import { RequirementSet } from '../model/requirement-set';

/** Unions of the same requirement sets (by identity, in order), shared by every construct of the process. */
const UNIONS = new PlanCache<RequirementSet>('requirement set unions');

/**
 * Base of every construct that renders requirement sets into firewall resources.
 *
 * Composition: a platform team builds one firewall from several modules (the cluster module adds the platform's
 * rows, each add-on module its own, the security team an agent's). Sets given at construction and through
 * `addRequirements` accumulate until synth; the construct renders them once, lazily, when the stack is prepared
 * for synthesis (or when a rendered attribute is first read). Checks that depend on the whole set (limits,
 * splitting, priorities, collisions) therefore see everything that was added; per-set checks run when a set is
 * added, so a bad set fails at the line that added it.
 *
 * After rendering, `addRequirements` fails: the resources are fixed.
 */
export abstract class RequirementsConstruct extends Construct {
  private readonly sets: RequirementSet[] = [];
  private state: 'open' | 'rendering' | 'rendered' = 'open';
  /** Checks this construct's props; its origin is `<construct> <path>`. */
  protected readonly check: InputCheck;

  /**
   * @param constructName the class name, used in error origins (`SecurityGroupRules stack/rules`)
   */
  protected constructor(scope: Construct, id: string, constructName: string) {
    super(scope, id);
    this.check = new InputCheck(`${constructName} ${this.node.path}`);
    Aspects.of(this).add(new RenderAspect(this));
    renderBeforePreparing(TerraformStack.of(this));
    const registered = REGISTRY.get(this.node.root) ?? [];
    registered.push(this);
    REGISTRY.set(this.node.root, registered);
  }

  /**
   * The rules constructs of `scope`'s app that are instances of `type` (in creation order), without walking the
   * construct tree: cross-construct checks (conflicts at synth) call this once per construct, and a fleet's tree has
   * tens of thousands of nodes.
   */
  protected static instancesIn<T extends RequirementsConstruct>(scope: IConstruct, type: abstract new (...args: never[]) => T): T[] {
    return (REGISTRY.get(scope.node.root) ?? []).filter((c): c is T => c instanceof type);
  }

  /**
   * Adds requirement sets to render, e.g. from another module. May be called until synth.
   * @param requirementSets the sets to add (each a `RequirementSet`, e.g. a profile)
   */
  public addRequirements(...requirementSets: RequirementSet[]): void {
    if (this.state !== 'open') {
      throw invalidValue(
        'addRequirements call',
        `${requirementSets.length} set(s)`,
        this.check.owner,
        'The construct has already rendered its resources (at synth, or when a rendered attribute was read): add every requirement set before that.',
      );
    }
    const sets = this.check.requirementSets('addRequirements', requirementSets);
    for (const set of sets) this.validateRequirementSet(set);
    this.sets.push(...sets);
  }

  /** Every requirement set added so far, merged (duplicates collapse, sources and purposes are kept). */
  public get requirements(): RequirementSet {
    // Sets are immutable: constructs given the same sets share one union, so their plans can be shared too.
    return UNIONS.get(this.sets, {}, () => RequirementSet.union(this.sets));
  }

  /** Whether the resources have been rendered (after which `addRequirements` fails). */
  public get isRendered(): boolean {
    return this.state === 'rendered';
  }

  /**
   * Renders the resources now, if not done yet. Synthesis calls it; call it yourself only to read rendered
   * attributes before synth. Idempotent.
   */
  public render(): void {
    if (this.state !== 'open') return;
    this.state = 'rendering';
    this.renderRequirements(this.requirements);
    this.state = 'rendered';
  }

  /**
   * Checks one added set before it is accepted (peers the target cannot express, placeholders): errors surface at
   * the call that added the set. Whole-set checks belong in `renderRequirements`.
   */
  protected validateRequirementSet(_set: RequirementSet): void {
    // Nothing by default.
  }

  /** Creates the resources for the merged set (called once). */
  protected abstract renderRequirements(requirements: RequirementSet): void;
}

/** Renders a `RequirementsConstruct` when aspects run (every cdktf synthesis path invokes aspects). */
class RenderAspect implements IAspect {
  constructor(private readonly target: RequirementsConstruct) {}

  public visit(node: IConstruct): void {
    if (node === this.target) this.target.render();
  }
}

/** Every rules construct, by the root of its app. */
const REGISTRY = new WeakMap<IConstruct, RequirementsConstruct[]>();

const preparedStacks = new WeakSet<TerraformStack>();

/**
 * `App.synth` prepares every stack (resolving cross-stack references) before it invokes aspects; rendering first
 * lets references in the rendered resources be prepared like any other. The stack's `prepareStack` is wrapped once.
 */
function renderBeforePreparing(stack: TerraformStack): void {
  if (preparedStacks.has(stack)) return;
  preparedStacks.add(stack);
  const prepare = stack.prepareStack.bind(stack);
  stack.prepareStack = () => {
    for (const construct of REGISTRY.get(stack.node.root) ?? []) {
      if (TerraformStack.of(construct) === stack) construct.render();
    }
    prepare();
  };
}
