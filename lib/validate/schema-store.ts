import * as fs from 'fs';
import * as path from 'path';
import { BUILTIN_SCHEMA, BUILTIN_SOURCE } from './builtin-schema';
import { loadSchemaFile } from './schema-file';
import { deriveProviderSchema, JsiiAssembly } from './jsii-schema';
import { ProviderSchema } from './provider-schema';
import { invalidValue } from '../model/errors';
import { PACKAGE_NAME, packageInfo } from '../package-info';
import { isDanglingLink } from './files';

/** Bump when the derived schema's shape or the derivation changes, so stale cache files are ignored. */
const CACHE_FORMAT = 1;

/** Options for {@link SchemaStore}. */
export interface SchemaStoreOptions {
  /**
   * Folder for derived provider schemas, one file per provider package name and version.
   * @default - `node_modules/.cache/cdktf-firewall-requirements` of the node_modules that holds the provider package
   */
  readonly cacheDir?: string;
  /**
   * Folders from which provider packages (`@cdktf/provider-<name>`) are resolved, in order.
   * @default - the current working directory, then this package's own location
   */
  readonly searchPaths?: readonly string[];
  /**
   * Folder of schema files for providers without a cdktf binding, one `<provider name>.json` each
   * (e.g. `ibm.json` for `IBM-Cloud/ibm`).
   * @default - the `schemas` folder of this package
   */
  readonly schemaDir?: string;
  /**
   * Keep loaded schemas in memory for later `load` calls (for many validations in one process, e.g. tests).
   * @default false - every load reads the cache again, so only one provider schema is held at a time
   */
  readonly keepLoaded?: boolean;
}

/** How one provider schema was obtained, for timing reports. */
export interface SchemaLoad {
  /** Provider source, e.g. `hashicorp/aws`. */
  readonly source: string;
  /** Package or file the schema came from. */
  readonly origin: string;
  /** `derived` (jsii assembly parsed), `cached` (read from the cache folder) or `file` (project schema file). */
  readonly how: SchemaLoadKind;
  /** Wall-clock milliseconds spent. */
  readonly millis: number;
}

/** How a schema was obtained. */
export enum SchemaLoadKind {
  /** Parsed from the provider package's jsii assembly (cold). */
  DERIVED = 'derived',
  /** Read from the on-disk cache (warm). */
  CACHED = 'cached',
  /** Read from a schema file kept in the project. */
  FILE = 'file',
}

interface CacheFile {
  readonly format: number;
  readonly package: string;
  readonly packageVersion: string;
  readonly assemblyBytes: number;
  readonly schema: ProviderSchema;
}

interface ProviderPackage {
  readonly name: string;
  readonly version: string;
  readonly dir: string;
  readonly source: string;
  readonly providerVersion: string;
}

/**
 * Finds the argument schema of a provider: from the installed cdktf binding (`@cdktf/provider-<name>`),
 * deriving it from the package's jsii assembly once per package version and caching the result on disk,
 * or from a schema file kept in the project for providers without a binding.
 */
export class SchemaStore {
  private readonly loads: SchemaLoad[] = [];
  private readonly loaded = new Map<string, ProviderSchema | undefined>();

  /**
   * @throws FirewallRequirementsError when `schemaDir` is not an existing folder or `cacheDir` exists but is not a folder
   */
  constructor(private readonly options: SchemaStoreOptions = {}) {
    if (options.schemaDir !== undefined) {
      const problem = folderProblem(options.schemaDir, false);
      if (problem) {
        throw invalidValue('schema folder', options.schemaDir, 'option schemaDir (--schema-dir)', `${problem}. Pass the folder that holds the <provider>.json schema files, or leave it out to use the schemas shipped with the package.`, 'not-found');
      }
    }
    if (options.cacheDir !== undefined) {
      const problem = folderProblem(options.cacheDir, true);
      if (problem) {
        throw invalidValue('cache folder', options.cacheDir, 'option cacheDir (--cache-dir)', `${problem}. Pass a folder (it is created when missing), or leave it out to cache under node_modules/.cache.`, 'not-a-folder');
      }
    }
  }

  /**
   * Why there is no schema for `source` and what would provide one: the cdktf binding to install (for
   * `hashicorp/*` providers) or the schema file to add.
   */
  public explainMissing(source: string): string {
    const normalized = normalizeSource(source);
    const name = providerName(normalized);
    const schemaDir = this.options.schemaDir ?? defaultSchemaDir();
    const file = schemaDir ? `add the schema file ${name}.json to ${schemaDir}` : `pass --schema-dir with a schema file ${name}.json`;
    if (normalized.startsWith('hashicorp/')) {
      return `no schema: install @cdktf/provider-${name} where validate runs (npm install --save-dev @cdktf/provider-${name}), or ${file}`;
    }
    return `no schema: ${file} (format: schemas/README.md of ${PACKAGE_NAME})`;
  }

  /** Every schema load so far, in order. */
  public get history(): readonly SchemaLoad[] {
    return [...this.loads];
  }

  /**
   * The schema of the provider with this source address (`hashicorp/aws`, `aws`, `registry.terraform.io/IBM-Cloud/ibm`),
   * or undefined when neither a binding nor a schema file exists for it.
   */
  public load(source: string): ProviderSchema | undefined {
    const normalized = normalizeSource(source);
    if (normalized === BUILTIN_SOURCE) return BUILTIN_SCHEMA;
    if (this.loaded.has(normalized)) return this.loaded.get(normalized);
    const schema = this.find(normalized);
    if (this.options.keepLoaded) this.loaded.set(normalized, schema);
    return schema;
  }

  private find(normalized: string): ProviderSchema | undefined {
    const started = Date.now();
    const pkg = this.findPackage(normalized);
    if (pkg) {
      const cacheFile = path.join(this.cacheDirFor(pkg), `${pkg.name.replace(/^@/, '').replace(/\//g, '__')}@${pkg.version}.schema-v${CACHE_FORMAT}.json`);
      const assemblyFile = path.join(pkg.dir, '.jsii');
      const assemblyBytes = fs.statSync(assemblyFile).size;
      const cached = readCache(cacheFile, pkg, assemblyBytes);
      if (cached) {
        this.loads.push({ source: normalized, origin: cached.origin, how: SchemaLoadKind.CACHED, millis: Date.now() - started });
        return cached;
      }
      const schema = deriveFromAssembly(assemblyFile, pkg);
      writeCache(cacheFile, { format: CACHE_FORMAT, package: pkg.name, packageVersion: pkg.version, assemblyBytes, schema });
      this.loads.push({ source: normalized, origin: schema.origin, how: SchemaLoadKind.DERIVED, millis: Date.now() - started });
      return schema;
    }
    const schemaDir = this.options.schemaDir ?? defaultSchemaDir();
    const file = schemaDir ? path.join(schemaDir, `${providerName(normalized)}.json`) : undefined;
    if (file && fs.existsSync(file)) {
      const schema = loadSchemaFile(file, normalized);
      this.loads.push({ source: normalized, origin: schema.origin, how: SchemaLoadKind.FILE, millis: Date.now() - started });
      return schema;
    }
    return undefined;
  }

  private findPackage(source: string): ProviderPackage | undefined {
    const [namespace, name] = source.split('/');
    if (namespace !== 'hashicorp') return undefined;
    const packageName = `@cdktf/provider-${name}`;
    for (const from of this.options.searchPaths ?? [process.cwd(), __dirname]) {
      let manifestFile: string;
      try {
        manifestFile = require.resolve(`${packageName}/package.json`, { paths: [from] });
      } catch {
        continue;
      }
      const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8'));
      const provider = manifest.cdktf?.provider ?? {};
      const providerSource = normalizeSource(String(provider.name ?? source));
      if (providerSource !== source) continue;
      return {
        name: manifest.name,
        version: manifest.version,
        dir: path.dirname(manifestFile),
        source: providerSource,
        providerVersion: String(provider.version ?? 'unknown'),
      };
    }
    return undefined;
  }

  private cacheDirFor(pkg: ProviderPackage): string {
    if (this.options.cacheDir) return this.options.cacheDir;
    // <root>/node_modules/@cdktf/provider-aws -> <root>/node_modules/.cache/<tool>
    const nodeModules = path.resolve(pkg.dir, pkg.name.startsWith('@') ? '../..' : '..');
    return path.join(nodeModules, '.cache', PACKAGE_NAME);
  }
}

/** Why `dir` cannot serve as a folder, or undefined when it can (`mayBeMissing`: a missing folder is fine). */
function folderProblem(dir: string, mayBeMissing: boolean): string | undefined {
  if (dir.trim() === '') return 'It is empty';
  let stat: fs.Stats;
  try {
    stat = fs.statSync(dir);
  } catch {
    if (isDanglingLink(dir)) return 'It is a broken symbolic link';
    return mayBeMissing ? undefined : 'It does not exist';
  }
  return stat.isDirectory() ? undefined : 'It is a file, not a folder';
}

/** `aws` / `hashicorp/aws` / `registry.terraform.io/hashicorp/aws` all mean `hashicorp/aws`. */
export function normalizeSource(source: string): string {
  if (source === 'terraform' || /(^|\/)builtin\/terraform$/.test(source)) return BUILTIN_SOURCE;
  const parts = source.toLowerCase().split('/');
  if (parts.length === 1) return `hashicorp/${parts[0]}`;
  return parts.slice(-2).join('/');
}

function providerName(source: string): string {
  return source.split('/').pop()!;
}

function deriveFromAssembly(assemblyFile: string, pkg: ProviderPackage): ProviderSchema {
  // Decoded as latin1: a one-byte string (half the memory of UTF-8 decoding, and faster). Only doc prose holds
  // non-ASCII bytes; every name and link the derivation reads is ASCII.
  let assembly: JsiiAssembly | undefined = JSON.parse(fs.readFileSync(assemblyFile).toString('latin1')) as JsiiAssembly;
  const schema = deriveProviderSchema(assembly, { source: pkg.source, version: pkg.providerVersion });
  assembly = undefined; // let the few hundred MB of parsed assembly go before the caller moves on
  return schema;
}

function readCache(file: string, pkg: ProviderPackage, assemblyBytes: number): ProviderSchema | undefined {
  let parsed: CacheFile;
  try {
    parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as CacheFile;
  } catch {
    return undefined; // missing or half-written: derive again
  }
  const current =
    parsed.format === CACHE_FORMAT &&
    parsed.package === pkg.name &&
    parsed.packageVersion === pkg.version &&
    parsed.assemblyBytes === assemblyBytes &&
    parsed.schema?.resources !== undefined;
  return current ? parsed.schema : undefined;
}

function writeCache(file: string, content: CacheFile): void {
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    // Write then rename, so a concurrent reader never sees half a file.
    const temp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(temp, JSON.stringify(content));
    fs.renameSync(temp, file);
  } catch {
    // A read-only node_modules only costs the next run another derivation.
  }
}

/** The `schemas` folder shipped with this package (found from this file, in the source tree or in dist). */
function defaultSchemaDir(): string | undefined {
  const info = packageInfo();
  return info ? path.join(info.root, 'schemas') : undefined;
}
