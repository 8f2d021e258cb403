import * as fs from 'fs';
import * as path from 'path';
import { SchemaStore, validateDirectory, validateStackJson, ValidationReport } from '../../lib/validate';
import { fakeStack, installFakeProvider } from './fake-provider';

let root: string;
let store: SchemaStore;
beforeAll(() => {
  root = installFakeProvider();
  fs.mkdirSync(path.join(root, 'schemas')); // an empty schema folder: no IBM schema
  store = new SchemaStore({ cacheDir: path.join(root, 'cache'), searchPaths: [root], schemaDir: path.join(root, 'schemas'), keepLoaded: true });
});
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

/** Validates the clean fake stack after `mutate` changed it. */
function check(mutate: (stack: any) => void = () => undefined): ValidationReport {
  const stack = fakeStack();
  mutate(stack);
  return validateStackJson(JSON.stringify(stack), { store });
}
const problems = (mutate: (stack: any) => void) => check(mutate).problems;
const thing = (stack: any) => stack.resource.fake_thing.one;

describe('a clean stack', () => {
  test('has no problems and counts what it checked', () => {
    const report = check();
    expect(report.problems).toEqual([]);
    expect([report.stacks, report.resources, report.dataSources, report.providerBlocks]).toEqual([1, 2, 1, 2]);
    expect(report.unchecked).toEqual([]);
    expect(report.notes).toEqual([]);
  });

  test('meta-arguments and the cdktf "//" metadata are not arguments', () => {
    expect(
      problems((s) => {
        Object.assign(thing(s), {
          count: 2,
          for_each: '${toset(var.names)}',
          depends_on: ['data.fake_zone.main'],
          provider: 'fake',
          lifecycle: { create_before_destroy: true, prevent_destroy: false, ignore_changes: 'all' },
          connection: { type: 'ssh' },
          provisioner: [{ 'local-exec': { command: 'true' } }],
        });
        s.variable = { names: { type: 'list(string)' } };
        s.data.fake_zone.main.count = 1;
      }),
    ).toEqual([]);
  });

  test('null means unset, and Terraform conversions (number to string, "8" to number, "true" to bool) pass', () => {
    expect(
      problems((s) => {
        Object.assign(thing(s), { size: '8', enabled: 'true', tags: { n: 1, b: true }, options: null, ports: ['80'] });
        thing(s).settings.mode = 7;
      }),
    ).toEqual([]);
  });

  test('expressions stand in for attribute values of any type, including nested attributes', () => {
    expect(
      problems((s) => {
        Object.assign(thing(s), { size: '${var.n}', ports: '${var.p}', tags: '${var.t}', options: '${var.o}' });
        s.variable = { n: {}, p: {}, t: {}, o: {} };
      }),
    ).toEqual([]);
  });
});

describe('argument problems', () => {
  test('unknown argument, with a suggestion when one is close', () => {
    expect(problems((s) => (thing(s).nmae = 'x'))).toEqual(['fake_thing.one: nmae: unknown argument; did you mean "name"?']);
    expect(problems((s) => (thing(s).colour = 'x'))).toEqual(['fake_thing.one: colour: unknown argument: fake_thing has no argument "colour"']);
  });

  test('camelCase keys (an escape hatch that skipped cdktf name conversion) are unknown', () => {
    expect(problems((s) => (thing(s).rule[0].fromPort = thing(s).rule[0].from_port))).toEqual([
      'fake_thing.one.rule[0]: fromPort: unknown argument; did you mean "from_port"?',
    ]);
  });

  test('missing required argument and block', () => {
    expect(problems((s) => delete thing(s).name)).toEqual(['fake_thing.one: name: missing required argument']);
    expect(problems((s) => delete thing(s).settings)).toEqual(['fake_thing.one: settings: missing required block']);
    expect(problems((s) => (thing(s).settings = []))).toEqual(['fake_thing.one: settings: missing required block (the array is empty)']);
    expect(problems((s) => delete s.data.fake_zone.main.zone_name)).toEqual(['data.fake_zone.main: zone_name: missing required argument']);
  });

  test('a block given as a string or an expression', () => {
    expect(problems((s) => (thing(s).settings = 'strict'))).toEqual(['fake_thing.one: settings: is a block: expected an object, got the string "strict"']);
    expect(
      problems((s) => {
        thing(s).rule = '${var.rules}';
        s.variable = { rules: {} };
      }),
    ).toEqual([
      'fake_thing.one: rule: is a block: expected an object or an array of objects, got the string "${var.rules}" (Terraform does not accept an expression for a block; use a dynamic block)',
    ]);
    expect(problems((s) => (thing(s).rule = [{ from_port: 1 }, 'x']))).toEqual(['fake_thing.one: rule[1]: is a block: expected an object, got the string "x"']);
  });

  test('a max-one block: an object or a one-element array, never more', () => {
    expect(problems((s) => (thing(s).settings = [{ mode: 'a' }]))).toEqual([]);
    expect(problems((s) => (thing(s).settings = [{ mode: 'a' }, { mode: 'b' }]))).toEqual(['fake_thing.one: settings: at most one settings block is allowed, got 2']);
  });

  test('a repeatable block may be one object (Terraform JSON) or an array', () => {
    expect(problems((s) => (thing(s).rule = { from_port: 22 }))).toEqual([]);
  });

  test('nested blocks are checked recursively, with the block path in the address', () => {
    expect(
      problems((s) => {
        thing(s).rule.push({ cidrs: ['10.0.0.0/8'], port: 22 });
        thing(s).settings = [{ mode: 'a', level: 1 }];
      }),
    ).toEqual([
      'fake_thing.one.rule[1]: from_port: missing required argument',
      'fake_thing.one.rule[1]: port: unknown argument: the rule block has no argument "port"',
      'fake_thing.one.settings[0]: level: unknown argument: the settings block has no argument "level"',
    ]);
  });

  test('attribute values of the wrong shape', () => {
    expect(problems((s) => (thing(s).name = { value: 'x' }))).toEqual(['fake_thing.one: name: expected a string, got an object']);
    expect(problems((s) => (thing(s).size = 'large'))).toEqual(['fake_thing.one: size: expected a number, got the string "large"']);
    expect(problems((s) => (thing(s).enabled = 1))).toEqual(['fake_thing.one: enabled: expected a bool, got the number 1']);
    expect(problems((s) => (thing(s).ports = 443))).toEqual(['fake_thing.one: ports: expected a list of number, got the number 443']);
    expect(problems((s) => (thing(s).ports = [443, 'https']))).toEqual(['fake_thing.one: ports: element 1: expected a number, got the string "https"']);
    expect(problems((s) => (thing(s).tags = ['a']))).toEqual(['fake_thing.one: tags: expected a map of string, got an array of 1']);
    expect(problems((s) => (thing(s).tags = { a: ['x'] }))).toEqual(['fake_thing.one: tags: key "a": expected a string, got an array of 1']);
  });

  test('nested attributes: an object of the right shape, contents checked', () => {
    expect(problems((s) => (thing(s).options = [{ level: 1 }]))).toEqual(['fake_thing.one: options: expected an object, got an array of 1']);
    expect(problems((s) => (thing(s).options = { lvl: 1 }))).toEqual(['fake_thing.one.options: lvl: unknown argument; did you mean "level"?']);
  });

  test('dynamic blocks: content checked against the block, the block counts as present', () => {
    const dynamic = (content: object, extra: object = {}) => (s: any) => {
      delete thing(s).settings;
      thing(s).dynamic = { settings: { for_each: '${var.modes}', content, ...extra } };
      s.variable = { modes: {} };
    };
    expect(problems(dynamic({ mode: '${settings.value}' }))).toEqual([]);
    expect(problems(dynamic({ mode: '${m.value}' }, { iterator: 'm' }))).toEqual([]);
    expect(problems(dynamic({ Mode: '${each.value}' }))).toEqual([
      'fake_thing.one.dynamic.settings.content: Mode: unknown argument; did you mean "mode"?',
      'fake_thing.one.dynamic.settings.content: mode: missing required argument',
    ]);
    expect(problems(dynamic({ mode: 'a' }, { forEach: 'x' }))).toEqual(['fake_thing.one.dynamic.settings: forEach: unknown argument of a dynamic block; valid: for_each, iterator, labels, content']);
    expect(
      problems((s) => {
        thing(s).dynamic = { rules: { for_each: [], content: {} }, size: { for_each: [], content: {} } };
      }),
    ).toEqual(['fake_thing.one: dynamic.rules: unknown block; did you mean "rule"?', 'fake_thing.one: dynamic.size: "size" is an attribute, and dynamic only generates blocks']);
  });

  test('lifecycle arguments and ignore_changes entries', () => {
    expect(problems((s) => (thing(s).lifecycle = { create_before_destroy: true, ignore_changes: ['tags', 'Tags', 'rule[0].cidrs'] }))).toEqual([
      'fake_thing.one.lifecycle: ignore_changes[1]: "Tags" is not an argument; did you mean "tags"?',
    ]);
    expect(problems((s) => (thing(s).lifecycle = { createBeforeDestroy: true }))).toEqual([
      'fake_thing.one.lifecycle: createBeforeDestroy: unknown lifecycle argument; did you mean "create_before_destroy"?',
    ]);
  });

  test('data sources do not take resource-only meta-arguments', () => {
    expect(problems((s) => (s.data.fake_zone.main.provisioner = []))).toEqual(['data.fake_zone.main: provisioner: unknown argument: fake_zone has no argument "provisioner"']);
  });

  test('provider blocks are checked against the provider configuration', () => {
    expect(problems((s) => s.provider.fake.push({ alias: 'three' }))).toEqual(['provider.fake.three: region: missing required argument']);
    expect(problems((s) => (s.provider.fake[0].regoin = 'x'))).toEqual(['provider.fake: regoin: unknown argument; did you mean "region"?']);
  });

  test('an unknown resource or data source type', () => {
    expect(problems((s) => (s.resource.fake_thingy = { x: { name: 'x' } }))).toEqual([
      'fake_thingy.x: fake_thingy: unknown resource type: @cdktf/provider-fake 9.0.0 has no resource "fake_thingy"; did you mean "fake_thing"?',
    ]);
    expect(problems((s) => (s.data.fake_thing = { x: {} }))).toEqual([
      'data.fake_thing.x: fake_thing: unknown data source type: @cdktf/provider-fake 9.0.0 has no data source "fake_thing"',
    ]);
  });

  test('an unknown top-level key', () => {
    expect(problems((s) => (s.resources = {}))).toEqual(['(top level): resources: unknown top-level key; did you mean "resource"?']);
  });
});

describe('reference problems', () => {
  test('a reference to a resource or data source that does not exist', () => {
    expect(problems((s) => (thing(s).name = '${fake_thing.three.arn}'))).toEqual([
      'fake_thing.one: name: references fake_thing.three, which is not declared in this stack; did you mean fake_thing.two?',
    ]);
    expect(problems((s) => (thing(s).rule[0].cidrs = ['${data.fake_zone.other.zone_id}']))).toEqual([
      'fake_thing.one.rule[0]: cidrs: references data.fake_zone.other, which is not declared in this stack; did you mean data.fake_zone.main?',
    ]);
  });

  test('depends_on entries, outputs and locals are checked too', () => {
    expect(
      problems((s) => {
        s.resource.fake_thing.two.depends_on = ['fake_thing.zero'];
        s.output = { o: { value: '${fake_thing.gone.id}' } };
        s.locals = { l: '${upper(data.fake_zone.none.zone_id)}' };
      }),
    ).toEqual([
      'fake_thing.two: depends_on: references fake_thing.zero, which is not declared in this stack; did you mean fake_thing.one?',
      'locals: l: references data.fake_zone.none, which is not declared in this stack; did you mean data.fake_zone.main?',
      'output.o: value: references fake_thing.gone, which is not declared in this stack; did you mean fake_thing.one?',
    ]);
  });

  test('variables, locals and modules must be declared', () => {
    expect(problems((s) => (thing(s).name = '${var.a}${local.b}${module.c.out}'))).toEqual([
      'fake_thing.one: name: references local.b, which is not declared in this stack',
      'fake_thing.one: name: references module.c, which is not declared in this stack',
      'fake_thing.one: name: references var.a, which is not declared in this stack',
    ]);
    expect(
      problems((s) => {
        thing(s).name = '${var.a}${local.b}${module.c.out}';
        Object.assign(s, { variable: { a: {} }, locals: { b: 'x' }, module: { c: { source: './c' } } });
      }),
    ).toEqual([]);
  });

  test('a reference to an attribute the type does not have', () => {
    expect(problems((s) => (s.resource.fake_thing.two.name = '${fake_thing.one.arm}'))).toEqual([
      'fake_thing.two: name: references fake_thing.one.arm, but fake_thing has no attribute "arm"; did you mean "arn"?',
    ]);
    expect(problems((s) => (s.resource.fake_thing.two.name = '${fake_thing.one.rule[0].from_port}${fake_thing.one.get_password_data}'))).toEqual([]);
  });

  test('a provider alias that is not configured', () => {
    expect(problems((s) => (s.resource.fake_thing.two.provider = 'fake.three'))).toEqual([
      'fake_thing.two: provider: references provider fake.three, which is not configured in this stack',
    ]);
  });
});

describe('providers without a schema, versions, directories', () => {
  test('objects of a provider with no schema are listed as not checked, not as problems', () => {
    const report = check((s) => (s.resource.random_id = { x: { byte_length: 4 } }));
    expect(report.problems).toEqual([]);
    expect(report.complete).toBe(false);
    expect(report.unchecked).toEqual([
      `hashicorp/random: no schema (random_id); install @cdktf/provider-random where validate runs (npm install --save-dev @cdktf/provider-random), or add the schema file random.json to ${path.join(root, 'schemas')}`,
    ]);
    expect(report.uncheckedProviders).toEqual([
      { source: 'hashicorp/random', types: ['random_id'], objects: 1, reason: expect.stringMatching(/^no schema: install @cdktf\/provider-random /) },
    ]);
  });

  test('cdktf cross-stack references (terraform_remote_state) are checked against the built-in provider', () => {
    const remote = { backend: 'local', config: { path: 'x' } };
    expect(problems((s) => (s.data.terraform_remote_state = { other: remote }))).toEqual([]);
    expect(problems((s) => (s.data.terraform_remote_state = { other: { config: {} } }))).toEqual(['data.terraform_remote_state.other: backend: missing required argument']);
  });

  test('a pinned provider version other than the schema version is a note', () => {
    const report = check((s) => (s.terraform.required_providers.fake.version = '1.3.0'));
    expect(report.problems).toEqual([]);
    expect(report.notes).toEqual(['fake: requires hashicorp/fake 1.3.0, but the schema (@cdktf/provider-fake 9.0.0) describes 1.2.3']);
  });

  test('a directory of stacks: every cdk.tf.json, problems prefixed with the stack name', () => {
    const out = path.join(root, 'cdktf.out');
    const write = (name: string, stack: any) => {
      fs.mkdirSync(path.join(out, 'stacks', name), { recursive: true });
      fs.writeFileSync(path.join(out, 'stacks', name, 'cdk.tf.json'), JSON.stringify(stack));
    };
    const good = fakeStack();
    delete good['//'];
    const bad = fakeStack();
    bad['//'].metadata.stackName = 'broken';
    delete bad.resource.fake_thing.one.name;
    write('alpha', good);
    write('beta', bad);
    const report = validateDirectory(out, { store });
    expect(report.stacks).toBe(2);
    expect(report.resources).toBe(4);
    expect(report.problems).toEqual(['broken/fake_thing.one: name: missing required argument']);
  });

  test('a missing directory or one without stack files is rejected with the way out', () => {
    expect(() => validateDirectory(path.join(root, 'nope'), { store })).toThrow(
      /Invalid directory ".*nope" \(from validate\)\. It does not exist\. Synthesize first/,
    );
    const empty = fs.mkdtempSync(path.join(root, 'empty-'));
    expect(() => validateDirectory(empty, { store })).toThrow(/It holds no cdk\.tf\.json file\. Synthesize first, or pass the cdktf output folder \(default cdktf\.out\); nothing was validated\./);
  });

  test('a stack file that is not JSON is a problem of that file; JSON text given directly is rejected', () => {
    const file = path.join(root, 'cdk.tf.json');
    fs.writeFileSync(file, '{"resource": ');
    const report = validateDirectory(file, { store });
    expect(report.stacks).toBe(0);
    expect(report.complete).toBe(false);
    expect(report.problems).toEqual([expect.stringMatching(/^fake-provider-\w+\/cdk\.tf\.json: is not a stack: It is not valid JSON \(.*\); synthesize again\. \(.*cdk\.tf\.json\)$/)]);
    expect(() => validateStackJson('{"resource": ', { store })).toThrow(/Invalid stack file "the given stack" \(from offline validation\)\. It is not valid JSON/);
  });
});
