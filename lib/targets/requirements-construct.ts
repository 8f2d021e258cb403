import { PlanCache } from '../plan/plan-cache';
import { Annotations, Aspects, IAspect, TerraformStack } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import { invalidValue } from '../model/errors';
import { retiredCatalogsOf } from '../catalog/lifecycle';
import { InputCheck } from '../model/input';
import { retirementWarning } from '../model/lifecycle';
import { Requirement } from '../model/requirement';
import { RequirementSet } from '../model/requirement-set';

/** Unions of the same requirement sets (by identity, in order), shared by every construct of the process. */
const UNIONS = new PlanCache<RequirementSet>('requirement set unions');

/**
 * Base of every construct that renders requirement sets into firewall resources.
 *
 * Composition: a platform team builds one firewall from several modules (the cluster module adds the platform's
 * rows, each add-on module its own, the security team an agent's). Sets given at construction and through
 * `addRequirements` accumulate until synth; the construct renders them once, lazily, when its stack is prepared
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
    register(this);
  }

  /**
   * The rules constructs of `scope`'s app that are instances of `type`, in creation order, without walking the
   * construct tree or filtering every construct of the app.
   */
  protected static instancesIn<T extends RequirementsConstruct>(scope: IConstruct, type: abstract new (...args: never[]) => T): readonly T[] {
    return (byType(scope.node.root).get(type) ?? []) as T[];
  }

  /**
   * The other constructs of `type` in the app that share at least one key with `self` (in creation order): the only
   * ones a cross-construct check (one policy, one VPC, one name, one network) needs to compare, found through one
   * index of the whole type instead of comparing every construct with every other.
   * @param index names the index: one type may be indexed by several kinds of key
   * @param keysOf the keys of one construct (its policy, its VPC and names, ...): the same function for every call
   *   with this `index`; it is called once per construct and index while the set of constructs does not change
   * @param earlierOnly only the peers created before `self`
   */
  protected static peersOf<T extends RequirementsConstruct>(
    self: T,
    type: abstract new (...args: never[]) => T,
    index: string,
    keysOf: (construct: T) => readonly string[],
    earlierOnly = false,
  ): T[] {
    const all = RequirementsConstruct.instancesIn(self, type);
    const cache = indexCache(self.node.root, type);
    let built = cache.get(index) as BuiltIndex<T> | undefined;
    if (!built || built.size !== all.length) {
      built = buildIndex(all, keysOf);
      cache.set(index, built as BuiltIndex<RequirementsConstruct>);
    }
    const keys = built.keysOf.get(self) ?? [];
    const position = built.position;
    const mine = position.get(self) ?? 0;
    const wanted = (c: T) => c !== self && (!earlierOnly || (position.get(c) ?? 0) < mine);
    if (keys.length === 1) return (built.byKey.get(keys[0]) ?? []).filter(wanted);
    const peers = new Set<T>();
    for (const key of keys) for (const c of built.byKey.get(key) ?? []) if (wanted(c)) peers.add(c);
    return [...peers].sort((a, b) => (position.get(a) ?? 0) - (position.get(b) ?? 0));
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
    const requirements = this.requirements;
    this.renderRequirements(requirements);
    // A retired catalog in use is worth a warning at every synth, whatever the target made of its rows.
    warnRetiredCatalogs(this, requirements.requirements);
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

/**
 * Adds one synth warning to `scope` per retired catalog among the sources of `requirements` (constructs call it
 * when they render; `applyTo` helpers call it on the cluster they change).
 */
export function warnRetiredCatalogs(scope: IConstruct, requirements: readonly Requirement[]): void {
  for (const lifecycle of retiredCatalogsOf(requirements)) Annotations.of(scope).addWarning(retirementWarning(lifecycle));
}

type ConstructType = abstract new (...args: never[]) => RequirementsConstruct;

/** The rules constructs of one stack (rendered together), and of one app by type (for cross-construct checks). */
const BY_STACK = new WeakMap<TerraformStack, RequirementsConstruct[]>();
const BY_TYPE = new WeakMap<IConstruct, Map<ConstructType, RequirementsConstruct[]>>();
const INDEXES = new WeakMap<IConstruct, Map<ConstructType, Map<string, BuiltIndex<RequirementsConstruct>>>>();

interface BuiltIndex<T> {
  /** How many constructs of the type the index covers (a new construct invalidates it). */
  readonly size: number;
  readonly byKey: Map<string, T[]>;
  readonly keysOf: Map<T, readonly string[]>;
  readonly position: Map<T, number>;
}

function byType(root: IConstruct): Map<ConstructType, RequirementsConstruct[]> {
  let map = BY_TYPE.get(root);
  if (!map) {
    map = new Map();
    BY_TYPE.set(root, map);
  }
  return map;
}

function indexCache(root: IConstruct, type: ConstructType): Map<string, BuiltIndex<RequirementsConstruct>> {
  let perRoot = INDEXES.get(root);
  if (!perRoot) {
    perRoot = new Map();
    INDEXES.set(root, perRoot);
  }
  let perType = perRoot.get(type);
  if (!perType) {
    perType = new Map();
    perRoot.set(type, perType);
  }
  return perType;
}

function buildIndex<T extends RequirementsConstruct>(all: readonly T[], keysOf: (construct: T) => readonly string[]): BuiltIndex<T> {
  const byKey = new Map<string, T[]>();
  const keys = new Map<T, readonly string[]>();
  const position = new Map<T, number>();
  all.forEach((c, i) => {
    if (!attached(c)) return;
    position.set(c, i);
    const own = [...new Set(keysOf(c))];
    keys.set(c, own);
    for (const key of own) {
      const bucket = byKey.get(key);
      if (bucket) bucket.push(c);
      else byKey.set(key, [c]);
    }
  });
  return { size: all.length, byKey, keysOf: keys, position };
}

function register(construct: RequirementsConstruct): void {
  // By every class from the construct's own up to RequirementsConstruct, so `instancesIn(scope, Base)` finds subclasses.
  const types = byType(construct.node.root);
  for (let proto = Object.getPrototypeOf(construct); proto && proto !== RequirementsConstruct.prototype; proto = Object.getPrototypeOf(proto)) {
    const type = proto.constructor as ConstructType;
    const list = types.get(type);
    if (list) list.push(construct);
    else types.set(type, [construct]);
  }
  const stack = TerraformStack.of(construct);
  const inStack = BY_STACK.get(stack);
  if (inStack) {
    inStack.push(construct);
    return;
  }
  BY_STACK.set(stack, [construct]);
  renderWithStack(stack);
}

/**
 * The trigger: each stack renders its own rules constructs, once, at the first point of synthesis. That point is
 * the stack hook, `prepareStack`, because `App.synth` prepares every stack (turning references to another stack's
 * resources into outputs and remote state) before any stack invokes aspects, so resources rendered by an aspect
 * would keep cross-stack references unprepared. cdktf's `Testing.synth`/`synthScope`/`fullSynth` never prepare a
 * stack and only invoke aspects, so the same rendering is also reachable as one aspect on the stack (not one per
 * construct); after the hook it finds nothing left to render.
 */
function renderWithStack(stack: TerraformStack): void {
  const prepare = stack.prepareStack.bind(stack);
  stack.prepareStack = () => {
    renderStack(stack);
    prepare();
  };
  Aspects.of(stack).add(new RenderStackAspect(stack));
}

function renderStack(stack: TerraformStack): void {
  for (const construct of BY_STACK.get(stack) ?? []) if (attached(construct)) construct.render();
}

/** Whether the construct is still in the tree (one whose props were refused removes itself). */
function attached(construct: RequirementsConstruct): boolean {
  return construct.node.scope?.node.tryFindChild(construct.node.id) === construct;
}

/** Renders the stack's rules constructs where synthesis only invokes aspects (see `renderWithStack`). */
class RenderStackAspect implements IAspect {
  constructor(private readonly stack: TerraformStack) {}

  public visit(node: IConstruct): void {
    if (node === this.stack) renderStack(this.stack);
  }
}
