import { BoundedCache } from '../../lib/model/bounded-cache';
import { FirewallRequirementsError } from '../../lib/model/errors';
import { aksProfile } from '../../lib/catalog/aks/profile';

describe('BoundedCache', () => {
  test('GIVEN a full cache WHEN one more entry is set THEN the least recently used one is dropped', () => {
    const cache = new BoundedCache<number>('test', 2);
    cache.set('a', 1);
    cache.set('b', 2);
    expect(cache.get('a')).toBe(1); // a is now the most recently used
    cache.set('c', 3);
    expect(cache.has('b')).toBe(false);
    expect(cache.get('a')).toBe(1);
    expect(cache.get('c')).toBe(3);
    expect(cache.size).toBe(2);
  });

  test('getOrCompute keeps a computed value and computes again only after a failure', () => {
    const cache = new BoundedCache<string>('test');
    let calls = 0;
    expect(() =>
      cache.getOrCompute('k', () => {
        calls++;
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(cache.has('k')).toBe(false);
    expect(cache.getOrCompute('k', () => `v${++calls}`)).toBe('v2');
    expect(cache.getOrCompute('k', () => `v${++calls}`)).toBe('v2');
    expect(calls).toBe(2);
    cache.clear();
    expect(cache.size).toBe(0);
  });

  test.each([0, -1, 1.5, Number.NaN])('refuses maxEntries %p', (n) => {
    expect(() => new BoundedCache('test', n)).toThrow(FirewallRequirementsError);
    expect(() => new BoundedCache('test', n)).toThrow(/maxEntries/);
  });

  test('profiles share one set per option set through the cache', () => {
    expect(aksProfile({ location: 'westeurope' })).toBe(aksProfile({ location: 'West Europe' }));
  });
});
