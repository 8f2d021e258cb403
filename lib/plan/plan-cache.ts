import { BoundedCache } from '../model/bounded-cache';
import { invalidValue } from '../model/errors';

/**
 * A bounded, per-process cache of plans. Requirement sets are immutable, so a plan computed for the same sets
 * (the same objects) and the same options is the same plan: a fleet of a thousand clusters built from a few
 * dozen profile variants plans each variant once instead of once per cluster.
 *
 * The key is the identity of each requirement set (an id from a `WeakMap`, never reused, so a set that was
 * garbage-collected can never be mistaken for a new one) plus a canonical encoding of the options: plain
 * objects by sorted keys, arrays in order, primitives with their type, and any other object (a class
 * instance, a function) by identity. Two calls share a plan only when every set is the same object and every
 * option is equal, so a cached plan is never returned for different input.
 *
 * Failures are not cached: a plan that throws throws again on the next call, naming that caller's origin.
 * The plan is frozen (its plain objects and arrays, not the class instances it refers to, such as
 * requirements), so no caller can change what the next caller receives.
 *
 * Internal to the library (a generic class is not part of the jsii-compatible API), used by the targets where
 * they plan.
 */
export class PlanCache<P> {
  private readonly entries: BoundedCache<P>;
  private hitCount = 0;
  private missCount = 0;

  /**
   * @param name names the cache in errors, e.g. `Azure Firewall rule plans`
   * @param maxEntries most plans kept; the least recently used one is dropped beyond it
   * @throws FirewallRequirementsError when `maxEntries` is not a whole number of at least 1
   */
  constructor(
    private readonly name: string,
    public readonly maxEntries: number = DEFAULT_PLAN_CACHE_ENTRIES,
  ) {
    if (!Number.isInteger(maxEntries) || maxEntries < 1) {
      throw invalidValue('maxEntries', String(maxEntries), `PlanCache ${name}`, 'Give a whole number of at least 1.');
    }
    this.entries = new BoundedCache<P>(name, maxEntries);
  }

  /**
   * The plan for `sets` and `options`: the cached one when both match an earlier call, otherwise `compute()`,
   * cached unless it throws.
   * @param sets the requirement sets (or other immutable inputs) the plan is computed from, compared by identity
   * @param options everything else the plan depends on. Leave out what only names the caller in error
   *   messages (errors are never cached); everything that can change the plan must be in here.
   * @param compute computes the plan; called only on a miss
   * @throws FirewallRequirementsError when `options` contains a cycle
   */
  public get(sets: readonly object[], options: unknown, compute: () => P): P {
    const key = `${sets.map((s) => `#${identity(s)}`).join(',')}|${canonicalKey(options, `PlanCache ${this.name}`)}`;
    const kept = this.entries.get(key);
    if (kept !== undefined) {
      this.hitCount++;
      return kept;
    }
    this.missCount++;
    const plan = deepFreeze(compute());
    this.entries.set(key, plan);
    return plan;
  }

  /** Plans currently kept. */
  public get size(): number {
    return this.entries.size;
  }

  /** Calls answered from the cache since creation (or the last `clear`). */
  public get hits(): number {
    return this.hitCount;
  }

  /** Calls that computed a plan since creation (or the last `clear`). */
  public get misses(): number {
    return this.missCount;
  }

  /** Drops every plan and resets the counters. */
  public clear(): void {
    this.entries.clear();
    this.hitCount = 0;
    this.missCount = 0;
  }
}

/** Plans a `PlanCache` keeps by default: well above the few dozen variants of a large fleet. */
export const DEFAULT_PLAN_CACHE_ENTRIES = 256;

const ids = new WeakMap<object, number>();
let nextId = 1;

/** A per-process id of `value`'s identity, never reused. */
function identity(value: object): number {
  let id = ids.get(value);
  if (id === undefined) {
    id = nextId++;
    ids.set(value, id);
  }
  return id;
}

function isPlainObject(value: object): boolean {
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/**
 * A string that is equal for two values exactly when they are equal as plan options: primitives by type and
 * value (`1` and `'1'`, `null` and `undefined`, `0` and `-0`, `NaN` stay apart), arrays element by element,
 * plain objects by their sorted own keys (a key set to `undefined` is kept apart from a missing key), and any
 * other object or function by identity.
 * @param origin named in the error for a cyclic value
 * @throws FirewallRequirementsError when `value` contains a cycle through plain objects or arrays
 */
export function canonicalKey(value: unknown, origin = 'canonicalKey'): string {
  const open = new Set<object>();
  const encode = (v: unknown, path: string): string => {
    switch (typeof v) {
      case 'undefined':
        return 'u';
      case 'boolean':
        return v ? 'b1' : 'b0';
      case 'number':
        return Object.is(v, -0) ? 'n-0' : `n${String(v)}`;
      case 'bigint':
        return `g${String(v)}`;
      case 'string':
        return `s${JSON.stringify(v)}`;
      case 'symbol':
      case 'function':
        return `#${identity(v as object)}`;
      default:
        break;
    }
    if (v === null) return 'z';
    const o = v as object;
    if (!Array.isArray(o) && !isPlainObject(o)) return `#${identity(o)}`;
    if (open.has(o)) {
      throw invalidValue('plan options', path, origin, 'Plan options must not refer to themselves: pass plain data (strings, numbers, arrays, plain objects).', 'cyclic-value');
    }
    open.add(o);
    const body = Array.isArray(o)
      ? `[${o.map((item, i) => encode(item, `${path}[${i}]`)).join(',')}]`
      : `{${Object.keys(o)
          .sort()
          .map((k) => `${JSON.stringify(k)}:${encode((o as Record<string, unknown>)[k], `${path}.${k}`)}`)
          .join(',')}}`;
    open.delete(o);
    return body;
  };
  return encode(value, 'options');
}

/** Freezes the plain objects and arrays of `value`, leaving class instances (requirements, CIDRs) alone. */
function deepFreeze<T>(value: T): T {
  const seen = new Set<object>();
  const visit = (v: unknown): void => {
    if (v === null || typeof v !== 'object' || seen.has(v)) return;
    const o = v as object;
    if (!Array.isArray(o) && !isPlainObject(o)) return;
    seen.add(o);
    for (const k of Object.keys(o)) visit((o as Record<string, unknown>)[k]);
    Object.freeze(o);
  };
  visit(value);
  return value;
}
