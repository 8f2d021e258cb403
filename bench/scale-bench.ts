/**
 * Scale: large but legitimate inputs grow near-linearly. Each case runs at a base size and three doublings
 * (fresh process per run, the sizes interleaved and their order alternating between repeats); the figure is the
 * ratio per doubling, t(2n)/t(n) of the work's CPU time, median of the repeats, and the row reports the worst
 * doubling. Linear is 2.0x; the goal is <= 2.2x. Optionally the same ratios in instruction counts (valgrind),
 * with the instructions of a run that only loads the modules taken off each count.
 */
import { countInstructions, median, runNodeScript } from './measure';

/** One case: its name, what it is, and its sizes (the Azure ones stop at the 20,000 address pairs Azure allows). */
export interface ScaleCase {
  readonly name: string;
  readonly what: string;
  readonly sizes: readonly number[];
}

export const SCALE_CASES: readonly ScaleCase[] = [
  { name: 'aks-profile', what: 'aksProfile with n custom DNS servers', sizes: [3750, 7500, 15000, 30000] },
  { name: 'azure-export', what: 'export azure-firewall-policy of that profile (in memory)', sizes: [2500, 5000, 10000, 20000] },
  { name: 'azure-construct', what: 'AzureFirewallPolicyRules of that profile, synthesized', sizes: [2500, 5000, 10000, 20000] },
  { name: 'gcp-construct', what: 'GcpFirewall of the profile\'s address rows, synthesized', sizes: [3750, 7500, 15000, 30000] },
];

export interface ScaleCaseResult {
  readonly name: string;
  readonly what: string;
  readonly sizes: readonly number[];
  /** Median work CPU ms and wall ms per size. */
  readonly cpuMs: number[];
  readonly wallMs: number[];
  /** t(2n)/t(n) per doubling, CPU time, median over the repeats; the same for wall time. */
  readonly cpuRatios: number[];
  readonly wallRatios: number[];
  /** Instructions per doubling (work only), when counted. */
  readonly instructionRatios?: number[];
  readonly instructions?: number[];
}

/** Per doubling: the median over the repeats of each run's t(2n)/t(n). */
export function ratios(perRepeat: number[][]): number[] {
  const out: number[] = [];
  for (let i = 1; i < perRepeat[0].length; i++) out.push(median(perRepeat.map((run) => run[i] / run[i - 1])));
  return out;
}

export async function benchScale(repeats: number, withInstructions: boolean, only?: ReadonlySet<string>): Promise<ScaleCaseResult[]> {
  const results: ScaleCaseResult[] = [];
  for (const c of SCALE_CASES) {
    if (only && only.size > 0 && !only.has(c.name)) continue;
    const cpu: number[][] = [];
    const wall: number[][] = [];
    for (let r = 0; r < repeats; r++) {
      const order = c.sizes.map((_, i) => i);
      if (r % 2 === 1) order.reverse();
      const cpuRun: number[] = [];
      const wallRun: number[] = [];
      for (const i of order) {
        const report = runNodeScript('scale-run.js', [c.name, String(c.sizes[i])]).report as { ms: number; workCpuMs: number };
        cpuRun[i] = report.workCpuMs;
        wallRun[i] = report.ms;
      }
      cpu.push(cpuRun);
      wall.push(wallRun);
    }
    let instructionRatios: number[] | undefined;
    let instructions: number[] | undefined;
    if (withInstructions) {
      const counts = await countInstructions([0, ...c.sizes].map((n) => ({ script: 'scale-run.js', args: [c.name, String(n)] })));
      const base = counts[0].instructions;
      instructions = counts.slice(1).map((s) => s.instructions - base);
      instructionRatios = ratios([instructions]);
    }
    results.push({
      name: c.name,
      what: c.what,
      sizes: c.sizes,
      cpuMs: c.sizes.map((_, i) => median(cpu.map((run) => run[i]))),
      wallMs: c.sizes.map((_, i) => median(wall.map((run) => run[i]))),
      cpuRatios: ratios(cpu),
      wallRatios: ratios(wall),
      instructionRatios,
      instructions,
    });
  }
  return results;
}
