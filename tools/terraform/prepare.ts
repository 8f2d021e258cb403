/**
 * Making a copy of a Terraform configuration plannable offline: provider version pins relaxed to what the mirror
 * holds, provider blocks given fake static credentials and told not to call AWS, backends removed, and a value for
 * every root variable without a default. Works on the JSON syntax (`*.tf.json`, what cdktf and the exporter
 * write) of a root module and the child modules in its subfolders; HCL `*.tf` files are copied unchanged.
 * The original directory is never written to.
 */
import * as fs from 'fs';
import * as path from 'path';
import { FirewallRequirementsError, invalidValue } from '../../lib/model/errors';
import { DEFAULT_REGISTRY, ProviderMirror, providerAddress, satisfiesConstraint } from './discovery';

/** The AWS provider address. */
export const AWS_PROVIDER = `${DEFAULT_REGISTRY}/hashicorp/aws`;

/** Arguments that make a provider block work without network access or real credentials, per provider address. */
export const OFFLINE_PROVIDER_SETTINGS: Readonly<Record<string, Readonly<Record<string, unknown>>>> = {
  [AWS_PROVIDER]: {
    // AWS's documentation example key pair: static, so no credential chain (profiles, IMDS, SSO) is consulted.
    access_key: 'AKIAIOSFODNN7EXAMPLE',
    secret_key: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
    skip_credentials_validation: true,
    skip_requesting_account_id: true,
    skip_metadata_api_check: true,
    skip_region_validation: true,
  },
};

/** Provider arguments removed before the offline settings are added: they would make the provider reach out. */
export const ONLINE_PROVIDER_ARGUMENTS: Readonly<Record<string, readonly string[]>> = {
  [AWS_PROVIDER]: [
    'access_key',
    'secret_key',
    'token',
    'profile',
    'assume_role',
    'assume_role_with_web_identity',
    'shared_config_files',
    'shared_credentials_files',
    'custom_ca_bundle',
    'sts_region',
    'endpoints',
  ],
};

/** Region given to an AWS provider block that has none. */
export const DEFAULT_OFFLINE_REGION = 'us-east-1';

/** Name of the variable file written into the copy. */
export const VARIABLES_FILE = 'zz-offline-check.auto.tfvars.json';
/** Name of the file that adds provider blocks a root module lacks. */
export const PROVIDERS_FILE = 'zz-offline-check-providers.tf.json';
/** Offline settings for provider blocks written in HCL, merged into them by Terraform (an override file). */
export const OVERRIDE_FILE = 'zz-offline-check_override.tf.json';

/** Files and folders never copied: state, lock files, plans and earlier initializations. */
const NOT_COPIED = /^(\.terraform|\.terraform\.lock\.hcl|terraform\.tfstate.*|.*\.tfplan|tfplan)$/;

/** What one module's JSON files require and declare. */
export interface ModuleFacts {
  /** Local provider name to address, from `required_providers`, provider blocks and resource types. */
  readonly providers: Map<string, string>;
  /** Root variables without a default: name to type expression (`any` when untyped). */
  readonly variablesWithoutDefault: Map<string, string>;
  /** `resource` blocks, when none uses `count` or `for_each` (otherwise undefined). */
  readonly resources: number | undefined;
  /** Whether the module calls other modules. */
  readonly callsModules: boolean;
}

/** Everything about a prepared copy that the check needs. */
export interface PreparedDirectory {
  /** The copy. */
  readonly dir: string;
  /** Addresses of every provider the root and child modules need, sorted. */
  readonly providers: string[];
  /** Values written for root variables without a default. */
  readonly variables: Record<string, unknown>;
  /** Resources the plan should create: the root module's resource blocks, when countable. */
  readonly expectedResources: number | undefined;
  /** What was changed, one line each, for the report. */
  readonly changes: string[];
}

/** Options of `prepareOfflineCopy`. */
export interface PrepareOptions {
  /** The mirror whose versions the pins are relaxed to. */
  readonly mirror: ProviderMirror;
  /**
   * Values for root variables, used instead of the derived placeholders (unknown names are ignored).
   * @default {}
   */
  readonly variables?: Record<string, unknown>;
  /**
   * Region of an AWS provider block that has none.
   * @default 'us-east-1'
   */
  readonly defaultRegion?: string;
}

/**
 * Copies `source` (a root module, child modules in subfolders) to `dest` and rewrites the copy for an offline
 * plan. Throws a `FirewallRequirementsError` when `source` is not a folder or a `*.tf.json` file does not parse.
 */
export function prepareOfflineCopy(source: string, dest: string, options: PrepareOptions): PreparedDirectory {
  if (!fs.existsSync(source) || !fs.statSync(source).isDirectory()) {
    throw invalidValue('Terraform directory', source, 'terraform check', 'Give a folder that holds a root module (*.tf.json or *.tf files), e.g. cdktf.out/stacks/<stack>.');
  }
  copyTree(source, dest);
  const changes: string[] = [];
  const files = jsonConfigFiles(dest);
  const parsed = files.map((file) => ({ file, json: readJson(file, path.join(source, path.relative(dest, file))) }));
  const root = parsed.filter((p) => path.dirname(p.file) === dest);
  if (root.length === 0 && !fs.readdirSync(dest).some((f) => f.endsWith('.tf'))) {
    throw invalidValue('Terraform directory', source, 'terraform check', 'It holds no *.tf.json or *.tf file: give the folder of the root module.');
  }
  const rootFacts = moduleFacts(root.map((p) => p.json));
  const allProviders = new Map<string, string>();
  for (const p of parsed) for (const [name, address] of moduleFacts([p.json]).providers) allProviders.set(`${path.dirname(p.file)}:${name}`, address);
  const neededAddresses = () => new Set(allProviders.values());

  for (const p of parsed) {
    const where = path.relative(dest, p.file);
    const localNames = moduleFacts(parsed.filter((q) => path.dirname(q.file) === path.dirname(p.file)).map((q) => q.json)).providers;
    for (const line of relaxVersionPins(p.json, options.mirror)) changes.push(`${where}: ${line}`);
    for (const line of makeProvidersOffline(p.json, localNames, options.defaultRegion)) changes.push(`${where}: ${line}`);
    for (const line of removeBackend(p.json)) changes.push(`${where}: ${line}`);
    fs.writeFileSync(p.file, `${JSON.stringify(p.json, null, 2)}\n`);
  }

  // Providers the modules use that the root configures nowhere get a root block, so that the offline settings apply.
  // A provider block written in HCL (a hand-written root module) gets them through an override file instead, which
  // Terraform merges into that block.
  const hcl = hclRootFacts(dest);
  const rootBlocks = new Set([...Object.keys(providerBlocks(root.map((p) => p.json))), ...hcl.providers]);
  const overrides: Record<string, unknown> = {};
  for (const name of hcl.providers) {
    const address = [...neededAddresses()].find((a) => a.split('/').pop() === name);
    if (address === undefined || OFFLINE_PROVIDER_SETTINGS[address] === undefined) continue;
    overrides[name] = { ...OFFLINE_PROVIDER_SETTINGS[address] };
    changes.push(`${OVERRIDE_FILE}: offline settings for the HCL provider block ${name}`);
  }
  if (Object.keys(overrides).length > 0) fs.writeFileSync(path.join(dest, OVERRIDE_FILE), `${JSON.stringify({ provider: overrides }, null, 2)}\n`);
  for (const [name, type] of hcl.variablesWithoutDefault) rootFacts.variablesWithoutDefault.set(name, type);
  const missingBlocks: Record<string, unknown[]> = {};
  for (const address of [...neededAddresses()].sort()) {
    if (OFFLINE_PROVIDER_SETTINGS[address] === undefined) continue;
    const localName = [...rootFacts.providers.entries()].find(([, a]) => a === address)?.[0] ?? address.split('/').pop()!;
    if (rootBlocks.has(localName)) continue;
    missingBlocks[localName] = [offlineProviderConfig(address, {}, options.defaultRegion)];
    changes.push(`${PROVIDERS_FILE}: added an offline provider block for ${localName}`);
  }
  if (Object.keys(missingBlocks).length > 0) fs.writeFileSync(path.join(dest, PROVIDERS_FILE), `${JSON.stringify({ provider: missingBlocks }, null, 2)}\n`);

  const variables = variableValues(rootFacts.variablesWithoutDefault, options.variables ?? {});
  if (Object.keys(variables).length > 0) {
    fs.writeFileSync(path.join(dest, VARIABLES_FILE), `${JSON.stringify(variables, null, 2)}\n`);
    changes.push(`${VARIABLES_FILE}: values for ${Object.keys(variables).join(', ')}`);
  }
  return {
    dir: dest,
    providers: [...neededAddresses()].sort(),
    variables,
    // Resources in HCL files or in called modules are not counted here; then the plan's own count stands.
    expectedResources: rootFacts.callsModules || hcl.files > 0 ? undefined : rootFacts.resources,
    changes,
  };
}

/**
 * The provider blocks and the variables without a default of the root module's HCL files (`*.tf`), read with a
 * small scanner: enough for hand-written root modules (top-level `provider "x" {` and `variable "x" {` blocks).
 */
export function hclRootFacts(dir: string): { files: number; providers: string[]; variablesWithoutDefault: Map<string, string> } {
  const providers = new Set<string>();
  const variablesWithoutDefault = new Map<string, string>();
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.tf')).sort();
  for (const file of files) {
    const text = fs.readFileSync(path.join(dir, file), 'utf8').replace(/^\s*#.*$/gm, '');
    for (const m of text.matchAll(/^provider\s+"([^"]+)"\s*\{([\s\S]*?)^\}/gm)) {
      if (!/^\s*alias\s*=/m.test(m[2])) providers.add(m[1]);
    }
    for (const m of text.matchAll(/^variable\s+"([^"]+)"\s*\{([\s\S]*?)^\}/gm)) {
      if (/^\s*default\s*=/m.test(m[2])) continue;
      variablesWithoutDefault.set(m[1], /^\s*type\s*=\s*(.+?)\s*$/m.exec(m[2])?.[1] ?? 'any');
    }
  }
  return { files: files.length, providers: [...providers].sort(), variablesWithoutDefault };
}

/** What a module (its JSON files together) requires and declares. */
export function moduleFacts(jsons: readonly any[]): ModuleFacts {
  const providers = new Map<string, string>();
  const variablesWithoutDefault = new Map<string, string>();
  let resources: number | undefined = 0;
  let callsModules = false;
  const implied = (name: string) => {
    if (!providers.has(name)) providers.set(name, providerAddress(name));
  };
  for (const json of jsons) {
    for (const block of asArray(json?.terraform)) {
      for (const rp of asArray(block?.required_providers)) {
        for (const [name, spec] of Object.entries(rp ?? {})) {
          const source = typeof spec === 'object' && spec !== null && typeof (spec as any).source === 'string' ? (spec as any).source : name;
          providers.set(name, providerAddress(source));
        }
      }
    }
  }
  for (const json of jsons) {
    for (const name of Object.keys(json?.provider ?? {})) implied(name);
    for (const kind of ['resource', 'data']) {
      for (const [type, byName] of Object.entries(json?.[kind] ?? {})) {
        implied(type.split('_')[0]);
        if (kind !== 'resource') continue;
        for (const body of Object.values(byName as Record<string, unknown>)) {
          for (const b of asArray(body)) {
            if (resources !== undefined && b && typeof b === 'object' && ('count' in b || 'for_each' in b)) resources = undefined;
            else if (resources !== undefined) resources++;
          }
        }
      }
    }
    for (const [name, body] of Object.entries(json?.variable ?? {})) {
      const v = asArray(body)[0] as any;
      if (v && typeof v === 'object' && 'default' in v) continue;
      variablesWithoutDefault.set(name, typeof v?.type === 'string' ? v.type : 'any');
    }
    if (Object.keys(json?.module ?? {}).length > 0) callsModules = true;
  }
  return { providers, variablesWithoutDefault, resources, callsModules };
}

/**
 * Sets every `required_providers` version of a provider the mirror holds to the mirror's (highest) version, unless
 * it is a range that version satisfies (e.g. one set with `ProviderVersionConstraint`): that one is kept, so that
 * `terraform init` resolves the constraint itself.
 */
export function relaxVersionPins(json: any, mirror: ProviderMirror): string[] {
  const changes: string[] = [];
  for (const block of asArray(json?.terraform)) {
    for (const rp of asArray(block?.required_providers)) {
      if (!rp || typeof rp !== 'object') continue;
      for (const [name, spec] of Object.entries(rp as Record<string, any>)) {
        const source = spec && typeof spec === 'object' && typeof spec.source === 'string' ? spec.source : name;
        const address = providerAddress(source);
        const version = mirror.providers.get(address)?.[0];
        if (version === undefined) continue;
        const before = typeof spec === 'string' ? spec : spec?.version;
        if (before === version) continue;
        if (typeof before === 'string' && !/^\s*=?\s*\d+(\.\d+)*\s*$/.test(before) && satisfiesConstraint(version, before)) continue;
        (rp as Record<string, unknown>)[name] = typeof spec === 'object' && spec !== null ? { ...spec, version } : { source: address, version };
        changes.push(`${name} version ${before === undefined ? '(unpinned)' : JSON.stringify(before)} -> "${version}" (the mirror's)`);
      }
    }
  }
  return changes;
}

/** Gives every block of a provider with offline settings fake static credentials and the skip flags; keeps the region. */
export function makeProvidersOffline(json: any, localNames: ReadonlyMap<string, string>, defaultRegion?: string): string[] {
  const changes: string[] = [];
  for (const [name, blocks] of Object.entries(json?.provider ?? {})) {
    const address = localNames.get(name) ?? providerAddress(name);
    if (OFFLINE_PROVIDER_SETTINGS[address] === undefined) continue;
    const list = asArray(blocks);
    const rewritten = list.map((b) => offlineProviderConfig(address, (b ?? {}) as Record<string, unknown>, defaultRegion));
    json.provider[name] = Array.isArray(blocks) ? rewritten : rewritten[0];
    changes.push(`provider ${name}: ${list.length} block(s) given offline credentials and skip flags`);
  }
  return changes;
}

/** One provider block with the online arguments removed and the offline settings added. */
export function offlineProviderConfig(address: string, block: Record<string, unknown>, defaultRegion = DEFAULT_OFFLINE_REGION): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const online = new Set(ONLINE_PROVIDER_ARGUMENTS[address] ?? []);
  for (const [k, v] of Object.entries(block)) if (!online.has(k)) out[k] = v;
  if (address === AWS_PROVIDER && (out.region === undefined || out.region === null || out.region === '')) out.region = defaultRegion;
  return { ...out, ...OFFLINE_PROVIDER_SETTINGS[address] };
}

/** Removes `backend` and `cloud` from the `terraform` block: the copy keeps its (empty) state locally. */
export function removeBackend(json: any): string[] {
  const changes: string[] = [];
  for (const block of asArray(json?.terraform)) {
    if (!block || typeof block !== 'object') continue;
    for (const key of ['backend', 'cloud']) {
      if (key in block) {
        const kind = key === 'backend' ? Object.keys(block.backend ?? {}).join(', ') : 'HCP Terraform';
        delete block[key];
        changes.push(`removed ${key} (${kind})`);
      }
    }
  }
  return changes;
}

/** Values for variables without a default: the given ones, else placeholders derived from type and name. */
export function variableValues(variables: ReadonlyMap<string, string>, given: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const name of [...variables.keys()].sort()) {
    out[name] = Object.prototype.hasOwnProperty.call(given, name) ? given[name] : placeholderValue(parseTypeExpression(variables.get(name)!, name), name);
  }
  return out;
}

/** A parsed Terraform type constraint. */
export type TerraformType =
  | { readonly kind: 'string' | 'number' | 'bool' | 'any' }
  | { readonly kind: 'list' | 'set' | 'map'; readonly element: TerraformType }
  | { readonly kind: 'object'; readonly attributes: ReadonlyArray<{ name: string; type: TerraformType; optional: boolean }> }
  | { readonly kind: 'tuple'; readonly elements: readonly TerraformType[] };

/**
 * Parses a type constraint such as `list(string)`, `map(object({ cidr = string, ports = optional(list(number), []) }))`
 * or `tuple([string, number])` (a `${...}` wrapper is accepted). Throws a `FirewallRequirementsError` naming the
 * variable on anything else.
 */
export function parseTypeExpression(text: string, variable: string): TerraformType {
  const source = text.trim().replace(/^\$\{([\s\S]*)\}$/, '$1');
  const tokens = source.match(/[A-Za-z_][A-Za-z0-9_-]*|"(?:[^"\\]|\\.)*"|-?[0-9.]+|[(){}[\]=,:]|\S/g) ?? [];
  let i = 0;
  const fail = (why: string): FirewallRequirementsError =>
    invalidValue(`type of variable ${variable}`, text, 'terraform check', `${why.charAt(0).toUpperCase()}${why.slice(1)}. Give the variable a default, or pass its value in the variables option.`);
  const expect = (t: string) => {
    if (tokens[i] !== t) throw fail(`expected "${t}" at "${tokens.slice(i).join(' ') || 'the end'}"`);
    i++;
  };
  // Skips one expression (an optional() default), balancing brackets.
  const skipExpression = () => {
    let depth = 0;
    while (i < tokens.length) {
      const t = tokens[i];
      if (depth === 0 && (t === ',' || t === ')' || t === '}' || t === ']')) return;
      if (t === '(' || t === '{' || t === '[') depth++;
      if (t === ')' || t === '}' || t === ']') depth--;
      i++;
    }
  };
  const parse = (): TerraformType => {
    const word = tokens[i++];
    switch (word) {
      case 'string':
      case 'number':
      case 'bool':
      case 'any':
        return { kind: word };
      case 'list':
      case 'set':
      case 'map': {
        expect('(');
        const element = parse();
        expect(')');
        return { kind: word, element };
      }
      case 'tuple': {
        expect('(');
        expect('[');
        const elements: TerraformType[] = [];
        while (tokens[i] !== ']') {
          elements.push(parse());
          if (tokens[i] === ',') i++;
          else if (tokens[i] !== ']') throw fail('expected "," or "]" in tuple');
        }
        expect(']');
        expect(')');
        return { kind: 'tuple', elements };
      }
      case 'object': {
        expect('(');
        expect('{');
        const attributes: Array<{ name: string; type: TerraformType; optional: boolean }> = [];
        while (tokens[i] !== '}') {
          const name = (tokens[i++] ?? '').replace(/^"|"$/g, '');
          if (!/^[A-Za-z_][A-Za-z0-9_-]*$/.test(name)) throw fail(`bad attribute name "${name}"`);
          if (tokens[i] !== '=' && tokens[i] !== ':') throw fail(`expected "=" after ${name}`);
          i++;
          let optional = false;
          let type: TerraformType;
          if (tokens[i] === 'optional') {
            i++;
            expect('(');
            optional = true;
            type = parse();
            if (tokens[i] === ',') {
              i++;
              skipExpression();
            }
            expect(')');
          } else type = parse();
          attributes.push({ name, type, optional });
          if (tokens[i] === ',') i++;
          else if (tokens[i] !== '}') throw fail('expected "," or "}" in object');
        }
        expect('}');
        expect(')');
        return { kind: 'object', attributes };
      }
      default:
        throw fail(`unknown type "${word ?? ''}"`);
    }
  };
  if (tokens.length === 0) throw fail('the type is empty');
  const type = parse();
  if (i !== tokens.length) throw fail(`unexpected "${tokens.slice(i).join(' ')}" after the type`);
  return type;
}

/**
 * A plausible value of `type` for a variable called `name`: AWS-shaped ids for `vpc_id`, `subnet_ids`,
 * `security_group_id`, ARNs for `*_arn`, CIDRs for `*cidr*`, and so on; two distinct elements in collections.
 */
export function placeholderValue(type: TerraformType, name: string, index = 0): unknown {
  switch (type.kind) {
    case 'string':
    case 'any':
      return placeholderString(name, index);
    case 'number':
      return /port/i.test(name) ? 443 + index : 1 + index;
    case 'bool':
      return false;
    case 'list':
    case 'set':
      return [0, 1].map((n) => placeholderValue(type.element, singular(name), n));
    case 'map':
      return { example: placeholderValue(type.element, name, index) };
    case 'tuple':
      return type.elements.map((t, n) => placeholderValue(t, name, n));
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const a of type.attributes) out[a.name] = placeholderValue(a.type, a.name, index);
      return out;
    }
  }
}

/** A string that passes the provider's format checks for what the name suggests. */
export function placeholderString(name: string, index = 0): string {
  const n = name.toLowerCase();
  const hex = `0123456789abcdef${index.toString(16)}`.slice(-17);
  const rules: Array<[RegExp, () => string]> = [
    [/arn$/, () => `arn:aws:iam::123456789012:role/example-${index}`],
    [/cidr/, () => (/v6/.test(n) ? `2001:db8:${index}::/48` : `10.${index}.0.0/16`)],
    [/security_?group|(^|_)sg(_|$)/, () => `sg-${hex}`],
    [/subnet/, () => `subnet-${hex}`],
    [/vpc/, () => `vpc-${hex}`],
    [/region/, () => DEFAULT_OFFLINE_REGION],
    [/account/, () => `12345678901${index}`],
    [/(^|_)ip(_|$)|address/, () => `203.0.113.${10 + index}`],
    [/(^|_)(eip|allocation)/, () => `eipalloc-${hex}`],
    [/(^|_)(ami|image)/, () => `ami-${hex}`],
    [/(^|_)kms|key_id/, () => `arn:aws:kms:us-east-1:123456789012:key/00000000-0000-0000-0000-00000000000${index}`],
  ];
  for (const [pattern, value] of rules) if (pattern.test(n)) return value();
  return `example-${index}`;
}

function singular(name: string): string {
  return name.replace(/ids$/i, 'id').replace(/s$/i, '');
}

/** Every `*.tf.json` file under `dir`, sorted, skipping `.terraform`. */
export function jsonConfigFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory() && entry.name !== '.terraform') out.push(...jsonConfigFiles(full));
    else if (entry.isFile() && entry.name.endsWith('.tf.json')) out.push(full);
  }
  return out;
}

function providerBlocks(jsons: readonly any[]): Record<string, unknown> {
  return Object.assign({}, ...jsons.map((j) => j?.provider ?? {}));
}

function readJson(file: string, shownAs: string): any {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    throw invalidValue('Terraform JSON file', shownAs, 'terraform check', `It does not parse (${(e as Error).message}): fix or remove the file.`);
  }
}

function copyTree(source: string, dest: string): void {
  fs.mkdirSync(dest, { recursive: true });
  for (const entry of fs.readdirSync(source, { withFileTypes: true })) {
    if (NOT_COPIED.test(entry.name)) continue;
    const from = path.join(source, entry.name);
    const to = path.join(dest, entry.name);
    if (entry.isDirectory()) copyTree(from, to);
    else if (entry.isFile()) fs.copyFileSync(from, to);
    else if (entry.isSymbolicLink()) fs.symlinkSync(fs.readlinkSync(from), to);
  }
}

function asArray(value: unknown): any[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}
