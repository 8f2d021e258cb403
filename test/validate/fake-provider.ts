/**
 * A miniature cdktf provider package (`@cdktf/provider-fake`) with a hand-written jsii assembly shaped like
 * the real ones (same type-reference forms, doc links and class bases as @cdktf/provider-aws 21.22.1), so
 * the derivation and the cache can be tested in milliseconds instead of parsing a 130 MB assembly.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const P = '@cdktf/provider-fake';
const DOCS = 'https://registry.terraform.io/providers/hashicorp/fake/1.2.3/docs';

const resolvable = (type: object) => ({ union: { types: [{ fqn: 'cdktf.IResolvable' }, type] } });
const arg = (cls: string, anchor: string, name: string, type: object, optional = true, summary?: string) => ({
  abstract: true,
  docs: summary
    ? { summary, remarks: `Docs at Terraform Registry: {@link ${DOCS}/resources/thing#${anchor} ${cls}#${anchor}}` }
    : { summary: `Docs at Terraform Registry: {@link ${DOCS}/resources/thing#${anchor} ${cls}#${anchor}}.` },
  name,
  ...(optional ? { optional: true } : {}),
  type,
});

/** The assembly: resource `fake_thing`, data source `fake_zone`, and the provider. */
export function fakeAssembly(version = '9.0.0'): object {
  const types: Record<string, object> = {
    [`${P}.provider.FakeProvider`]: {
      assembly: P,
      base: 'cdktf.TerraformProvider',
      docs: { summary: `Represents a {@link ${DOCS} fake}.` },
      fqn: `${P}.provider.FakeProvider`,
      initializer: { parameters: [{ name: 'scope', type: { fqn: 'constructs.Construct' } }, { name: 'id', type: { primitive: 'string' } }, { name: 'config', type: { fqn: `${P}.provider.FakeProviderConfig` } }] },
      kind: 'class',
      name: 'FakeProvider',
    },
    [`${P}.provider.FakeProviderConfig`]: {
      datatype: true,
      fqn: `${P}.provider.FakeProviderConfig`,
      kind: 'interface',
      properties: [arg('FakeProvider', 'region', 'region', { primitive: 'string' }, false), arg('FakeProvider', 'alias', 'alias', { primitive: 'string' })],
    },
    [`${P}.thing.Thing`]: {
      base: 'cdktf.TerraformResource',
      docs: { summary: `Represents a {@link ${DOCS}/resources/thing fake_thing}.` },
      fqn: `${P}.thing.Thing`,
      initializer: { parameters: [{ name: 'scope', type: { fqn: 'constructs.Construct' } }, { name: 'id', type: { primitive: 'string' } }, { name: 'config', type: { fqn: `${P}.thing.ThingConfig` } }] },
      kind: 'class',
      name: 'Thing',
      properties: [
        { name: 'tfResourceType', static: true, type: { primitive: 'string' } },
        { name: 'arn', type: { primitive: 'string' } },
        { name: 'nameInput', type: { primitive: 'string' } },
        { name: 'name', type: { primitive: 'string' } },
        { name: 'selfAttribute', type: { primitive: 'string' } },
      ],
    },
    [`${P}.thing.ThingConfig`]: {
      datatype: true,
      fqn: `${P}.thing.ThingConfig`,
      interfaces: ['cdktf.TerraformMetaArguments'],
      kind: 'interface',
      properties: [
        arg('Thing', 'name', 'name', { primitive: 'string' }, false),
        arg('Thing', 'size', 'size', { primitive: 'number' }),
        arg('Thing', 'enabled', 'enabled', resolvable({ primitive: 'boolean' })),
        arg('Thing', 'ports', 'ports', { collection: { elementtype: { primitive: 'number' }, kind: 'array' } }),
        arg('Thing', 'tags', 'tags', { collection: { elementtype: { primitive: 'string' }, kind: 'map' } }),
        // renamed by the generator; the link anchor keeps the Terraform name
        arg('Thing', 'get_password_data', 'fetchPasswordData', resolvable({ primitive: 'boolean' })),
        arg('Thing', 'settings', 'settings', { fqn: `${P}.thing.ThingSettings` }, false, 'settings block.'),
        arg('Thing', 'rule', 'rule', resolvable({ collection: { elementtype: { fqn: `${P}.thing.ThingRule` }, kind: 'array' } }), true, 'rule block.'),
        // a struct without "<name> block." is a nested attribute
        arg('Thing', 'options', 'options', { fqn: `${P}.thing.ThingOptions` }),
      ],
    },
    [`${P}.thing.ThingSettings`]: {
      datatype: true,
      fqn: `${P}.thing.ThingSettings`,
      kind: 'interface',
      properties: [arg('Thing', 'mode', 'mode', { primitive: 'string' }, false)],
    },
    [`${P}.thing.ThingRule`]: {
      datatype: true,
      fqn: `${P}.thing.ThingRule`,
      kind: 'interface',
      properties: [arg('Thing', 'from_port', 'fromPort', { primitive: 'number' }, false), arg('Thing', 'cidrs', 'cidrs', { collection: { elementtype: { primitive: 'string' }, kind: 'array' } })],
    },
    [`${P}.thing.ThingOptions`]: {
      datatype: true,
      fqn: `${P}.thing.ThingOptions`,
      kind: 'interface',
      properties: [arg('Thing', 'level', 'level', { primitive: 'number' })],
    },
    [`${P}.dataFakeZone.DataFakeZone`]: {
      base: 'cdktf.TerraformDataSource',
      docs: { summary: `Represents a {@link ${DOCS}/data-sources/zone fake_zone}.` },
      fqn: `${P}.dataFakeZone.DataFakeZone`,
      initializer: { parameters: [{ name: 'scope', type: { fqn: 'constructs.Construct' } }, { name: 'id', type: { primitive: 'string' } }, { name: 'config', type: { fqn: `${P}.dataFakeZone.DataFakeZoneConfig` } }] },
      kind: 'class',
      name: 'DataFakeZone',
      properties: [{ name: 'zoneId', type: { primitive: 'string' } }],
    },
    [`${P}.dataFakeZone.DataFakeZoneConfig`]: {
      datatype: true,
      fqn: `${P}.dataFakeZone.DataFakeZoneConfig`,
      interfaces: ['cdktf.TerraformMetaArguments'],
      kind: 'interface',
      properties: [arg('DataFakeZone', 'zone_name', 'zoneName', { primitive: 'string' }, false)],
    },
  };
  return { name: P, version, types };
}

/** Writes `node_modules/@cdktf/provider-fake` into a fresh temp folder and returns that folder. */
export function installFakeProvider(version = '9.0.0'): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'fake-provider-'));
  const dir = path.join(root, 'node_modules', '@cdktf', 'provider-fake');
  fs.mkdirSync(dir, { recursive: true });
  writeFakeProvider(dir, version);
  return root;
}

/** (Re)writes the package files, e.g. to simulate an upgrade. */
export function writeFakeProvider(dir: string, version: string): void {
  fs.writeFileSync(
    path.join(dir, 'package.json'),
    JSON.stringify({ name: P, version, cdktf: { provider: { name: 'registry.terraform.io/hashicorp/fake', version: '1.2.3' } } }),
  );
  fs.writeFileSync(path.join(dir, '.jsii'), JSON.stringify(fakeAssembly(version)));
}

/** A clean stack using the fake provider, as cdktf would synthesize it. */
export function fakeStack(): any {
  return {
    '//': { metadata: { backend: 'local', stackName: 'fake', version: '0.21.0' } },
    provider: { fake: [{ region: 'r1' }, { alias: 'two', region: 'r2' }] },
    data: { fake_zone: { main: { '//': { metadata: { path: 'fake/main' } }, zone_name: 'example.com' } } },
    resource: {
      fake_thing: {
        one: {
          '//': { metadata: { path: 'fake/one', uniqueId: 'one' } },
          name: 'one',
          size: 3,
          enabled: true,
          ports: [80, 443],
          tags: { team: 'net' },
          get_password_data: false,
          settings: { mode: 'strict' },
          rule: [{ from_port: 443, cidrs: ['10.0.0.0/8'] }],
          options: { level: 2 },
        },
        two: {
          '//': { metadata: { path: 'fake/two', uniqueId: 'two' } },
          name: '${fake_thing.one.arn}-${data.fake_zone.main.zone_id}',
          settings: { mode: '${fake_thing.one.self}' },
          provider: 'fake.two',
          depends_on: ['fake_thing.one'],
          lifecycle: { ignore_changes: ['tags'] },
        },
      },
    },
    terraform: { required_providers: { fake: { source: 'fake', version: '1.2.3' } } },
  };
}
