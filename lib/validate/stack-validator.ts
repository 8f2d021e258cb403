import { closest, invalidValue } from '../model/errors';
import { checkBody, Report } from './argument-checker';
import { BUILTIN_SOURCE } from './builtin-schema';
import { ProviderSchema, TypeSchema } from './provider-schema';
import { Reference, ReferenceKind, referenceOfTraversal, referencesInString } from './references';
import { normalizeSource } from './schema-store';

/** One problem found in a synthesized stack. */
export interface ValidationProblem {
  /** Stack name (the folder under `stacks/`, or the `stackName` cdktf records). */
  readonly stack: string;
  /** Terraform address of the object: `aws_eks_cluster.eks`, `data.aws_vpc.main`, `provider.aws`, `output.x`. */
  readonly address: string;
  /** Path to the nested block inside the object, e.g. `vpc_config` or `rule[1]`; empty at the top level. */
  readonly path: string;
  /** The argument concerned. */
  readonly argument: string;
  /** What is wrong. */
  readonly message: string;
}

/** `<address>[.<block path>]: <argument>: <what is wrong>` */
export function formatProblem(problem: ValidationProblem): string {
  const where = problem.path ? `${problem.address}.${problem.path}` : problem.address;
  return `${where}: ${problem.argument}: ${problem.message}`;
}

/** A resource, data source or provider configuration of a stack. */
interface StackObject {
  readonly address: string;
  readonly mode: 'resource' | 'data' | 'provider';
  /** Terraform type (`aws_eks_cluster`), or the provider's local name for provider blocks. */
  readonly type: string;
  readonly name: string;
  readonly body: Record<string, unknown>;
  /** Provider source the object belongs to (`hashicorp/aws`). */
  readonly source: string;
}

interface FoundReference {
  readonly address: string;
  readonly path: string;
  readonly argument: string;
  readonly ref: Reference;
}

const RESOURCE_META = new Set(['depends_on', 'count', 'for_each', 'provider', 'lifecycle', 'connection', 'provisioner']);
const DATA_META = new Set(['depends_on', 'count', 'for_each', 'provider', 'lifecycle']);
const PROVIDER_META = new Set(['alias', 'version']);
const TOP_LEVEL = new Set(['//', 'terraform', 'provider', 'resource', 'data', 'variable', 'locals', 'output', 'module', 'moved', 'import', 'removed', 'check']);

/** Counts of what one validation pass looked at. */
export interface CheckCounts {
  resources: number;
  dataSources: number;
  providerBlocks: number;
}

/**
 * One synthesized stack (a parsed `cdk.tf.json`) and the checks on it. Schema checks run per provider
 * (`checkProvider`), so a caller can load one provider schema at a time; `checkReferences` needs no schema.
 */
export class StackValidator {
  /**
   * Reads a stack from its JSON text. Problem lines name it by the `stackName` cdktf records in the file,
   * else by `fallbackName`; `origin` names the file in errors.
   */
  public static fromJson(json: string, fallbackName: string, origin: string): StackValidator {
    let parsed: unknown;
    try {
      parsed = JSON.parse(json);
    } catch (e) {
      throw invalidValue('stack file', origin, 'offline validation', `It is not valid JSON (${(e as Error).message}); synthesize again.`, 'invalid-stack');
    }
    if (!isObject(parsed)) {
      throw invalidValue('stack file', origin, 'offline validation', 'A cdk.tf.json file holds one JSON object; synthesize again.', 'invalid-stack');
    }
    const recorded = asObject(asObject(parsed['//']).metadata).stackName;
    return new StackValidator(parsed, typeof recorded === 'string' && recorded ? recorded : fallbackName);
  }

  /** Every problem found so far. */
  public readonly problems: ValidationProblem[] = [];
  /** Objects of each provider source that had no schema. */
  public readonly unchecked = new Map<string, Set<string>>();
  /** Notes that are not problems (e.g. a version mismatch between the stack and the schema). */
  public readonly notes: string[] = [];

  private readonly objects: StackObject[] = [];
  private readonly references: FoundReference[] = [];
  private readonly providerSources = new Map<string, { source: string; version?: string }>();

  private constructor(private readonly stack: Record<string, unknown>, public readonly name: string) {
    this.readRequiredProviders();
    this.readTopLevel();
    this.readObjects();
    this.collectReferences();
  }

  /** The provider sources this stack's objects belong to, sorted. */
  public get sources(): string[] {
    return [...new Set(this.objects.map((o) => o.source))].sort();
  }

  /** Checks every object of `source` against its schema (undefined = no schema: the objects are listed as unchecked). */
  public checkProvider(source: string, schema: ProviderSchema | undefined): CheckCounts {
    const counts: CheckCounts = { resources: 0, dataSources: 0, providerBlocks: 0 };
    const mine = this.objects.filter((o) => o.source === source);
    if (!schema) {
      if (mine.length > 0) this.unchecked.set(source, new Set(mine.map((o) => (o.mode === 'data' ? `data.${o.type}` : o.mode === 'provider' ? `provider ${o.type}` : o.type))));
      return counts;
    }
    this.noteVersion(source, schema);
    for (const object of mine) {
      const report: Report = (path, argument, message) => this.add(object.address, path, argument, message);
      if (object.mode === 'provider') {
        if (!schema.providerConfig) continue;
        checkBody(object.body, schema.providerConfig, { meta: PROVIDER_META, owner: `provider ${object.type}` }, report);
        counts.providerBlocks++;
        continue;
      }
      const types = object.mode === 'data' ? schema.dataSources : schema.resources;
      const typeSchema = types[object.type];
      const kind = object.mode === 'data' ? 'data source' : 'resource';
      if (!typeSchema) {
        const suggestion = closest(object.type, Object.keys(types));
        const hint = suggestion ? `; did you mean "${suggestion}"?` : '';
        this.add(object.address, '', object.type, `unknown ${kind} type: ${schema.origin} has no ${kind} "${object.type}"${hint}`);
        continue;
      }
      checkBody(object.body, typeSchema.arguments, { meta: object.mode === 'data' ? DATA_META : RESOURCE_META, owner: object.type }, report);
      if (object.mode === 'data') counts.dataSources++;
      else counts.resources++;
    }
    this.checkReferencedAttributes(source, schema);
    return counts;
  }

  /** Checks that every reference points at an object, variable, local, module or provider the stack declares. */
  public checkReferences(): void {
    const declared = new Set(this.objects.filter((o) => o.mode !== 'provider').map((o) => o.address));
    const section = (key: string) => new Set(Object.keys(asObject(this.stack[key])));
    const variables = section('variable');
    const locals = section('locals');
    const modules = section('module');
    for (const found of this.references) {
      const { ref } = found;
      const report = (message: string) => this.add(found.address, found.path, found.argument, message);
      switch (ref.kind) {
        case ReferenceKind.RESOURCE:
        case ReferenceKind.DATA: {
          const address = ref.kind === ReferenceKind.DATA ? `data.${ref.type}.${ref.name}` : `${ref.type}.${ref.name}`;
          if (!declared.has(address)) {
            const suggestion = closest(address, [...declared].filter((a) => a !== found.address));
            report(`references ${address}, which is not declared in this stack${suggestion ? `; did you mean ${suggestion}?` : ''}`);
          }
          break;
        }
        case ReferenceKind.VARIABLE:
          if (!variables.has(ref.name)) report(`references var.${ref.name}, which is not declared in this stack`);
          break;
        case ReferenceKind.LOCAL:
          if (!locals.has(ref.name)) report(`references local.${ref.name}, which is not declared in this stack`);
          break;
        case ReferenceKind.MODULE:
          if (!modules.has(ref.name)) report(`references module.${ref.name}, which is not declared in this stack`);
          break;
      }
    }
    this.checkProviderAliases();
  }

  private add(address: string, path: string, argument: string, message: string): void {
    this.problems.push({ stack: this.name, address, path, argument, message });
  }

  private readRequiredProviders(): void {
    const required = asObject(asObject(this.stack.terraform).required_providers);
    for (const local of Object.keys(required)) {
      const entry = required[local];
      if (typeof entry === 'string') this.providerSources.set(local, { source: `hashicorp/${local}`, version: entry });
      else if (isObject(entry)) {
        const source = typeof entry.source === 'string' ? entry.source : local;
        this.providerSources.set(local, { source, version: typeof entry.version === 'string' ? entry.version : undefined });
      }
    }
  }

  private sourceOf(local: string): string {
    if (local === 'terraform') return BUILTIN_SOURCE;
    return normalizeSource(this.providerSources.get(local)?.source ?? local);
  }

  private readTopLevel(): void {
    for (const key of Object.keys(this.stack)) {
      if (!TOP_LEVEL.has(key)) {
        const suggestion = closest(key, [...TOP_LEVEL].filter((k) => k !== '//'));
        this.add('(top level)', '', key, `unknown top-level key${suggestion ? `; did you mean "${suggestion}"?` : ''}`);
      }
    }
  }

  private readObjects(): void {
    for (const mode of ['resource', 'data'] as const) {
      const section = asObject(this.stack[mode]);
      for (const type of Object.keys(section)) {
        const byName = asObject(section[type]);
        for (const name of Object.keys(byName)) {
          const address = mode === 'data' ? `data.${type}.${name}` : `${type}.${name}`;
          const body = byName[name];
          if (!isObject(body)) {
            this.add(address, '', type, `expected an object of arguments, got ${Array.isArray(body) ? 'an array' : typeof body}`);
            continue;
          }
          const providerRef = typeof body.provider === 'string' ? body.provider.replace(/^\$\{(.*)\}$/, '$1') : undefined;
          const local = providerRef ? providerRef.split('.')[0] : type.split('_')[0];
          this.objects.push({ address, mode, type, name, body, source: this.sourceOf(local) });
        }
      }
    }
    const providers = asObject(this.stack.provider);
    for (const local of Object.keys(providers)) {
      const configs = providers[local];
      for (const body of Array.isArray(configs) ? configs : [configs]) {
        if (!isObject(body)) {
          this.add(`provider.${local}`, '', local, 'expected an object of provider arguments');
          continue;
        }
        const address = typeof body.alias === 'string' ? `provider.${local}.${body.alias}` : `provider.${local}`;
        this.objects.push({ address, mode: 'provider', type: local, name: local, body, source: this.sourceOf(local) });
      }
    }
  }

  private collectReferences(): void {
    for (const object of this.objects) {
      this.walk(object.body, object.address, '', '', new Set(), true);
    }
    for (const [section, prefix] of [
      ['output', 'output'],
      ['locals', 'locals'],
      ['module', 'module'],
    ] as const) {
      const entries = asObject(this.stack[section]);
      for (const key of Object.keys(entries)) {
        if (key === '//') continue;
        if (section === 'locals') this.walk(entries[key], 'locals', '', key, new Set(), false);
        else this.walk(entries[key], `${prefix}.${key}`, '', '', new Set(), true);
      }
    }
  }

  /** Collects references under `value`; `argument` is the key at the current object level once known. */
  private walk(value: unknown, address: string, path: string, argument: string, symbols: ReadonlySet<string>, topLevel: boolean): void {
    if (typeof value === 'string') {
      for (const ref of referencesInString(value, symbols)) this.references.push({ address, path, argument, ref });
      return;
    }
    if (Array.isArray(value)) {
      const blocks = value.length > 0 && value.every(isObject);
      value.forEach((item, i) => this.walk(item, address, blocks ? join(path, `${argument}[${i}]`) : path, blocks ? '' : argument, symbols, false));
      return;
    }
    if (!isObject(value)) return;
    if (argument) {
      // an object value under an argument: a nested block (or object attribute)
      path = join(path, argument);
    }
    for (const key of Object.keys(value)) {
      if (key === '//') continue;
      const child = value[key];
      if (topLevel && (key === 'depends_on' || key === 'provider')) {
        if (key === 'depends_on' && Array.isArray(child)) this.traversals(child, address, path, key);
        continue;
      }
      if (key === 'lifecycle' && topLevel && isObject(child)) {
        const replace = child.replace_triggered_by;
        if (Array.isArray(replace)) this.traversals(replace, address, join(path, 'lifecycle'), 'replace_triggered_by');
        continue;
      }
      if (key === 'dynamic' && isObject(child)) {
        for (const block of Object.keys(child)) {
          const spec = asObject(child[block]);
          const iterator = typeof spec.iterator === 'string' ? spec.iterator : block;
          const where = join(path, `dynamic.${block}`);
          this.walk(spec.for_each, address, where, 'for_each', symbols, false);
          this.walk(spec.content, address, where, 'content', new Set([...symbols, iterator]), false);
        }
        continue;
      }
      this.walk(child, address, path, key, symbols, false);
    }
  }

  private traversals(entries: unknown[], address: string, path: string, argument: string): void {
    for (const entry of entries) {
      if (typeof entry !== 'string') continue;
      const ref = referenceOfTraversal(entry);
      if (ref) this.references.push({ address, path, argument, ref });
    }
  }

  private checkReferencedAttributes(source: string, schema: ProviderSchema): void {
    const byAddress = new Map(this.objects.filter((o) => o.source === source && o.mode !== 'provider').map((o) => [o.address, o]));
    for (const found of this.references) {
      const { ref } = found;
      if (!ref.attribute || (ref.kind !== ReferenceKind.RESOURCE && ref.kind !== ReferenceKind.DATA)) continue;
      const target = byAddress.get(ref.kind === ReferenceKind.DATA ? `data.${ref.type}.${ref.name}` : `${ref.type}.${ref.name}`);
      if (!target) continue;
      const typeSchema = (ref.kind === ReferenceKind.DATA ? schema.dataSources : schema.resources)[ref.type];
      if (!typeSchema?.attributes) continue;
      const names = attributeNames(typeSchema);
      if (!names.has(normalize(ref.attribute))) {
        const suggestion = closest(ref.attribute, [...Object.keys(typeSchema.arguments), ...typeSchema.attributes]);
        this.add(
          found.address,
          found.path,
          found.argument,
          `references ${ref.text}, but ${ref.type} has no attribute "${ref.attribute}"${suggestion ? `; did you mean "${suggestion}"?` : ''}`,
        );
      }
    }
  }

  private checkProviderAliases(): void {
    const configured = new Set(this.objects.filter((o) => o.mode === 'provider').map((o) => o.address.slice('provider.'.length)));
    for (const object of this.objects) {
      if (object.mode === 'provider' || typeof object.body.provider !== 'string') continue;
      const ref = object.body.provider.replace(/^\$\{(.*)\}$/, '$1');
      if (ref.includes('.') && !configured.has(ref)) {
        this.add(object.address, '', 'provider', `references provider ${ref}, which is not configured in this stack`);
      }
    }
  }

  private noteVersion(source: string, schema: ProviderSchema): void {
    for (const [local, entry] of this.providerSources) {
      if (this.sourceOf(local) !== source || !entry.version || schema.version === 'unknown') continue;
      if (/^=?\s*\d+\.\d+\.\d+$/.test(entry.version.trim()) && entry.version.replace(/^=\s*/, '').trim() !== schema.version) {
        this.notes.push(`${this.name}: requires ${source} ${entry.version}, but the schema (${schema.origin}) describes ${schema.version}`);
      }
    }
  }
}

const attributeCache = new WeakMap<TypeSchema, Set<string>>();

function attributeNames(schema: TypeSchema): Set<string> {
  let names = attributeCache.get(schema);
  if (!names) {
    names = new Set([...Object.keys(schema.arguments), ...(schema.attributes ?? [])].map(normalize));
    attributeCache.set(schema, names);
  }
  return names;
}

/** Getter names are snake-cased guesses (`address1` vs `address_1`): compare without underscores. */
function normalize(name: string): string {
  return name.replace(/_/g, '').toLowerCase();
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function asObject(value: unknown): Record<string, unknown> {
  return isObject(value) ? value : {};
}

function join(path: string, step: string): string {
  return path ? `${path}.${step}` : step;
}
