import { closest, invalidValue } from '../model/errors';
import { checkBody, describeJsonValue, Report } from './argument-checker';
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
  /** The argument concerned; empty when the problem is the shape of the object itself. */
  readonly argument: string;
  /** What is wrong. */
  readonly message: string;
  /**
   * The stack file (or the origin given to `StackValidator.fromJson`).
   * @default - not recorded
   */
  readonly file?: string;
}

/** `<address>[.<block path>]: [<argument>: ]<what is wrong>` */
export function formatProblem(problem: ValidationProblem): string {
  const where = problem.path ? `${problem.address}.${problem.path}` : problem.address;
  return problem.argument ? `${where}: ${problem.argument}: ${problem.message}` : `${where}: ${problem.message}`;
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
/** What each top-level section must hold: an object (described) or, for the list-like ones, also an array of objects. */
const SECTIONS: Record<string, { readonly expected: string; readonly listOk?: boolean }> = {
  terraform: { expected: 'an object of terraform settings' },
  provider: { expected: 'an object of provider configurations by provider name' },
  resource: { expected: 'an object of resource types' },
  data: { expected: 'an object of data source types' },
  variable: { expected: 'an object of variables by name' },
  locals: { expected: 'an object of local values' },
  output: { expected: 'an object of outputs by name' },
  module: { expected: 'an object of module calls by name' },
  check: { expected: 'an object of checks by name' },
  moved: { expected: 'an object or an array of objects with from and to', listOk: true },
  import: { expected: 'an object or an array of objects with to and id', listOk: true },
  removed: { expected: 'an object or an array of objects with from', listOk: true },
};
const VARIABLE_KEYS = ['type', 'default', 'description', 'validation', 'sensitive', 'nullable', 'ephemeral'];
const OUTPUT_KEYS = ['value', 'description', 'sensitive', 'depends_on', 'precondition', 'ephemeral'];

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
    return new StackValidator(parsed, typeof recorded === 'string' && recorded ? recorded : fallbackName, origin);
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
  /**
   * Addresses, types (`resource.fake_thing`) and sections (`resource`) that were reported as malformed:
   * references into them are not reported again as "not declared".
   */
  private readonly malformed = new Set<string>();
  /** The top-level sections that have the right shape (the others are reported and read as empty). */
  private readonly sections = new Map<string, Record<string, unknown>>();
  /** Objects of each provider source that had no schema, counted. */
  public readonly uncheckedCounts = new Map<string, number>();

  private constructor(
    private readonly stack: Record<string, unknown>,
    public readonly name: string,
    /** The stack file, named in structural problems. */
    public readonly file: string,
  ) {
    this.readTopLevel();
    this.readRequiredProviders();
    this.readDeclarations();
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
      if (mine.length > 0) {
        this.unchecked.set(source, new Set(mine.map((o) => (o.mode === 'data' ? `data.${o.type}` : o.mode === 'provider' ? `provider ${o.type}` : o.type))));
        this.uncheckedCounts.set(source, mine.length);
      }
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
    const section = (key: string) => new Set(Object.keys(this.section(key)));
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
          const mode = ref.kind === ReferenceKind.DATA ? 'data' : 'resource';
          const reported = [mode, `${mode}.${ref.type}`, `${mode}.${ref.type}.${ref.name}`].some((k) => this.malformed.has(k));
          if (!declared.has(address) && !reported) {
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
    this.problems.push({ stack: this.name, address, path, argument, message, file: this.file });
  }

  /** A value of the wrong shape at a JSON path of the file. */
  private shape(steps: readonly (string | number)[], expected: string, value: unknown): void {
    this.malformed.add(steps.slice(0, steps[0] === 'provider' ? 2 : 3).join('.'));
    this.add(jsonPath(steps), '', '', `expected ${expected}, got ${describeJsonValue(value)} (in ${this.file})`);
  }

  /** The value at `steps` when it is an object; else reports it (unless absent) and returns undefined. */
  private objectAt(steps: readonly (string | number)[], value: unknown, expected: string): Record<string, unknown> | undefined {
    if (isObject(value)) return value;
    if (value !== undefined) this.shape(steps, expected, value);
    return undefined;
  }

  private section(key: string): Record<string, unknown> {
    return this.sections.get(key) ?? {};
  }

  private readRequiredProviders(): void {
    const terraform = this.section('terraform');
    const required = this.objectAt(['terraform', 'required_providers'], terraform.required_providers, 'an object of provider requirements by local name') ?? {};
    for (const local of Object.keys(required)) {
      const entry = required[local];
      const steps = ['terraform', 'required_providers', local];
      if (typeof entry === 'string') this.providerSources.set(local, { source: `hashicorp/${local}`, version: entry });
      else if (isObject(entry)) {
        if (entry.source !== undefined && typeof entry.source !== 'string') this.shape([...steps, 'source'], 'a provider source string such as "hashicorp/aws"', entry.source);
        if (entry.version !== undefined && typeof entry.version !== 'string') this.shape([...steps, 'version'], 'a version constraint string such as "5.100.0"', entry.version);
        const source = typeof entry.source === 'string' ? entry.source : local;
        this.providerSources.set(local, { source, version: typeof entry.version === 'string' ? entry.version : undefined });
      } else {
        this.shape(steps, 'an object with source and version (or a version string)', entry);
      }
    }
    const backend = this.objectAt(['terraform', 'backend'], terraform.backend, 'an object with one backend type');
    for (const type of Object.keys(backend ?? {})) this.objectAt(['terraform', 'backend', type], backend![type], `an object of ${type} backend settings`);
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
        continue;
      }
      const shape = SECTIONS[key];
      if (!shape) continue; // '//': cdktf metadata
      const value = this.stack[key];
      if (isObject(value)) {
        this.sections.set(key, value);
      } else if (shape.listOk && Array.isArray(value)) {
        value.forEach((item, i) => this.objectAt([key, i], item, 'an object'));
      } else {
        this.shape([key], shape.expected, value);
      }
    }
  }

  /** Variables, outputs, modules and checks: each entry is an object; outputs need a value, modules a source. */
  private readDeclarations(): void {
    const entries = (key: string, expected: string, check: (body: Record<string, unknown>, steps: string[]) => void) => {
      const section = this.section(key);
      for (const name of Object.keys(section)) {
        if (name === '//') continue;
        const body = this.objectAt([key, name], section[name], expected);
        if (body) check(body, [key, name]);
      }
    };
    const known = (body: Record<string, unknown>, steps: string[], keys: readonly string[]) => {
      for (const k of Object.keys(body)) {
        if (k === '//' || keys.includes(k)) continue;
        const suggestion = closest(k, keys);
        this.add(jsonPath(steps), '', k, `unknown argument${suggestion ? `; did you mean "${suggestion}"?` : `; valid: ${keys.join(', ')}`}`);
      }
    };
    entries('variable', 'an object (type, default, description, ...)', (body, steps) => known(body, steps, VARIABLE_KEYS));
    entries('output', 'an object with a value', (body, steps) => {
      known(body, steps, OUTPUT_KEYS);
      if (body.value === undefined) this.add(jsonPath(steps), '', 'value', 'missing required argument');
    });
    entries('module', 'an object with a source and the module inputs', (body, steps) => {
      if (typeof body.source !== 'string' || body.source === '') {
        if (body.source === undefined) this.add(jsonPath(steps), '', 'source', 'missing required argument');
        else this.shape([...steps, 'source'], 'a module source string', body.source);
      }
    });
    entries('check', 'an object of check blocks', () => undefined);
  }

  private readObjects(): void {
    for (const mode of ['resource', 'data'] as const) {
      const section = this.section(mode);
      const kinds = mode === 'data' ? 'data sources' : 'resources';
      for (const type of Object.keys(section)) {
        if (type === '//') continue;
        const byName = this.objectAt([mode, type], section[type], `an object of ${type} ${kinds} by name`) ?? {};
        for (const name of Object.keys(byName)) {
          if (name === '//') continue;
          const address = mode === 'data' ? `data.${type}.${name}` : `${type}.${name}`;
          const body = this.objectAt([mode, type, name], byName[name], `an object of ${type} arguments`);
          if (!body) continue;
          const providerRef = typeof body.provider === 'string' ? body.provider.replace(/^\$\{(.*)\}$/, '$1') : undefined;
          const local = providerRef ? providerRef.split('.')[0] : type.split('_')[0];
          this.objects.push({ address, mode, type, name, body, source: this.sourceOf(local) });
        }
      }
    }
    const providers = this.section('provider');
    for (const local of Object.keys(providers)) {
      if (local === '//') continue;
      const configs = providers[local];
      const list = Array.isArray(configs);
      for (const [i, config] of (list ? configs : [configs]).entries()) {
        const body = this.objectAt(list ? ['provider', local, i] : ['provider', local], config, `an object of ${local} provider arguments${list ? '' : ' (or an array of them)'}`);
        if (!body) continue;
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
      const entries = this.section(section);
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
      const reported = this.malformed.has('provider') || this.malformed.has(`provider.${ref.split('.')[0]}`);
      if (ref.includes('.') && !configured.has(ref) && !reported) {
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

/** A JSON path in dotted form: `resource.aws_vpc.main`, `provider.aws[1]`, `variable["odd.name"]`. */
function jsonPath(steps: readonly (string | number)[]): string {
  return steps
    .map((step, i) => (typeof step === 'number' ? `[${step}]` : /^[A-Za-z_][\w-]*$/.test(step) ? `${i === 0 ? '' : '.'}${step}` : `[${JSON.stringify(step)}]`))
    .join('');
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
