/**
 * Fleet synth (library) and its overhead against the hand-written fleet. Each (variant, N) runs in a fresh
 * process, library and hand interleaved (the order alternates per pair); every pair gives a ratio of wall
 * time, CPU time and peak RSS, and the median of the pair ratios is kept, next to the ratio of the smallest
 * figures. Where valgrind exists, both fleets' instructions are also counted at one N (load-independent). After
 * the first pair of each N the two outputs are compared: same resource types and counts and the same content
 * in every stack.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { compareFleets, FleetContentComparison } from './fleet-compare';
import { countInstructions, hasValgrind, median, min, ProcessSample, runNodeScript } from './measure';

/** One variant at one N: medians (and minimums) over the runs. */
export interface FleetPoint {
  readonly n: number;
  readonly wallSeconds: number;
  readonly wallMinSeconds: number;
  readonly cpuSeconds: number;
  readonly cpuMinSeconds: number;
  readonly peakRssMiB: number;
  /** In-process phases (ms): loading the modules, building the constructs, `app.synth()`. */
  readonly loadMs: number;
  readonly buildMs: number;
  readonly synthMs: number;
}

/** A library/hand ratio over the pairs. */
export interface PairedRatio {
  /** Median of the per-pair ratios. */
  readonly median: number;
  /** Smallest library figure over smallest hand figure (both least disturbed by other load). */
  readonly ofMinimums: number;
  /** Spread of the per-pair ratios. */
  readonly lowest: number;
  readonly highest: number;
}

/** Instruction counts of both fleets at one N. */
export interface FleetInstructions {
  readonly n: number;
  readonly library: number[];
  readonly hand: number[];
  readonly ratio: PairedRatio;
}

export interface FleetResult {
  readonly pairs: number;
  readonly library: FleetPoint[];
  readonly hand: FleetPoint[];
  /** Per N: library/hand ratios. */
  readonly overhead: Array<{ n: number; time: PairedRatio; cpu: PairedRatio; memory: PairedRatio }>;
  /** Instruction counts, or why they were not taken. */
  readonly instructions: FleetInstructions | { readonly skipped: string };
  readonly comparisons: Array<FleetContentComparison & { n: number }>;
}

/** What to run. */
export interface FleetBenchOptions {
  readonly sizes: readonly number[];
  /** Interleaved library/hand pairs per N. */
  readonly pairs: number;
  /** Fleet size for the instruction counts; 0 skips them. */
  readonly instructionsN: number;
  /** Instruction count pairs (each pair runs side by side). */
  readonly instructionPairs: number;
}

type Variant = 'library' | 'hand';

function point(n: number, samples: ProcessSample[]): FleetPoint {
  const phase = (key: string) => median(samples.map((s) => Number(s.report?.[key])));
  return {
    n,
    wallSeconds: median(samples.map((s) => s.wallSeconds)),
    wallMinSeconds: min(samples.map((s) => s.wallSeconds)),
    cpuSeconds: median(samples.map((s) => s.cpuSeconds)),
    cpuMinSeconds: min(samples.map((s) => s.cpuSeconds)),
    peakRssMiB: median(samples.map((s) => s.peakRssMiB)),
    loadMs: phase('loadMs'),
    buildMs: phase('buildMs'),
    synthMs: phase('synthMs'),
  };
}

/** Ratios of paired figures (`library[i]` was measured next to `hand[i]`). */
export function pairedRatio(library: readonly number[], hand: readonly number[]): PairedRatio {
  const ratios = library.map((l, i) => l / hand[i]);
  return { median: median(ratios), ofMinimums: min(library) / min(hand), lowest: min(ratios), highest: Math.max(...ratios) };
}

/** Runs the fleet benchmark for each size. */
export async function benchFleet(options: FleetBenchOptions): Promise<FleetResult> {
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-fleet-'));
  try {
    const tables = path.join(base, 'tables.json');
    runNodeScript('fleet-tables.js', [String(Math.max(...options.sizes, options.instructionsN)), tables]);
    const library: FleetPoint[] = [];
    const hand: FleetPoint[] = [];
    const overhead: FleetResult['overhead'] = [];
    const comparisons: FleetResult['comparisons'] = [];
    for (const n of options.sizes) {
      const samples: Record<Variant, ProcessSample[]> = { library: [], hand: [] };
      for (let r = 0; r < options.pairs; r++) {
        const order: Variant[] = r % 2 === 0 ? ['library', 'hand'] : ['hand', 'library'];
        for (const variant of order) {
          samples[variant].push(runNodeScript('fleet-synth.js', [variant, String(n), path.join(base, `${variant}-${n}-${r}`), tables]));
        }
        if (r === 0) comparisons.push({ n, ...compareFleets(path.join(base, `library-${n}-0`), path.join(base, `hand-${n}-0`)) });
        for (const variant of order) fs.rmSync(path.join(base, `${variant}-${n}-${r}`), { recursive: true, force: true });
      }
      library.push(point(n, samples.library));
      hand.push(point(n, samples.hand));
      const of = (v: Variant, key: 'wallSeconds' | 'cpuSeconds' | 'peakRssMiB') => samples[v].map((s) => s[key]);
      overhead.push({
        n,
        time: pairedRatio(of('library', 'wallSeconds'), of('hand', 'wallSeconds')),
        cpu: pairedRatio(of('library', 'cpuSeconds'), of('hand', 'cpuSeconds')),
        memory: pairedRatio(of('library', 'peakRssMiB'), of('hand', 'peakRssMiB')),
      });
    }
    const instructions = await fleetInstructions(options, base, tables);
    return { pairs: options.pairs, library, hand, overhead, instructions, comparisons };
  } finally {
    fs.rmSync(base, { recursive: true, force: true });
  }
}

async function fleetInstructions(options: FleetBenchOptions, base: string, tables: string): Promise<FleetResult['instructions']> {
  const n = options.instructionsN;
  if (n <= 0) return { skipped: 'instruction counts turned off (BENCH_INSTRUCTIONS_N=0)' };
  if (!hasValgrind()) return { skipped: 'valgrind is not installed' };
  const library: number[] = [];
  const hand: number[] = [];
  for (let r = 0; r < options.instructionPairs; r++) {
    const [l, h] = await countInstructions(
      (['library', 'hand'] as Variant[]).map((variant) => ({ script: 'fleet-synth.js', args: [variant, String(n), path.join(base, `count-${variant}-${r}`), tables] })),
    );
    library.push(l.instructions);
    hand.push(h.instructions);
    for (const variant of ['library', 'hand']) fs.rmSync(path.join(base, `count-${variant}-${r}`), { recursive: true, force: true });
  }
  return { n, library, hand, ratio: pairedRatio(library, hand) };
}
