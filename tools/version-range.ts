/**
 * The lowest version an npm range admits, for the ranges this package writes in `peerDependencies`: exact versions,
 * `^x.y.z`, `~x.y.z`, `>=x.y.z` (optionally followed by an upper bound) and alternatives joined with `||`.
 */
import { FirewallRequirementsError } from '../lib/model/errors';

const VERSION = /^(\d+)\.(\d+)\.(\d+)$/;

/** The lowest version `range` admits; throws for forms it does not read (`*`, `x`, `<` alone, tags). */
export function lowestVersion(range: string, origin = 'peerDependencies'): string {
  const lows = range.split('||').map((alternative) => {
    const first = alternative.trim().split(/\s+/)[0] ?? '';
    const version = /^(\^|~|>=|=)?(.*)$/.exec(first)![2];
    if (!VERSION.test(version)) {
      throw new FirewallRequirementsError(
        'unsupported-range',
        `Cannot read the lowest version of the range "${range}"`,
        range,
        origin,
        'Write it as an exact version, ^x.y.z, ~x.y.z or >=x.y.z (alternatives joined with ||).',
      );
    }
    return version;
  });
  return lows.sort(compareVersions)[0];
}

/** Numeric order of x.y.z versions. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < 3; i++) if (pa[i] !== pb[i]) return pa[i] - pb[i];
  return 0;
}
