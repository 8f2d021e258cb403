import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ArgumentKind, BlockNesting, loadSchemaFile, parseSchemaFile, SchemaLoadKind, SchemaStore, validateStackJson } from '../../lib/validate';

/** A schema file in the shape of schemas/ibm.json, trimmed to what the tests need. */
const FIXTURE = {
  $source: 'provider documentation',
  $version: '1.87.0',
  ibm_is_security_group_rule: {
    group: { required: true, kind: 'attr', type: 'string' },
    direction: { required: true, kind: 'attr', type: 'string' },
    remote: { required: false, kind: 'attr', type: 'string' },
    port_min: { required: false, kind: 'attr', type: 'number' },
    port_max: { required: false, kind: 'attr', type: 'number' },
    tcp: {
      required: false,
      kind: 'block',
      nesting: 'list',
      block: { port_min: { required: true, kind: 'attr', type: 'number' }, port_max: { required: true, kind: 'attr', type: 'number' } },
    },
  },
  ibm_is_security_group: { vpc: { required: true, kind: 'attr', type: 'string' }, tags: { required: false, kind: 'attr', type: 'list(string)' } },
  'data.ibm_is_vpc': { name: { required: true, kind: 'attr', type: 'string' } },
  'provider.ibm': { region: { required: false, kind: 'attr', type: 'string' } },
};

/** An IBM stack as cdktf synthesizes the hand-written bindings. */
function ibmStack(): any {
  return {
    provider: { ibm: [{ region: 'eu-de' }] },
    data: { ibm_is_vpc: { vpc: { name: 'cluster-vpc' } } },
    resource: {
      ibm_is_security_group: { nodes: { vpc: '${data.ibm_is_vpc.vpc.id}', tags: ['k8s'] } },
      ibm_is_security_group_rule: {
        nodeports: { group: '${ibm_is_security_group.nodes.id}', direction: 'inbound', remote: '10.240.0.0/24', port_min: 30000, port_max: 32767 },
      },
    },
    terraform: { required_providers: { ibm: { source: 'IBM-Cloud/ibm', version: '>= 1.87.0, < 2.0.0' } } },
  };
}

let schemaDir: string;
beforeAll(() => {
  schemaDir = fs.mkdtempSync(path.join(os.tmpdir(), 'schemas-'));
  fs.writeFileSync(path.join(schemaDir, 'ibm.json'), JSON.stringify(FIXTURE));
});
afterAll(() => fs.rmSync(schemaDir, { recursive: true, force: true }));

function problems(mutate: (stack: any) => void): readonly string[] {
  const stack = ibmStack();
  mutate(stack);
  return validateStackJson(JSON.stringify(stack), { schemaDir }).problems;
}

describe('schema files', () => {
  test('resources, data sources (data.<type>), the provider block (provider.<name>); $ keys are metadata', () => {
    const schema = parseSchemaFile(FIXTURE, 'ibm-cloud/ibm', 'ibm.json');
    expect(Object.keys(schema.resources)).toEqual(['ibm_is_security_group', 'ibm_is_security_group_rule']);
    expect(Object.keys(schema.dataSources)).toEqual(['ibm_is_vpc']);
    expect(schema.providerConfig).toEqual({ region: { required: false, kind: ArgumentKind.ATTRIBUTE, type: 'string' } });
    expect([schema.source, schema.version, schema.origin]).toEqual(['ibm-cloud/ibm', '1.87.0', 'ibm.json']);
    expect(schema.resources.ibm_is_security_group_rule.arguments.tcp).toEqual({
      required: false,
      kind: ArgumentKind.BLOCK,
      nesting: BlockNesting.LIST,
      block: {
        port_max: { required: true, kind: ArgumentKind.ATTRIBUTE, type: 'number' },
        port_min: { required: true, kind: ArgumentKind.ATTRIBUTE, type: 'number' },
      },
    });
  });

  test('the store finds <provider name>.json for a provider without a binding', () => {
    const store = new SchemaStore({ schemaDir });
    expect(store.load('registry.terraform.io/IBM-Cloud/ibm')!.resources.ibm_is_security_group).toBeDefined();
    expect(store.history.map((l) => [l.source, l.how])).toEqual([['ibm-cloud/ibm', SchemaLoadKind.FILE]]);
  });

  test.each([
    [{ t: { a: { kind: 'attr' } } }, 'Invalid schema entry "t.a" (from schema file f.json). "required" must be true or false.'],
    [{ t: { a: { required: true, kind: 'attribute' } } }, 'Invalid schema entry "t.a" (from schema file f.json). "kind" must be one of attr, block.'],
    [{ t: { a: { required: true, kind: 'block', nesting: 'set' } } }, 'Invalid schema entry "t.a" (from schema file f.json). "nesting" must be one of single, list, map.'],
    [{ t: { a: { required: true, kind: 'attr', type: ['string'] } } }, 'Invalid schema entry "t.a" (from schema file f.json). "type" must be a type such as "string" or "list(string)".'],
    [{ t: { b: { required: true, kind: 'block', block: [] } } }, 'Invalid schema entry "t.b" (from schema file f.json). It must be a JSON object.'],
    [{ t: [] }, 'Invalid schema entry "t" (from schema file f.json). It must be a JSON object.'],
    [[], 'Invalid schema entry "the top level" (from schema file f.json). It must be a JSON object.'],
  ])('a malformed schema file is rejected: %j', (content, message) => {
    expect(() => parseSchemaFile(content, 'ibm-cloud/ibm', 'f.json')).toThrow(message);
  });

  test('a schema file that is not JSON is rejected with the parse error', () => {
    const file = path.join(schemaDir, 'broken.json');
    fs.writeFileSync(file, '{ "ibm_is_security_group": ');
    expect(() => loadSchemaFile(file, 'x/broken')).toThrow(/Invalid schema file ".*broken\.json" \(from offline validation\)\. It must be readable JSON: /);
  });
});

describe('IBM resources', () => {
  test('a clean IBM stack validates with no problems', () => {
    const report = validateStackJson(JSON.stringify(ibmStack()), { schemaDir });
    expect(report.problems).toEqual([]);
    expect([report.resources, report.dataSources, report.providerBlocks]).toEqual([2, 1, 1]);
    expect(report.unchecked).toEqual([]);
  });

  test('unknown argument, missing required argument, block shape, dangling reference', () => {
    const rule = (s: any) => s.resource.ibm_is_security_group_rule.nodeports;
    expect(problems((s) => (rule(s).port_minimum = 1))).toEqual(['ibm_is_security_group_rule.nodeports: port_minimum: unknown argument; did you mean "port_min"?']);
    expect(problems((s) => delete rule(s).group)).toEqual(['ibm_is_security_group_rule.nodeports: group: missing required argument']);
    expect(problems((s) => (rule(s).tcp = '30000-32767'))).toEqual([
      'ibm_is_security_group_rule.nodeports: tcp: is a block: expected an object or an array of objects, got the string "30000-32767"',
    ]);
    expect(problems((s) => (rule(s).tcp = [{ port_min: 1 }]))).toEqual(['ibm_is_security_group_rule.nodeports.tcp[0]: port_max: missing required argument']);
    expect(problems((s) => (rule(s).group = '${ibm_is_security_group.node.id}'))).toEqual([
      'ibm_is_security_group_rule.nodeports: group: references ibm_is_security_group.node, which is not declared in this stack; did you mean ibm_is_security_group.nodes?',
    ]);
    expect(problems((s) => (s.provider.ibm[0].regin = 'eu-de'))).toEqual(['provider.ibm: regin: unknown argument; did you mean "region"?']);
  });

  test('without a schema file IBM objects are listed as not checked', () => {
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'no-schemas-'));
    const report = validateStackJson(JSON.stringify(ibmStack()), { schemaDir: empty });
    expect(report.problems).toEqual([]);
    expect(report.unchecked).toEqual([
      `ibm-cloud/ibm: no schema (data.ibm_is_vpc, ibm_is_security_group, ibm_is_security_group_rule, provider ibm); add the schema file ibm.json to ${empty} (format: schemas/README.md of cdktf-firewall-requirements)`,
    ]);
    expect(report.complete).toBe(false);
    fs.rmSync(empty, { recursive: true });
  });

  test("the project's schemas/ibm.json is found by default and accepts the same stack", () => {
    const stack = ibmStack();
    delete stack.data; // the project file describes resources only
    stack.resource.ibm_is_security_group.nodes.vpc = 'r006-0000';
    const report = validateStackJson(JSON.stringify(stack));
    expect(report.problems).toEqual([]);
    expect(report.schemaLoads.map((l) => [l.origin, l.how])).toEqual([['schemas/ibm.json', SchemaLoadKind.FILE]]);
  });
});
