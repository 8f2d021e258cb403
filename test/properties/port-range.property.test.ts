import * as fc from 'fast-check';
import { PortRange } from '../../lib/model';

/** PortRange.merge must keep exactly the same ports with the fewest ranges. Ports stay below 200 so brute force is cheap. */

const MAX = 200;
const range = fc.tuple(fc.integer({ min: 1, max: MAX }), fc.integer({ min: 0, max: 12 })).map(([from, len]) => PortRange.range(from, Math.min(MAX, from + len)));
const ranges = fc.array(range, { maxLength: 30 });

function ports(list: readonly PortRange[]): number[] {
  const set = new Set<number>();
  for (const r of list) for (let p = r.from; p <= r.to; p++) set.add(p);
  return [...set].sort((a, b) => a - b);
}

/** Number of maximal runs of consecutive ports: the minimal number of ranges. */
function runCount(sorted: number[]): number {
  return sorted.filter((p, i) => i === 0 || sorted[i - 1] !== p - 1).length;
}

describe('PortRange.merge', () => {
  test('exact and minimal: same ports, sorted, no overlap, no adjacency', () => {
    fc.assert(
      fc.property(ranges, (input) => {
        const out = PortRange.merge(input);
        expect(ports(out)).toEqual(ports(input));
        expect(out).toHaveLength(runCount(ports(input)));
        for (let i = 1; i < out.length; i++) expect(out[i].from).toBeGreaterThan(out[i - 1].to + 1);
      }),
      { numRuns: 300 },
    );
  });

  test('idempotent and order-independent', () => {
    fc.assert(
      fc.property(
        ranges.chain((input) => fc.tuple(fc.constant(input), fc.shuffledSubarray(input, { minLength: input.length, maxLength: input.length }))),
        ([input, permuted]) => {
          const out = PortRange.merge(input).map(String);
          expect(PortRange.merge(PortRange.merge(input)).map(String)).toEqual(out);
          expect(PortRange.merge(permuted).map(String)).toEqual(out);
        },
      ),
      { numRuns: 200 },
    );
  });

  test('parse(toString()) round-trips any valid range', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 65535 }), fc.integer({ min: 1, max: 65535 }), (a, b) => {
        const r = PortRange.range(Math.min(a, b), Math.max(a, b));
        const back = PortRange.parse(r.toString());
        expect([back.from, back.to]).toEqual([r.from, r.to]);
      }),
      { numRuns: 200 },
    );
  });
});
