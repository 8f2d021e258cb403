/**
 * `npm run bench`: runs every benchmark in one invocation, prints a table and writes bench/results.json.
 * Each figure is a ratio of two things measured side by side in the same run, interleaved, so that the
 * load of a shared machine weighs on both; absolute times are context only.
 *
 * Options (flags or environment variables):
 *   --n=10,100,1000     BENCH_N         fleet sizes (clusters)
 *   --repeats=5         BENCH_REPEATS   runs of the CIDR, type-check and validation measurements (median kept)
 *   --pairs=11          BENCH_PAIRS     interleaved library/hand fleet runs per N (median of the pair ratios kept)
 *   --instructions-n=100  BENCH_INSTRUCTIONS_N  fleet size for the instruction counts (valgrind; 0 turns them off)
 *   --instruction-pairs=1 BENCH_INSTRUCTION_PAIRS  instruction count pairs (each pair runs side by side)
 *   --cidrs=100000      BENCH_CIDRS     CIDRs in the aggregation benchmark
 *   --only=cidr,typecheck,fleet,validate,export,scale  BENCH_ONLY  run a subset
 *   --scale-instructions=0  BENCH_SCALE_INSTRUCTIONS  1: also count the scale cases' instructions (valgrind, slow)
 *   --scale-cases=aks-profile,...  BENCH_SCALE_CASES  a subset of the scale cases (default: all)
 *   --out=bench/results.json  BENCH_OUT  where to write the results
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { hasGnuTime, hasValgrind, runNodeScript } from './measure';
import { benchExport } from './export-bench';
import { benchFleet, PairedRatio } from './fleet-bench';
import { benchScale } from './scale-bench';
import { benchTypecheck } from './typecheck';
import { benchValidate } from './validate-bench';

const ROOT = path.join(__dirname, '..', '..');

/** One line of the table. */
export interface Row {
  readonly id: string;
  readonly measurement: string;
  /** The ratio the target is about, or undefined when the measurement could not run. */
  readonly ratio?: number;
  /** Human-readable target, e.g. `<= 1.3x`. */
  readonly target: string;
  readonly status: 'pass' | 'miss' | 'skipped' | 'error' | 'info';
  /** Absolute figures, for context. */
  readonly context: string;
}

interface Options {
  readonly fleetSizes: number[];
  readonly repeats: number;
  readonly pairs: number;
  readonly instructionsN: number;
  readonly instructionPairs: number;
  readonly cidrs: number;
  readonly scaleInstructions: boolean;
  readonly scaleCases: Set<string>;
  readonly only: Set<string>;
  readonly out: string;
}

function option(name: string, env: string, fallback: string): string {
  const flag = process.argv.slice(2).find((a) => a.startsWith(`--${name}=`));
  return flag ? flag.slice(name.length + 3) : (process.env[env] ?? fallback);
}

function parseOptions(): Options {
  const list = (s: string) => s.split(',').map((x) => x.trim()).filter(Boolean);
  return {
    fleetSizes: list(option('n', 'BENCH_N', '10,100,1000')).map(Number),
    repeats: Number(option('repeats', 'BENCH_REPEATS', '5')),
    pairs: Number(option('pairs', 'BENCH_PAIRS', '11')),
    instructionsN: Number(option('instructions-n', 'BENCH_INSTRUCTIONS_N', '100')),
    instructionPairs: Number(option('instruction-pairs', 'BENCH_INSTRUCTION_PAIRS', '1')),
    cidrs: Number(option('cidrs', 'BENCH_CIDRS', '100000')),
    scaleInstructions: option('scale-instructions', 'BENCH_SCALE_INSTRUCTIONS', '0') === '1',
    scaleCases: new Set(list(option('scale-cases', 'BENCH_SCALE_CASES', ''))),
    only: new Set(list(option('only', 'BENCH_ONLY', 'cidr,typecheck,fleet,validate,export,scale'))),
    out: path.resolve(ROOT, option('out', 'BENCH_OUT', 'bench/results.json')),
  };
}

const fmt = (n: number | undefined, digits = 2) => (n === undefined || Number.isNaN(n) ? '-' : n.toFixed(digits));
const ms = (n: number) => `${fmt(n, 0)} ms`;
const sec = (n: number) => `${fmt(n, 2)} s`;
const mib = (n: number) => `${fmt(n, 0)} MiB`;

/** pass when `ratio` is within `limit` in the given direction. */
function judge(ratio: number, limit: number, direction: 'max' | 'min'): Row['status'] {
  return (direction === 'max' ? ratio <= limit : ratio >= limit) ? 'pass' : 'miss';
}

/** One benchmark: adds its rows (in table order) and its raw figures. */
type Section = (options: Options, rows: Row[], details: Record<string, unknown>) => void | Promise<void>;

const cidrSection: Section = (options, rows, details) => {
  const sample = runNodeScript('cidr-aggregate.js', [String(options.cidrs), String(Math.max(5, options.repeats * 2 + 1))]);
  const r = sample.report as Record<string, number | boolean>;
  details.cidr = r;
  const ratio = r.speedRatio as number;
  rows.push({
    id: 'cidr-aggregate',
    measurement: `CIDR aggregation, ${options.cidrs} v4+v6, speed vs cidr-tools (identical: ${r.identical ? 'yes' : 'NO'})`,
    ratio,
    // Information only: cidr-tools does not validate its input (300.1.1.1/24 becomes 44.1.1.0/24), the library does.
    target: '-',
    status: r.identical ? 'info' : 'error',
    context:
      `cidr-tools does not validate (300.1.1.1/24 -> 44.1.1.0/24); library ${ms(r.libraryMs as number)} (parse ${ms(r.libraryParseMs as number)}, aggregate ${ms(r.libraryAggregateMs as number)}, ` +
      `format ${ms(r.libraryFormatMs as number)}); cidr-tools ${ms(r.cidrToolsMs as number)}; ${r.outputNetworks} networks out`,
  });
};

const typecheckSection: Section = (options, rows, details) => {
  const r = benchTypecheck(Math.max(3, options.repeats));
  details.typecheck = r;
  rows.push({
    id: 'typecheck-cost',
    measurement: 'tsc --noEmit, Azure user stack with / without the library',
    ratio: r.timeRatio,
    target: '<= 1.30x',
    status: judge(r.timeRatio, 1.3, 'max'),
    context:
      `${sec(r.withLibrarySeconds)} / ${sec(r.withoutLibrarySeconds)}; CPU ${fmt(r.cpuRatio)}x; ${mib(r.withLibraryRssMiB)} / ${mib(r.withoutLibraryRssMiB)}; ` +
      `${r.withLibraryFiles} / ${r.withoutLibraryFiles} files`,
  });
  const roots = [...new Set([...r.providerRootModules, ...r.allEntryPointsRootModules])];
  rows.push({
    id: 'typecheck-no-provider-root',
    measurement: 'provider root modules pulled (all entry points) + other clouds\' files (Azure stack)',
    ratio: roots.length + r.otherCloudBindingFiles,
    target: '= 0',
    status: roots.length === 0 && r.otherCloudBindingFiles === 0 ? 'pass' : 'miss',
    context: `${roots.length} root modules, ${r.otherCloudBindingFiles} AWS/Google files in the Azure stack${roots.length ? `: ${roots.join(', ')}` : ''}`,
  });
};

/** `1.03x (min 1.02x, pairs 0.98-1.07x)`: the median of the pair ratios, the ratio of minimums and the spread. */
const paired = (r: PairedRatio) => `${fmt(r.median)}x (of minimums ${fmt(r.ofMinimums)}x, pairs ${fmt(r.lowest)}-${fmt(r.highest)}x)`;

/** The overhead target over hand-written cdktf, in CPU time and instructions. */
const OVERHEAD_LIMIT = 1.05;

const fleetSection: Section = async (options, rows, details) => {
  const sizes = [...options.fleetSizes].sort((a, b) => a - b);
  const r = await benchFleet({ sizes, pairs: Math.max(1, options.pairs), instructionsN: options.instructionsN, instructionPairs: Math.max(1, options.instructionPairs) });
  details.fleet = r;
  r.library.forEach((p, i) => {
    const h = r.hand[i];
    rows.push({
      id: `fleet-synth-${p.n}`,
      measurement: `fleet synth N=${p.n} (library / hand-written)`,
      target: '-',
      status: 'info',
      context:
        `wall ${sec(p.wallSeconds)} / ${sec(h.wallSeconds)} (min ${sec(p.wallMinSeconds)} / ${sec(h.wallMinSeconds)}); ` +
        `CPU ${sec(p.cpuSeconds)} / ${sec(h.cpuSeconds)} (min ${sec(p.cpuMinSeconds)} / ${sec(h.cpuMinSeconds)}); ${mib(p.peakRssMiB)} / ${mib(h.peakRssMiB)}; ` +
        `in process load+build+synth ${fmt(p.loadMs, 0)}+${fmt(p.buildMs, 0)}+${fmt(p.synthMs, 0)} / ${fmt(h.loadMs, 0)}+${fmt(h.buildMs, 0)}+${fmt(h.synthMs, 0)} ms`,
    });
  });
  for (let i = 1; i < r.library.length; i++) {
    const [a, b] = [r.library[i - 1], r.library[i]];
    const ratio = b.cpuSeconds / a.cpuSeconds;
    // Linear growth, with 5% slack (10.5 for a tenfold fleet).
    const limit = (b.n / a.n) * 1.05;
    const inProcess = (b.buildMs + b.synthMs) / (a.buildMs + a.synthMs);
    rows.push({
      id: `fleet-growth-${a.n}-${b.n}`,
      measurement: `fleet growth t(${b.n})/t(${a.n}), library, CPU time`,
      ratio,
      target: `<= ${fmt(limit)}x`,
      status: judge(ratio, limit, 'max'),
      context: `wall ${fmt(b.wallSeconds / a.wallSeconds)}x; memory ${fmt(b.peakRssMiB / a.peakRssMiB)}x; build+synth in process ${fmt(inProcess)}x`,
    });
  }
  const largest = r.overhead[r.overhead.length - 1];
  const others = r.overhead.slice(0, -1);
  const at = (key: 'time' | 'cpu' | 'memory') => others.map((o) => `N=${o.n} ${fmt(o[key].median)}x`).join(', ');
  rows.push({
    id: 'fleet-overhead-cpu',
    measurement: `overhead vs hand-written cdktf, CPU time, N=${largest.n}, ${r.pairs} pairs`,
    ratio: largest.cpu.median,
    target: `<= ${fmt(OVERHEAD_LIMIT)}x`,
    status: judge(largest.cpu.median, OVERHEAD_LIMIT, 'max'),
    context: `${paired(largest.cpu)}; ${at('cpu')}`,
  });
  if ('skipped' in r.instructions) {
    rows.push({
      id: 'fleet-overhead-instructions',
      measurement: `overhead vs hand-written cdktf, instructions (valgrind)`,
      target: `<= ${fmt(OVERHEAD_LIMIT)}x`,
      status: 'skipped',
      context: `n/a: ${r.instructions.skipped}`,
    });
  } else {
    const c = r.instructions;
    const g = (v: number[]) => `${fmt(Math.min(...v) / 1e9, 3)}G`;
    rows.push({
      id: 'fleet-overhead-instructions',
      measurement: `overhead vs hand-written cdktf, instructions (valgrind), N=${c.n}, whole process`,
      ratio: c.ratio.median,
      target: `<= ${fmt(OVERHEAD_LIMIT)}x`,
      status: judge(c.ratio.median, OVERHEAD_LIMIT, 'max'),
      context: `${g(c.library)} / ${g(c.hand)} instructions (min of ${c.library.length}); pairs ${fmt(c.ratio.lowest, 3)}-${fmt(c.ratio.highest, 3)}x`,
    });
  }
  rows.push({
    id: 'fleet-overhead-time',
    measurement: `overhead vs hand-written cdktf, wall time, N=${largest.n} (load-sensitive)`,
    ratio: largest.time.median,
    target: '-',
    status: 'info',
    context: `${paired(largest.time)}; ${at('time')}`,
  });
  rows.push({
    id: 'fleet-overhead-memory',
    measurement: `overhead vs hand-written cdktf, peak RSS, N=${largest.n}`,
    ratio: largest.memory.median,
    target: '<= 1.10x',
    status: judge(largest.memory.median, 1.1, 'max'),
    context: `${paired(largest.memory)}; ${at('memory')}`,
  });
  const differing = r.comparisons.flatMap((c) => c.differingContent.map((s) => `N=${c.n} ${s}`));
  const last = r.comparisons[r.comparisons.length - 1];
  const resources = (counts: Record<string, number>) => Object.entries(counts).filter(([k]) => !k.startsWith('provider') && k !== 'output').reduce((sum, [, v]) => sum + v, 0);
  rows.push({
    id: 'fleet-same-content',
    measurement: 'hand-written fleet emits the same resources with the same content (stacks differing, addresses aside)',
    ratio: differing.length,
    target: '= 0',
    status: differing.length === 0 ? 'pass' : 'error',
    context:
      `N=${last.n}: ${resources(last.library)} resources; JSON ${fmt(last.libraryBytes / 1e6, 1)} MB / ${fmt(last.handBytes / 1e6, 1)} MB` +
      (differing.length ? `; ${r.comparisons.flatMap((c) => c.examples).slice(0, 2).join('; ').slice(0, 300)}` : ''),
  });
};

const validateSection: Section = (options, rows, details) => {
  const n = 100;
  const r = benchValidate(n, Math.max(1, Math.min(options.repeats, 2)));
  details.validate = r;
  rows.push({
    id: 'validate-cold-warm',
    measurement: `offline validation of a ${n}-cluster fleet, cold / warm schema cache`,
    ratio: r.speedup,
    target: '-',
    status: 'info',
    context: `cold ${sec(r.coldSeconds)} (${mib(r.coldRssMiB)}), warm ${sec(r.warmSeconds)} (${mib(r.warmRssMiB)}); ${r.resources} resources checked`,
  });
  rows.push({
    id: 'validate-fleet-clean',
    measurement: 'problems found in the synthesized fleet by offline validation',
    ratio: r.problems,
    target: '= 0',
    status: r.problems === 0 ? 'pass' : 'miss',
    context: r.problems ? r.firstProblems.join('; ').slice(0, 200) : `unchecked: ${r.unchecked.join('; ') || 'none'}`,
  });
};

const exportSection: Section = (options, rows, details) => {
  const n = Math.max(...options.fleetSizes);
  const r = benchExport(n, Math.max(1, Math.min(options.repeats, 3)));
  details.export = r;
  const id = `export-vs-synth-${n}`;
  const measurement = `export of the ${n}-cluster fleet against cdktf synth of the same fleet (time and peak memory ratio, identical rule content checked)`;
  if (r.missing) {
    rows.push({ id, measurement, target: '>= 10x', status: 'skipped', context: `export targets not registered yet: ${r.missing.join(', ')}` });
    return;
  }
  const identical = (r.differences ?? []).length === 0;
  rows.push({
    id,
    measurement,
    ratio: r.timeRatio,
    target: '>= 10x',
    status: identical ? judge(r.timeRatio as number, 10, 'min') : 'error',
    context:
      `${sec(r.exportSeconds as number)} / ${sec(r.synthSeconds as number)}; memory ${fmt(r.memoryRatio)}x (${mib(r.exportPeakRssMiB as number)} / ${mib(r.synthPeakRssMiB as number)}); ` +
      `export in process ${fmt(r.exportMs, 0)} ms; ${r.comparedResources} resources compared, ${identical ? 'identical' : `${r.differences!.length} clusters differ: ${r.differences![0]}`}`,
  });
};

/** Growth per doubling of the input; linear is 2.0x. */
const SCALE_LIMIT = 2.2;

const scaleSection: Section = async (options, rows, details) => {
  const withInstructions = options.scaleInstructions && hasValgrind();
  const results = await benchScale(Math.max(1, options.repeats), withInstructions, options.scaleCases);
  details.scale = results;
  const list = (v: readonly number[]) => v.map((x) => `${fmt(x)}x`).join(', ');
  for (const r of results) {
    const worst = Math.max(...r.cpuRatios);
    const sizes = r.sizes.map((n) => n.toLocaleString('en-US')).join('/');
    rows.push({
      id: `scale-${r.name}`,
      measurement: `scale: ${r.what}, n=${sizes}, worst ratio per doubling, CPU time`,
      ratio: worst,
      target: `<= ${fmt(SCALE_LIMIT)}x`,
      status: judge(worst, SCALE_LIMIT, 'max'),
      context:
        `per doubling CPU ${list(r.cpuRatios)}; wall ${list(r.wallRatios)}` +
        (r.instructionRatios ? `; instructions ${list(r.instructionRatios)}` : '; instructions not counted') +
        `; CPU ${r.cpuMs.map((m) => fmt(m, 0)).join('/')} ms`,
    });
  }
};

const SECTIONS: Array<[string, Section]> = [
  ['cidr', cidrSection],
  ['typecheck', typecheckSection],
  ['fleet', fleetSection],
  ['validate', validateSection],
  ['export', exportSection],
  ['scale', scaleSection],
];

function printTable(rows: readonly Row[]): void {
  const header = ['measurement', 'ratio', 'target', 'result', 'context'];
  const shown = (r: Row) => {
    if (r.ratio === undefined) return '-';
    if (r.target.startsWith('=')) return String(r.ratio);
    // Three decimals where two would print the limit itself next to a MISS or a PASS.
    const limit = Number(r.target.replace(/[^\d.]/g, ''));
    return `${fmt(r.ratio, fmt(r.ratio) === fmt(limit) ? 3 : 2)}x`;
  };
  const cells = rows.map((r) => [r.measurement, shown(r), r.target, r.status.toUpperCase(), r.context]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => (i === 4 ? 0 : c[i].length))));
  const line = (c: string[]) => c.map((v, i) => (i === 4 ? v : v.padEnd(widths[i]))).join(' | ');
  process.stdout.write(`\n${line(header)}\n${widths.map((w, i) => '-'.repeat(i === 4 ? 7 : w)).join('-|-')}\n`);
  for (const c of cells) process.stdout.write(`${line(c)}\n`);
}

function machine(): Record<string, unknown> {
  const cpus = os.cpus();
  return {
    cores: cpus.length,
    cpuModel: cpus[0]?.model ?? 'unknown',
    memoryGiB: Number((os.totalmem() / 2 ** 30).toFixed(1)),
    node: process.version,
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    loadAverageAtStart: os.loadavg().map((l) => Number(l.toFixed(2))),
    peakRssSource: hasGnuTime() ? 'GNU time %M' : 'child process.resourceUsage().maxRSS',
    instructionCounts: hasValgrind() ? 'valgrind cachegrind' : 'n/a (no valgrind)',
  };
}

async function main(): Promise<void> {
  const options = parseOptions();
  const started = Date.now();
  const rows: Row[] = [];
  const details: Record<string, unknown> = {};
  const info = machine();
  process.stdout.write(`bench on ${info.cores} cores, ${info.memoryGiB} GiB, Node ${info.node}, load ${(info.loadAverageAtStart as number[]).join(' ')}\n`);
  for (const [name, section] of SECTIONS) {
    if (!options.only.has(name)) continue;
    const t = Date.now();
    process.stdout.write(`- ${name} ...`);
    try {
      await section(options, rows, details);
      process.stdout.write(` ${((Date.now() - t) / 1000).toFixed(0)} s\n`);
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      process.stdout.write(` failed\n${message}\n`);
      rows.push({ id: name, measurement: name, target: '-', status: 'error', context: message.split('\n')[0].slice(0, 200) });
    }
  }
  printTable(rows);
  const result = {
    date: new Date().toISOString(),
    machine: { ...info, loadAverageAtEnd: os.loadavg().map((l) => Number(l.toFixed(2))) },
    options: {
      fleetSizes: options.fleetSizes,
      repeats: options.repeats,
      pairs: options.pairs,
      instructionsN: options.instructionsN,
      instructionPairs: options.instructionPairs,
      cidrs: options.cidrs,
      scaleInstructions: options.scaleInstructions,
      scaleCases: [...options.scaleCases],
      only: [...options.only],
    },
    durationSeconds: Math.round((Date.now() - started) / 1000),
    rows,
    details,
  };
  fs.mkdirSync(path.dirname(options.out), { recursive: true });
  fs.writeFileSync(options.out, `${JSON.stringify(result, null, 2)}\n`);
  process.stdout.write(`\nwrote ${path.relative(process.cwd(), options.out)} (${result.durationSeconds} s)\n`);
  if (rows.some((r) => r.status === 'error')) process.exitCode = 1;
}

void main();
