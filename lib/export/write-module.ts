import * as fs from 'fs';
import * as path from 'path';
import { FirewallRequirementsError, invalidValue } from '../model/errors';
import { describeValue } from '../model/value';
import { ExportedModule } from './export-module';
import { canonicalJson } from './render';

/**
 * The manifest the exporter leaves in every folder it writes: which files it wrote, so that a later export
 * replaces exactly those and refuses to touch a folder holding anything else.
 */
export const MANIFEST_FILE = '.cdktf-firewall-requirements.json';

const GENERATOR = 'cdktf-firewall-requirements export';

/** What `writeModule` did. */
export interface WriteResult {
  /** The folder, resolved. */
  readonly dir: string;
  /** Module files written (the manifest not included), sorted. */
  readonly written: string[];
  /** Files of an earlier export that this one no longer has, removed. */
  readonly removed: string[];
}

/**
 * Writes a module into `dir`, creating it (and missing parent folders) if needed. Refuses (and writes nothing) when
 * `dir` is empty or not a string, is a file or a symbolic link, or holds anything the exporter did not write (it
 * keeps a manifest, `.cdktf-firewall-requirements.json`, of its files; a symlinked manifest or file is refused too).
 *
 * Every file is first written into a temporary folder beside `dir` (`.<name>.tmp-...` in the same parent), then
 * moved in by rename: a new folder is renamed into place whole; into an existing folder the files are renamed one by
 * one, the manifest last, and the files they replace are kept aside until every rename has succeeded and put back if
 * one fails. On any error nothing has changed, no temporary file or folder stays behind, and the error is a
 * `FirewallRequirementsError` naming the path (permission denied, not a directory, disk full).
 */
export function writeModule(module: ExportedModule, dir: string): WriteResult {
  if (typeof dir !== 'string' || dir.trim() === '') {
    throw invalidValue('output folder', describeValue(dir), '--out', 'Give the folder to write the module into, e.g. modules/firewall (it is created if missing).', 'missing-value');
  }
  if (module === null || typeof module !== 'object' || typeof module.target !== 'string' || module.files === null || typeof module.files !== 'object') {
    throw invalidValue('module', describeValue(module), 'writeModule', 'Pass the result of exportModule(...).', 'invalid-type');
  }
  const resolved = path.resolve(dir);
  const names = Object.keys(module.files).sort();
  for (const name of names) {
    if (name === MANIFEST_FILE || name !== path.basename(name) || name.startsWith('.') || typeof module.files[name] !== 'string') {
      throw new FirewallRequirementsError('invalid-export-content', `Export target ${module.target} produced the file name ${JSON.stringify(name)}`, name, `export target ${module.target}`, 'Module files are plain names such as main.tf.json, with text content.');
    }
  }
  const previous = previousFiles(resolved, dir);
  const manifest = canonicalJson({ generator: GENERATOR, target: module.target, files: names });
  const all: Array<[string, string]> = [...names.map((n): [string, string] => [n, module.files[n]]), [MANIFEST_FILE, manifest]];
  const removed = previous === undefined ? [] : previous.filter((n) => !names.includes(n));

  const parent = path.dirname(resolved);
  const createdParent = guard(resolved, () => createParents(parent));
  let staging: string | undefined;
  try {
    staging = guard(resolved, () => fs.mkdtempSync(path.join(parent, `.${path.basename(resolved)}.tmp-`)));
    for (const [name, text] of all) guard(resolved, () => fs.writeFileSync(path.join(staging as string, name), text));
    if (previous === undefined) {
      guard(resolved, () => fs.renameSync(staging as string, resolved));
      staging = undefined;
    } else {
      replaceFiles(resolved, staging, all.map(([n]) => n), removed);
    }
  } catch (e) {
    if (staging !== undefined) fs.rmSync(staging, { recursive: true, force: true });
    if (createdParent !== undefined) fs.rmSync(createdParent, { recursive: true, force: true });
    throw e;
  }
  if (staging !== undefined) fs.rmSync(staging, { recursive: true, force: true });
  return { dir: resolved, written: names, removed };
}

/**
 * Moves the staged files into the existing folder `dir`, the manifest last. The files they replace (and the ones no
 * longer exported) go to a folder beside `dir` first; if any rename fails, everything moved is put back.
 */
function replaceFiles(dir: string, staging: string, files: readonly string[], removed: readonly string[]): void {
  const aside = guard(dir, () => fs.mkdtempSync(path.join(path.dirname(dir), `.${path.basename(dir)}.old-`)));
  const movedAside: string[] = [];
  const movedIn: string[] = [];
  try {
    for (const name of [...files, ...removed]) {
      if (fs.existsSync(path.join(dir, name))) {
        guard(dir, () => fs.renameSync(path.join(dir, name), path.join(aside, name)));
        movedAside.push(name);
      }
    }
    for (const name of files) {
      guard(dir, () => fs.renameSync(path.join(staging, name), path.join(dir, name)));
      movedIn.push(name);
    }
  } catch (e) {
    for (const name of movedIn) fs.rmSync(path.join(dir, name), { force: true });
    for (const name of movedAside) fs.renameSync(path.join(aside, name), path.join(dir, name));
    fs.rmSync(aside, { recursive: true, force: true });
    throw e;
  }
  fs.rmSync(aside, { recursive: true, force: true });
}

/** Creates `dir` and its missing parents; returns the top-most folder it created (to remove on failure), if any. */
function createParents(dir: string): string | undefined {
  let top: string | undefined;
  for (let d = dir; !fs.existsSync(d); d = path.dirname(d)) {
    top = d;
    if (path.dirname(d) === d) break;
  }
  if (top !== undefined) fs.mkdirSync(dir, { recursive: true });
  return top;
}

/** Runs a file system step; its error becomes the library's error naming the output folder. */
function guard<T>(dir: string, step: () => T): T {
  try {
    return step();
  } catch (e) {
    if (e instanceof FirewallRequirementsError) throw e;
    const code = (e as NodeJS.ErrnoException).code ?? 'error';
    const why: Record<string, string> = {
      EACCES: 'permission denied',
      EPERM: 'operation not permitted',
      ENOTDIR: 'a part of the path is a file, not a folder',
      EROFS: 'the file system is read-only',
      ENOSPC: 'the disk is full',
      EEXIST: 'something else appeared there meanwhile',
      ENAMETOOLONG: 'the path is too long',
      ELOOP: 'the path loops through symbolic links',
    };
    throw new FirewallRequirementsError(
      'output-unwritable',
      `Cannot write the module to ${JSON.stringify(dir)}: ${why[code] ?? (e as Error).message} (${code})`,
      dir,
      '--out',
      'Nothing was written. Give a folder you can write to (it and missing parents are created), or fix its permissions.',
    );
  }
}

/**
 * The files an earlier export wrote into `dir` (`undefined` when it does not exist), after checking that it is a real
 * folder holding nothing else, with no symbolic link among the files the export would replace.
 */
function previousFiles(resolved: string, shown: string): string[] | undefined {
  let stat: fs.Stats;
  try {
    stat = fs.lstatSync(resolved);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return undefined;
    return guard(resolved, () => {
      throw e;
    });
  }
  if (stat.isSymbolicLink()) {
    throw invalidValue('output folder', shown, '--out', 'It is a symbolic link: give the real folder it points to, so that no write lands outside the folder named.', 'output-not-directory');
  }
  if (!stat.isDirectory()) throw invalidValue('output folder', shown, '--out', 'It is a file. Give a folder (it is created if missing).', 'output-not-directory');
  const entries = guard(resolved, () => fs.readdirSync(resolved)).sort();
  if (entries.length === 0) return [];
  const listed = readManifest(resolved, shown, entries);
  const foreign = entries.filter((e) => e !== MANIFEST_FILE && !listed.includes(e));
  if (foreign.length > 0) {
    throw refusal(shown, `it holds ${foreign.length === 1 ? 'a file' : `${foreign.length} files`} the exporter did not write (${foreign.slice(0, 5).join(', ')}${foreign.length > 5 ? ', ...' : ''})`);
  }
  const linked = entries.filter((e) => fs.lstatSync(path.join(resolved, e)).isSymbolicLink());
  if (linked.length > 0) throw refusal(shown, `${linked.join(', ')} ${linked.length === 1 ? 'is a symbolic link' : 'are symbolic links'}, which the exporter never writes`);
  return listed;
}

function readManifest(resolved: string, shown: string, entries: readonly string[]): string[] {
  if (!entries.includes(MANIFEST_FILE)) throw refusal(shown, `it is not empty and has no ${MANIFEST_FILE}, so the exporter did not write it`);
  let manifest: unknown;
  try {
    manifest = JSON.parse(fs.readFileSync(path.join(resolved, MANIFEST_FILE), 'utf8'));
  } catch {
    manifest = undefined;
  }
  const m = manifest as { generator?: unknown; files?: unknown } | undefined;
  const files = m?.files;
  if (m?.generator !== GENERATOR || !Array.isArray(files) || files.some((f) => typeof f !== 'string' || f !== path.basename(f) || f.startsWith('.'))) {
    throw refusal(shown, `its ${MANIFEST_FILE} is not one the exporter wrote`);
  }
  return files as string[];
}

function refusal(dir: string, why: string): FirewallRequirementsError {
  return new FirewallRequirementsError(
    'output-not-empty',
    `Refusing to write into ${JSON.stringify(dir)}: ${why}`,
    dir,
    '--out',
    'Give a new or empty folder, or one an earlier export wrote; move other files elsewhere first.',
  );
}
