import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ProviderMirror } from '../../tools/terraform/discovery';
import {
  hclRootFacts,
  makeProvidersOffline,
  OVERRIDE_FILE,
  moduleFacts,
  parseTypeExpression,
  placeholderValue,
  prepareOfflineCopy,
  PROVIDERS_FILE,
  relaxVersionPins,
  removeBackend,
  VARIABLES_FILE,
  variableValues,
} from '../../tools/terraform/prepare';

const AWS = 'registry.terraform.io/hashicorp/aws';
const MIRROR: ProviderMirror = { path: '/mirror', platform: 'linux_amd64', providers: new Map([[AWS, ['5.100.0', '5.9.0']]]) };
const OFFLINE = {
  access_key: 'AKIAIOSFODNN7EXAMPLE',
  secret_key: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
  skip_credentials_validation: true,
  skip_requesting_account_id: true,
  skip_metadata_api_check: true,
  skip_region_validation: true,
};

/** What cdktf writes for a stack with the AWS provider, a local backend and two variables. */
function cdktfStack(): any {
  return {
    terraform: {
      required_providers: { aws: { source: 'aws', version: '6.25.0' } },
      backend: { local: { path: '/abs/terraform.demo.tfstate' } },
    },
    provider: { aws: [{ region: 'eu-central-1', profile: 'prod', assume_role: [{ role_arn: 'arn:aws:iam::1:role/x' }] }] },
    variable: { vpc_id: { type: 'string' }, subnet_ids: { type: 'list(string)' }, with_default: { type: 'string', default: 'x' } },
    resource: { aws_security_group: { a: { name: 'a' }, b: { name: 'b' } }, aws_eip: { nat: { domain: 'vpc' } } },
    data: { aws_caller_identity: { me: {} } },
  };
}

describe('rewriting one JSON file', () => {
  test('GIVEN a pinned version THEN it becomes the mirror version (object and string forms); other providers stay', () => {
    const json = { terraform: [{ required_providers: [{ aws: { source: 'hashicorp/aws', version: '~> 6.0' }, awsx: '>= 5', google: { source: 'hashicorp/google', version: '6.50.0' } }] }] };
    const changes = relaxVersionPins(json, { ...MIRROR, providers: new Map([...MIRROR.providers, ['registry.terraform.io/hashicorp/awsx', ['1.0.0']]]) });
    expect(json.terraform[0].required_providers[0]).toEqual({
      aws: { source: 'hashicorp/aws', version: '5.100.0' },
      awsx: { source: 'registry.terraform.io/hashicorp/awsx', version: '1.0.0' },
      google: { source: 'hashicorp/google', version: '6.50.0' },
    });
    expect(changes).toEqual(['aws version "~> 6.0" -> "5.100.0" (the mirror\'s)', 'awsx version ">= 5" -> "1.0.0" (the mirror\'s)']);
  });

  test('GIVEN a range the mirror version satisfies (ProviderVersionConstraint) THEN it is kept for terraform init to resolve', () => {
    const json = { terraform: { required_providers: { aws: { source: 'aws', version: '>= 5.0, < 7.0' }, google: { source: 'hashicorp/google', version: '~> 6.0' } } } };
    const changes = relaxVersionPins(json, { ...MIRROR, providers: new Map([...MIRROR.providers, ['registry.terraform.io/hashicorp/google', ['6.50.0']]]) });
    expect(json.terraform.required_providers).toEqual({ aws: { source: 'aws', version: '>= 5.0, < 7.0' }, google: { source: 'hashicorp/google', version: '~> 6.0' } });
    expect(changes).toEqual([]);
    // an exact pin is still relaxed
    const pinned = { terraform: { required_providers: { aws: { source: 'aws', version: '= 6.25.0' } } } };
    expect(relaxVersionPins(pinned, MIRROR)).toEqual(['aws version "= 6.25.0" -> "5.100.0" (the mirror\'s)']);
  });

  test('GIVEN provider blocks THEN credentials and profiles go, offline settings come, the region stays', () => {
    const json = cdktfStack();
    makeProvidersOffline(json, moduleFacts([json]).providers);
    expect(json.provider.aws).toEqual([{ region: 'eu-central-1', ...OFFLINE }]);
  });

  test('GIVEN an object-form block without region and an aliased second block THEN both get offline settings, the first a region', () => {
    const json: any = { provider: { aws: { alias: 'x' }, google: { project: 'p' } } };
    makeProvidersOffline(json, new Map(), 'ap-south-1');
    expect(json.provider.aws).toEqual({ alias: 'x', region: 'ap-south-1', ...OFFLINE });
    expect(json.provider.google).toEqual({ project: 'p' });
  });

  test('GIVEN a backend or cloud block THEN it is removed', () => {
    const json: any = { terraform: { backend: { s3: { bucket: 'b' } }, cloud: { organization: 'o' }, required_version: '>= 1.5' } };
    expect(removeBackend(json)).toEqual(['removed backend (s3)', 'removed cloud (HCP Terraform)']);
    expect(json.terraform).toEqual({ required_version: '>= 1.5' });
  });

  test('module facts: providers from every place, variables without defaults, countable resources', () => {
    const facts = moduleFacts([cdktfStack()]);
    expect([...facts.providers.entries()]).toEqual([['aws', AWS]]);
    expect([...facts.variablesWithoutDefault.entries()]).toEqual([
      ['vpc_id', 'string'],
      ['subnet_ids', 'list(string)'],
    ]);
    expect(facts.resources).toBe(3);
    expect(moduleFacts([{ resource: { aws_eip: { a: { count: 2 } } } }]).resources).toBeUndefined();
    expect(moduleFacts([{ module: { m: { source: './m' } } }]).callsModules).toBe(true);
  });
});

describe('variable values', () => {
  test('type expressions parse, including nested objects, optional attributes with defaults and tuples', () => {
    expect(parseTypeExpression('${map(object({ cidr = string, ports = optional(list(number), [443, 80]), tags = optional(map(string)) }))}', 'v')).toEqual({
      kind: 'map',
      element: {
        kind: 'object',
        attributes: [
          { name: 'cidr', type: { kind: 'string' }, optional: false },
          { name: 'ports', type: { kind: 'list', element: { kind: 'number' } }, optional: true },
          { name: 'tags', type: { kind: 'map', element: { kind: 'string' } }, optional: true },
        ],
      },
    });
    expect(parseTypeExpression('tuple([string, bool])', 'v')).toEqual({ kind: 'tuple', elements: [{ kind: 'string' }, { kind: 'bool' }] });
  });

  test.each([
    ['list(strng)', /Invalid type of variable subnets "list\(strng\)".*Unknown type "strng".*Give the variable a default, or pass its value/],
    ['list(string', /Expected "\)" at "the end"/],
    ['string string', /Unexpected "string" after the type/],
    ['', /The type is empty/],
    ['object({ 1x = string })', /Bad attribute name "1"/],
  ])('a bad type %j fails naming the variable', (type, message) => {
    expect(() => parseTypeExpression(type, 'subnets')).toThrow(message);
  });

  test('placeholders look like what the names say', () => {
    const values = variableValues(
      new Map([
        ['vpc_id', 'string'],
        ['subnet_ids', 'list(string)'],
        ['vpc_security_group_id', 'string'],
        ['vpc_cidr', 'string'],
        ['office_ipv6_cidrs', 'set(string)'],
        ['cluster_role_arn', 'string'],
        ['region', 'string'],
        ['port', 'number'],
        ['enabled', 'bool'],
        ['tags', 'map(string)'],
        ['anything', 'any'],
        ['rule', 'object({ cidr = string, from_port = number })'],
      ]),
      {},
    );
    expect(values).toEqual({
      anything: 'example-0',
      cluster_role_arn: 'arn:aws:iam::123456789012:role/example-0',
      enabled: false,
      office_ipv6_cidrs: ['2001:db8:0::/48', '2001:db8:1::/48'],
      port: 443,
      region: 'us-east-1',
      rule: { cidr: '10.0.0.0/16', from_port: 443 },
      subnet_ids: ['subnet-0123456789abcdef0', 'subnet-0123456789abcdef1'],
      tags: { example: 'example-0' },
      vpc_cidr: '10.0.0.0/16',
      vpc_id: 'vpc-0123456789abcdef0',
      vpc_security_group_id: 'sg-0123456789abcdef0',
    });
  });

  test('given values win over placeholders; names that are no variable are ignored', () => {
    expect(variableValues(new Map([['vpc_id', 'string']]), { vpc_id: 'vpc-1', other: 1 })).toEqual({ vpc_id: 'vpc-1' });
    expect(placeholderValue({ kind: 'list', element: { kind: 'number' } }, 'counts')).toEqual([1, 2]);
  });
});

describe('prepareOfflineCopy', () => {
  let tmp: string;
  beforeEach(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tf-prepare-'));
  });
  afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

  function write(file: string, content: unknown): void {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  }

  test('GIVEN a cdktf stack THEN the copy is rewritten, the original stays byte-identical, state and lock files stay behind', () => {
    const src = path.join(tmp, 'stack');
    write(path.join(src, 'cdk.tf.json'), cdktfStack());
    write(path.join(src, 'assets', 'file.txt'), 'asset');
    write(path.join(src, '.terraform.lock.hcl'), 'old lock');
    write(path.join(src, '.terraform', 'x'), 'old');
    write(path.join(src, 'terraform.tfstate'), '{}');
    const before = fs.readFileSync(path.join(src, 'cdk.tf.json'), 'utf8');
    const copy = prepareOfflineCopy(src, path.join(tmp, 'copy'), { mirror: MIRROR });

    expect(fs.readFileSync(path.join(src, 'cdk.tf.json'), 'utf8')).toBe(before);
    expect(fs.readdirSync(copy.dir).sort()).toEqual(['assets', 'cdk.tf.json', VARIABLES_FILE]);
    const json = JSON.parse(fs.readFileSync(path.join(copy.dir, 'cdk.tf.json'), 'utf8'));
    expect(json.terraform).toEqual({ required_providers: { aws: { source: 'aws', version: '5.100.0' } } });
    expect(json.provider.aws).toEqual([{ region: 'eu-central-1', ...OFFLINE }]);
    expect(JSON.parse(fs.readFileSync(path.join(copy.dir, VARIABLES_FILE), 'utf8'))).toEqual({
      subnet_ids: ['subnet-0123456789abcdef0', 'subnet-0123456789abcdef1'],
      vpc_id: 'vpc-0123456789abcdef0',
    });
    expect(copy.providers).toEqual([AWS]);
    expect(copy.expectedResources).toBe(3);
    expect(copy.changes).toEqual([
      'cdk.tf.json: aws version "6.25.0" -> "5.100.0" (the mirror\'s)',
      'cdk.tf.json: provider aws: 1 block(s) given offline credentials and skip flags',
      'cdk.tf.json: removed backend (local)',
      `${VARIABLES_FILE}: values for subnet_ids, vpc_id`,
    ]);
  });

  test('GIVEN a root module calling a child module in a subfolder THEN pins are relaxed in both and the root gets a provider block', () => {
    const src = path.join(tmp, 'root');
    write(path.join(src, 'main.tf.json'), {
      terraform: { required_providers: { aws: { source: 'hashicorp/aws', version: '~> 6.0' } } },
      variable: { cidrs: { type: 'list(string)' } },
      module: { rules: { source: './modules/rules', cidrs: '${var.cidrs}' } },
    });
    write(path.join(src, 'modules', 'rules', 'main.tf.json'), {
      terraform: { required_providers: { aws: { source: 'hashicorp/aws', version: '>= 6.2' } } },
      resource: { aws_security_group: { g: { name: 'g' } } },
    });
    const copy = prepareOfflineCopy(src, path.join(tmp, 'copy'), { mirror: MIRROR, defaultRegion: 'eu-north-1' });
    const child = JSON.parse(fs.readFileSync(path.join(copy.dir, 'modules', 'rules', 'main.tf.json'), 'utf8'));
    expect(child.terraform.required_providers.aws.version).toBe('5.100.0');
    expect(JSON.parse(fs.readFileSync(path.join(copy.dir, PROVIDERS_FILE), 'utf8'))).toEqual({ provider: { aws: [{ region: 'eu-north-1', ...OFFLINE }] } });
    expect(JSON.parse(fs.readFileSync(path.join(copy.dir, VARIABLES_FILE), 'utf8'))).toEqual({ cidrs: ['10.0.0.0/16', '10.1.0.0/16'] });
    expect(copy.expectedResources).toBeUndefined();
  });

  test('GIVEN a file that is not JSON THEN fails naming the original file', () => {
    write(path.join(tmp, 'broken', 'main.tf.json'), '{ nope');
    expect(() => prepareOfflineCopy(path.join(tmp, 'broken'), path.join(tmp, 'copy'), { mirror: MIRROR })).toThrow(
      new RegExp(`Invalid Terraform JSON file ".*broken/main\\.tf\\.json".*It does not parse`),
    );
  });

  test('GIVEN no folder, or a folder without configuration THEN fails with the way out', () => {
    expect(() => prepareOfflineCopy(path.join(tmp, 'missing'), path.join(tmp, 'copy'), { mirror: MIRROR })).toThrow(/Invalid Terraform directory .*Give a folder that holds a root module/);
    write(path.join(tmp, 'empty', 'README.md'), 'x');
    expect(() => prepareOfflineCopy(path.join(tmp, 'empty'), path.join(tmp, 'copy2'), { mirror: MIRROR })).toThrow(/holds no \*\.tf\.json or \*\.tf file/);
  });

  test('GIVEN a variable with a type it cannot read THEN fails naming the variable', () => {
    write(path.join(tmp, 's', 'main.tf.json'), { variable: { odd: { type: 'list(strin)' } } });
    expect(() => prepareOfflineCopy(path.join(tmp, 's'), path.join(tmp, 'copy'), { mirror: MIRROR })).toThrow(/Invalid type of variable odd/);
    // A value given for it is used without parsing the type.
    expect(prepareOfflineCopy(path.join(tmp, 's'), path.join(tmp, 'copy3'), { mirror: MIRROR, variables: { odd: ['a'] } }).variables).toEqual({ odd: ['a'] });
  });
});

describe('hand-written HCL root modules', () => {
  let tmp: string;
  beforeEach(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tf-hcl-'));
  });
  afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

  const ROOT = [
    '# a comment with provider "google" {',
    'provider "aws" {',
    '  region = var.region',
    '}',
    'provider "aws" {',
    '  alias  = "us"',
    '  region = "us-east-1"',
    '}',
    'variable "region" {',
    '  type    = string',
    '  default = "eu-west-1"',
    '}',
    'variable "vpc_id" {',
    '  type = string',
    '}',
    'variable "subnet_ids" {',
    '  type        = list(string)',
    '  description = "x"',
    '}',
    'module "rules" {',
    '  source = "./modules/rules"',
    '}',
  ].join('\n');

  test('provider blocks and variables without a default are read from *.tf files (aliases and comments ignored)', () => {
    fs.writeFileSync(path.join(tmp, 'main.tf'), ROOT);
    const facts = hclRootFacts(tmp);
    expect(facts).toEqual({ files: 1, providers: ['aws'], variablesWithoutDefault: new Map([['vpc_id', 'string'], ['subnet_ids', 'list(string)']]) });
  });

  test('an HCL provider block gets the offline settings through an override file; its variables get values', () => {
    const src = path.join(tmp, 'root');
    fs.mkdirSync(path.join(src, 'modules', 'rules'), { recursive: true });
    fs.writeFileSync(path.join(src, 'main.tf'), ROOT);
    fs.writeFileSync(
      path.join(src, 'modules', 'rules', 'versions.tf.json'),
      JSON.stringify({ terraform: { required_providers: { aws: { source: 'hashicorp/aws', version: '>= 5.0, < 7.0' } } } }),
    );
    const copy = prepareOfflineCopy(src, path.join(tmp, 'copy'), { mirror: MIRROR });
    expect(JSON.parse(fs.readFileSync(path.join(copy.dir, OVERRIDE_FILE), 'utf8'))).toEqual({ provider: { aws: OFFLINE } });
    expect(fs.existsSync(path.join(copy.dir, PROVIDERS_FILE))).toBe(false);
    expect(Object.keys(copy.variables).sort()).toEqual(['subnet_ids', 'vpc_id']);
    expect(copy.expectedResources).toBeUndefined();
  });
});
