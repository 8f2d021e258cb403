import * as fs from 'fs';
import * as path from 'path';
import { FirewallRequirementsError } from '../../lib/model/errors';
import { checkPeers, ENTRY_PEERS, installedVersion, PEER_RANGES, satisfies } from '../../lib/targets/peer-check';

const ROOT = path.join(__dirname, '..', '..');

describe('peer checks of the cloud entry points', () => {
  test('the ranges are the ones package.json declares', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    expect(PEER_RANGES).toEqual(pkg.peerDependencies);
    expect(Object.keys(ENTRY_PEERS).sort()).toEqual(['aws', 'azure', 'google', 'ibm']);
    // every cloud entry point of package.json loads its check first
    for (const entry of Object.keys(ENTRY_PEERS)) {
      expect(pkg.exports[`./${entry}`]).toBeDefined();
      const index = fs.readFileSync(path.join(ROOT, 'lib', 'targets', entry, 'index.ts'), 'utf8');
      expect(index.split('\n').find((l) => /^(import|export) /.test(l))).toMatch(/^import '\.\/peers';/);
    }
  });

  test('the installed peers pass', () => {
    for (const entry of Object.keys(ENTRY_PEERS)) expect(() => checkPeers(entry)).not.toThrow();
    expect(installedVersion('@cdktf/provider-azurerm')).toMatch(/^14\./);
    expect(installedVersion('@cdktf/provider-does-not-exist')).toBeUndefined();
  });

  test('a missing provider binding is the library error naming the package and the range to install', () => {
    const read = (pkg: string) => (pkg === '@cdktf/provider-azurerm' ? undefined : '0.21.0');
    expect(() => checkPeers('azure', (p) => (p === 'constructs' ? '10.8.1' : read(p)))).toThrow(FirewallRequirementsError);
    expect(() => checkPeers('azure', (p) => (p === 'constructs' ? '10.8.1' : read(p)))).toThrow(
      '@cdktf/provider-azurerm is not installed; cdktf-firewall-requirements/azure needs it (from cdktf-firewall-requirements/azure). ' +
        'Install it: npm install @cdktf/provider-azurerm@"^14.0.0"',
    );
  });

  test('a binding outside the range names the installed version', () => {
    const versions: Record<string, string> = { cdktf: '0.21.0', constructs: '10.4.2', '@cdktf/provider-aws': '19.50.0' };
    expect(() => checkPeers('aws', (p) => versions[p])).toThrow(/@cdktf\/provider-aws 19\.50\.0 is installed, outside the supported range \^20\.0\.0 \|\| \^21\.0\.0/);
    expect(() => checkPeers('ibm', (p) => ({ ...versions, cdktf: '0.20.9' })[p])).toThrow(/cdktf 0\.20\.9 is installed.*npm install cdktf@"\^0\.21\.0"/);
  });

  test('loading an entry point without its binding throws the library error, not Node\'s "Cannot find module"', () => {
    // GIVEN the Azure binding is missing (simulated: its manifest cannot be found)
    jest.isolateModules(() => {
      jest.doMock('@cdktf/provider-azurerm/package.json', () => {
        throw Object.assign(new Error("Cannot find module '@cdktf/provider-azurerm/package.json'"), { code: 'MODULE_NOT_FOUND' });
      });
      // WHEN the entry point loads THEN it names the package and the range
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      expect(() => require('../../lib/targets/azure')).toThrow(/npm install @cdktf\/provider-azurerm@"\^14\.0\.0"/);
    });
    jest.dontMock('@cdktf/provider-azurerm/package.json');
  });

  test('caret ranges and alternatives', () => {
    expect(satisfies('21.22.1', '^20.0.0 || ^21.0.0')).toBe(true);
    expect(satisfies('22.0.0', '^20.0.0 || ^21.0.0')).toBe(false);
    expect(satisfies('0.21.5', '^0.21.0')).toBe(true);
    expect(satisfies('0.22.0', '^0.21.0')).toBe(false);
    expect(satisfies('10.4.1', '^10.4.2')).toBe(false);
    expect(satisfies('0.0.3', '^0.0.3')).toBe(true);
    expect(satisfies('0.0.4', '^0.0.3')).toBe(false);
    expect(satisfies('1.2.3', '1.2.3')).toBe(true);
    expect(satisfies('21.0.0-beta.1', '^21.0.0')).toBe(false);
    expect(satisfies('x', '^1.0.0')).toBe(false);
    expect(satisfies('1.0.0', 'latest')).toBe(false);
  });
});
