/**
 * Child-process measurement helpers: every figure is taken in a fresh Node process so that one run's heap
 * and module cache never inflate the next. Wall time and peak RSS come from GNU time when it exists,
 * otherwise from the parent's clock and the child's own `process.resourceUsage().maxRSS` report.
 */
import { spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const GNU_TIME = '/usr/bin/time';

/** One child-process run. */
export interface ProcessSample {
  /** Wall-clock seconds of the whole process, start-up included. */
  readonly wallSeconds: number;
  /** Peak resident set size in MiB. */
  readonly peakRssMiB: number;
  /** User + system CPU seconds of the child (less sensitive than wall time to other load on the machine). */
  readonly cpuSeconds: number;
  /** The last stdout line parsed as JSON, when the child printed one. */
  readonly report?: Record<string, unknown>;
  /** The child's whole standard output. */
  readonly stdout: string;
  /** How peak RSS was measured. */
  readonly rssSource: 'gnu-time' | 'child-report' | 'none';
}

/** Whether GNU time (`-f` with `%e %M`) is available. */
export function hasGnuTime(): boolean {
  if (!fs.existsSync(GNU_TIME)) return false;
  const probe = spawnSync(GNU_TIME, ['-f', '%e %M %U %S', 'true'], { encoding: 'utf8' });
  return probe.status === 0 && /^\d+(\.\d+)? \d+ \d+(\.\d+)? \d+(\.\d+)?\s*$/m.test(probe.stderr);
}

const USE_GNU_TIME = hasGnuTime();

/**
 * Runs `command args` to completion and measures it. Throws with the child's stderr when it fails, so a
 * broken scenario is reported, not timed.
 */
export function runMeasured(command: string, args: readonly string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): ProcessSample {
  const marker = path.join(os.tmpdir(), `bench-time-${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}.txt`);
  const argv = USE_GNU_TIME ? ['-o', marker, '-f', '%e %M %U %S', command, ...args] : [...args];
  const started = process.hrtime.bigint();
  const result = spawnSync(USE_GNU_TIME ? GNU_TIME : command, argv, {
    cwd: options.cwd,
    env: { ...process.env, CHECKPOINT_DISABLE: '1', ...options.env },
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  const elapsed = Number(process.hrtime.bigint() - started) / 1e9;
  if (result.error) throw result.error;
  if (result.status !== 0) {
    fs.rmSync(marker, { force: true });
    throw new Error(`${command} ${args.join(' ')} exited with ${result.status}:\n${(result.stderr || '').slice(-4000)}\n${(result.stdout || '').slice(-2000)}`);
  }
  const report = lastJsonLine(result.stdout);
  // Wall time from the parent's monotonic clock (finer than GNU time's 10 ms; spawn overhead is negligible).
  const wallSeconds = elapsed;
  let peakRssMiB = NaN;
  let cpuSeconds = NaN;
  let rssSource: ProcessSample['rssSource'] = 'none';
  if (USE_GNU_TIME && fs.existsSync(marker)) {
    const [rssKb, user, system] = fs.readFileSync(marker, 'utf8').trim().split(/\s+/).slice(-3).map(Number);
    fs.rmSync(marker, { force: true });
    peakRssMiB = rssKb / 1024;
    cpuSeconds = user + system;
    rssSource = 'gnu-time';
  } else if (report && typeof report.maxRssKiB === 'number') {
    peakRssMiB = report.maxRssKiB / 1024;
    cpuSeconds = Number(report.cpuSeconds);
    rssSource = 'child-report';
  }
  return { wallSeconds, peakRssMiB, cpuSeconds, report, rssSource, stdout: result.stdout };
}

/** Runs a compiled bench script (dist/bench/<script>.js) in a fresh Node process. */
export function runNodeScript(script: string, args: readonly string[], env?: NodeJS.ProcessEnv): ProcessSample {
  return runMeasured(process.execPath, [path.join(__dirname, script), ...args], { env });
}

function lastJsonLine(stdout: string): Record<string, unknown> | undefined {
  const lines = (stdout || '').trim().split('\n').reverse();
  for (const line of lines) {
    const t = line.trim();
    if (t.startsWith('{') && t.endsWith('}')) {
      try {
        return JSON.parse(t) as Record<string, unknown>;
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

/** Median of a non-empty list. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Prints one JSON line for the parent and exits; children call this last. */
export function reportToParent(fields: Record<string, unknown>): void {
  const usage = process.resourceUsage();
  const cpuSeconds = (usage.userCPUTime + usage.systemCPUTime) / 1e6;
  process.stdout.write(`${JSON.stringify({ ...fields, maxRssKiB: usage.maxRSS, cpuSeconds })}\n`);
}

/** A seeded PRNG (mulberry32): the same seed gives the same inputs on every machine. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Whether valgrind (with cachegrind) is on the PATH. */
export function hasValgrind(): boolean {
  const probe = spawnSync('valgrind', ['--version'], { encoding: 'utf8' });
  return probe.status === 0 && /^valgrind-\d/.test(probe.stdout);
}

/** One instruction count. */
export interface InstructionSample {
  /** Instructions executed by the whole process (every thread, start-up included). */
  readonly instructions: number;
  /** The child's last JSON line, when it printed one. */
  readonly report?: Record<string, unknown>;
}

/**
 * Counts the instructions of compiled bench scripts (dist/bench/<script>.js), all at the same time: an
 * instruction count does not depend on the load of the machine, so running them side by side costs nothing in
 * precision and halves the time. Uses cachegrind without its cache and branch simulation, the cheapest valgrind
 * tool that gives a total (about 20% less CPU than callgrind here), and `--smc-check=all-non-file` because V8
 * writes and rewrites machine code at run time.
 */
export async function countInstructions(runs: ReadonlyArray<{ script: string; args: readonly string[] }>): Promise<InstructionSample[]> {
  return Promise.all(
    runs.map(
      ({ script, args }) =>
        new Promise<InstructionSample>((resolve, reject) => {
          const out = path.join(os.tmpdir(), `bench-cachegrind-${process.pid}-${Math.random().toString(36).slice(2)}.out`);
          const argv = ['--tool=cachegrind', '--cache-sim=no', '--branch-sim=no', '--smc-check=all-non-file', `--cachegrind-out-file=${out}`, process.execPath, path.join(__dirname, script), ...args];
          const child = spawn('valgrind', argv, { env: { ...process.env, CHECKPOINT_DISABLE: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
          let stdout = '';
          let stderr = '';
          child.stdout.on('data', (d) => (stdout += d));
          child.stderr.on('data', (d) => (stderr = (stderr + d).slice(-8000)));
          child.on('error', reject);
          child.on('close', (code) => {
            const summary = fs.existsSync(out) ? /^summary:\s+(\d+)/m.exec(fs.readFileSync(out, 'utf8')) : null;
            fs.rmSync(out, { force: true });
            if (code !== 0 || !summary) {
              reject(new Error(`valgrind ${script} ${args.join(' ')} exited with ${code}${summary ? '' : ' and no instruction count'}:\n${stderr.slice(-4000)}`));
            } else {
              resolve({ instructions: Number(summary[1]), report: lastJsonLine(stdout) });
            }
          });
        }),
    ),
  );
}

/** Smallest of a non-empty list. */
export function min(values: readonly number[]): number {
  return Math.min(...values);
}
