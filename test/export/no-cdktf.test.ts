import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

// The exporter serves users who do not run cdktf: after an export (library function and CLI), no cdktf, constructs
// or provider binding module may be loaded. Jest's own module registry is shared with other imports, so this runs
// in a fresh node process that compiles the TypeScript sources on the fly and then reads the real require.cache.

const ROOT = path.join(__dirname, '..', '..');

const SCRIPT = `
const ts = require('typescript');
const fs = require('fs');
require.extensions['.ts'] = (module, filename) => {
  const out = ts.transpileModule(fs.readFileSync(filename, 'utf8'), { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true }, fileName: filename });
  module._compile(out.outputText, filename);
};
const [root, out] = process.argv.slice(1);
const { exportModule, writeModule, EXPORT_REGISTRY } = require(root + '/lib/export');
const { FAKE_REGISTRY } = require(root + '/test/export/fake-target');
const { main } = require(root + '/lib/cli/main');
const spec = { profiles: { 'ibm-vpc': { region: 'us-south', subnetCidrs: ['10.240.0.0/24'] }, 'chainguard-enforce': { acknowledgeRetired: true } } };
const fake = exportModule('fake-sg-rules', spec, { registry: FAKE_REGISTRY });
writeModule(fake, out + '/fake');
// Every registered target runs once (with empty options, which a target may refuse: its error path runs too).
const real = [];
for (const t of EXPORT_REGISTRY.targets) {
  try { exportModule(t.name, spec); real.push(t.name + ': exported'); } catch (e) { real.push(t.name + ': ' + e.name); }
}
fs.writeFileSync(out + '/spec.json', JSON.stringify(spec));
const sink = { write: () => true };
const codes = [main(['export', '--help'], { out: sink, err: sink }), main(['export', 'no-such-target', '--spec', out + '/spec.json', '--out', out + '/cli'], { out: sink, err: sink })];
const loaded = Object.keys(require.cache).filter((f) => /node_modules[\\\\/](cdktf|constructs|@cdktf[\\\\/]provider-[^\\\\/]+)[\\\\/]/.test(f));
const ours = Object.keys(require.cache).filter((f) => f.startsWith(root + '/lib/')).map((f) => f.slice(root.length + 1)).sort();
process.stdout.write(JSON.stringify({ loaded, ours, real, codes, files: Object.keys(fake.files) }));
`;

test('after an export (library, CLI, every registered target) require.cache holds no cdktf, constructs or provider module', () => {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'export-no-cdktf-'));
  try {
    const child = spawnSync(process.execPath, ['-e', SCRIPT, ROOT, out], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
    expect(child.stderr).toBe('');
    expect(child.status).toBe(0);
    const report = JSON.parse(child.stdout);
    expect(report.files).toEqual(['main.tf.json', 'variables.tf.json', 'outputs.tf.json', 'versions.tf.json']);
    expect(report.codes).toEqual([0, 2]);
    expect(report.loaded).toEqual([]);
    // The export really loaded the library: the registry (with every cloud's targets), the catalogs and the CLI.
    expect(report.ours).toEqual(expect.arrayContaining(['lib/export/registry.ts', 'lib/export/aws/index.ts', 'lib/export/azure/index.ts', 'lib/export/google/index.ts', 'lib/export/ibm/index.ts', 'lib/catalog/ibm-vpc/profile.ts', 'lib/cli/export-command.ts']));
    // Targets reuse their constructs' planning files (lib/targets/<cloud>/plan/), never the constructs.
    expect(report.ours.filter((f: string) => /^lib\/targets\/[a-z]+\/(?!.*plan)[^/]+\.ts$/.test(f) && /rules\.ts$|ranges\.ts$|table\.ts$|access\.ts$|networks\.ts$|allowlist\.ts$|firewall\.ts$/.test(f))).toEqual([]);
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
});

test('the filter recognizes cdktf, constructs and provider modules (so the check above can fail)', () => {
  const child = spawnSync(process.execPath, ['-e', `require('cdktf'); require('@cdktf/provider-aws/lib/provider'); const l = Object.keys(require.cache).filter((f) => /node_modules[\\\\/](cdktf|constructs|@cdktf[\\\\/]provider-[^\\\\/]+)[\\\\/]/.test(f)); process.stdout.write(JSON.stringify([l.some((f) => /[\\\\/]cdktf[\\\\/]/.test(f)), l.some((f) => /[\\\\/]constructs[\\\\/]/.test(f)), l.some((f) => /provider-aws/.test(f))]));`], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
  expect(JSON.parse(child.stdout)).toEqual([true, true, true]);
});
