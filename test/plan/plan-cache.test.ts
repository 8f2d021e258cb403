import { FirewallRequirementsError } from '../../lib/model/errors';
import { canonicalKey, DEFAULT_PLAN_CACHE_ENTRIES, PlanCache } from '../../lib/plan/plan-cache';

/** A stand-in for an immutable requirement set: only its identity matters to the cache. */
class FakeSet {
  constructor(public readonly label: string) {}
}

function counting<P>(make: () => P): { compute: () => P; calls: () => number } {
  let calls = 0;
  return {
    compute: () => {
      calls++;
      return make();
    },
    calls: () => calls,
  };
}

describe('PlanCache', () => {
  test('GIVEN the same sets and equal options WHEN planned twice THEN the plan is computed once and shared', () => {
    const cache = new PlanCache<{ rules: string[] }>('test');
    const a = new FakeSet('a');
    const b = new FakeSet('b');
    const c = counting(() => ({ rules: ['r1'] }));
    const first = cache.get([a, b], { mode: 'x', sections: ['s1', 's2'], priorities: { s1: 100 } }, c.compute);
    // Equal options written in another key order and as fresh objects.
    const second = cache.get([a, b], { priorities: { s1: 100 }, sections: ['s1', 's2'], mode: 'x' }, c.compute);
    expect(second).toBe(first);
    expect(c.calls()).toBe(1);
    expect(cache.hits).toBe(1);
    expect(cache.misses).toBe(1);
    expect(cache.size).toBe(1);
  });

  test('GIVEN other sets, another set order or other options THEN each gets its own plan', () => {
    const cache = new PlanCache<string>('test');
    const a = new FakeSet('a');
    const b = new FakeSet('b');
    // A different object with the same content is a different set: identity, not content, is the key.
    const aTwin = new FakeSet('a');
    let n = 0;
    const compute = () => `plan-${++n}`;
    const plans = [
      cache.get([a, b], { p: 1 }, compute),
      cache.get([b, a], { p: 1 }, compute),
      cache.get([a], { p: 1 }, compute),
      cache.get([aTwin, b], { p: 1 }, compute),
      cache.get([a, b], { p: 2 }, compute),
      cache.get([a, b], { p: '1' }, compute),
      cache.get([a, b], { p: 1, q: undefined }, compute),
      cache.get([a, b], { p: [1] }, compute),
    ];
    expect(new Set(plans).size).toBe(plans.length);
    expect(cache.misses).toBe(plans.length);
    expect(cache.get([a, b], { p: 1 }, compute)).toBe('plan-1');
  });

  test('GIVEN a plan that throws THEN nothing is cached and the next call computes (and throws) again', () => {
    const cache = new PlanCache<string>('test');
    const a = new FakeSet('a');
    let calls = 0;
    const failing = () => {
      calls++;
      throw new Error(`failure ${calls}`);
    };
    expect(() => cache.get([a], {}, failing)).toThrow('failure 1');
    expect(() => cache.get([a], {}, failing)).toThrow('failure 2');
    expect(cache.size).toBe(0);
    expect(cache.get([a], {}, () => 'ok')).toBe('ok');
  });

  test('GIVEN more plans than maxEntries THEN the least recently used one is dropped', () => {
    const cache = new PlanCache<string>('test', 2);
    const [a, b, c] = [new FakeSet('a'), new FakeSet('b'), new FakeSet('c')];
    const calls: string[] = [];
    const plan = (label: string) => () => {
      calls.push(label);
      return label;
    };
    cache.get([a], {}, plan('a'));
    cache.get([b], {}, plan('b'));
    cache.get([a], {}, plan('a')); // a is now the most recently used
    cache.get([c], {}, plan('c')); // drops b
    expect(cache.size).toBe(2);
    cache.get([a], {}, plan('a'));
    cache.get([b], {}, plan('b'));
    expect(calls).toEqual(['a', 'b', 'c', 'b']);
  });

  test('the plan is frozen: a caller cannot change what the next caller receives', () => {
    const cache = new PlanCache<{ groups: Array<{ names: string[] }>; owner: FakeSet }>('test');
    const a = new FakeSet('a');
    const plan = cache.get([a], {}, () => ({ groups: [{ names: ['x'] }], owner: a }));
    expect(() => plan.groups.push({ names: [] })).toThrow(TypeError);
    expect(() => plan.groups[0].names.push('y')).toThrow(TypeError);
    expect(Object.isFrozen(plan)).toBe(true);
    // Class instances the plan refers to are left alone.
    expect(Object.isFrozen(plan.owner)).toBe(false);
    expect(cache.get([a], {}, () => ({ groups: [], owner: a })).groups[0].names).toEqual(['x']);
  });

  test('clear drops the plans and resets the counters', () => {
    const cache = new PlanCache<number>('test');
    const a = new FakeSet('a');
    cache.get([a], {}, () => 1);
    cache.get([a], {}, () => 2);
    cache.clear();
    expect([cache.size, cache.hits, cache.misses]).toEqual([0, 0, 0]);
    expect(cache.get([a], {}, () => 3)).toBe(3);
  });

  test('the default bound', () => {
    expect(new PlanCache('test').maxEntries).toBe(DEFAULT_PLAN_CACHE_ENTRIES);
  });

  test.each([0, -1, 1.5, NaN, Infinity])('rejects maxEntries %p with an error that names the cache', (max) => {
    expect(() => new PlanCache('Azure plans', max)).toThrow(FirewallRequirementsError);
    expect(() => new PlanCache('Azure plans', max)).toThrow(/Invalid maxEntries .*from PlanCache Azure plans.*whole number of at least 1/);
  });

  test('rejects cyclic options, naming where the cycle is', () => {
    const cache = new PlanCache<string>('cyclic');
    const options: Record<string, unknown> = { a: { b: [] } };
    ((options.a as Record<string, unknown>).b as unknown[]).push(options);
    expect(() => cache.get([], options, () => 'never')).toThrow(FirewallRequirementsError);
    expect(() => cache.get([], options, () => 'never')).toThrow(/Invalid plan options "options\.a\.b\[0\]" \(from PlanCache cyclic\)/);
  });
});

describe('canonicalKey', () => {
  test('equal plain data gives equal keys, whatever the key order', () => {
    expect(canonicalKey({ a: 1, b: ['x', { c: true }] })).toBe(canonicalKey({ b: ['x', { c: true }], a: 1 }));
  });

  test.each<[unknown, unknown]>([
    [1, '1'],
    [null, undefined],
    [0, -0],
    [NaN, null],
    [{ a: undefined }, {}],
    [[1, 2], [2, 1]],
    [['a,b'], ['a', 'b']],
    [{ 'a"': 1 }, { a: 1 }],
    [BigInt(1), 1],
    [true, 'true'],
  ])('keeps %p and %p apart', (x, y) => {
    expect(canonicalKey(x)).not.toBe(canonicalKey(y));
  });

  test('class instances and functions by identity, not content', () => {
    const f = () => 1;
    expect(canonicalKey({ f })).toBe(canonicalKey({ f }));
    expect(canonicalKey({ f })).not.toBe(canonicalKey({ f: () => 1 }));
    const s = new FakeSet('a');
    expect(canonicalKey([s])).toBe(canonicalKey([s]));
    expect(canonicalKey([s])).not.toBe(canonicalKey([new FakeSet('a')]));
  });

  test('a value shared twice (not a cycle) is fine', () => {
    const shared = { x: 1 };
    expect(canonicalKey({ a: shared, b: shared })).toBe(canonicalKey({ a: { x: 1 }, b: { x: 1 } }));
  });
});
