import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { exportModule, MANIFEST_FILE, writeModule } from '../../lib/export';
import { FirewallRequirementsError } from '../../lib/model';
import { FAKE_REGISTRY } from './fake-target';

const SPEC = { profiles: { 'ibm-vpc': { region: 'us-south', subnetCidrs: ['10.240.0.0/24'] } } };
const exported = () => exportModule('fake-sg-rules', SPEC, { registry: FAKE_REGISTRY });
let root: string;
beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'export-write-'));
});
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

const listing = (dir: string) => fs.readdirSync(dir).sort();
const snapshot = (dir: string) =>
  Object.fromEntries(listing(dir).map((f) => [f, fs.statSync(path.join(dir, f)).isDirectory() ? '<dir>' : fs.readFileSync(path.join(dir, f), 'utf8')]));

describe('writeModule', () => {
  test('GIVEN a new folder WHEN written THEN it holds the module files and the manifest, nothing else', () => {
    const dir = path.join(root, 'modules', 'nodes');
    const result = writeModule(exported(), dir);
    expect(result.written).toEqual(['main.tf.json', 'outputs.tf.json', 'variables.tf.json', 'versions.tf.json']);
    expect(listing(dir)).toEqual([MANIFEST_FILE, ...result.written].sort());
    for (const f of result.written) expect(fs.readFileSync(path.join(dir, f), 'utf8')).toBe(exported().files[f]);
    expect(JSON.parse(fs.readFileSync(path.join(dir, MANIFEST_FILE), 'utf8'))).toEqual({ files: result.written, generator: 'cdktf-firewall-requirements export', target: 'fake-sg-rules' });
  });

  test('an empty existing folder is used', () => {
    expect(writeModule(exported(), root).written).toHaveLength(4);
  });

  test('a folder an earlier export wrote is replaced; files it no longer exports are removed', () => {
    writeModule(exported(), root);
    fs.writeFileSync(path.join(root, 'main.tf.json'), 'edited by hand');
    // An earlier export that also wrote a file this one does not.
    const manifest = JSON.parse(fs.readFileSync(path.join(root, MANIFEST_FILE), 'utf8'));
    fs.writeFileSync(path.join(root, 'locals.tf.json'), '{}');
    fs.writeFileSync(path.join(root, MANIFEST_FILE), JSON.stringify({ ...manifest, files: [...manifest.files, 'locals.tf.json'] }));
    const result = writeModule(exported(), root);
    expect(result.removed).toEqual(['locals.tf.json']);
    expect(fs.readFileSync(path.join(root, 'main.tf.json'), 'utf8')).toBe(exported().files['main.tf.json']);
    expect(listing(root)).toEqual([MANIFEST_FILE, 'main.tf.json', 'outputs.tf.json', 'variables.tf.json', 'versions.tf.json']);
  });

  test('writing twice gives the same bytes', () => {
    writeModule(exported(), root);
    const first = snapshot(root);
    writeModule(exported(), root);
    expect(snapshot(root)).toEqual(first);
  });

  describe('refusals (nothing is written)', () => {
    const refuses = (dir: string, message: RegExp) => {
      const before = fs.existsSync(dir) && fs.statSync(dir).isDirectory() ? snapshot(dir) : undefined;
      let error: unknown;
      try {
        writeModule(exported(), dir);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(FirewallRequirementsError);
      expect((error as Error).message).toMatch(message);
      if (before) expect(snapshot(dir)).toEqual(before);
    };

    test('a folder with files and no manifest', () => {
      fs.writeFileSync(path.join(root, 'main.tf'), 'resource "x" "y" {}');
      refuses(root, /Refusing to write into ".*": it is not empty and has no \.cdktf-firewall-requirements\.json/);
    });

    test('a folder an export wrote, plus a file of the user', () => {
      writeModule(exported(), root);
      fs.writeFileSync(path.join(root, 'extra.tf'), '# mine');
      refuses(root, /it holds a file the exporter did not write \(extra\.tf\)/);
    });

    test('a sub-folder counts as foreign too', () => {
      writeModule(exported(), root);
      fs.mkdirSync(path.join(root, '.terraform'));
      refuses(root, /did not write \(\.terraform\)/);
    });

    test('a manifest that is not the exporter\'s', () => {
      fs.writeFileSync(path.join(root, MANIFEST_FILE), JSON.stringify({ files: ['main.tf.json'] }));
      refuses(root, /its \.cdktf-firewall-requirements\.json is not one the exporter wrote/);
    });

    test('a manifest that lists a path outside the folder', () => {
      fs.writeFileSync(path.join(root, MANIFEST_FILE), JSON.stringify({ generator: 'cdktf-firewall-requirements export', files: ['../main.tf'] }));
      refuses(root, /is not one the exporter wrote/);
    });

    test('a manifest that is not JSON', () => {
      fs.writeFileSync(path.join(root, MANIFEST_FILE), 'nope');
      refuses(root, /is not one the exporter wrote/);
    });

    test('a file where the folder should be', () => {
      const file = path.join(root, 'module');
      fs.writeFileSync(file, 'x');
      refuses(file, /Invalid output folder ".*module".*It is a file/);
      expect(fs.readFileSync(file, 'utf8')).toBe('x');
    });

    test('a module with a file name that is a path', () => {
      const bad = { target: 'fake-sg-rules', files: { '../escape.tf.json': '{}' } };
      expect(() => writeModule(bad, path.join(root, 'out'))).toThrow(/produced the file name "\.\.\/escape\.tf\.json"/);
      expect(fs.existsSync(path.join(root, 'out'))).toBe(false);
      expect(fs.existsSync(path.join(root, 'escape.tf.json'))).toBe(false);
    });
  });
});
