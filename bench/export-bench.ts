/**
 * Export of the fleet as plain Terraform modules against the cdktf synth of the same fleet: each in a fresh
 * process, interleaved, wall time and peak RSS per run, medians of the per-pair ratios kept. After the first pair
 * the rule content is compared: per cluster and resource type, the exported bodies and the synthesized bodies are
 * the same multiset once references and ids are stripped (the keys whose exported value is a `${...}` reference,
 * cdktf's `//` metadata, `depends_on`, `lifecycle`, `provider`).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { median, ProcessSample, runNodeScript } from './measure';

/** The result; `missing` lists targets not registered yet (then nothing ran). */
export interface ExportBenchResult {
  readonly n: number;
  readonly missing?: string[];
  readonly exportSeconds?: number;
  readonly synthSeconds?: number;
  readonly exportPeakRssMiB?: number;
  readonly synthPeakRssMiB?: number;
  /** synth / export, wall time and peak RSS (the speed-up). */
  readonly timeRatio?: number;
  readonly memoryRatio?: number;
  /** In-process export time (ms), plan reuse included. */
  readonly exportMs?: number;
  /** Clusters whose rule content differs, with the first difference. */
  readonly differences?: string[];
  readonly comparedResources?: number;
}

const IGNORED = new Set(['//', 'depends_on', 'lifecycle', 'provider', 'count', 'for_each']);

function isReference(v: unknown): boolean {
  return typeof v === 'string' && v.includes('${');
}

/** Keys whose value is a reference, at any depth (e.g. a rule's `source_addresses` set from a module variable). */
function referenceKeys(value: unknown, out: Set<string>): Set<string> {
  if (Array.isArray(value)) value.forEach((v) => referenceKeys(v, out));
  else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (isReference(v) || (Array.isArray(v) && v.some(isReference))) out.add(k);
      else referenceKeys(v, out);
    }
  }
  return out;
}

/** The value without ignored keys and the keys in `drop`, at any depth, with sorted keys. */
function stripped(value: unknown, drop: ReadonlySet<string>): unknown {
  if (Array.isArray(value)) return value.map((v) => stripped(v, drop));
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) if (!IGNORED.has(key) && !drop.has(key)) out[key] = stripped((value as Record<string, unknown>)[key], drop);
  return out;
}

function strip(body: Record<string, unknown>, drop: ReadonlySet<string>): string {
  return JSON.stringify(stripped(body, drop));
}

/**
 * Compares the exported resources of each cluster with its synthesized stack. Returns the differences (empty when
 * identical) and how many resources were compared.
 */
export function compareRuleContent(exported: Record<string, Record<string, Record<string, Record<string, unknown>>>>, synthOutdir: string): { differences: string[]; compared: number } {
  const differences: string[] = [];
  let compared = 0;
  for (const [cluster, types] of Object.entries(exported)) {
    const stack = JSON.parse(fs.readFileSync(path.join(synthOutdir, 'stacks', cluster, 'cdk.tf.json'), 'utf8'));
    for (const [type, byKey] of Object.entries(types)) {
      const bodies = Object.values(byKey);
      const drop = referenceKeys(bodies, new Set<string>());
      const a = bodies.map((b) => strip(b, drop)).sort();
      const b = Object.values<Record<string, unknown>>(stack.resource?.[type] ?? {}).map((x) => strip(x, drop)).sort();
      compared += a.length;
      if (JSON.stringify(a) !== JSON.stringify(b)) {
        const first = a.find((x) => !b.includes(x)) ?? b.find((x) => !a.includes(x));
        differences.push(`${cluster} ${type}: ${a.length} exported, ${b.length} synthesized; e.g. ${first?.slice(0, 200)}`);
      }
    }
  }
  return { differences, compared };
}

/** Runs the comparison at fleet size `n`, `repeats` interleaved pairs. */
export function benchExport(n: number, repeats: number): ExportBenchResult {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-export-'));
  try {
    const probe = runNodeScript('fleet-export.js', ['1']);
    const missing = probe.report?.missing as string[] | undefined;
    if (missing && missing.length > 0) return { n, missing };
    const exports: ProcessSample[] = [];
    const synths: ProcessSample[] = [];
    let comparison: { differences: string[]; compared: number } | undefined;
    for (let i = 0; i < repeats; i++) {
      const resources = path.join(work, `resources-${i}.json`);
      const outdir = path.join(work, `synth-${i}`);
      const runExport = () => exports.push(runNodeScript('fleet-export.js', [String(n), ...(i === 0 ? [resources] : [])]));
      const runSynth = () => synths.push(runNodeScript('fleet-synth.js', ['library', String(n), outdir]));
      if (i % 2 === 0) {
        runExport();
        runSynth();
      } else {
        runSynth();
        runExport();
      }
      if (i === 0) comparison = compareRuleContent(JSON.parse(fs.readFileSync(resources, 'utf8')), outdir);
      fs.rmSync(outdir, { recursive: true, force: true });
    }
    const pairs = exports.map((e, i) => [e, synths[i]] as const);
    return {
      n,
      exportSeconds: median(exports.map((s) => s.wallSeconds)),
      synthSeconds: median(synths.map((s) => s.wallSeconds)),
      exportPeakRssMiB: median(exports.map((s) => s.peakRssMiB)),
      synthPeakRssMiB: median(synths.map((s) => s.peakRssMiB)),
      timeRatio: median(pairs.map(([e, s]) => s.wallSeconds / e.wallSeconds)),
      memoryRatio: median(pairs.map(([e, s]) => s.peakRssMiB / e.peakRssMiB)),
      exportMs: median(exports.map((s) => Number(s.report?.exportMs))),
      differences: comparison?.differences ?? [],
      comparedResources: comparison?.compared ?? 0,
    };
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}
