import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { FirewallRequirementsError } from '../../lib/model/errors';
import {
  compareVersions,
  findProviderMirror,
  findTerraformBinary,
  providerAddress,
  readMirror,
  satisfiesConstraint,
  searchFolders,
  terraformPlatform,
} from '../../tools/terraform/discovery';

const PLATFORM = 'linux_amd64';
let tmp: string;

beforeEach(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tf-discovery-'));
});
afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** Writes an unpacked provider `<mirror>/registry.terraform.io/<ns>/<type>/<version>/<platform>/binary`. */
function unpacked(mirror: string, ns: string, type: string, version: string, platform = PLATFORM): void {
  const dir = path.join(mirror, 'registry.terraform.io', ns, type, version, platform);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, `terraform-provider-${type}_v${version}_x5`), '');
}

/** Writes a packed provider zip (empty: only the name matters). */
function packed(mirror: string, ns: string, type: string, version: string, platform = PLATFORM): void {
  const dir = path.join(mirror, 'registry.terraform.io', ns, type);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, `terraform-provider-${type}_${version}_${platform}.zip`), '');
}

describe('names and versions', () => {
  test('provider sources normalize to full addresses', () => {
    expect(providerAddress('aws')).toBe('registry.terraform.io/hashicorp/aws');
    expect(providerAddress('Hashicorp/AWS')).toBe('registry.terraform.io/hashicorp/aws');
    expect(providerAddress('example.com/acme/thing')).toBe('example.com/acme/thing');
  });

  test('versions compare numerically, pre-releases before releases', () => {
    expect(['5.9.0', '5.100.0', '5.100.0-beta1', '4.67.0'].sort(compareVersions)).toEqual(['4.67.0', '5.9.0', '5.100.0-beta1', '5.100.0']);
  });

  test('the platform is named the way Terraform names it', () => {
    expect(terraformPlatform('linux', 'x64')).toBe('linux_amd64');
    expect(terraformPlatform('darwin', 'arm64')).toBe('darwin_arm64');
    expect(terraformPlatform('win32', 'ia32')).toBe('windows_386');
  });
});

describe('readMirror', () => {
  test('GIVEN unpacked and packed providers THEN lists versions for the platform only, highest first', () => {
    const mirror = path.join(tmp, 'mirror');
    unpacked(mirror, 'hashicorp', 'aws', '5.9.0');
    unpacked(mirror, 'hashicorp', 'aws', '5.100.0');
    unpacked(mirror, 'hashicorp', 'aws', '6.0.0', 'darwin_arm64');
    packed(mirror, 'hashicorp', 'random', '3.6.0');
    packed(mirror, 'hashicorp', 'random', '3.7.0', 'windows_amd64');
    const read = readMirror(mirror, PLATFORM);
    expect(read.path).toBe(mirror);
    expect([...read.providers.entries()]).toEqual([
      ['registry.terraform.io/hashicorp/aws', ['5.100.0', '5.9.0']],
      ['registry.terraform.io/hashicorp/random', ['3.6.0']],
    ]);
  });
});

describe('findProviderMirror', () => {
  test('GIVEN no variable WHEN a mirror sits under a root THEN finds it breadth-first', () => {
    unpacked(path.join(tmp, 'opt', 'tf-plugins'), 'hashicorp', 'aws', '5.100.0');
    const found = findProviderMirror({ required: ['hashicorp/aws'], env: {}, roots: [path.join(tmp, 'missing'), path.join(tmp, 'opt')], platform: PLATFORM });
    expect(found.reason).toBeUndefined();
    expect(found.mirror?.path).toBe(path.join(tmp, 'opt', 'tf-plugins'));
    expect(found.mirror?.providers.get('registry.terraform.io/hashicorp/aws')).toEqual(['5.100.0']);
  });

  test('GIVEN two mirrors WHEN the first lacks the provider THEN takes the second and never a wrong one', () => {
    unpacked(path.join(tmp, 'a', 'one'), 'hashicorp', 'random', '3.6.0');
    unpacked(path.join(tmp, 'a', 'two'), 'hashicorp', 'aws', '5.100.0');
    const found = findProviderMirror({ required: ['aws'], env: {}, roots: [path.join(tmp, 'a')], platform: PLATFORM });
    expect(found.mirror?.path).toBe(path.join(tmp, 'a', 'two'));
  });

  test('GIVEN a mirror only for another platform THEN reports which mirror lacks what', () => {
    unpacked(path.join(tmp, 'opt', 'm'), 'hashicorp', 'aws', '5.100.0', 'darwin_arm64');
    const found = findProviderMirror({ required: ['hashicorp/aws'], env: {}, roots: [path.join(tmp, 'opt')], platform: PLATFORM });
    expect(found.mirror).toBeUndefined();
    expect(found.reason).toContain(`${path.join(tmp, 'opt', 'm')} (lacks registry.terraform.io/hashicorp/aws)`);
  });

  test('GIVEN no mirror THEN the reason names the variable and the roots searched', () => {
    const found = findProviderMirror({ required: ['hashicorp/aws'], env: {}, roots: [tmp], platform: PLATFORM });
    expect(found.reason).toMatch(/set TF_PROVIDER_MIRROR; searched .* to depth 4/);
  });

  test('the search is bounded by depth and does not follow symbolic links', () => {
    unpacked(path.join(tmp, 'deep', 'a', 'b', 'c', 'd'), 'hashicorp', 'aws', '5.100.0');
    expect(findProviderMirror({ required: ['aws'], env: {}, roots: [path.join(tmp, 'deep')], maxDepth: 3, platform: PLATFORM }).mirror).toBeUndefined();
    expect(findProviderMirror({ required: ['aws'], env: {}, roots: [path.join(tmp, 'deep')], maxDepth: 4, platform: PLATFORM }).mirror).toBeDefined();
    fs.mkdirSync(path.join(tmp, 'links'));
    fs.symlinkSync(path.join(tmp, 'deep', 'a', 'b', 'c', 'd'), path.join(tmp, 'links', 'elsewhere'));
    expect(searchFolders(path.join(tmp, 'links'), 'registry.terraform.io', 4, 100)).toEqual([]);
  });

  test('the search reads at most maxFolders folders', () => {
    for (const n of ['a', 'b', 'c']) fs.mkdirSync(path.join(tmp, 'wide', n, 'x'), { recursive: true });
    unpacked(path.join(tmp, 'wide', 'c', 'x'), 'hashicorp', 'aws', '5.100.0');
    expect(searchFolders(path.join(tmp, 'wide'), 'registry.terraform.io', 4, 100)).toHaveLength(1);
    expect(searchFolders(path.join(tmp, 'wide'), 'registry.terraform.io', 4, 3)).toEqual([]);
  });

  test('GIVEN TF_PROVIDER_MIRROR at the registry folder or its parent THEN uses it without searching', () => {
    const mirror = path.join(tmp, 'custom');
    unpacked(mirror, 'hashicorp', 'aws', '5.100.0');
    for (const value of [mirror, path.join(mirror, 'registry.terraform.io')]) {
      const found = findProviderMirror({ required: ['aws'], env: { TF_PROVIDER_MIRROR: value }, roots: [], platform: PLATFORM });
      expect(found.mirror?.path).toBe(mirror);
    }
  });

  test('GIVEN TF_PROVIDER_MIRROR naming no mirror THEN fails instead of skipping', () => {
    expect(() => findProviderMirror({ required: ['aws'], env: { TF_PROVIDER_MIRROR: path.join(tmp, 'nothing') }, platform: PLATFORM })).toThrow(
      /Invalid TF_PROVIDER_MIRROR .*nothing.* \(from the environment\)\. No registry\.terraform\.io folder there/,
    );
  });

  test('GIVEN TF_PROVIDER_MIRROR lacking a required provider THEN fails naming it and what the mirror holds', () => {
    unpacked(path.join(tmp, 'custom'), 'hashicorp', 'random', '3.6.0');
    let error: unknown;
    try {
      findProviderMirror({ required: ['aws'], env: { TF_PROVIDER_MIRROR: path.join(tmp, 'custom') }, platform: PLATFORM });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(FirewallRequirementsError);
    expect((error as Error).message).toContain('The mirror lacks registry.terraform.io/hashicorp/aws for linux_amd64 (it holds hashicorp/random 3.6.0)');
  });
});

describe('findTerraformBinary', () => {
  test('finds the first executable terraform on the PATH, skipping non-executable files', () => {
    const a = path.join(tmp, 'a');
    const b = path.join(tmp, 'b');
    fs.mkdirSync(a);
    fs.mkdirSync(b);
    fs.writeFileSync(path.join(a, 'terraform'), '', { mode: 0o644 });
    fs.writeFileSync(path.join(b, 'terraform'), '#!/bin/sh\n', { mode: 0o755 });
    expect(findTerraformBinary({ PATH: [a, b].join(path.delimiter) })).toBe(path.join(b, 'terraform'));
    expect(findTerraformBinary({ PATH: a })).toBeUndefined();
    expect(findTerraformBinary({})).toBeUndefined();
  });

  test('TERRAFORM_BINARY wins, and fails when it names nothing executable', () => {
    const bin = path.join(tmp, 'tf');
    fs.writeFileSync(bin, '#!/bin/sh\n', { mode: 0o755 });
    expect(findTerraformBinary({ TERRAFORM_BINARY: bin, PATH: '' })).toBe(bin);
    expect(() => findTerraformBinary({ TERRAFORM_BINARY: path.join(tmp, 'missing') })).toThrow(/Invalid TERRAFORM_BINARY .*Give the path of an executable terraform binary/);
  });
});

describe('satisfiesConstraint', () => {
  test.each([
    ['5.100.0', '>= 5.0, < 7.0', true],
    ['7.0.0', '>= 5.0, < 7.0', false],
    ['5.100.0', '~> 5.100', true],
    ['5.101.0', '~> 5.100.0', false],
    ['5.100.3', '~> 5.100.0', true],
    ['6.0.0', '~> 5.100', false],
    ['5.100.0', '5.100.0', true],
    ['5.100.0', '!= 5.100.0', false],
    ['5.100.0', '> 5.100.0', false],
    ['5.100.0', '<= 5.100.0', true],
    ['5.100.0', 'latest', false],
  ])('%s against %j: %s', (version, constraint, expected) => {
    expect(satisfiesConstraint(version, constraint)).toBe(expected);
  });
});
