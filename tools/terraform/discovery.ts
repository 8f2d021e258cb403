/**
 * Finding the tools an offline `terraform plan` needs: a terraform binary and a local provider mirror (a folder
 * laid out as `<mirror>/registry.terraform.io/<namespace>/<type>/...`, as `terraform providers mirror` writes it).
 * Nothing here is hard-wired to one machine: explicit environment variables win, then a bounded search.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { invalidValue } from '../../lib/model/errors';

/** Environment variable naming the provider mirror: the `registry.terraform.io` folder or the folder holding it. */
export const MIRROR_ENV = 'TF_PROVIDER_MIRROR';
/** Environment variable naming the terraform binary to use instead of the one on the PATH. */
export const TERRAFORM_ENV = 'TERRAFORM_BINARY';
/** The default registry host of provider addresses. */
export const DEFAULT_REGISTRY = 'registry.terraform.io';

/** Folders searched for a mirror when `TF_PROVIDER_MIRROR` is unset, in this order. */
export function defaultMirrorRoots(home: string = os.homedir()): string[] {
  return [
    '/opt',
    '/usr/share',
    '/usr/local/share',
    path.join(home, '.terraform.d'),
    path.join(home, '.local', 'share', 'terraform'),
  ];
}

/** A local filesystem mirror and the providers it holds for one platform. */
export interface ProviderMirror {
  /** The folder to give `filesystem_mirror { path }`: the one that holds `registry.terraform.io`. */
  readonly path: string;
  /** The platform the versions were listed for, e.g. `linux_amd64`. */
  readonly platform: string;
  /** Provider address (`registry.terraform.io/hashicorp/aws`) to its versions for the platform, highest first. */
  readonly providers: ReadonlyMap<string, string[]>;
}

/** The outcome of a mirror search: a mirror, or why there is none. */
export interface MirrorLookup {
  /** @default - none found */
  readonly mirror?: ProviderMirror;
  /** Why no mirror was found (set when `mirror` is not). */
  readonly reason?: string;
}

/** Options of `findProviderMirror`. */
export interface FindMirrorOptions {
  /** Provider addresses the mirror must hold (`hashicorp/aws` or `registry.terraform.io/hashicorp/aws`). */
  readonly required: string[];
  /**
   * Environment to read `TF_PROVIDER_MIRROR` from.
   * @default process.env
   */
  readonly env?: NodeJS.ProcessEnv;
  /**
   * Folders to search when the variable is unset.
   * @default defaultMirrorRoots()
   */
  readonly roots?: string[];
  /**
   * How many folder levels below each root are searched (`/opt/x/registry.terraform.io` is at depth 2).
   * @default 4
   */
  readonly maxDepth?: number;
  /**
   * Most folders read per root, so that a search of a big tree stays fast.
   * @default 5000
   */
  readonly maxFolders?: number;
  /**
   * Terraform platform, e.g. `linux_amd64`.
   * @default terraformPlatform()
   */
  readonly platform?: string;
}

/** The Terraform platform name (`<os>_<arch>`) of this process. */
export function terraformPlatform(platform: string = process.platform, arch: string = process.arch): string {
  const osName = ({ win32: 'windows' } as Record<string, string>)[platform] ?? platform;
  const archName = ({ x64: 'amd64', ia32: '386' } as Record<string, string>)[arch] ?? arch;
  return `${osName}_${archName}`;
}

/**
 * Normalizes a provider source as written in `required_providers` (`aws`, `hashicorp/aws`,
 * `registry.terraform.io/hashicorp/aws`) to its full address, lower case.
 */
export function providerAddress(source: string): string {
  const parts = source.trim().toLowerCase().split('/');
  if (parts.length === 1) return `${DEFAULT_REGISTRY}/hashicorp/${parts[0]}`;
  if (parts.length === 2) return `${DEFAULT_REGISTRY}/${parts[0]}/${parts[1]}`;
  return parts.join('/');
}

/** Compares two versions such as `5.100.0` and `5.9.1` numerically; a pre-release sorts before its release. */
export function compareVersions(a: string, b: string): number {
  const split = (v: string) => {
    const [core, pre] = v.split('-', 2);
    return { nums: core.split('.').map((n) => Number.parseInt(n, 10) || 0), pre };
  };
  const x = split(a);
  const y = split(b);
  for (let i = 0; i < Math.max(x.nums.length, y.nums.length); i++) {
    const d = (x.nums[i] ?? 0) - (y.nums[i] ?? 0);
    if (d !== 0) return d;
  }
  if (x.pre === y.pre) return 0;
  if (x.pre === undefined) return 1;
  if (y.pre === undefined) return -1;
  return x.pre < y.pre ? -1 : 1;
}

/**
 * Whether `version` satisfies a Terraform version constraint (terms joined by commas: `=`, `!=`, `>`, `>=`, `<`,
 * `<=`, `~>`, or a bare version). An unparsable term satisfies nothing.
 */
export function satisfiesConstraint(version: string, constraint: string): boolean {
  return constraint.split(',').every((term) => {
    const m = /^\s*(=|!=|>=|<=|>|<|~>)?\s*v?(\d+(?:\.\d+)*(?:-[0-9A-Za-z.-]+)?)\s*$/.exec(term);
    if (!m) return false;
    const [, op = '=', bound] = m;
    const d = compareVersions(version, bound);
    switch (op) {
      case '=':
        return d === 0;
      case '!=':
        return d !== 0;
      case '>':
        return d > 0;
      case '>=':
        return d >= 0;
      case '<':
        return d < 0;
      case '<=':
        return d <= 0;
      default: {
        // ~> 5.100 allows 5.100 and later 5.x; ~> 5.100.1 allows later 5.100.x only.
        const parts = bound.split('-')[0].split('.');
        const prefix = parts.slice(0, Math.max(1, parts.length - 1));
        const upper = [...prefix.slice(0, -1), String(Number(prefix[prefix.length - 1]) + 1)].join('.');
        return d >= 0 && compareVersions(version, upper) < 0;
      }
    }
  });
}

/**
 * Lists the providers of a mirror folder (the one holding host folders such as `registry.terraform.io`) for one
 * platform, in both layouts Terraform reads: unpacked (`<host>/<ns>/<type>/<version>/<platform>/`) and packed
 * (`<host>/<ns>/<type>/terraform-provider-<type>_<version>_<platform>.zip`).
 */
export function readMirror(mirrorPath: string, platform: string = terraformPlatform()): ProviderMirror {
  const providers = new Map<string, string[]>();
  for (const host of subfolders(mirrorPath)) {
    for (const ns of subfolders(path.join(mirrorPath, host))) {
      for (const type of subfolders(path.join(mirrorPath, host, ns))) {
        const typeDir = path.join(mirrorPath, host, ns, type);
        const versions = new Set<string>();
        for (const entry of safeReaddir(typeDir)) {
          const full = path.join(typeDir, entry.name);
          if (isFolder(full, entry) && isFolder(path.join(full, platform))) versions.add(entry.name);
          const packed = new RegExp(`^terraform-provider-${escapeRegExp(type)}_(.+)_${escapeRegExp(platform)}\\.zip$`).exec(entry.name);
          if (packed && !isFolder(full, entry)) versions.add(packed[1]);
        }
        if (versions.size > 0) providers.set(`${host}/${ns}/${type}`.toLowerCase(), [...versions].sort(compareVersions).reverse());
      }
    }
  }
  return { path: mirrorPath, platform, providers };
}

/** The providers of `required` that `mirror` lacks. */
export function missingProviders(mirror: ProviderMirror, required: readonly string[]): string[] {
  return required.map(providerAddress).filter((a) => (mirror.providers.get(a) ?? []).length === 0);
}

/**
 * Finds a mirror that holds every `required` provider for the platform: the folder `TF_PROVIDER_MIRROR` names
 * (an error when it does not exist or lacks a provider: an explicit setting is never skipped silently), else
 * the first `registry.terraform.io` folder found breadth-first under the roots (names sorted, symbolic links
 * not followed, depth and folder count bounded).
 */
export function findProviderMirror(options: FindMirrorOptions): MirrorLookup {
  const env = options.env ?? process.env;
  const platform = options.platform ?? terraformPlatform();
  const required = options.required.map(providerAddress);
  const explicit = env[MIRROR_ENV]?.trim();
  if (explicit) {
    const resolved = path.resolve(explicit);
    const mirrorPath = path.basename(resolved) === DEFAULT_REGISTRY ? path.dirname(resolved) : resolved;
    if (!isFolder(path.join(mirrorPath, DEFAULT_REGISTRY))) {
      throw invalidValue(
        MIRROR_ENV,
        explicit,
        'the environment',
        `No ${DEFAULT_REGISTRY} folder there: point it at the ${DEFAULT_REGISTRY} folder of a provider mirror (or the folder holding it), e.g. one written by "terraform providers mirror <dir>", or unset it to search ${defaultMirrorRoots().join(', ')}.`,
      );
    }
    const mirror = readMirror(mirrorPath, platform);
    const missing = missingProviders(mirror, required);
    if (missing.length > 0) {
      throw invalidValue(
        MIRROR_ENV,
        explicit,
        'the environment',
        `The mirror lacks ${missing.join(', ')} for ${platform} (it holds ${describeProviders(mirror) || 'no providers'}): add them with "terraform providers mirror -platform=${platform} <dir>" on a connected machine.`,
      );
    }
    return { mirror };
  }
  const roots = options.roots ?? defaultMirrorRoots();
  const maxDepth = options.maxDepth ?? 4;
  const maxFolders = options.maxFolders ?? 5000;
  const rejected: string[] = [];
  for (const root of roots) {
    for (const candidate of searchFolders(root, DEFAULT_REGISTRY, maxDepth, maxFolders)) {
      const mirror = readMirror(path.dirname(candidate), platform);
      const missing = missingProviders(mirror, required);
      if (missing.length === 0) return { mirror };
      rejected.push(`${path.dirname(candidate)} (lacks ${missing.join(', ')})`);
    }
  }
  const wanted = required.join(', ');
  return {
    reason:
      rejected.length > 0
        ? `no provider mirror holds ${wanted} for ${platform}; looked at ${rejected.join('; ')}`
        : `no provider mirror with ${wanted} for ${platform} (set ${MIRROR_ENV}; searched ${roots.join(', ')} to depth ${maxDepth})`,
  };
}

/** Folders named `name` under `root`, breadth-first, at most `maxDepth` levels down and `maxFolders` folders read. */
export function searchFolders(root: string, name: string, maxDepth: number, maxFolders: number): string[] {
  const found: string[] = [];
  let queue: string[] = isFolder(root) ? [root] : [];
  let read = 0;
  for (let depth = 0; depth <= maxDepth && queue.length > 0; depth++) {
    const next: string[] = [];
    for (const dir of queue) {
      if (read++ >= maxFolders) return found;
      for (const entry of safeReaddir(dir)) {
        if (!entry.isDirectory() || SKIPPED_FOLDERS.has(entry.name)) continue; // symbolic links are not followed
        const full = path.join(dir, entry.name);
        if (entry.name === name) found.push(full);
        else next.push(full);
      }
    }
    queue = next;
  }
  return found;
}

const SKIPPED_FOLDERS = new Set(['node_modules', '.git', 'proc', 'sys', '.cache']);

/** The first executable `terraform` on `TERRAFORM_BINARY` or the PATH; an error when the variable names nothing usable. */
export function findTerraformBinary(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const explicit = env[TERRAFORM_ENV]?.trim();
  if (explicit) {
    if (!isExecutable(explicit)) {
      throw invalidValue(TERRAFORM_ENV, explicit, 'the environment', 'Give the path of an executable terraform binary, or unset it to use the terraform on the PATH.');
    }
    return path.resolve(explicit);
  }
  const names = process.platform === 'win32' ? ['terraform.exe'] : ['terraform'];
  for (const dir of (env.PATH ?? '').split(path.delimiter).filter((d) => d !== '')) {
    for (const name of names) {
      const candidate = path.join(dir, name);
      if (isExecutable(candidate)) return candidate;
    }
  }
  return undefined;
}

/** `hashicorp/aws 5.100.0, hashicorp/random 3.6.0`: the highest version of each provider. */
export function describeProviders(mirror: ProviderMirror): string {
  return [...mirror.providers.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([address, versions]) => `${address.replace(`${DEFAULT_REGISTRY}/`, '')} ${versions[0]}`)
    .join(', ');
}

function isExecutable(file: string): boolean {
  try {
    if (!fs.statSync(file).isFile()) return false;
    fs.accessSync(file, fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function isFolder(full: string, entry?: fs.Dirent): boolean {
  if (entry && entry.isDirectory()) return true;
  try {
    return fs.statSync(full).isDirectory();
  } catch {
    return false;
  }
}

function subfolders(dir: string): string[] {
  return safeReaddir(dir)
    .filter((e) => isFolder(path.join(dir, e.name), e))
    .map((e) => e.name);
}

function safeReaddir(dir: string): fs.Dirent[] {
  try {
    return fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  } catch {
    return [];
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
