/**
 * Bad-input corpus of offline validation: stacks of the wrong shape, broken stack files, wrong folders and
 * providers without a schema. None of them may come out "OK": each is a reported problem (naming the JSON path,
 * what was expected and the file), a FirewallRequirementsError naming the value, or an incomplete result.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { FirewallRequirementsError } from '../../lib/model/errors';
import { SchemaStore, validateDirectory, validateStackJson } from '../../lib/validate';
import { runCli } from '../cli/run-cli';
import { fakeStack, installFakeProvider } from '../validate/fake-provider';

let root: string;
let store: SchemaStore;
beforeAll(() => {
  root = installFakeProvider();
  fs.mkdirSync(path.join(root, 'schemas'));
  store = new SchemaStore({ cacheDir: path.join(root, 'cache'), searchPaths: [root], schemaDir: path.join(root, 'schemas'), keepLoaded: true });
});
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

/** A mutation of the clean fake stack, and the one problem line it must produce. */
type ShapeCase = [input: string, mutate: (stack: any) => void, problem: string];

const FILE = 'the given stack';

const SHAPES: Record<string, ShapeCase[]> = {
  'resource section': [
    ['resource is a string', (s) => (s.resource = 'fake_thing'), `resource: expected an object of resource types, got the string "fake_thing"`],
    ['resource is an array', (s) => (s.resource = [s.resource]), `resource: expected an object of resource types, got an array of 1`],
    ['resource is null', (s) => (s.resource = null), `resource: expected an object of resource types, got null`],
    ['a resource type is a string', (s) => (s.resource.fake_thing = 'one'), `resource.fake_thing: expected an object of fake_thing resources by name, got the string "one"`],
    ['a resource type is an array', (s) => (s.resource.fake_thing = [s.resource.fake_thing.one]), 'resource.fake_thing: expected an object of fake_thing resources by name, got an array of 1'],
    ['a resource type is null', (s) => (s.resource.fake_thing = null), 'resource.fake_thing: expected an object of fake_thing resources by name, got null'],
    ['a resource body is a string', (s) => (s.resource.fake_thing.one = 'one'), 'resource.fake_thing.one: expected an object of fake_thing arguments, got the string "one"'],
    ['a resource body is an array', (s) => (s.resource.fake_thing.one = [s.resource.fake_thing.one]), 'resource.fake_thing.one: expected an object of fake_thing arguments, got an array of 1'],
    ['a resource body is null', (s) => (s.resource.fake_thing.one = null), 'resource.fake_thing.one: expected an object of fake_thing arguments, got null'],
    ['a resource body is a number', (s) => (s.resource.fake_thing.one = 1), 'resource.fake_thing.one: expected an object of fake_thing arguments, got the number 1'],
    ['a resource name with a dot', (s) => (s.resource.fake_thing['a.b'] = true), 'resource.fake_thing["a.b"]: expected an object of fake_thing arguments, got the bool true'],
  ],
  'nested blocks': [
    ['a block is null inside its array', (s) => (s.resource.fake_thing.one.rule = [null]), 'fake_thing.one: rule[0]: is a block: expected an object, got null'],
    ['a block is a string', (s) => (s.resource.fake_thing.one.settings = 'strict'), 'fake_thing.one: settings: is a block: expected an object, got the string "strict"'],
    ['a repeated block is a number', (s) => (s.resource.fake_thing.one.rule = 7), 'fake_thing.one: rule: is a block: expected an object or an array of objects, got the number 7'],
    ['a block is an array of strings', (s) => (s.resource.fake_thing.one.rule = ['a']), 'fake_thing.one: rule[0]: is a block: expected an object, got the string "a"'],
  ],
  'data section': [
    ['data is a string', (s) => (s.data = 'x'), 'data: expected an object of data source types, got the string "x"'],
    ['a data source type is null', (s) => (s.data.fake_zone = null), 'data.fake_zone: expected an object of fake_zone data sources by name, got null'],
    ['a data source body is an array', (s) => (s.data.fake_zone.main = []), 'data.fake_zone.main: expected an object of fake_zone arguments, got an array of 0'],
  ],
  'provider section': [
    ['provider is a string', (s) => (s.provider = 'fake'), 'provider: expected an object of provider configurations by provider name, got the string "fake"'],
    ['provider is an array', (s) => (s.provider = [s.provider]), 'provider: expected an object of provider configurations by provider name, got an array of 1'],
    ['a provider configuration is a string', (s) => (s.provider.fake = 'r1'), 'provider.fake: expected an object of fake provider arguments (or an array of them), got the string "r1"'],
    ['a provider configuration in the array is null', (s) => (s.provider.fake = [null]), 'provider.fake[0]: expected an object of fake provider arguments, got null'],
  ],
  'output, variable, module, locals': [
    ['output is an array', (s) => (s.output = []), 'output: expected an object of outputs by name, got an array of 0'],
    ['an output is a string', (s) => (s.output = { id: '${fake_thing.one.arn}' }), 'output.id: expected an object with a value, got the string "${fake_thing.one.arn}"'],
    ['an output without a value', (s) => (s.output = { id: { description: 'x' } }), 'output.id: value: missing required argument'],
    ['an output with a misspelt key', (s) => (s.output = { id: { value: 'x', sensitve: true } }), 'output.id: sensitve: unknown argument; did you mean "sensitive"?'],
    ['variable is a string', (s) => (s.variable = 'names'), 'variable: expected an object of variables by name, got the string "names"'],
    ['a variable is null', (s) => (s.variable = { names: null }), 'variable.names: expected an object (type, default, description, ...), got null'],
    ['a module without a source', (s) => (s.module = { net: { cidr: '10.0.0.0/16' } }), 'module.net: source: missing required argument'],
    ['a module source that is not a string', (s) => (s.module = { net: { source: 3 } }), 'module.net.source: expected a module source string, got the number 3'],
    ['locals is an array', (s) => (s.locals = [{ a: 1 }]), 'locals: expected an object of local values, got an array of 1'],
    ['moved holds a string', (s) => (s.moved = ['x']), 'moved[0]: expected an object, got the string "x"'],
  ],
  'terraform section': [
    ['terraform is a string', (s) => (s.terraform = '1.11'), 'terraform: expected an object of terraform settings, got the string "1.11"'],
    ['required_providers is an array', (s) => (s.terraform.required_providers = []), 'terraform.required_providers: expected an object of provider requirements by local name, got an array of 0'],
    ['a required provider is a number', (s) => (s.terraform.required_providers.fake = 5), 'terraform.required_providers.fake: expected an object with source and version (or a version string), got the number 5'],
    ['a provider source is not a string', (s) => (s.terraform.required_providers.fake.source = ['fake']), 'terraform.required_providers.fake.source: expected a provider source string such as "hashicorp/aws", got an array of 1'],
    ['a backend is a string', (s) => (s.terraform.backend = 'local'), 'terraform.backend: expected an object with one backend type, got the string "local"'],
    ['a backend configuration is null', (s) => (s.terraform.backend = { local: null }), 'terraform.backend.local: expected an object of local backend settings, got null'],
  ],
};

const SHAPE_CASES = Object.entries(SHAPES).flatMap(([group, cases]) => cases.map(([input, mutate, problem]) => ({ group, input, mutate, problem })));

describe.each(Object.keys(SHAPES))('validate bad shapes: %s', (group) => {
  test.each(SHAPE_CASES.filter((c) => c.group === group).map((c) => [c.input, c] as const))('%s', (_input, c) => {
    const stack = fakeStack();
    c.mutate(stack);
    const report = validateStackJson(JSON.stringify(stack), { store });
    // Exactly one problem: the shape itself, not follow-on reports about what could not be read.
    const suffix = ` (in ${FILE})`;
    expect(report.problems.map((p) => (p.endsWith(suffix) ? p.slice(0, -suffix.length) : p))).toEqual([c.problem]);
    const detail = report.details.find((d) => c.problem.startsWith(d.path ? `${d.address}.${d.path}` : d.address));
    expect(detail?.file).toBe(FILE);
  });
});

describe('validate bad files and folders (library)', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'validate-corpus-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const stackDir = (name: string) => {
    const folder = path.join(dir, 'stacks', name);
    fs.mkdirSync(folder, { recursive: true });
    return folder;
  };
  const writeStack = (name: string, text: string) => fs.writeFileSync(path.join(stackDir(name), 'cdk.tf.json'), text);

  /** The files are problems: the report is not clean, names the file and why. */
  test.each([
    ['not JSON', '{"resource": ', 'cdk.tf.json: is not a stack: It is not valid JSON'],
    ['an empty file', '', 'cdk.tf.json: is not a stack: It is not valid JSON'],
    ['a JSON array', '[]', 'cdk.tf.json: is not a stack: A cdk.tf.json file holds one JSON object; synthesize again.'],
    ['a JSON string', '"stack"', 'cdk.tf.json: is not a stack: A cdk.tf.json file holds one JSON object'],
    ['JSON null', 'null', 'cdk.tf.json: is not a stack: A cdk.tf.json file holds one JSON object'],
  ])('a stack file that is %s is a problem of that file', (_what, text, message) => {
    writeStack('bad', text);
    writeStack('good', JSON.stringify(fakeStack()));
    const report = validateDirectory(dir, { store });
    expect(report.problems).toEqual([expect.stringContaining(`bad/${message}`)]);
    expect(report.problems[0]).toContain(path.join(dir, 'stacks', 'bad', 'cdk.tf.json'));
    expect(report.stacks).toBe(1); // the good one was still checked
    expect(report.complete).toBe(false);
  });

  test('a dangling symbolic link named cdk.tf.json is a problem that names its target', () => {
    fs.symlinkSync(path.join(dir, 'gone.json'), path.join(stackDir('bad'), 'cdk.tf.json'));
    const report = validateDirectory(dir, { store });
    expect(report.problems).toEqual([
      `bad/cdk.tf.json: cannot be read: it is a broken symbolic link to ${path.join(dir, 'gone.json')} (the target does not exist); synthesize again (${path.join(dir, 'stacks', 'bad', 'cdk.tf.json')})`,
    ]);
  });

  test('a cdk.tf.json that links to a folder is a problem', () => {
    fs.symlinkSync(dir, path.join(stackDir('bad'), 'cdk.tf.json'));
    expect(validateDirectory(dir, { store }).problems).toEqual([expect.stringMatching(/^bad\/cdk\.tf\.json: cannot be read: it is a folder, not a file; synthesize again/)]);
  });

  test('stacks under a symbolically linked folder are found, and a link back up is not followed twice', () => {
    const real = fs.mkdtempSync(path.join(os.tmpdir(), 'validate-linked-'));
    try {
      fs.mkdirSync(path.join(real, 'linked'));
      fs.writeFileSync(path.join(real, 'linked', 'cdk.tf.json'), JSON.stringify({ ...fakeStack(), resource: 'x' }));
      fs.mkdirSync(path.join(dir, 'stacks'), { recursive: true });
      fs.symlinkSync(real, path.join(dir, 'stacks', 'elsewhere'));
      fs.symlinkSync(dir, path.join(dir, 'loop'));
      const report = validateDirectory(dir, { store });
      expect(report.problems).toEqual([`fake/resource: expected an object of resource types, got the string "x" (in ${path.join(dir, 'stacks', 'elsewhere', 'linked', 'cdk.tf.json')})`]);
    } finally {
      fs.rmSync(real, { recursive: true, force: true });
    }
  });

  /** Rejections: the error class, the value named, and the way out. */
  test.each([
    ['a folder that does not exist', (d: string) => validateDirectory(path.join(d, 'nope'), { store }), (d: string) => path.join(d, 'nope'), 'It does not exist. Synthesize first'],
    ['a folder without stacks', (d: string) => validateDirectory(d, { store }), (d: string) => d, 'It holds no cdk.tf.json file.'],
    ['an empty folder name', () => validateDirectory('', { store }), () => '', 'It is empty.'],
    [
      'a broken symbolic link as the folder',
      (d: string) => {
        fs.symlinkSync(path.join(d, 'gone'), path.join(d, 'out'));
        return validateDirectory(path.join(d, 'out'), { store });
      },
      (d: string) => path.join(d, 'out'),
      'It is a broken symbolic link',
    ],
    ['a schema folder that does not exist', (d: string) => validateDirectory(d, { schemaDir: path.join(d, 'no-schemas') }), (d: string) => path.join(d, 'no-schemas'), 'It does not exist. Pass the folder that holds the <provider>.json schema files'],
    [
      'a schema folder that is a file',
      (d: string) => {
        fs.writeFileSync(path.join(d, 'ibm.json'), '{}');
        return new SchemaStore({ schemaDir: path.join(d, 'ibm.json') });
      },
      (d: string) => path.join(d, 'ibm.json'),
      'It is a file, not a folder.',
    ],
    [
      'a cache folder that is a file',
      (d: string) => {
        fs.writeFileSync(path.join(d, 'cache'), '');
        return new SchemaStore({ cacheDir: path.join(d, 'cache') });
      },
      (d: string) => path.join(d, 'cache'),
      'It is a file, not a folder. Pass a folder (it is created when missing)',
    ],
    ['stack text that is not JSON', () => validateStackJson('{', { store }), () => 'the given stack', 'It is not valid JSON'],
    ['stack text that is an array', () => validateStackJson('[{}]', { store }), () => 'the given stack', 'A cdk.tf.json file holds one JSON object'],
  ] as Array<[string, (d: string) => unknown, (d: string) => string, string]>)('%s is rejected', (_what, act, valueOf, message) => {
    const value = valueOf(dir);
    let error: unknown;
    try {
      act(dir);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(FirewallRequirementsError);
    expect((error as FirewallRequirementsError).value).toBe(value);
    expect((error as Error).message).toContain(`"${value}"`);
    expect((error as Error).message).toContain(message);
  });
});

describe('validate: objects without a schema make the result incomplete', () => {
  test('the library lists the unchecked types, counts and what to install', () => {
    const stack = fakeStack();
    stack.resource.random_id = { a: { byte_length: 4 }, b: { byte_length: 4 } };
    stack.data.random_thing = { x: {} };
    const report = validateStackJson(JSON.stringify(stack), { store });
    expect(report.problems).toEqual([]);
    expect(report.complete).toBe(false);
    expect(report.uncheckedProviders).toEqual([
      {
        source: 'hashicorp/random',
        types: ['data.random_thing', 'random_id'],
        objects: 3,
        reason: `no schema: install @cdktf/provider-random where validate runs (npm install --save-dev @cdktf/provider-random), or add the schema file random.json to ${path.join(root, 'schemas')}`,
      },
    ]);
  });

  test('a provider outside hashicorp/ names the schema file to add', () => {
    const stack = fakeStack();
    stack.terraform.required_providers.acme = { source: 'acme/widgets' };
    stack.resource.acme_widget = { w: { size: 1 } };
    const report = validateStackJson(JSON.stringify(stack), { store });
    expect(report.unchecked).toEqual([`acme/widgets: no schema (acme_widget); add the schema file widgets.json to ${path.join(root, 'schemas')} (format: schemas/README.md of cdktf-firewall-requirements)`]);
  });
});

describe('validate CLI exit codes on bad stacks', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'validate-cli-corpus-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));
  const write = (text: string) => {
    fs.mkdirSync(path.join(dir, 'stacks', 's'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'stacks', 's', 'cdk.tf.json'), text);
  };

  test.each([
    ['resource is a string', '{"resource": "aws_vpc"}', 's/resource: expected an object of resource types, got the string "aws_vpc"'],
    ['a resource type is null', '{"resource": {"aws_vpc": null}}', 's/resource.aws_vpc: expected an object of aws_vpc resources by name, got null'],
    ['output is a number', '{"output": 1}', 's/output: expected an object of outputs by name, got the number 1'],
    ['not JSON', 'resource "aws_vpc" "main" {}', 's/cdk.tf.json: is not a stack: It is not valid JSON'],
  ])('%s: exit 1, the problem on stdout, never OK', (_what, text, line) => {
    write(text);
    const { code, stdout, stderr } = runCli('validate', dir);
    expect(code).toBe(1);
    expect(stdout).toContain(line);
    expect(stdout).not.toMatch(/^OK/m);
    expect(stderr).toMatch(/^1 problem \(checked /m);
  });

  test('a resource of a provider with no installed binding: INCOMPLETE, exit 3; --allow-unchecked: exit 0', () => {
    write(JSON.stringify({ resource: { random_id: { suffix: { byte_length: 4 } } } }));
    const strict = runCli('validate', dir);
    expect(strict.code).toBe(3);
    expect(strict.stdout).toMatch(/^INCOMPLETE: 1 stack, 0 resources, 0 data sources, 0 provider blocks checked, no problems; 1 object of hashicorp\/random not checked/);
    expect(strict.stderr).toContain('not checked: hashicorp/random: no schema (random_id); install @cdktf/provider-random');
    const allowed = runCli('validate', dir, '--allow-unchecked');
    expect(allowed.code).toBe(0);
    expect(allowed.stdout).toMatch(/^OK, incomplete: .*allowed by --allow-unchecked\n$/);
  });
});

test('the corpus is large and distinct', () => {
  const names = SHAPE_CASES.map((c) => `${c.group}: ${c.input}`);
  expect(new Set(names).size).toBe(names.length);
  expect(new Set(SHAPE_CASES.map((c) => c.problem)).size).toBe(SHAPE_CASES.length);
  expect(SHAPE_CASES.length).toBeGreaterThanOrEqual(30);
});
