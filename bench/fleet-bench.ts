/**
 * Fleet synth (library) and its overhead against the hand-written fleet: each (variant, N) runs in a fresh
 * process, library and hand interleaved (order alternating per repeat), wall time and peak RSS per run,
 * medians kept. After the first repeat of each N the two outputs are compared: same resource types and counts
 * per stack, and their sizes.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { median, ProcessSample, runNodeScript } from './measure';

/** Medians of one variant at one N. */
export interface FleetPoint {
  readonly n: number;
  readonly wallSeconds: number;
  readonly cpuSeconds: number;
  readonly peakRssMiB: number;
  /** In-process phases (ms): loading the modules, building the constructs, `app.synth()`. */
  readonly loadMs: number;
  readonly buildMs: number;
  readonly synthMs: number;
}

/** Output comparison at one N. */
export interface FleetComparison {
  readonly n: number;
  /** Resource (and provider/output) counts by type, per variant, summed over the stacks. */
  readonly library: Record<string, number>;
  readonly hand: Record<string, number>;
  /** Stacks whose type counts differ. */
  readonly differingStacks: string[];
  readonly libraryBytes: number;
  readonly handBytes: number;
}

export interface FleetResult {
  readonly repeats: number;
  readonly library: FleetPoint[];
  readonly hand: FleetPoint[];
  /** Per N: medians of the per-pair ratios library/hand. */
  readonly overhead: Array<{ n: number; timeRatio: number; cpuRatio: number; memoryRatio: number }>;
  readonly comparisons: FleetComparison[];
}

type Variant = 'library' | 'hand';

function countTypes(outdir: string): { perStack: Map<string, string>; totals: Record<string, number>; bytes: number } {
  const perStack = new Map<string, string>();
  const totals: Record<string, number> = {};
  let bytes = 0;
  const stacksDir = path.join(outdir, 'stacks');
  for (const stack of fs.readdirSync(stacksDir).sort()) {
    const text = fs.readFileSync(path.join(stacksDir, stack, 'cdk.tf.json'), 'utf8');
    bytes += text.length;
    const json = JSON.parse(text);
    const counts: Record<string, number> = {};
    for (const [type, byName] of Object.entries<Record<string, unknown>>(json.resource ?? {})) counts[type] = Object.keys(byName).length;
    for (const provider of Object.keys(json.provider ?? {})) counts[`provider ${provider}`] = 1;
    const outputs = Object.keys(json.output ?? {}).length;
    if (outputs) counts.output = outputs;
    for (const [k, v] of Object.entries(counts)) totals[k] = (totals[k] ?? 0) + v;
    perStack.set(stack, JSON.stringify(Object.entries(counts).sort()));
  }
  return { perStack, totals, bytes };
}

function compare(n: number, libraryDir: string, handDir: string): FleetComparison {
  const a = countTypes(libraryDir);
  const b = countTypes(handDir);
  const stacks = new Set([...a.perStack.keys(), ...b.perStack.keys()]);
  const differingStacks = [...stacks].filter((s) => a.perStack.get(s) !== b.perStack.get(s)).sort();
  return { n, library: a.totals, hand: b.totals, differingStacks, libraryBytes: a.bytes, handBytes: b.bytes };
}

function point(n: number, samples: ProcessSample[]): FleetPoint {
  const phase = (key: string) => median(samples.map((s) => Number(s.report?.[key])));
  return {
    n,
    wallSeconds: median(samples.map((s) => s.wallSeconds)),
    cpuSeconds: median(samples.map((s) => s.cpuSeconds)),
    peakRssMiB: median(samples.map((s) => s.peakRssMiB)),
    loadMs: phase('loadMs'),
    buildMs: phase('buildMs'),
    synthMs: phase('synthMs'),
  };
}

/** Runs the fleet benchmark for each size. */
export function benchFleet(sizes: readonly number[], repeats: number): FleetResult {
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-fleet-'));
  try {
    const tables = path.join(base, 'tables.json');
    runNodeScript('fleet-tables.js', [String(Math.max(...sizes)), tables]);
    const library: FleetPoint[] = [];
    const hand: FleetPoint[] = [];
    const overhead: FleetResult['overhead'] = [];
    const comparisons: FleetComparison[] = [];
    for (const n of sizes) {
      const samples: Record<Variant, ProcessSample[]> = { library: [], hand: [] };
      const timeRatios: number[] = [];
      const memoryRatios: number[] = [];
      const cpuRatios: number[] = [];
      for (let r = 0; r < repeats; r++) {
        const order: Variant[] = r % 2 === 0 ? ['library', 'hand'] : ['hand', 'library'];
        const pair: Partial<Record<Variant, ProcessSample>> = {};
        for (const variant of order) {
          const outdir = path.join(base, `${variant}-${n}-${r}`);
          pair[variant] = runNodeScript('fleet-synth.js', [variant, String(n), outdir, tables]);
          samples[variant].push(pair[variant] as ProcessSample);
        }
        if (r === 0) comparisons.push(compare(n, path.join(base, `library-${n}-0`), path.join(base, `hand-${n}-0`)));
        for (const variant of order) fs.rmSync(path.join(base, `${variant}-${n}-${r}`), { recursive: true, force: true });
        const l = pair.library as ProcessSample;
        const h = pair.hand as ProcessSample;
        timeRatios.push(l.wallSeconds / h.wallSeconds);
        memoryRatios.push(l.peakRssMiB / h.peakRssMiB);
        cpuRatios.push(l.cpuSeconds / h.cpuSeconds);
      }
      library.push(point(n, samples.library));
      hand.push(point(n, samples.hand));
      overhead.push({ n, timeRatio: median(timeRatios), cpuRatio: median(cpuRatios), memoryRatio: median(memoryRatios) });
    }
    return { repeats, library, hand, overhead, comparisons };
  } finally {
    fs.rmSync(base, { recursive: true, force: true });
  }
}
