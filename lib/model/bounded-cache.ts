import { invalidValue } from './errors';

/** Entries a `BoundedCache` keeps by default: far above the few dozen variants of a large fleet. */
export const DEFAULT_CACHE_ENTRIES = 256;

/**
 * The library's one cache idiom: a string-keyed map of immutable values that keeps at most `maxEntries`, dropping
 * the least recently used one beyond that, so a long-running process (a fleet synth, a CLI server) that sees
 * ever new inputs never grows without bound. Profiles, plans and exported modules all cache through it.
 *
 * Only immutable values belong here (requirement sets, frozen plans and modules): every caller with the same key
 * receives the same object. Failures are never cached: `getOrCompute` stores nothing when `compute` throws.
 *
 * Internal to the library (a generic class is not part of the jsii-compatible API).
 */
export class BoundedCache<V> {
  private readonly entries = new Map<string, V>();

  /**
   * @param name names the cache in errors, e.g. `AKS profiles`
   * @param maxEntries most entries kept
   * @throws FirewallRequirementsError when `maxEntries` is not a whole number of at least 1
   */
  constructor(
    public readonly name: string,
    public readonly maxEntries: number = DEFAULT_CACHE_ENTRIES,
  ) {
    if (!Number.isInteger(maxEntries) || maxEntries < 1) {
      throw invalidValue('maxEntries', String(maxEntries), `cache ${name}`, 'Give a whole number of at least 1.');
    }
  }

  /** The value kept for `key` (now the most recently used), or undefined. */
  public get(key: string): V | undefined {
    if (!this.entries.has(key)) return undefined;
    const value = this.entries.get(key) as V;
    // Re-insert: a Map iterates in insertion order, so the first key is the least recently used.
    this.entries.delete(key);
    this.entries.set(key, value);
    return value;
  }

  /** Keeps `value` for `key`, dropping the least recently used entry beyond `maxEntries`. */
  public set(key: string, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
  }

  /** The value for `key`: the kept one, or `compute()`, kept unless it throws. */
  public getOrCompute(key: string, compute: () => V): V {
    const kept = this.get(key);
    if (kept !== undefined) return kept;
    const value = compute();
    this.set(key, value);
    return value;
  }

  /** Whether a value is kept for `key` (does not change its recency). */
  public has(key: string): boolean {
    return this.entries.has(key);
  }

  /** Entries currently kept. */
  public get size(): number {
    return this.entries.size;
  }

  /** Drops every entry. */
  public clear(): void {
    this.entries.clear();
  }
}
