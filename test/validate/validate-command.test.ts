import * as fs from 'fs';
import * as path from 'path';
import { Writable } from 'stream';
import { runValidate } from '../../lib/cli/validate-command';
import { fakeStack, installFakeProvider } from './fake-provider';

class Sink extends Writable {
  public text = '';
  _write(chunk: Buffer, _encoding: string, done: () => void): void {
    this.text += chunk.toString();
    done();
  }
}

function run(args: string[]): { code: number; out: string; err: string } {
  const out = new Sink();
  const err = new Sink();
  const code = runValidate(args, out, err);
  return { code, out: out.text, err: err.text };
}

let root: string;
let cwd: string;
const outDir = () => path.join(root, 'cdktf.out');
const cacheDir = () => path.join(root, 'cache');

function writeStack(stack: object, name = 'fake'): void {
  const dir = path.join(outDir(), 'stacks', name);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'cdk.tf.json'), JSON.stringify(stack));
}

beforeEach(() => {
  // The fake provider package is resolved from the working directory, like a user's project.
  root = installFakeProvider();
  cwd = process.cwd();
  process.chdir(root);
});
afterEach(() => {
  process.chdir(cwd);
  fs.rmSync(root, { recursive: true, force: true });
});

test('--help prints the usage and exits 0', () => {
  const { code, out, err } = run(['--help']);
  expect(code).toBe(0);
  expect(out).toMatch(/^Usage: cdktf-firewall-requirements validate \[dir\] \[options\]\n/);
  expect(out).toContain('  3  incomplete: no problems, but some objects were not checked (no schema)');
  expect(out).toContain('--allow-unchecked');
  expect(err).toBe('');
});

test('a clean output folder (default cdktf.out) exits 0 with a one-line summary', () => {
  writeStack(fakeStack());
  const { code, out, err } = run(['--cache-dir', cacheDir()]);
  expect(code).toBe(0);
  expect(out).toBe('OK: 1 stack, 2 resources, 1 data source, 2 provider blocks checked, no problems\n');
  expect(err).toMatch(/^schema hashicorp\/fake: derived from @cdktf\/provider-fake 9\.0\.0 in \d+\.\d\d s\n$/);
});

test('problems: one line each on stdout, exit 1, the count on stderr', () => {
  const stack = fakeStack();
  delete stack.resource.fake_thing.one.name;
  stack.resource.fake_thing.one.settings = 'strict';
  writeStack(stack);
  const { code, out, err } = run([outDir(), `--cache-dir=${cacheDir()}`]);
  expect(code).toBe(1);
  expect(out).toBe(
    [
      'fake/fake_thing.one: name: missing required argument',
      'fake/fake_thing.one: settings: is a block: expected an object, got the string "strict"',
      '',
    ].join('\n'),
  );
  expect(err.split('\n').slice(-2)).toEqual(['2 problems (checked 1 stack, 2 resources, 1 data source, 2 provider blocks)', '']);
});

test('the second run reads the cached schema; --verbose says so', () => {
  writeStack(fakeStack());
  run(['--cache-dir', cacheDir()]);
  const { code, err } = run(['--cache-dir', cacheDir(), '--verbose']);
  expect(code).toBe(0);
  expect(err).toMatch(/^schema hashicorp\/fake: read cached schema of @cdktf\/provider-fake 9\.0\.0 in \d+\.\d\d s\n$/);
});

test('objects without a schema make the run incomplete: exit 3, listed with what to install', () => {
  const stack = fakeStack();
  stack.resource.random_id = { suffix: { byte_length: 4 }, other: { byte_length: 8 } };
  writeStack(stack);
  const { code, out, err } = run(['--cache-dir', cacheDir(), '--schema-dir', root]);
  expect(code).toBe(3);
  expect(out).toBe(
    'INCOMPLETE: 1 stack, 2 resources, 1 data source, 2 provider blocks checked, no problems; 2 objects of hashicorp/random not checked (no schema). Install what the "not checked" lines name, or pass --allow-unchecked.\n',
  );
  expect(err).toContain(
    `not checked: hashicorp/random: no schema (random_id); install @cdktf/provider-random where validate runs (npm install --save-dev @cdktf/provider-random), or add the schema file random.json to ${root}\n`,
  );
});

test('--allow-unchecked exits 0 and still lists the unchecked objects', () => {
  const stack = fakeStack();
  stack.resource.random_id = { suffix: { byte_length: 4 } };
  writeStack(stack);
  const { code, out, err } = run(['--cache-dir', cacheDir(), '--schema-dir', root, '--allow-unchecked']);
  expect(code).toBe(0);
  expect(out).toBe('OK, incomplete: 1 stack, 2 resources, 1 data source, 2 provider blocks checked, no problems; 1 object of hashicorp/random not checked (no schema), allowed by --allow-unchecked\n');
  expect(err).toContain('not checked: hashicorp/random: no schema (random_id)');
});

test('problems win over incompleteness: exit 1, and the count says what was not checked', () => {
  const stack = fakeStack();
  stack.resource.random_id = { suffix: { byte_length: 4 } };
  delete stack.resource.fake_thing.one.name;
  writeStack(stack);
  const { code, out, err } = run(['--cache-dir', cacheDir(), '--schema-dir', root, '--allow-unchecked']);
  expect(code).toBe(1);
  expect(out).toBe('fake/fake_thing.one: name: missing required argument\n');
  expect(err).toContain('1 problem (checked 1 stack, 2 resources, 1 data source, 2 provider blocks; 1 object of hashicorp/random not checked (no schema))\n');
});

test.each([
  [['missing-dir'], 'cdktf-firewall-requirements validate: Invalid directory "missing-dir" (from validate). It does not exist.'],
  [[], 'cdktf-firewall-requirements validate: Invalid directory "cdktf.out" (from validate). It does not exist.'],
  [['--strict'], 'cdktf-firewall-requirements validate: Unknown flag "--strict" (from cdktf-firewall-requirements validate). Valid values: --help, --cache-dir, --schema-dir, --verbose, --allow-unchecked.'],
  [['a', 'b'], 'cdktf-firewall-requirements validate: Invalid argument "b" (from cdktf-firewall-requirements validate). It takes one folder (already given: a).'],
  [['--cache-dir'], 'cdktf-firewall-requirements validate: Invalid value for --cache-dir "" (from flag --cache-dir). --cache-dir needs a value.'],
])('bad usage %j exits 2 with the message on stderr and nothing on stdout', (args, message) => {
  const { code, out, err } = run(args);
  expect(code).toBe(2);
  expect(out).toBe('');
  expect(err.startsWith(message)).toBe(true);
});
