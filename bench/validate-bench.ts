/**
 * Offline validation, cold (empty schema cache: schemas derived from the provider packages' jsii assemblies)
 * and warm (the same cache again), each in a fresh process, on a synthesized library fleet that uses all four
 * providers.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { median, ProcessSample, runNodeScript } from './measure';

export interface ValidateResult {
  /** Clusters in the validated fleet. */
  readonly n: number;
  readonly repeats: number;
  readonly coldSeconds: number;
  readonly warmSeconds: number;
  readonly coldRssMiB: number;
  readonly warmRssMiB: number;
  /** Median of the per-pair ratios cold/warm. */
  readonly speedup: number;
  readonly resources: number;
  readonly problems: number;
  readonly firstProblems: string[];
  readonly unchecked: string[];
  readonly coldLoads: unknown;
  readonly warmLoads: unknown;
}

export function benchValidate(n: number, repeats: number): ValidateResult {
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-validate-'));
  try {
    const outdir = path.join(base, 'cdktf.out');
    runNodeScript('fleet-synth.js', ['library', String(n), outdir]);
    const cold: ProcessSample[] = [];
    const warm: ProcessSample[] = [];
    const ratios: number[] = [];
    for (let r = 0; r < repeats; r++) {
      const cache = path.join(base, `cache-${r}`);
      const c = runNodeScript('validate-run.js', [outdir, cache]);
      const w = runNodeScript('validate-run.js', [outdir, cache]);
      cold.push(c);
      warm.push(w);
      ratios.push(c.wallSeconds / w.wallSeconds);
    }
    const first = cold[0].report as Record<string, any>;
    return {
      n,
      repeats,
      coldSeconds: median(cold.map((s) => s.wallSeconds)),
      warmSeconds: median(warm.map((s) => s.wallSeconds)),
      coldRssMiB: median(cold.map((s) => s.peakRssMiB)),
      warmRssMiB: median(warm.map((s) => s.peakRssMiB)),
      speedup: median(ratios),
      resources: first.resources,
      problems: first.problems,
      firstProblems: first.firstProblems,
      unchecked: first.unchecked,
      coldLoads: first.schemaLoads,
      warmLoads: (warm[0].report as Record<string, any>).schemaLoads,
    };
  } finally {
    fs.rmSync(base, { recursive: true, force: true });
  }
}
