/**
 * Measures how long loading a provider schema for offline validation takes, cold (derived from the
 * package's jsii assembly, cache empty) and warm (read from the cache), and the peak memory of each, in a
 * fresh child process per measurement so one measurement's heap does not inflate the next.
 *
 *   npm run build && node dist/tools/validation-timings.js [--repeat N] [--json]
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { SchemaStore } from '../lib/validate/schema-store';

/** One measurement. */
export interface SchemaTiming {
  /** Provider sources loaded in the child, e.g. `hashicorp/aws`, or all three. */
  readonly sources: readonly string[];
  /** `cold` (empty cache) or `warm`. */
  readonly mode: string;
  /** Milliseconds spent in `SchemaStore.load` (sum over the sources). */
  readonly loadMillis: number;
  /** Peak resident memory of the child process, in MB. */
  readonly peakRssMb: number;
}

const PROVIDERS = ['hashicorp/aws', 'hashicorp/azurerm', 'hashicorp/google'];

/** Runs every measurement `repeat` times; the project root is where the provider packages are resolved from. */
export function measureSchemaTimings(projectRoot: string, repeat = 1): SchemaTiming[] {
  const results: SchemaTiming[] = [];
  for (let r = 0; r < repeat; r++) {
    for (const sources of [...PROVIDERS.map((p) => [p]), PROVIDERS]) {
      const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'schema-timings-'));
      try {
        for (const mode of ['cold', 'warm']) results.push(child(projectRoot, cacheDir, sources, mode));
      } finally {
        fs.rmSync(cacheDir, { recursive: true, force: true });
      }
    }
  }
  return results;
}

function child(projectRoot: string, cacheDir: string, sources: readonly string[], mode: string): SchemaTiming {
  const run = spawnSync(process.execPath, [__filename, '--child', projectRoot, cacheDir, ...sources], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`measurement failed: ${run.stderr}`);
  const { loadMillis, peakRssMb } = JSON.parse(run.stdout);
  return { sources, mode, loadMillis, peakRssMb };
}

function childMain(projectRoot: string, cacheDir: string, sources: string[]): void {
  const store = new SchemaStore({ cacheDir, searchPaths: [projectRoot] });
  for (const source of sources) {
    if (!store.load(source)) throw new Error(`no schema for ${source}`);
  }
  const loadMillis = store.history.reduce((sum, l) => sum + l.millis, 0);
  const peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
  process.stdout.write(JSON.stringify({ loadMillis, peakRssMb }));
}

function table(results: readonly SchemaTiming[]): string {
  const rows = results.map((r) => [r.sources.map((s) => s.split('/')[1]).join('+'), r.mode, `${(r.loadMillis / 1000).toFixed(2)} s`, `${r.peakRssMb} MB`]);
  const header = ['providers', 'cache', 'schema load', 'peak RSS'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  return [header, ...rows].map((row) => row.map((cell, i) => cell.padEnd(widths[i])).join('  ')).join('\n') + '\n';
}

if (require.main === module) {
  const args = process.argv.slice(2);
  if (args[0] === '--child') {
    childMain(args[1], args[2], args.slice(3));
  } else {
    const repeatAt = args.indexOf('--repeat');
    const repeat = repeatAt === -1 ? 1 : Number(args[repeatAt + 1]);
    const results = measureSchemaTimings(process.cwd(), repeat);
    process.stdout.write(args.includes('--json') ? JSON.stringify(results, null, 2) + '\n' : table(results));
  }
}
