/**
 * Each cloud entry point checks, when it is loaded and before it loads any of them, the peer packages it needs:
 * a missing provider binding would otherwise surface as Node's bare "Cannot find module
 * '@cdktf/provider-azurerm/lib/route-table'" with no word of what to install. This file imports nothing that may
 * be missing.
 */
import { missingDependency } from '../model/errors';

/** The peer ranges of package.json (a test keeps them equal). */
export const PEER_RANGES: Readonly<Record<string, string>> = {
  cdktf: '^0.21.0',
  constructs: '^10.4.2',
  '@cdktf/provider-aws': '^20.0.0 || ^21.0.0',
  '@cdktf/provider-azurerm': '^14.0.0',
  '@cdktf/provider-google': '^16.0.0',
};

/** The peers each cloud entry point loads. */
export const ENTRY_PEERS: Readonly<Record<string, readonly string[]>> = {
  azure: ['cdktf', 'constructs', '@cdktf/provider-azurerm'],
  google: ['cdktf', 'constructs', '@cdktf/provider-google'],
  aws: ['cdktf', 'constructs', '@cdktf/provider-aws'],
  ibm: ['cdktf', 'constructs'],
};

/** Reads the version of an installed package; undefined when it is not installed. */
export type VersionReader = (pkg: string) => string | undefined;

/** The installed version, from the package's manifest as Node resolves it from this package. */
export function installedVersion(pkg: string): string | undefined {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const manifest = require(`${pkg}/package.json`) as { version?: unknown };
    return typeof manifest.version === 'string' ? manifest.version : '';
  } catch (e) {
    const code = (e as { code?: unknown }).code;
    if (code === 'MODULE_NOT_FOUND' || code === 'ERR_PACKAGE_PATH_NOT_EXPORTED') return undefined;
    throw e;
  }
}

/**
 * Throws the library's `missing-dependency` error for the first peer of `entry` that is missing or outside its
 * range, naming the package and the range to install.
 */
export function checkPeers(entry: string, read: VersionReader = installedVersion): void {
  for (const pkg of ENTRY_PEERS[entry] ?? []) {
    const range = PEER_RANGES[pkg];
    const version = read(pkg);
    if (version === undefined || !satisfies(version, range)) {
      throw missingDependency(pkg, range, `cdktf-firewall-requirements/${entry}`, version);
    }
  }
}

/**
 * Whether `version` satisfies `range`, for the range forms package.json uses here: alternatives joined by `||`,
 * each a caret range (`^1.2.3`, `^0.21.0`) or an exact version. A prerelease never satisfies.
 */
export function satisfies(version: string, range: string): boolean {
  const v = parse(version);
  if (!v) return false;
  return range.split('||').some((part) => {
    const text = part.trim();
    const caret = text.startsWith('^');
    const low = parse(caret ? text.slice(1) : text);
    if (!low) return false;
    if (!caret) return compare(v, low) === 0;
    if (compare(v, low) < 0) return false;
    // ^1.2.3: < 2.0.0; ^0.21.0: < 0.22.0; ^0.0.3: < 0.0.4
    const high = low[0] > 0 ? [low[0] + 1, 0, 0] : low[1] > 0 ? [0, low[1] + 1, 0] : [0, 0, low[2] + 1];
    return compare(v, high) < 0;
  });
}

function parse(text: string): number[] | undefined {
  const m = /^(\d+)\.(\d+)\.(\d+)$/.exec(text.trim());
  return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : undefined;
}

function compare(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < 3; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return 0;
}
