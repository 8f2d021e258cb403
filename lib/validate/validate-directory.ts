import * as fs from 'fs';
import * as path from 'path';
import { FirewallRequirementsError, invalidValue } from '../model/errors';
import { isDanglingLink, readFailure } from './files';
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
  /**
   * Objects that could not be checked, one line per provider without a schema:
   * `<source>: no schema (<types>); <what to install or add>`.
   */
  readonly unchecked: readonly string[];
  /** The same, structured. */
  readonly uncheckedProviders: readonly UncheckedProvider[];
  /**
   * True when every resource, data source and provider block was checked against a schema. A report with
   * no problems but `complete: false` is not a clean result: some objects were not looked at.
   */
  readonly complete: boolean;
  /** Remarks that are not problems, such as a provider version that differs from the schema's. */
  readonly notes: readonly string[];
  /** How each provider schema was obtained and how long it took. */
  readonly schemaLoads: readonly SchemaLoad[];
}

/** The objects of one provider that no schema was found for. */
export interface UncheckedProvider {
  /** Provider source, e.g. `hashicorp/random`. */
  readonly source: string;
  /** Object types not checked: `random_id`, `data.random_thing`, `provider random`. */
  readonly types: readonly string[];
  /** How many objects (over all stacks) were not checked. */
  readonly objects: number;
  /** Why, and what provides a schema (the package to install or the schema file to add). */
  readonly reason: string;
}

const STACK_FILE = 'cdk.tf.json';

/**
 * Validates every `cdk.tf.json` under `dir` (cdktf's `cdktf.out`, recursing into `stacks/*`), or one stack
 * file, against the provider schemas. Loads one provider schema at a time and only those the stacks use.
 */
export function validateDirectory(dir: string, options: ValidateOptions = {}): ValidationReport {
  const store = options.store ?? new SchemaStore(options);
  const found = findStackFiles(dir);
  const stacks: StackValidator[] = [];
  const fileProblems: ValidationProblem[] = [];
  const fileProblem = (stack: string, file: string, message: string) =>
    fileProblems.push({ stack, address: path.basename(file) || file, path: '', argument: '', message: `${message} (${file})`, file });
  for (const folder of found.unreadable) {
    fileProblem(folderName(path.join(folder.path, STACK_FILE), dir), folder.path, `folder cannot be read: ${folder.reason}; stacks in it were not checked`);
  }
  for (const file of found.files) {
    const name = folderName(file, dir);
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch (e) {
      fileProblem(name, file, `cannot be read: ${readFailure(file, e)}; synthesize again`);
      continue;
    }
    try {
      stacks.push(StackValidator.fromJson(text, name, file));
    } catch (e) {
      if (!(e instanceof FirewallRequirementsError)) throw e;
      fileProblem(name, file, `is not a stack: ${e.hint}`);
    }
  }
  return run(stacks, { ...options, store }, true, fileProblems);
}

/** Validates one synthesized stack given as JSON text (e.g. the output of cdktf's `Testing.synth`). */
export function validateStackJson(json: string, options: ValidateOptions = {}): ValidationReport {
  return run([StackValidator.fromJson(json, 'stack', 'the given stack')], options, false);
}

function run(stacks: StackValidator[], options: ValidateOptions, withStack: boolean, fileProblems: readonly ValidationProblem[] = []): ValidationReport {
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

  const details = [...fileProblems, ...stacks.flatMap((s) => s.problems)];
  const lines = details.map((p) => (withStack ? `${p.stack}/${formatProblem(p)}` : formatProblem(p)));
  const order = lines.map((line, i) => ({ line, problem: details[i] })).sort((a, b) => compare(a.line, b.line));
  const unchecked = new Map<string, { types: Set<string>; objects: number }>();
  for (const stack of stacks) {
    for (const [source, types] of stack.unchecked) {
      const entry = unchecked.get(source) ?? { types: new Set<string>(), objects: 0 };
      types.forEach((t) => entry.types.add(t));
      entry.objects += stack.uncheckedCounts.get(source) ?? 0;
      unchecked.set(source, entry);
    }
  }
  const uncheckedProviders: UncheckedProvider[] = [...unchecked.keys()].sort().map((source) => ({
    source,
    types: [...unchecked.get(source)!.types].sort(),
    objects: unchecked.get(source)!.objects,
    reason: store.explainMissing(source),
  }));
  return {
    problems: order.map((o) => o.line),
    details: order.map((o) => o.problem),
    stacks: stacks.length,
    ...counts,
    unchecked: uncheckedProviders.map((u) => `${u.source}: ${u.reason.replace(/^no schema: /, `no schema (${u.types.join(', ')}); `)}`),
    uncheckedProviders,
    complete: uncheckedProviders.length === 0 && fileProblems.length === 0,
    notes: [...new Set(stacks.flatMap((s) => s.notes))].sort(),
    schemaLoads: store.history.slice(firstLoad),
  };
}

/**
 * The stack files under `dir`, sorted; `dir` may also be a single `.json` file.
 * @throws FirewallRequirementsError when `dir` does not exist, holds no stack file, or a folder under it cannot be read
 */
export function stackFiles(dir: string): string[] {
  const found = findStackFiles(dir);
  if (found.unreadable.length > 0) {
    const first = found.unreadable[0];
    throw invalidValue('folder', first.path, 'validate', `It cannot be read (${first.reason}); stacks in it would not be checked.`, 'unreadable');
  }
  return found.files;
}

/** Stack files under `dir`, and the folders under it that could not be read. */
function findStackFiles(dir: string): { files: string[]; unreadable: Array<{ path: string; reason: string }> } {
  const origin = 'validate';
  if (dir.trim() === '') throw invalidValue('directory', dir, origin, 'It is empty. Pass the cdktf output folder (default cdktf.out).', 'not-found');
  let stat: fs.Stats;
  try {
    stat = fs.statSync(dir);
  } catch (e) {
    if (isDanglingLink(dir)) throw invalidValue('directory', dir, origin, `It is a broken symbolic link (${readFailure(dir, e)}). Pass the cdktf output folder.`, 'not-found');
    throw invalidValue('directory', dir, origin, `It does not exist. Synthesize first (cdktf synth writes ${path.join('cdktf.out', 'stacks', '<stack>', STACK_FILE)}) or pass the folder that holds ${STACK_FILE} files.`, 'not-found');
  }
  if (stat.isFile()) return { files: [dir], unreadable: [] };
  if (!stat.isDirectory()) throw invalidValue('directory', dir, origin, `It is neither a folder nor a file. Pass the cdktf output folder or one ${STACK_FILE}.`, 'not-found');
  const files: string[] = [];
  const unreadable: Array<{ path: string; reason: string }> = [];
  const seen = new Set<string>();
  const visit = (folder: string) => {
    try {
      const real = fs.realpathSync(folder);
      if (seen.has(real)) return; // a symbolic link back up the tree
      seen.add(real);
    } catch {
      // unresolvable: readdir below reports it
    }
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(folder, { withFileTypes: true });
    } catch (e) {
      if (folder === dir) throw invalidValue('directory', dir, origin, `It cannot be read (${readFailure(dir, e)}).`, 'unreadable');
      unreadable.push({ path: folder, reason: readFailure(folder, e) });
      return;
    }
    for (const entry of entries) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory() || (entry.isSymbolicLink() && entry.name !== STACK_FILE && isFolder(full))) {
        if (entry.name !== 'node_modules' && !entry.name.startsWith('.')) visit(full);
      } else if (entry.name === STACK_FILE) {
        // Files, symbolic links (a broken one is reported when read) and anything else of that name.
        files.push(full);
      }
    }
  };
  visit(dir);
  if (files.length === 0 && unreadable.length === 0) {
    throw invalidValue('directory', dir, origin, `It holds no ${STACK_FILE} file. Synthesize first, or pass the cdktf output folder (default cdktf.out); nothing was validated.`, 'not-found');
  }
  return { files: files.sort(compare), unreadable: unreadable.sort((a, b) => compare(a.path, b.path)) };
}

function isFolder(file: string): boolean {
  try {
    return fs.statSync(file).isDirectory();
  } catch {
    return false;
  }
}

/** The folder a stack file sits in (used when the file does not record its stack name). */
function folderName(file: string, root: string): string {
  const relative = path.relative(root, path.dirname(file));
  return relative === '' || relative.startsWith('..') ? path.basename(path.dirname(path.resolve(file))) : relative.split(path.sep).pop()!;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
