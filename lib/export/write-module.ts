import * as fs from 'fs';
import * as path from 'path';
import { FirewallRequirementsError, invalidValue } from '../model/errors';
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
 * Writes a module into `dir`, creating it if needed. Refuses (and writes nothing) when `dir` is a file, or holds
 * anything the exporter did not write (it keeps a manifest, `.cdktf-firewall-requirements.json`, of its files).
 * Every file is first written beside its destination under a temporary name and then renamed into place, so a
 * reader sees the old or the new file, never a half-written one; the manifest is written last.
 */
export function writeModule(module: ExportedModule, dir: string): WriteResult {
  const resolved = path.resolve(dir);
  const previous = previousFiles(resolved, dir);
  const names = Object.keys(module.files).sort();
  for (const name of names) {
    if (name === MANIFEST_FILE || name !== path.basename(name) || name.startsWith('.')) {
      throw new FirewallRequirementsError('invalid-export-content', `Export target ${module.target} produced the file name ${JSON.stringify(name)}`, name, `export target ${module.target}`, 'Module files are plain names such as main.tf.json.');
    }
  }
  fs.mkdirSync(resolved, { recursive: true });
  const suffix = `.tmp-${process.pid}-${Date.now().toString(36)}`;
  const manifest = canonicalJson({ generator: GENERATOR, target: module.target, files: names });
  const all: Array<[string, string]> = [...names.map((n): [string, string] => [n, module.files[n]]), [MANIFEST_FILE, manifest]];
  const temporary: string[] = [];
  try {
    for (const [name, text] of all) {
      const tmp = path.join(resolved, `${name}${suffix}`);
      fs.writeFileSync(tmp, text);
      temporary.push(tmp);
    }
  } catch (e) {
    for (const tmp of temporary) fs.rmSync(tmp, { force: true });
    throw e;
  }
  const removed = previous.filter((n) => !names.includes(n));
  // The manifest last: until it is renamed, the old manifest still lists every file the folder may hold.
  for (const [name] of all) fs.renameSync(path.join(resolved, `${name}${suffix}`), path.join(resolved, name));
  for (const name of removed) fs.rmSync(path.join(resolved, name), { force: true });
  return { dir: resolved, written: names, removed };
}

/** The files an earlier export wrote into `dir` (none when it does not exist), after checking it holds nothing else. */
function previousFiles(resolved: string, shown: string): string[] {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(resolved);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw e;
  }
  if (!stat.isDirectory()) throw invalidValue('output folder', shown, '--out', 'It is a file. Give a folder (it is created if missing).', 'output-not-directory');
  const entries = fs.readdirSync(resolved).sort();
  if (entries.length === 0) return [];
  const listed = readManifest(resolved, shown, entries);
  const foreign = entries.filter((e) => e !== MANIFEST_FILE && !listed.includes(e));
  if (foreign.length > 0) {
    throw refusal(shown, `it holds ${foreign.length === 1 ? 'a file' : `${foreign.length} files`} the exporter did not write (${foreign.slice(0, 5).join(', ')}${foreign.length > 5 ? ', ...' : ''})`);
  }
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
