/**
 * The argument schema the offline validator checks synthesized Terraform JSON against: for every resource
 * type, data source type and provider configuration, the arguments it accepts, which are required, and which
 * are nested blocks. It is the subset of `terraform providers schema -json` that can be recovered without
 * the provider binaries (derived from the cdktf bindings' jsii assemblies, or read from a schema file kept
 * in the project for providers without a binding).
 */

/** Whether an argument is a plain attribute (`name = value`) or a nested block (`name { ... }`). */
export enum ArgumentKind {
  /** An attribute: its value is an expression, so a `${...}` token may stand in for it. */
  ATTRIBUTE = 'attr',
  /** A nested block: Terraform JSON needs an object (or an array of objects) here, never an expression. */
  BLOCK = 'block',
}

/** How many times a nested block (or nested attribute object) may appear. */
export enum BlockNesting {
  /** At most one: cdktf writes it as an object; Terraform JSON also accepts a one-element array. */
  SINGLE = 'single',
  /** Repeatable: cdktf writes an array of objects; a lone object counts as one block. */
  LIST = 'list',
  /** A map of objects keyed by name (rare; nested attributes only). */
  MAP = 'map',
}

/** One argument of a resource, data source, provider or nested block. */
export interface ArgumentSchema {
  /** Whether the argument must be set. */
  readonly required: boolean;
  /** Attribute or nested block. */
  readonly kind: ArgumentKind;
  /**
   * Cardinality of a nested block or of an object-valued attribute.
   * @default - none (a plain attribute)
   */
  readonly nesting?: BlockNesting;
  /**
   * The attribute's value type in Terraform type-constraint syntax: `string`, `number`, `bool`, `any`,
   * `list(string)`, `set(number)`, `map(string)`, ... (the jsii assemblies do not tell lists from sets, so
   * derived schemas say `list`).
   * @default - the value type is not checked
   */
  readonly type?: string;
  /**
   * The arguments of a nested block (or of an object-valued attribute).
   * @default - the contents are not checked
   */
  readonly block?: BlockSchema;
}

/** Arguments by their Terraform (snake_case) name. */
export interface BlockSchema {
  readonly [argument: string]: ArgumentSchema;
}

/** The schema of one resource or data source type. */
export interface TypeSchema {
  /** Its settable arguments. */
  readonly arguments: BlockSchema;
  /**
   * Read-only (computed) attribute names that references such as `${aws_eks_cluster.x.endpoint}` may use
   * besides the arguments.
   * @default - references to this type's attributes are not checked
   */
  readonly attributes?: readonly string[];
}

/** Everything known about one provider. */
export interface ProviderSchema {
  /** The provider source address, e.g. `hashicorp/aws` or `ibm-cloud/ibm` (lowercase). */
  readonly source: string;
  /** The provider version the schema describes, e.g. `6.25.0`, or `unknown`. */
  readonly version: string;
  /** Where the schema came from, for messages: `@cdktf/provider-aws 21.22.1` or a schema file name. */
  readonly origin: string;
  /** Managed resource types by Terraform type name. */
  readonly resources: { readonly [type: string]: TypeSchema };
  /** Data source types by Terraform type name (without the `data.` prefix). */
  readonly dataSources: { readonly [type: string]: TypeSchema };
  /**
   * The arguments of the `provider "<name>" { ... }` configuration block.
   * @default - provider blocks are not checked
   */
  readonly providerConfig?: BlockSchema;
}
