/**
 * Child process: aggregates the same seeded random IPv4 and IPv6 CIDRs with the library's `Cidr.aggregate`
 * and with `cidr-tools` `mergeCidr`, side by side in this process, checks that both give the same networks,
 * and reports the median times. Both pipelines go from strings to strings, so parsing and formatting count
 * on both sides; the library's aggregate step alone is reported as context.
 *
 * Usage: node cidr-aggregate.js [count=100000] [repeats=7] [seed=20261123]
 */
import * as ipaddr from 'ipaddr.js';
import { Cidr } from '../lib/model/cidr';
import { median, reportToParent, seededRandom } from './measure';

type MergeFn = (nets: string[]) => string[];

// tsc (module commonjs) would turn `import()` into `require()`, which cannot load this ESM-only package
// portably; a Function keeps the native dynamic import.
const importEsm = new Function('specifier', 'return import(specifier)') as (specifier: string) => Promise<{ mergeCidr: MergeFn }>;

/**
 * `count` CIDRs, half IPv4 and half IPv6, mostly long prefixes packed into a few regions so that many
 * overlap or touch (as in real allow-lists), with some short prefixes that swallow others.
 */
export function randomCidrs(count: number, seed: number): string[] {
  const random = seededRandom(seed);
  const int = (max: number) => Math.floor(random() * max);
  // Skewed toward the long end: most networks are small.
  const skewedPrefix = (shortest: number, longest: number) => longest - Math.floor(random() ** 3 * (longest - shortest + 1));
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    if (i % 2 === 0) {
      // 80% inside 10.0.0.0/8, 20% anywhere.
      const dense = random() < 0.8;
      const prefix = dense ? skewedPrefix(20, 32) : skewedPrefix(12, 32);
      const value = dense ? 10 * 2 ** 24 + int(2 ** 24) : int(2 ** 32);
      const hostSize = 2 ** (32 - prefix);
      const network = value - (value % hostSize);
      out.push(`${Math.floor(network / 2 ** 24)}.${Math.floor(network / 2 ** 16) % 256}.${Math.floor(network / 256) % 256}.${network % 256}/${prefix}`);
    } else {
      // 2001:db8:<one of 256>:<one of 64>::<random 16 bits>, prefixes /64../128.
      const prefix = skewedPrefix(64, 128);
      let value = (0x20010db8n << 96n) | (BigInt(int(256)) << 80n) | (BigInt(int(64)) << 64n) | BigInt(int(2 ** 16));
      value &= ((1n << 128n) - 1n) ^ ((1n << BigInt(128 - prefix)) - 1n);
      const groups: number[] = [];
      for (let g = 7; g >= 0; g--) groups.push(Number((value >> BigInt(g * 16)) & 0xffffn));
      // Half written in full, half compressed (`2001:db8:5:7::`), as both occur in real lists.
      const text = random() < 0.5 ? groups.map((g) => g.toString(16)).join(':') : new ipaddr.IPv6(groups).toString();
      out.push(`${text}/${prefix}`);
    }
  }
  return out;
}

function libraryAggregate(input: readonly string[]): string[] {
  return Cidr.aggregate(input.map((s) => Cidr.parse(s))).map((c) => c.toString());
}

/** Canonical, sorted form of any list of networks (cidr-tools omits /32 and /128 on single addresses). */
function canonical(list: readonly string[]): string[] {
  return list
    .map((s) => Cidr.parse(s))
    .sort(Cidr.compare)
    .map((c) => c.toString());
}

function timeIt(fn: () => unknown): number {
  const start = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

async function main(): Promise<void> {
  const count = Number(process.argv[2] ?? 100000);
  const repeats = Number(process.argv[3] ?? 7);
  const seed = Number(process.argv[4] ?? 20261123);
  const { mergeCidr } = await importEsm('cidr-tools');
  const input = randomCidrs(count, seed);

  const ours = libraryAggregate(input);
  const theirs = mergeCidr(input);
  const a = canonical(ours);
  const b = canonical(theirs);
  const firstDiff = a.findIndex((v, i) => v !== b[i]);
  const identical = a.length === b.length && firstDiff === -1;
  if (!identical) {
    throw new Error(`results differ: library ${a.length} networks, cidr-tools ${b.length}; first difference at ${firstDiff}: ${a[firstDiff]} vs ${b[firstDiff]}`);
  }

  // Alternate the two so that machine noise hits both alike; the runs above were the warm-up. The speed
  // ratio is taken per pair (same moment, same machine load), then the median over pairs.
  const libMs: number[] = [];
  const toolsMs: number[] = [];
  const ratios: number[] = [];
  const parseMs: number[] = [];
  const aggregateMs: number[] = [];
  const formatMs: number[] = [];
  for (let r = 0; r < repeats; r++) {
    const lib = timeIt(() => libraryAggregate(input));
    const tools = timeIt(() => mergeCidr(input));
    libMs.push(lib);
    toolsMs.push(tools);
    ratios.push(tools / lib);
    let parsed: Cidr[] = [];
    let merged: Cidr[] = [];
    parseMs.push(timeIt(() => (parsed = input.map((t) => Cidr.parse(t)))));
    aggregateMs.push(timeIt(() => (merged = Cidr.aggregate(parsed))));
    formatMs.push(timeIt(() => merged.map((c) => c.toString())));
  }
  reportToParent({
    count,
    repeats,
    seed,
    identical,
    outputNetworks: a.length,
    outputIpv4: a.filter((c) => !c.includes(':')).length,
    libraryMs: median(libMs),
    cidrToolsMs: median(toolsMs),
    speedRatio: median(ratios),
    libraryParseMs: median(parseMs),
    libraryAggregateMs: median(aggregateMs),
    libraryFormatMs: median(formatMs),
  });
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
