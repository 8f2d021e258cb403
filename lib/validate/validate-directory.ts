import * as fs from 'fs';
import * as path from 'path';
import { invalidValue } from '../model/errors';
import { SchemaLoad, SchemaStore, SchemaStoreOptions } from './schema-store';
import { formatProblem, StackValidator, ValidationProblem } from './stack-validator';

/** Options for {@link validateDirectory} and {@link validateStackJson}. */
export interface ValidateOptions extends SchemaStoreOptions {
  /**
   * The schema store to use (share one to reuse its timing history).
   * @default - a new store with these options
   */
  readonly store?: SchemaStore;
}

/** What a validation run found. */
export interface ValidationReport {
  /** One line per problem, `<stack>/<address>[.<block path>]: <argument>: <what is wrong>`, sorted. */
  readonly problems: readonly string[];
  /** The same problems, structured. */
  readonly details: readonly ValidationProblem[];
  /** Stack files read. */
  readonly stacks: number;
  /** Resources checked against a schema. */
  readonly resources: number;
  /** Data sources checked against a schema. */
  readonly dataSources: number;
  /** Provider configuration blocks checked against a schema. */
  readonly providerBlocks: number;
  /** Objects that could not be checked, one line per provider without a schema. */
  readonly unchecked: readonly string[];
  /** Remarks that are not problems, such as a provider version that differs from the schema's. */
  readonly notes: readonly string[];
  /** How each provider schema was obtained and how long it took. */
  readonly schemaLoads: readonly SchemaLoad[];
}

const STACK_FILE = 'cdk.tf.json';

/**
 * Validates every `cdk.tf.json` under `dir` (cdktf's `cdktf.out`, recursing into `stacks/*`), or one stack
 * file, against the provider schemas. Loads one provider schema at a time and only those the stacks use.
 */
export function validateDirectory(dir: string, options: ValidateOptions = {}): ValidationReport {
  const files = stackFiles(dir);
  const stacks = files.map((file) => StackValidator.fromJson(fs.readFileSync(file, 'utf8'), folderName(file, dir), file));
  return run(stacks, options, true);
}

/** Validates one synthesized stack given as JSON text (e.g. the output of cdktf's `Testing.synth`). */
export function validateStackJson(json: string, options: ValidateOptions = {}): ValidationReport {
  return run([StackValidator.fromJson(json, 'stack', 'the given stack')], options, false);
}

function run(stacks: StackValidator[], options: ValidateOptions, withStack: boolean): ValidationReport {
  const store = options.store ?? new SchemaStore(options);
  const firstLoad = store.history.length;
  const counts = { resources: 0, dataSources: 0, providerBlocks: 0 };
  const sources = [...new Set(stacks.flatMap((s) => s.sources))].sort();
  for (const source of sources) {
    // One provider at a time: the schema is dropped before the next one is loaded.
    const schema = store.load(source);
    for (const stack of stacks) {
      const c = stack.checkProvider(source, schema);
      counts.resources += c.resources;
      counts.dataSources += c.dataSources;
      counts.providerBlocks += c.providerBlocks;
    }
  }
  for (const stack of stacks) stack.checkReferences();

  const details = stacks.flatMap((s) => s.problems);
  const lines = details.map((p) => (withStack ? `${p.stack}/${formatProblem(p)}` : formatProblem(p)));
  const order = lines.map((line, i) => ({ line, problem: details[i] })).sort((a, b) => compare(a.line, b.line));
  const unchecked = new Map<string, Set<string>>();
  for (const stack of stacks) {
    for (const [source, types] of stack.unchecked) {
      const all = unchecked.get(source) ?? new Set<string>();
      types.forEach((t) => all.add(t));
      unchecked.set(source, all);
    }
  }
  return {
    problems: order.map((o) => o.line),
    details: order.map((o) => o.problem),
    stacks: stacks.length,
    ...counts,
    unchecked: [...unchecked.keys()].sort().map((source) => `${source}: no schema (${[...unchecked.get(source)!].sort().join(', ')})`),
    notes: [...new Set(stacks.flatMap((s) => s.notes))].sort(),
    schemaLoads: store.history.slice(firstLoad),
  };
}

/** The stack files under `dir`, sorted; `dir` may also be a single `.json` file. */
export function stackFiles(dir: string): string[] {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(dir);
  } catch {
    throw invalidValue('directory', dir, 'validate', `It does not exist. Synthesize first (cdktf synth writes ${path.join('cdktf.out', 'stacks', '<stack>', STACK_FILE)}) or pass the folder that holds ${STACK_FILE} files.`, 'not-found');
  }
  if (stat.isFile()) return [dir];
  const found: string[] = [];
  const visit = (folder: string) => {
    for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules' && !entry.name.startsWith('.')) visit(full);
      } else if (entry.name === STACK_FILE) {
        found.push(full);
      }
    }
  };
  visit(dir);
  if (found.length === 0) {
    throw invalidValue('directory', dir, 'validate', `It holds no ${STACK_FILE} file. Synthesize first, or pass the cdktf output folder (default cdktf.out).`, 'not-found');
  }
  return found.sort(compare);
}

/** The folder a stack file sits in (used when the file does not record its stack name). */
function folderName(file: string, root: string): string {
  const relative = path.relative(root, path.dirname(file));
  return relative === '' ? path.basename(path.dirname(path.resolve(file))) : relative.split(path.sep).pop()!;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
