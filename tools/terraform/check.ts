/**
 * Real `terraform init` / `validate` / `plan` of Terraform root modules, offline: each directory is copied and
 * rewritten (see `prepareOfflineCopy`), providers come from a local filesystem mirror, and the plan runs without
 * refreshing or locking, against fake static credentials. Works for cdktf stacks (`cdktf.out/stacks/<stack>`)
 * and for plain root modules that call child modules in their subfolders.
 */
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { invalidValue } from '../../lib/model/errors';
import { describeProviders, findProviderMirror, findTerraformBinary, missingProviders, MIRROR_ENV, ProviderMirror } from './discovery';
import { PreparedDirectory, prepareOfflineCopy } from './prepare';

/** A directory to check. */
export interface TerraformDirectory {
  /** The root module's folder; child modules may sit in its subfolders. */
  readonly dir: string;
  /**
   * Name in the report.
   * @default - the folder's name
   */
  readonly name?: string;
  /**
   * Values for this root module's variables (over `TerraformCheckOptions.variables`).
   * @default {}
   */
  readonly variables?: Record<string, unknown>;
}

/** Options of `checkTerraformDirectories`. */
export interface TerraformCheckOptions {
  /**
   * The terraform binary.
   * @default - `TERRAFORM_BINARY`, else the first `terraform` on the PATH; the check is skipped when there is none
   */
  readonly terraformBinary?: string;
  /**
   * The provider mirror.
   * @default - `TF_PROVIDER_MIRROR`, else a bounded search (see `findProviderMirror`); skipped when there is none
   */
  readonly mirror?: ProviderMirror;
  /**
   * Providers the mirror must hold for the check to run at all (directories needing others are skipped one by one).
   * @default ['hashicorp/aws']
   */
  readonly requiredProviders?: string[];
  /**
   * Folders searched for a mirror when neither `mirror` nor `TF_PROVIDER_MIRROR` is given.
   * @default defaultMirrorRoots()
   */
  readonly mirrorSearchRoots?: string[];
  /**
   * Folder for the working copies (created if missing; left in place).
   * @default - a new temporary folder, removed afterwards unless `keepWorkDir`
   */
  readonly workDir?: string;
  /**
   * Keep the temporary working copies (their path is in the report).
   * @default false
   */
  readonly keepWorkDir?: boolean;
  /**
   * Directories checked at the same time. Each terraform command starts the provider (a large binary), so more
   * than the number of cores rarely helps.
   * @default - 2, or 1 on a single core
   */
  readonly concurrency?: number;
  /**
   * Values for root variables without a default, by name, used instead of derived placeholders.
   * @default {}
   */
  readonly variables?: Record<string, unknown>;
  /**
   * Region of AWS provider blocks that have none.
   * @default 'us-east-1'
   */
  readonly defaultRegion?: string;
  /**
   * Longest a single terraform command may run, in seconds.
   * @default 600
   */
  readonly timeoutSeconds?: number;
  /**
   * Environment the terraform binary and mirror are looked up in, and terraform runs with (`TF_CLI_ARGS*`,
   * `TF_DATA_DIR`, `TF_WORKSPACE`, `TF_PLUGIN_CACHE_DIR` and `AWS_*` are removed from it).
   * @default process.env
   */
  readonly env?: NodeJS.ProcessEnv;
  /**
   * Called as each directory finishes.
   * @default - nothing
   */
  readonly onResult?: (result: DirectoryCheckResult) => void;
}

/** `ok` (valid, planned as expected), `failed`, or `skipped` (its providers are not in the mirror). */
export type DirectoryStatus = 'ok' | 'failed' | 'skipped';

/** The outcome for one directory. */
export interface DirectoryCheckResult {
  readonly name: string;
  /** The original directory. */
  readonly dir: string;
  readonly status: DirectoryStatus;
  /** Which step failed or why it was skipped. */
  readonly step?: 'prepare' | 'init' | 'validate' | 'plan' | 'count';
  /** Resource addresses the plan creates or changes, sorted. */
  readonly plannedResources: string[];
  /** The root module's resource blocks, when countable (no `count`, `for_each` or module calls). */
  readonly expectedResources?: number;
  /** Terraform's error text (or the check's own message), one entry per diagnostic. */
  readonly errors: string[];
  /** Terraform's warnings. */
  readonly warnings: string[];
  /** Seconds per step. */
  readonly seconds: Readonly<Record<string, number>>;
}

/** The outcome of a whole check. */
export interface TerraformCheckReport {
  /** Why nothing ran (no terraform binary or no mirror); `results` is then empty. */
  readonly skipped?: string;
  readonly results: DirectoryCheckResult[];
  /** `terraform version`, when it ran. */
  readonly terraformVersion?: string;
  readonly terraformBinary?: string;
  readonly mirror?: ProviderMirror;
  /** The working copies, when kept. */
  readonly workDir?: string;
  /** Wall time of the whole check. */
  readonly seconds: number;
}

/**
 * Copies each directory, makes the copy plannable offline and runs `terraform init -input=false`,
 * `terraform validate -json` and `terraform plan -refresh=false -input=false -lock=false -out=tfplan -json`
 * in it. The planned resources (from the plan's JSON stream, which makes a `terraform show -json` of the plan
 * file unnecessary) must equal the root module's resource blocks where those can be counted.
 *
 * Skips everything (with the reason in `skipped`) when there is no terraform binary or no mirror holding
 * `requiredProviders`; skips one directory when the mirror lacks a provider it needs.
 */
export async function checkTerraformDirectories(dirs: ReadonlyArray<string | TerraformDirectory>, options: TerraformCheckOptions = {}): Promise<TerraformCheckReport> {
  const started = Date.now();
  if (options.concurrency !== undefined && (!Number.isInteger(options.concurrency) || options.concurrency < 1)) {
    throw invalidValue('concurrency', String(options.concurrency), 'checkTerraformDirectories options', 'Give a whole number of at least 1, e.g. 2.');
  }
  if (options.timeoutSeconds !== undefined && !(Number.isFinite(options.timeoutSeconds) && options.timeoutSeconds > 0)) {
    throw invalidValue('timeoutSeconds', String(options.timeoutSeconds), 'checkTerraformDirectories options', 'Give a positive number of seconds, e.g. 600.');
  }
  const env = options.env ?? process.env;
  const elapsed = () => round((Date.now() - started) / 1000);
  const terraform = options.terraformBinary ?? findTerraformBinary(env);
  if (terraform === undefined) {
    return { skipped: 'no terraform binary on the PATH (or set TERRAFORM_BINARY)', results: [], seconds: elapsed() };
  }
  let mirror = options.mirror;
  if (mirror === undefined) {
    const lookup = findProviderMirror({ required: options.requiredProviders ?? ['hashicorp/aws'], env, roots: options.mirrorSearchRoots });
    if (lookup.mirror === undefined) return { skipped: lookup.reason, results: [], terraformBinary: terraform, seconds: elapsed() };
    mirror = lookup.mirror;
  }
  const entries = dirs.map((d) => (typeof d === 'string' ? { dir: d } : d));
  const names = uniqueNames(entries.map((e) => e.name ?? path.basename(path.resolve(e.dir))));
  const ownWorkDir = options.workDir === undefined;
  const workDir = options.workDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'terraform-check-'));
  const results: DirectoryCheckResult[] = new Array(entries.length);
  let terraformVersion: string | undefined;
  try {
    fs.mkdirSync(workDir, { recursive: true });
    const cliConfig = path.join(workDir, 'terraform.rc');
    fs.writeFileSync(cliConfig, cliConfigText(mirror.path));
    const runEnv = terraformEnv(env, cliConfig);
    const timeoutMs = (options.timeoutSeconds ?? 600) * 1000;
    const version = await run(terraform, ['version', '-json'], workDir, runEnv, 60_000);
    try {
      terraformVersion = JSON.parse(version.stdout).terraform_version;
    } catch {
      terraformVersion = undefined;
    }
    const concurrency = options.concurrency ?? Math.max(1, Math.min(2, os.cpus().length));
    let next = 0;
    const worker = async () => {
      while (next < entries.length) {
        const i = next++;
        const copy = path.join(workDir, `${String(i).padStart(3, '0')}-${names[i].replace(/[^A-Za-z0-9._-]+/g, '-')}`);
        results[i] = await checkOne(terraform, mirror as ProviderMirror, entries[i], names[i], copy, runEnv, timeoutMs, options);
        options.onResult?.(results[i]);
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, entries.length) }, worker));
  } finally {
    if (ownWorkDir && !options.keepWorkDir) fs.rmSync(workDir, { recursive: true, force: true });
  }
  return {
    results,
    terraformVersion,
    terraformBinary: terraform,
    mirror,
    ...(ownWorkDir && !options.keepWorkDir ? {} : { workDir }),
    seconds: elapsed(),
  };
}

async function checkOne(
  terraform: string,
  mirror: ProviderMirror,
  entry: TerraformDirectory,
  name: string,
  copy: string,
  env: NodeJS.ProcessEnv,
  timeoutMs: number,
  options: TerraformCheckOptions,
): Promise<DirectoryCheckResult> {
  const seconds: Record<string, number> = {};
  const base = { name, dir: entry.dir, plannedResources: [] as string[], warnings: [] as string[], seconds };
  let prepared: PreparedDirectory;
  try {
    prepared = prepareOfflineCopy(entry.dir, copy, {
      mirror,
      variables: { ...(options.variables ?? {}), ...(entry.variables ?? {}) },
      defaultRegion: options.defaultRegion,
    });
  } catch (e) {
    return { ...base, status: 'failed', step: 'prepare', errors: [(e as Error).message] };
  }
  const missing = missingProviders(mirror, prepared.providers);
  if (missing.length > 0) {
    return { ...base, status: 'skipped', step: 'prepare', errors: [`the mirror lacks ${missing.join(', ')} (it holds ${describeProviders(mirror)})`] };
  }
  const expected = { expectedResources: prepared.expectedResources };

  const init = await run(terraform, ['init', '-input=false', '-no-color'], copy, env, timeoutMs);
  seconds.init = init.seconds;
  if (init.code !== 0) return { ...base, ...expected, status: 'failed', step: 'init', errors: [commandText(init)] };

  const validate = await run(terraform, ['validate', '-json', '-no-color'], copy, env, timeoutMs);
  seconds.validate = validate.seconds;
  const validation = parseValidateOutput(validate.stdout);
  base.warnings.push(...validation.warnings);
  if (validate.code !== 0 || !validation.valid) {
    return { ...base, ...expected, status: 'failed', step: 'validate', errors: validation.errors.length > 0 ? validation.errors : [commandText(validate)] };
  }

  const plan = await run(terraform, ['plan', '-refresh=false', '-input=false', '-lock=false', '-out=tfplan', '-json', '-no-color'], copy, env, timeoutMs);
  seconds.plan = plan.seconds;
  const planned = parsePlanOutput(plan.stdout);
  base.warnings.push(...planned.warnings);
  base.plannedResources.push(...planned.addresses);
  if (plan.code !== 0 || planned.errors.length > 0) {
    return { ...base, ...expected, status: 'failed', step: 'plan', errors: planned.errors.length > 0 ? planned.errors : [commandText(plan)] };
  }
  if (prepared.expectedResources !== undefined && planned.addresses.length !== prepared.expectedResources) {
    return {
      ...base,
      ...expected,
      status: 'failed',
      step: 'count',
      errors: [`planned ${planned.addresses.length} resources, but the configuration declares ${prepared.expectedResources}`],
    };
  }
  return { ...base, ...expected, status: 'ok', errors: [] };
}

/** The CLI configuration: providers only from the mirror (no `direct`, so nothing is fetched from a registry). */
export function cliConfigText(mirrorPath: string): string {
  return [
    'provider_installation {',
    '  filesystem_mirror {',
    `    path    = ${JSON.stringify(mirrorPath)}`,
    '    include = ["registry.terraform.io/hashicorp/*"]',
    '  }',
    '}',
    '',
  ].join('\n');
}

/** The environment terraform runs with: the CLI configuration set, settings that would change the commands removed. */
export function terraformEnv(env: NodeJS.ProcessEnv, cliConfig: string): NodeJS.ProcessEnv {
  const out: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(env)) {
    if (/^TF_CLI_ARGS|^TF_(DATA_DIR|WORKSPACE|PLUGIN_CACHE_DIR|LOG|LOG_PATH|VAR_.*)$|^AWS_/.test(k)) continue;
    out[k] = v;
  }
  return { ...out, TF_CLI_CONFIG_FILE: cliConfig, CHECKPOINT_DISABLE: '1', TF_IN_AUTOMATION: '1', TF_INPUT: '0' };
}

/** One terraform diagnostic (from `validate -json` or a `plan -json` stream) as a line of text. */
export function diagnosticText(d: any): string {
  // Line numbers are those of the rewritten copy (kept with --keep), hence "copy".
  const where = d?.range?.filename ? ` (copy ${d.range.filename}:${d.range.start?.line ?? '?'})` : '';
  const context = d?.snippet?.context ? ` in ${d.snippet.context}` : d?.address ? ` in ${d.address}` : '';
  const detail = typeof d?.detail === 'string' && d.detail.trim() !== '' ? `: ${d.detail.trim().replace(/\s*\n\s*/g, ' ')}` : '';
  return `${d?.summary ?? 'terraform error'}${detail}${context}${where}`;
}

/** Validity, errors and warnings of `terraform validate -json` output (errors when the output is not JSON). */
export function parseValidateOutput(stdout: string): { valid: boolean; errors: string[]; warnings: string[] } {
  let json: any;
  try {
    json = JSON.parse(stdout);
  } catch {
    return { valid: false, errors: stdout.trim() === '' ? [] : [`unreadable validate output: ${stdout.trim().slice(0, 500)}`], warnings: [] };
  }
  const diagnostics: any[] = Array.isArray(json?.diagnostics) ? json.diagnostics : [];
  return {
    valid: json?.valid === true,
    errors: diagnostics.filter((d) => d?.severity === 'error').map(diagnosticText),
    warnings: diagnostics.filter((d) => d?.severity === 'warning').map(diagnosticText),
  };
}

/** Planned resource addresses (sorted), errors and warnings of a `terraform plan -json` stream. */
export function parsePlanOutput(stdout: string): { addresses: string[]; errors: string[]; warnings: string[] } {
  const addresses = new Set<string>();
  const errors: string[] = [];
  const warnings: string[] = [];
  for (const line of stdout.split('\n')) {
    if (line.trim() === '') continue;
    let message: any;
    try {
      message = JSON.parse(line);
    } catch {
      continue; // not part of the stream (terraform prints nothing else with -json, but be lenient)
    }
    if (message?.type === 'planned_change' && message.change?.action !== 'noop' && typeof message.change?.resource?.addr === 'string') {
      addresses.add(message.change.resource.addr);
    } else if (message?.type === 'diagnostic') {
      (message.diagnostic?.severity === 'error' ? errors : warnings).push(diagnosticText(message.diagnostic));
    }
  }
  return { addresses: [...addresses].sort(), errors, warnings };
}

/** The report lines of one directory: a status line, then indented errors. */
export function formatResult(r: DirectoryCheckResult): string[] {
  const timing = Object.entries(r.seconds)
    .map(([step, s]) => `${step} ${s.toFixed(1)} s`)
    .join(', ');
  if (r.status === 'ok') {
    return [`ok      ${r.name}: ${r.plannedResources.length} resources planned${timing ? ` (${timing})` : ''}`];
  }
  if (r.status === 'skipped') return [`skipped ${r.name}: ${r.errors.join('; ')}`];
  return [`FAILED  ${r.name} at ${r.step}${timing ? ` (${timing})` : ''}:`, ...r.errors.map((e) => `        ${e}`)];
}

/** `terraform: planned 6 stacks (6 ok, 0 failed)` (with `, N skipped` when any), or the reason nothing ran. */
export function summaryLine(report: TerraformCheckReport, noun = 'stacks'): string {
  if (report.skipped !== undefined) return `terraform: skipped (${report.skipped})`;
  const count = (s: DirectoryStatus) => report.results.filter((r) => r.status === s).length;
  const skipped = count('skipped');
  return `terraform: planned ${count('ok') + count('failed')} ${noun} (${count('ok')} ok, ${count('failed')} failed${skipped > 0 ? `, ${skipped} skipped` : ''}) in ${report.seconds.toFixed(0)} s`;
}

/** Whether the report has no failed directory (a skipped check passes). */
export function reportPassed(report: TerraformCheckReport): boolean {
  return report.results.every((r) => r.status !== 'failed');
}

/** The header line naming what was used. */
export function headerLine(report: TerraformCheckReport, count: number): string {
  const mirror = report.mirror ? `${describeProviders(report.mirror)} from ${report.mirror.path}` : `no mirror (${MIRROR_ENV})`;
  return `terraform: checking ${count} directories with terraform ${report.terraformVersion ?? '(unknown version)'} and ${mirror}`;
}

interface CommandResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  readonly seconds: number;
}

function run(binary: string, args: string[], cwd: string, env: NodeJS.ProcessEnv, timeoutMs: number): Promise<CommandResult> {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(binary, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGTERM');
    }, timeoutMs);
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    const finish = (code: number, extra = '') => {
      clearTimeout(timer);
      const stderr = Buffer.concat(err).toString('utf8') + (timedOut ? `\nterraform ${args[0]} timed out after ${timeoutMs / 1000} s` : '') + extra;
      resolve({ code, stdout: Buffer.concat(out).toString('utf8'), stderr, seconds: round((Date.now() - started) / 1000) });
    };
    child.on('error', (e) => finish(127, `\n${e.message}`));
    child.on('close', (code) => finish(timedOut ? 124 : (code ?? 1)));
  });
}

function commandText(r: CommandResult): string {
  const text = `${r.stderr}\n${r.stdout}`.trim().replace(/\n{2,}/g, '\n');
  return text === '' ? `exit code ${r.code}` : text;
}

function uniqueNames(names: string[]): string[] {
  const seen = new Map<string, number>();
  return names.map((n) => {
    const count = (seen.get(n) ?? 0) + 1;
    seen.set(n, count);
    return count === 1 ? n : `${n}-${count}`;
  });
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}

/** Throws when `concurrency` is not a positive whole number (for command-line parsing). */
export function parseConcurrency(text: string, origin: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) throw invalidValue('concurrency', text, origin, 'Give a whole number of at least 1, e.g. 2.');
  return n;
}
