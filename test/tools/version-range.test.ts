import * as fs from 'fs';
import * as path from 'path';
import { FirewallRequirementsError } from '../../lib/model/errors';
import { compareVersions, lowestVersion } from '../../tools/version-range';

// Read, not imported: importing package.json would make tsc copy it into dist/, where Node would take it for the
// package's own manifest when the examples import the package by name.
const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8'));

describe('lowestVersion', () => {
  test.each([
    ['0.21.0', '0.21.0'],
    ['^14.0.0', '14.0.0'],
    ['~5.9.3', '5.9.3'],
    ['>=20.0.0 <22.0.0', '20.0.0'],
    ['^21.0.0 || ^20.0.0', '20.0.0'],
    ['^10.4.2 || ^9.10.0', '9.10.0'],
  ])('%s -> %s', (range, lowest) => {
    expect(lowestVersion(range)).toBe(lowest);
  });

  test.each(['*', 'latest', '^14', '<22.0.0', '14.x', ''])('refuses %j', (range) => {
    expect(() => lowestVersion(range, 'peerDependencies.x')).toThrow(FirewallRequirementsError);
    expect(() => lowestVersion(range, 'peerDependencies.x')).toThrow(/Cannot read the lowest version .*from peerDependencies\.x/);
  });

  test('orders versions numerically', () => {
    expect(['10.0.0', '9.10.0', '9.9.1'].sort(compareVersions)).toEqual(['9.9.1', '9.10.0', '10.0.0']);
  });

  test('every peer range has a lowest version, at or below the version the project develops against', () => {
    const dev = pkg.devDependencies as Record<string, string>;
    for (const [name, range] of Object.entries(pkg.peerDependencies as Record<string, string>)) {
      const lowest = lowestVersion(range, `peerDependencies.${name}`);
      expect(compareVersions(lowest, lowestVersion(dev[name]))).toBeLessThanOrEqual(0);
    }
  });
});
