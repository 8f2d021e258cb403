import { ArgumentKind, ArgumentSchema, BlockNesting, BlockSchema, ProviderSchema, TypeSchema } from './provider-schema';

/*
 * Derives a provider's argument schema from the jsii assembly (`.jsii`) shipped in a cdktf prebuilt
 * provider package. Each resource, data source and provider class takes a `<Class>Config` struct whose
 * properties are the settable Terraform arguments:
 *   - `optional` absent = required;
 *   - a struct-typed property is a nested block (or a nested attribute object): a single struct is a
 *     max-one block, an array of structs a repeatable block, a map of structs a map;
 *   - the Terraform (snake_case) name is the anchor of the registry link in the property's docs
 *     (`{@link https://registry.terraform.io/...#public_access_cidrs EksCluster#public_access_cidrs}`),
 *     which also covers names the generator renamed (`fetchPasswordData` = `get_password_data`);
 *   - the class doc names the Terraform type (`Represents a {@link .../resources/eks_cluster aws_eks_cluster}`).
 * Block summaries read "<name> block."; struct-typed properties without it are nested attributes (plugin
 * framework) or attributes-as-blocks, which may also be given as an expression.
 */

/** The parts of a jsii type reference the derivation reads. */
interface JsiiTypeRef {
  readonly primitive?: string;
  readonly fqn?: string;
  readonly collection?: { readonly kind: string; readonly elementtype: JsiiTypeRef };
  readonly union?: { readonly types: readonly JsiiTypeRef[] };
}

interface JsiiDocs {
  readonly summary?: string;
  readonly remarks?: string;
  readonly returns?: string;
  readonly custom?: { readonly [key: string]: string };
}

interface JsiiProperty {
  readonly name: string;
  readonly optional?: boolean;
  readonly static?: boolean;
  readonly docs?: JsiiDocs;
  readonly type: JsiiTypeRef;
}

interface JsiiType {
  readonly fqn: string;
  readonly kind: string;
  readonly base?: string;
  readonly datatype?: boolean;
  readonly interfaces?: readonly string[];
  readonly docs?: JsiiDocs;
  readonly properties?: readonly JsiiProperty[];
  readonly initializer?: { readonly parameters?: readonly { readonly name: string; readonly type: JsiiTypeRef }[] };
}

/** The parts of a jsii assembly the derivation reads. */
export interface JsiiAssembly {
  readonly name: string;
  readonly version: string;
  readonly types: { readonly [fqn: string]: JsiiType };
}

/** Provider identity, from the package's `package.json` (`cdktf.provider`). */
export interface ProviderIdentity {
  /** The provider source, e.g. `hashicorp/aws`. */
  readonly source: string;
  /** The provider version the binding was generated from, e.g. `6.25.0`. */
  readonly version: string;
}

const RESOURCE_BASE = 'cdktf.TerraformResource';
const DATA_SOURCE_BASE = 'cdktf.TerraformDataSource';
const PROVIDER_BASE = 'cdktf.TerraformProvider';
const RESOLVABLE = 'cdktf.IResolvable';

const REGISTRY_ANCHOR = /\{@link https:\/\/registry\.terraform\.io\/providers\/[^\s}]*#([A-Za-z0-9_]+) [A-Za-z0-9_]+#\1\}/g;
const TYPE_LINK = /\{@link https:\/\/registry\.terraform\.io\/providers\/[^\s}]*\/docs\/(resources|data-sources)\/[^\s}]+ ([a-z0-9_]+)\}/;

/** Derives the schema of every resource, data source and the provider configuration in an assembly. */
export function deriveProviderSchema(assembly: JsiiAssembly, identity: ProviderIdentity): ProviderSchema {
  const deriver = new SchemaDeriver(assembly);
  const resources: Record<string, TypeSchema> = {};
  const dataSources: Record<string, TypeSchema> = {};
  let providerConfig: BlockSchema | undefined;
  for (const fqn of Object.keys(assembly.types).sort()) {
    const type = assembly.types[fqn];
    if (type.kind !== 'class') continue;
    if (type.base === PROVIDER_BASE) {
      const config = configOf(type);
      if (config) providerConfig = deriver.block(config);
      continue;
    }
    if (type.base !== RESOURCE_BASE && type.base !== DATA_SOURCE_BASE) continue;
    const tfType = terraformTypeOf(type);
    const config = configOf(type);
    if (!tfType || !config) continue;
    const schema = deriver.typeSchema(type, config);
    if (type.base === RESOURCE_BASE) resources[tfType] = schema;
    else dataSources[tfType] = schema;
  }
  return {
    source: identity.source,
    version: identity.version,
    origin: `${assembly.name} ${assembly.version}`,
    resources,
    dataSources,
    providerConfig,
  };
}

/** The Terraform type named in a resource or data source class doc, e.g. `aws_eks_cluster`. */
export function terraformTypeOf(type: { readonly docs?: JsiiDocs }): string | undefined {
  const match = TYPE_LINK.exec(type.docs?.summary ?? '');
  return match ? match[2] : undefined;
}

/** The Terraform name of a config property: the registry anchor in its docs, else the snake_case name. */
export function terraformNameOf(property: { readonly name: string; readonly docs?: JsiiDocs }): string {
  const anchors = [...docText(property.docs).matchAll(REGISTRY_ANCHOR)];
  // The argument's own link comes last; descriptions may link to other arguments before it.
  return anchors.length > 0 ? anchors[anchors.length - 1][1] : snakeCase(property.name);
}

/** camelCase to snake_case the way the generator's inverse works for ordinary names. */
export function snakeCase(name: string): string {
  return name.replace(/([A-Z])/g, '_$1').toLowerCase();
}

function docText(docs: JsiiDocs | undefined): string {
  if (!docs) return '';
  return [docs.summary, docs.remarks, docs.returns, ...Object.values(docs.custom ?? {})].filter(Boolean).join('\n');
}

function configOf(type: JsiiType): string | undefined {
  const config = type.initializer?.parameters?.find((p) => p.name === 'config');
  return config?.type.fqn;
}

class SchemaDeriver {
  private readonly blocks = new Map<string, BlockSchema>();

  constructor(private readonly assembly: JsiiAssembly) {}

  public typeSchema(type: JsiiType, configFqn: string): TypeSchema {
    const args = this.block(configFqn);
    const attributes = new Set<string>();
    for (const property of type.properties ?? []) {
      if (property.static || property.name.endsWith('Input')) continue;
      for (const name of computedNameCandidates(property.name)) {
        if (!(name in args)) attributes.add(name);
      }
    }
    return { arguments: args, attributes: [...attributes].sort() };
  }

  public block(fqn: string): BlockSchema {
    const cached = this.blocks.get(fqn);
    if (cached) return cached;
    // Sorted keys keep the cache file (and anything derived from it) deterministic.
    const out: Record<string, ArgumentSchema> = {};
    this.blocks.set(fqn, out); // a struct that contains itself would stop here rather than loop
    const properties = this.propertiesOf(fqn).map((p) => [terraformNameOf(p), p] as const);
    for (const [name, property] of properties.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      out[name] = this.argument(property);
    }
    return out;
  }

  private propertiesOf(fqn: string): JsiiProperty[] {
    const type = this.assembly.types[fqn];
    if (!type) return [];
    const inherited = (type.interfaces ?? []).flatMap((i) => this.propertiesOf(i));
    return [...inherited, ...(type.properties ?? [])];
  }

  private argument(property: JsiiProperty): ArgumentSchema {
    const required = !property.optional;
    const ref = withoutResolvable(property.type);
    const struct = this.structOf(ref);
    if (struct) {
      const isBlock = /^\S+ block\.?$/.test((property.docs?.summary ?? '').trim());
      return {
        required,
        kind: isBlock ? ArgumentKind.BLOCK : ArgumentKind.ATTRIBUTE,
        nesting: struct.nesting,
        block: this.block(struct.fqn),
      };
    }
    return { required, kind: ArgumentKind.ATTRIBUTE, type: this.typeName(ref) };
  }

  private structOf(ref: JsiiTypeRef): { fqn: string; nesting: BlockNesting } | undefined {
    if (ref.fqn && this.isStruct(ref.fqn)) return { fqn: ref.fqn, nesting: BlockNesting.SINGLE };
    const element = ref.collection ? withoutResolvable(ref.collection.elementtype) : undefined;
    if (element?.fqn && this.isStruct(element.fqn)) {
      return { fqn: element.fqn, nesting: ref.collection!.kind === 'map' ? BlockNesting.MAP : BlockNesting.LIST };
    }
    return undefined;
  }

  private isStruct(fqn: string): boolean {
    return this.assembly.types[fqn]?.datatype === true;
  }

  private typeName(ref: JsiiTypeRef): string {
    if (ref.primitive) {
      switch (ref.primitive) {
        case 'string':
        case 'number':
          return ref.primitive;
        case 'boolean':
          return 'bool';
        default:
          return 'any';
      }
    }
    if (ref.collection) {
      const element = this.typeName(withoutResolvable(ref.collection.elementtype));
      return ref.collection.kind === 'map' ? `map(${element})` : `list(${element})`;
    }
    return 'any';
  }
}

/** `IResolvable | X` means "X, or a token": the schema is X. */
function withoutResolvable(ref: JsiiTypeRef): JsiiTypeRef {
  if (!ref.union) return ref;
  const rest = ref.union.types.filter((t) => t.fqn !== RESOLVABLE);
  return rest.length === 1 ? rest[0] : { primitive: 'any' };
}

/**
 * Terraform names a resource class getter may stand for. Getters carry no registry link, so undo the
 * generator's renames: reserved words get an `Attribute` suffix, `get*` becomes `fetch*`, `equals` `equalTo`.
 */
function computedNameCandidates(property: string): string[] {
  const names = [snakeCase(property)];
  if (property.endsWith('Attribute') && property.length > 'Attribute'.length) names.push(snakeCase(property.slice(0, -'Attribute'.length)));
  if (/^fetch[A-Z]/.test(property)) names.push(snakeCase('get' + property.slice('fetch'.length)));
  if (property === 'equalTo') names.push('equals');
  return names;
}
