import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Writable } from 'stream';
import { runExport } from '../../lib/cli/export-command';
import { exportModule, MANIFEST_FILE } from '../../lib/export';
import { FAKE_REGISTRY } from '../export/fake-target';
import { runCli } from './run-cli';

function run(...args: string[]): { code: number; stdout: string; stderr: string } {
  let stdout = '';
  let stderr = '';
  const sink = (append: (s: string) => void) => new Writable({ write: (chunk, _e, done) => (append(String(chunk)), done()) });
  const code = runExport(args, { out: sink((s) => (stdout += s)), err: sink((s) => (stderr += s)) }, FAKE_REGISTRY);
  return { code, stdout, stderr };
}

const SPEC = { profiles: { 'ibm-vpc': { region: 'us-south', subnetCidrs: ['10.240.0.0/24'] } }, target: { descriptionPrefix: 'nodes: ' } };
let root: string;
let spec: string;
let out: string;
beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'export-cli-'));
  spec = path.join(root, 'spec.json');
  out = path.join(root, 'module');
  fs.writeFileSync(spec, JSON.stringify(SPEC, null, 2));
});
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

describe('export command', () => {
  test('writes the module: exit 0, one line on stdout, nothing on stderr; the files are exportModule\'s', () => {
    const r = run('fake-sg-rules', '--spec', spec, '--out', out);
    expect(r).toEqual({ code: 0, stderr: '', stdout: `Wrote 4 files to ${out}: main.tf.json, outputs.tf.json, variables.tf.json, versions.tf.json\n` });
    const expected = exportModule('fake-sg-rules', SPEC, { registry: FAKE_REGISTRY });
    for (const [name, text] of Object.entries(expected.files)) expect(fs.readFileSync(path.join(out, name), 'utf8')).toBe(text);
  });

  test('--flag=value works and a second run replaces its own files', () => {
    expect(run('fake-sg-rules', `--spec=${spec}`, `--out=${out}`).code).toBe(0);
    expect(run('fake-sg-rules', `--out=${out}`, `--spec=${spec}`).code).toBe(0);
  });

  test('export --help lists the targets with their options; <target> --help shows its options', () => {
    const all = run('--help');
    expect(all.code).toBe(0);
    expect(all.stdout).toMatch(/Usage: cdktf-firewall-requirements export <target> --spec <spec\.json> --out <dir>/);
    expect(all.stdout).toMatch(/aws:\n\s+fake-sg-rules\s+Security group rules for the CIDR rows \(test target\)\n\s+target options: allowAnyAddress, descriptionPrefix/);
    const one = run('fake-sg-rules', '--help');
    expect(one.code).toBe(0);
    expect(one.stdout).toMatch(/descriptionPrefix\s+Text put before every rule description/);
    expect(one.stderr).toBe('');
  });

  describe('bad input: exit 2, one message on stderr, nothing on stdout, nothing written', () => {
    const expectRefused = (r: { code: number; stdout: string; stderr: string }, message: RegExp) => {
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(message);
      expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(fs.existsSync(out)).toBe(false);
    };

    test.each<[string, () => string[], RegExp]>([
      ['an unknown target', () => ['fake-sg-rule', '--spec', spec, '--out', out], /Unknown export target "fake-sg-rule".*Did you mean "fake-sg-rules"\?/],
      ['no --spec', () => ['fake-sg-rules', '--out', out], /Missing required option --spec/],
      ['no --out', () => ['fake-sg-rules', '--spec', spec], /Missing required option --out/],
      ['--spec twice', () => ['fake-sg-rules', '--spec', spec, '--spec', spec, '--out', out], /second value for --spec/],
      ['--spec without a value', () => ['fake-sg-rules', '--out', out, '--spec'], /--spec needs a value/],
      ['an unknown flag', () => ['fake-sg-rules', '--spec', spec, '--out', out, '--force'], /--force/],
      ['a stray argument', () => ['fake-sg-rules', 'extra', '--spec', spec, '--out', out], /extra/],
      ['a missing spec file', () => ['fake-sg-rules', '--spec', path.join(root, 'nope.json'), '--out', out], /Invalid spec file ".*nope\.json".*no such file/],
    ])('%s', (_what, args, message) => expectRefused(run(...args()), message));

    test('a spec the profile refuses', () => {
      fs.writeFileSync(spec, JSON.stringify({ profiles: { 'ibm-vpc': { region: 'us-sout', subnetCidrs: ['10.240.0.0/24'] } } }));
      expectRefused(run('fake-sg-rules', '--spec', spec, '--out', out), /"us-sout".*spec\.json at \$\.profiles\["ibm-vpc"\]/);
    });

    test('a spec the target refuses', () => {
      fs.writeFileSync(spec, JSON.stringify({ ...SPEC, target: { allowAnyAddress: 'yes' } }));
      expectRefused(run('fake-sg-rules', '--spec', spec, '--out', out), /allowAnyAddress.*"yes".*spec\.json at \$\.target allowAnyAddress/);
    });

    test('invalid JSON names the line and column', () => {
      fs.writeFileSync(spec, '{\n  "profiles": {,}\n}');
      expectRefused(run('fake-sg-rules', '--spec', spec, '--out', out), /Invalid JSON: .* at line 2, column 16/);
    });

    test('an out folder holding other files is left as it was', () => {
      fs.mkdirSync(out);
      fs.writeFileSync(path.join(out, 'main.tf'), '# mine');
      const r = run('fake-sg-rules', '--spec', spec, '--out', out);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/Refusing to write into/);
      expect(fs.readdirSync(out)).toEqual(['main.tf']);
      expect(fs.existsSync(path.join(out, MANIFEST_FILE))).toBe(false);
    });
  });

  test('export without a target: exit 2, the message and the usage on stderr, nothing on stdout', () => {
    const r = run();
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^cdktf-firewall-requirements: Missing required option target: export needs a target name/);
    expect(r.stderr).toMatch(/Usage: cdktf-firewall-requirements export/);
  });
});

describe('export through the CLI entry point (the real registry)', () => {
  test('the top-level help lists export; help export and export --help print the export usage', () => {
    expect(runCli('--help').stdout).toMatch(/export <target> --spec <file> --out <dir>/);
    const a = runCli('help', 'export');
    const b = runCli('export', '--help');
    expect(a.code).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    expect(a.stdout).toMatch(/^Usage: cdktf-firewall-requirements export <target>/);
  });

  test('an unknown target: exit 2, nothing on stdout', () => {
    const r = runCli('export', 'no-such-target', '--spec', spec, '--out', out);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/Unknown export target "no-such-target"/);
    expect(fs.existsSync(out)).toBe(false);
  });
});
