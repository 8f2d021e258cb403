import * as fs from 'fs';
import * as path from 'path';
import { BUILTIN_SCHEMA, BUILTIN_SOURCE } from './builtin-schema';
import { loadSchemaFile } from './schema-file';
import { deriveProviderSchema, JsiiAssembly } from './jsii-schema';
import { ProviderSchema } from './provider-schema';

/** Bump when the derived schema's shape or the derivation changes, so stale cache files are ignored. */
const CACHE_FORMAT = 1;
const TOOL_NAME = 'cdktf-firewall-requirements';

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

  constructor(private readonly options: SchemaStoreOptions = {}) {}

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
    return path.join(nodeModules, '.cache', TOOL_NAME);
  }
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
  let dir = __dirname;
  for (;;) {
    const manifest = path.join(dir, 'package.json');
    if (fs.existsSync(manifest)) {
      try {
        if (JSON.parse(fs.readFileSync(manifest, 'utf8')).name === TOOL_NAME) return path.join(dir, 'schemas');
      } catch {
        // not ours; keep walking up
      }
    }
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}
