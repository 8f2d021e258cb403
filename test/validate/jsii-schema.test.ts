import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import {
  ArgumentKind,
  BlockNesting,
  deriveProviderSchema,
  JsiiAssembly,
  normalizeSource,
  SchemaLoadKind,
  SchemaStore,
  snakeCase,
  terraformNameOf,
  terraformTypeOf,
} from '../../lib/validate';
import { fakeAssembly, installFakeProvider, writeFakeProvider } from './fake-provider';

describe('deriveProviderSchema', () => {
  const schema = deriveProviderSchema(fakeAssembly() as JsiiAssembly, { source: 'hashicorp/fake', version: '1.2.3' });

  test('names the provider, its version and the package it came from', () => {
    expect([schema.source, schema.version, schema.origin]).toEqual(['hashicorp/fake', '1.2.3', '@cdktf/provider-fake 9.0.0']);
  });

  test('reads resources, data sources and the provider configuration by their Terraform names', () => {
    expect(Object.keys(schema.resources)).toEqual(['fake_thing']);
    expect(Object.keys(schema.dataSources)).toEqual(['fake_zone']);
    expect(schema.providerConfig).toEqual({
      alias: { required: false, kind: ArgumentKind.ATTRIBUTE, type: 'string' },
      region: { required: true, kind: ArgumentKind.ATTRIBUTE, type: 'string' },
    });
  });

  test('attributes: required flag, snake_case name from the doc anchor, Terraform type', () => {
    const args = schema.resources.fake_thing.arguments;
    expect(Object.keys(args)).toEqual(['enabled', 'get_password_data', 'name', 'options', 'ports', 'rule', 'settings', 'size', 'tags']);
    expect(args.name).toEqual({ required: true, kind: ArgumentKind.ATTRIBUTE, type: 'string' });
    expect(args.size).toEqual({ required: false, kind: ArgumentKind.ATTRIBUTE, type: 'number' });
    expect(args.enabled).toEqual({ required: false, kind: ArgumentKind.ATTRIBUTE, type: 'bool' });
    expect(args.ports).toEqual({ required: false, kind: ArgumentKind.ATTRIBUTE, type: 'list(number)' });
    expect(args.tags).toEqual({ required: false, kind: ArgumentKind.ATTRIBUTE, type: 'map(string)' });
    // `fetchPasswordData` in TypeScript, `get_password_data` in Terraform
    expect(args.get_password_data).toEqual({ required: false, kind: ArgumentKind.ATTRIBUTE, type: 'bool' });
  });

  test('a single struct is a max-one block, an array of structs a repeatable block, with nested arguments', () => {
    const args = schema.resources.fake_thing.arguments;
    expect(args.settings).toEqual({
      required: true,
      kind: ArgumentKind.BLOCK,
      nesting: BlockNesting.SINGLE,
      block: { mode: { required: true, kind: ArgumentKind.ATTRIBUTE, type: 'string' } },
    });
    expect(args.rule).toEqual({
      required: false,
      kind: ArgumentKind.BLOCK,
      nesting: BlockNesting.LIST,
      block: {
        cidrs: { required: false, kind: ArgumentKind.ATTRIBUTE, type: 'list(string)' },
        from_port: { required: true, kind: ArgumentKind.ATTRIBUTE, type: 'number' },
      },
    });
  });

  test('a struct whose docs do not say "<name> block." is a nested attribute', () => {
    expect(schema.resources.fake_thing.arguments.options).toEqual({
      required: false,
      kind: ArgumentKind.ATTRIBUTE,
      nesting: BlockNesting.SINGLE,
      block: { level: { required: false, kind: ArgumentKind.ATTRIBUTE, type: 'number' } },
    });
  });

  test('computed attributes come from the class getters, without *Input getters, statics and arguments', () => {
    expect(schema.resources.fake_thing.attributes).toEqual(['arn', 'self', 'self_attribute']);
    expect(schema.dataSources.fake_zone.attributes).toEqual(['zone_id']);
  });
});

describe('names', () => {
  test('the last registry link in the docs is the argument itself', () => {
    const docs = {
      summary: 'See {@link https://registry.terraform.io/providers/hashicorp/google/6.50.0/docs/resources/x#other X#other} first.',
      remarks: 'Docs at Terraform Registry: {@link https://registry.terraform.io/providers/hashicorp/google/6.50.0/docs/resources/x#vlan_tag8021q X#vlan_tag8021q}',
    };
    expect(terraformNameOf({ name: 'vlanTag8021Q', docs })).toBe('vlan_tag8021q');
  });

  test('links split into custom doc tags are found too', () => {
    const docs = { custom: { pattern: 'x\n\nDocs at Terraform Registry: {@link https://registry.terraform.io/providers/hashicorp/google/6.50.0/docs/resources/r#port_range R#port_range}.' } };
    expect(terraformNameOf({ name: 'portRange', docs })).toBe('port_range');
  });

  test('without a link, the camelCase name is converted', () => {
    expect(terraformNameOf({ name: 'publicAccessCidrs' })).toBe('public_access_cidrs');
    expect(snakeCase('ipv6CidrBlock')).toBe('ipv6_cidr_block');
  });

  test('the Terraform type comes from the class summary; other classes have none', () => {
    expect(terraformTypeOf({ docs: { summary: 'Represents a {@link https://registry.terraform.io/providers/hashicorp/aws/6.25.0/docs/resources/eks_cluster aws_eks_cluster}.' } })).toBe('aws_eks_cluster');
    expect(terraformTypeOf({ docs: { summary: 'Represents a {@link https://registry.terraform.io/providers/hashicorp/aws/6.25.0/docs/data-sources/vpc aws_vpc}.' } })).toBe('aws_vpc');
    expect(terraformTypeOf({ docs: { summary: 'Represents a {@link https://registry.terraform.io/providers/hashicorp/aws/6.25.0/docs aws}.' } })).toBeUndefined();
  });

  test('provider sources are normalized to namespace/name', () => {
    expect(['aws', 'hashicorp/aws', 'registry.terraform.io/hashicorp/aws', 'IBM-Cloud/ibm'].map(normalizeSource)).toEqual([
      'hashicorp/aws',
      'hashicorp/aws',
      'hashicorp/aws',
      'ibm-cloud/ibm',
    ]);
  });
});

describe('SchemaStore cache', () => {
  let root: string;
  let cacheDir: string;
  beforeEach(() => {
    root = installFakeProvider('9.0.0');
    cacheDir = path.join(root, 'cache');
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  test('derives once, then reads the cache file named after the package and version', () => {
    const cold = new SchemaStore({ cacheDir, searchPaths: [root] });
    const derived = cold.load('hashicorp/fake')!;
    expect(cold.history.map((l) => [l.source, l.origin, l.how])).toEqual([['hashicorp/fake', '@cdktf/provider-fake 9.0.0', SchemaLoadKind.DERIVED]]);
    expect(fs.readdirSync(cacheDir)).toEqual(['cdktf__provider-fake@9.0.0.schema-v1.json']);

    const warm = new SchemaStore({ cacheDir, searchPaths: [root] });
    expect(warm.load('fake')).toEqual(derived);
    expect(warm.history.map((l) => l.how)).toEqual([SchemaLoadKind.CACHED]);
  });

  test('a new package version is derived again into its own cache file', () => {
    new SchemaStore({ cacheDir, searchPaths: [root] }).load('fake');
    writeFakeProvider(path.join(root, 'node_modules', '@cdktf', 'provider-fake'), '9.1.0');
    const store = new SchemaStore({ cacheDir, searchPaths: [root] });
    expect(store.load('fake')!.origin).toBe('@cdktf/provider-fake 9.1.0');
    expect(store.history.map((l) => l.how)).toEqual([SchemaLoadKind.DERIVED]);
    expect(fs.readdirSync(cacheDir).sort()).toEqual(['cdktf__provider-fake@9.0.0.schema-v1.json', 'cdktf__provider-fake@9.1.0.schema-v1.json']);
  });

  test('a damaged cache file is derived again and rewritten', () => {
    new SchemaStore({ cacheDir, searchPaths: [root] }).load('fake');
    const file = path.join(cacheDir, 'cdktf__provider-fake@9.0.0.schema-v1.json');
    fs.writeFileSync(file, '{"format":1,"pack');
    const store = new SchemaStore({ cacheDir, searchPaths: [root] });
    expect(store.load('fake')!.resources.fake_thing).toBeDefined();
    expect(store.history.map((l) => l.how)).toEqual([SchemaLoadKind.DERIVED]);
    expect(() => JSON.parse(fs.readFileSync(file, 'utf8'))).not.toThrow();
  });

  test('by default the cache lives in node_modules/.cache next to the provider package', () => {
    new SchemaStore({ searchPaths: [root] }).load('fake');
    expect(fs.readdirSync(path.join(root, 'node_modules', '.cache', 'cdktf-firewall-requirements'))).toEqual(['cdktf__provider-fake@9.0.0.schema-v1.json']);
  });

  test('a provider with neither a binding nor a schema file has no schema', () => {
    const store = new SchemaStore({ cacheDir, searchPaths: [root], schemaDir: fs.mkdtempSync(path.join(os.tmpdir(), 'no-schemas-')) });
    expect(store.load('hashicorp/random')).toBeUndefined();
    expect(store.load('example/thing')).toBeUndefined();
  });
});
