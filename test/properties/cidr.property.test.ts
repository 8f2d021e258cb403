import * as fc from 'fast-check';
import { Cidr, IpVersion } from '../../lib/model';

/**
 * Cidr.aggregate must cover exactly the input addresses (never widen, never drop) with the fewest CIDRs.
 * IPv4 is checked by brute force inside 10.0.0.0/20 (4096 addresses); IPv6 by range arithmetic.
 */

const BASE4 = 0x0a000000; // 10.0.0.0
const SPACE4 = 4096; // a /20

function v4(n: number): string {
  return [24, 16, 8, 0].map((s) => (n >>> s) & 255).join('.');
}

/** A network inside 10.0.0.0/20: prefix 20-32 at an aligned offset. */
const network4 = fc
  .integer({ min: 20, max: 32 })
  .chain((prefix) => fc.integer({ min: 0, max: 2 ** (prefix - 20) - 1 }).map((i) => `${v4(BASE4 + i * 2 ** (32 - prefix))}/${prefix}`));

/** Small prefixes are rare by chance; bias towards long ones so adjacency and overlap are common. */
const networks4 = fc.array(fc.oneof({ weight: 1, arbitrary: network4 }, { weight: 3, arbitrary: network4.filter((t) => Number(t.split('/')[1]) >= 26) }), {
  maxLength: 40,
});

function bitmap(cidrs: readonly Cidr[]): Uint8Array {
  const bits = new Uint8Array(SPACE4);
  for (const c of cidrs) {
    for (let a = Number(c.first) - BASE4; a <= Number(c.last) - BASE4; a++) bits[a] = 1;
  }
  return bits;
}

/** Runs of set addresses as `start-end` offsets: a compact form of a bitmap for comparisons. */
function runs(bits: Uint8Array): string[] {
  const out: string[] = [];
  for (let a = 0; a < bits.length; a++) {
    if (bits[a] && !bits[a - 1]) out.push(`${a}-`);
    if (bits[a] && !bits[a + 1]) out[out.length - 1] += a;
  }
  return out;
}

/** The minimal exact CIDR cover of a bitmap: a block is taken whole when fully set, else split in halves. */
function minimalCover(bits: Uint8Array, start = 0, size = SPACE4): string[] {
  let set = 0;
  for (let a = start; a < start + size; a++) set += bits[a];
  if (set === 0) return [];
  if (set === size) return [`${v4(BASE4 + start)}/${32 - Math.log2(size)}`];
  return [...minimalCover(bits, start, size / 2), ...minimalCover(bits, start + size / 2, size / 2)];
}

/** No two outputs overlap or form an aligned pair (siblings that make one block of prefix-1). */
function assertNothingMergeable(out: readonly Cidr[]): void {
  for (let i = 1; i < out.length; i++) {
    const a = out[i - 1];
    const b = out[i];
    if (a.version !== b.version) continue;
    expect(a.last < b.first).toBe(true);
  }
  for (const a of out) {
    for (const b of out) {
      if (a === b || a.version !== b.version || a.prefix !== b.prefix || a.prefix === 0) continue;
      const parentSize = a.size * 2n;
      const siblings = a.first / parentSize === b.first / parentSize;
      expect(siblings).toBe(false);
    }
  }
}

function shuffled<T>(items: readonly T[]): fc.Arbitrary<T[]> {
  return fc.shuffledSubarray([...items], { minLength: items.length, maxLength: items.length });
}

const strs = (cidrs: readonly Cidr[]) => cidrs.map((c) => c.toString());

describe('Cidr.aggregate on IPv4 (brute force in a /20)', () => {
  test('covers exactly the same addresses with the minimal decomposition', () => {
    fc.assert(
      fc.property(networks4, (texts) => {
        const input = texts.map((t) => Cidr.parse(t));
        const out = Cidr.aggregate(input);
        const want = bitmap(input);
        expect(runs(bitmap(out))).toEqual(runs(want));
        expect(strs(out)).toEqual(minimalCover(want));
        assertNothingMergeable(out);
        // Disjoint: sizes add up to the number of covered addresses.
        expect(out.reduce((n, c) => n + c.size, 0n)).toBe(BigInt(want.reduce((n, b) => n + b, 0)));
      }),
      { numRuns: 300 },
    );
  });

  test('is idempotent and independent of input order and duplicates', () => {
    fc.assert(
      fc.property(
        networks4.chain((texts) => fc.tuple(fc.constant(texts), shuffled(texts))),
        ([texts, permuted]) => {
          const out = strs(Cidr.aggregate(texts.map((t) => Cidr.parse(t))));
          expect(strs(Cidr.aggregate(out.map((t) => Cidr.parse(t))))).toEqual(out);
          expect(strs(Cidr.aggregate(permuted.map((t) => Cidr.parse(t))))).toEqual(out);
          expect(strs(Cidr.aggregate([...texts, ...permuted].map((t) => Cidr.parse(t))))).toEqual(out);
        },
      ),
      { numRuns: 200 },
    );
  });

  test('every input network lies inside exactly one output network', () => {
    fc.assert(
      fc.property(networks4, (texts) => {
        const input = texts.map((t) => Cidr.parse(t));
        const out = Cidr.aggregate(input);
        for (const c of input) expect(out.filter((o) => o.contains(c))).toHaveLength(1);
      }),
      { numRuns: 200 },
    );
  });
});

describe('Cidr.aggregate on IPv6 and mixed input (range arithmetic)', () => {
  const BASE6 = 0x20010db8n << 96n; // 2001:db8::

  function v6(n: bigint): string {
    const groups: string[] = [];
    for (let i = 7; i >= 0; i--) groups.push(((n >> BigInt(i * 16)) & 0xffffn).toString(16));
    return groups.join(':');
  }

  /** A cluster of small networks in 2001:db8::/116, where merges happen, and occasional wide ones. */
  const network6 = fc.oneof(
    {
      weight: 4,
      arbitrary: fc
        .integer({ min: 116, max: 128 })
        .chain((prefix) => fc.bigInt({ min: 0n, max: (1n << BigInt(prefix - 116)) - 1n }).map((i) => `${v6(BASE6 + (i << BigInt(128 - prefix)))}/${prefix}`)),
    },
    {
      weight: 1,
      arbitrary: fc
        .integer({ min: 32, max: 128 })
        .chain((prefix) => fc.bigInt({ min: 0n, max: (1n << BigInt(prefix - 32)) - 1n }).map((i) => `${v6(BASE6 + (i << BigInt(128 - prefix)))}/${prefix}`)),
    },
  );
  const mixed = fc.array(fc.oneof(network6, network4), { maxLength: 40 });

  /** Sorted, merged [first, last] intervals of the networks of one version. */
  function intervals(cidrs: readonly Cidr[], version: IpVersion): Array<[bigint, bigint]> {
    const sorted = cidrs
      .filter((c) => c.version === version)
      .map((c) => [c.first, c.last] as [bigint, bigint])
      .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    const out: Array<[bigint, bigint]> = [];
    for (const [s, e] of sorted) {
      const last = out[out.length - 1];
      if (last && s <= last[1] + 1n) last[1] = e > last[1] ? e : last[1];
      else out.push([s, e]);
    }
    return out;
  }

  /** Number of CIDRs in the minimal cover of [s, e], counted top-down over the address trie. */
  function minimalCount(s: bigint, e: bigint, blockStart = 0n, bits = 128n): number {
    const blockEnd = blockStart + (1n << bits) - 1n;
    if (blockEnd < s || blockStart > e) return 0;
    if (blockStart >= s && blockEnd <= e) return 1;
    const half = 1n << (bits - 1n);
    return minimalCount(s, e, blockStart, bits - 1n) + minimalCount(s, e, blockStart + half, bits - 1n);
  }

  test('same address ranges, minimal, sorted with IPv4 first', () => {
    fc.assert(
      fc.property(mixed, (texts) => {
        const input = texts.map((t) => Cidr.parse(t));
        const out = Cidr.aggregate(input);
        const firstV6 = out.findIndex((c) => c.version === IpVersion.IPV6);
        if (firstV6 >= 0) expect(out.slice(firstV6).every((c) => c.version === IpVersion.IPV6)).toBe(true);
        expect([...out].sort(Cidr.compare)).toEqual(out);
        for (const version of [IpVersion.IPV4, IpVersion.IPV6]) {
          const want = intervals(input, version);
          expect(intervals(out, version)).toEqual(want);
          const ofVersion = out.filter((c) => c.version === version);
          const bits = version === IpVersion.IPV4 ? 32n : 128n;
          expect(ofVersion).toHaveLength(want.reduce((n, [s, e]) => n + minimalCount(s, e, 0n, bits), 0));
        }
        assertNothingMergeable(out);
      }),
      { numRuns: 300 },
    );
  });

  test('idempotent and order-independent', () => {
    fc.assert(
      fc.property(
        mixed.chain((texts) => fc.tuple(fc.constant(texts), shuffled(texts))),
        ([texts, permuted]) => {
          const out = strs(Cidr.aggregate(texts.map((t) => Cidr.parse(t))));
          expect(strs(Cidr.aggregate(out.map((t) => Cidr.parse(t))))).toEqual(out);
          expect(strs(Cidr.aggregate(permuted.map((t) => Cidr.parse(t))))).toEqual(out);
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('Cidr.parse', () => {
  test('IPv4 written as IPv6 is the IPv4 address (mapped) or refused (compatible), never another IPv6 address', () => {
    fc.assert(
      fc.property(fc.ipV4(), (v4) => {
        expect(Cidr.parse(`::ffff:${v4}`).toString()).toBe(`${v4}/32`);
        expect(() => Cidr.parse(`::${v4}`)).toThrow('an IPv4 address written as IPv6 is ambiguous here');
      }),
      { numRuns: 50 },
    );
  });

  test('an IPv6 address with an embedded dotted quad after another prefix (NAT64) stays IPv6', () => {
    expect(Cidr.parse('64:ff9b::192.0.2.1').toString()).toBe('64:ff9b::c000:201/128');
  });

  test('any address with any prefix parses, or suggests a network that parses and contains it', () => {
    fc.assert(
      fc.property(fc.oneof(fc.ipV4(), fc.ipV6().filter((t) => !t.includes('.'))), fc.integer({ min: 0, max: 128 }), (address, rawPrefix) => {
        const single = Cidr.parse(address);
        const bits = single.version === IpVersion.IPV4 ? 32 : 128;
        const prefix = rawPrefix % (bits + 1);
        // Ask for the network with host bits set; the suggested network must itself parse and contain the address.
        const text = `${single.address}/${prefix}`;
        let network: Cidr;
        try {
          network = Cidr.parse(text);
        } catch (e) {
          const suggested = /Did you mean (\S+)\?$/.exec((e as Error).message)?.[1];
          expect(suggested).toBeDefined();
          network = Cidr.parse(suggested as string);
        }
        expect(network.prefix).toBe(prefix);
        expect(network.contains(single)).toBe(true);
        expect(Cidr.parse(network.toString()).toString()).toBe(network.toString());
      }),
      { numRuns: 300 },
    );
  });
});
