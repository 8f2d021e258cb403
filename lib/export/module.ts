import { RequirementSet } from '../model/requirement-set';

// The plain-Terraform exporter: the same plans the cdktf constructs render, written as a Terraform child module
// (`*.tf.json`) without cdktf. No cdktf or provider binding may be loaded from lib/export or from anything it
// imports: the exporter serves users who do not run cdktf.

/** A provider the module needs, for `terraform.required_providers`. */
export interface ExportProvider {
  /** Local name, e.g. `aws`. */
  readonly name: string;
  /** Registry source, e.g. `hashicorp/aws`. */
  readonly source: string;
  /** A version range (never an exact pin), e.g. `>= 5.0, < 7.0`. */
  readonly version: string;
}

/** A module input variable. */
export interface ExportVariable {
  /** Terraform type expression, e.g. `string`, `list(string)`. */
  readonly type: string;
  readonly description: string;
  /** @default - none: the caller must set it */
  readonly default?: unknown;
  /**
   * Terraform's `nullable`: whether the caller may pass `null`.
   * @default false for variables without a default; Terraform's own default (true) otherwise
   */
  readonly nullable?: boolean;
}

/** A module output. */
export interface ExportOutput {
  /** Any Terraform JSON value; references as `${aws_security_group.x.id}`. */
  readonly value: unknown;
  readonly description: string;
}

/**
 * The Terraform content of one exported module, before it is written: resources keyed by type then by a
 * content-derived, stable key, with bodies in Terraform JSON syntax (snake_case arguments, `${var.x}` references).
 */
export interface ExportedModuleContent {
  readonly providers: readonly ExportProvider[];
  readonly variables: Readonly<Record<string, ExportVariable>>;
  /** `{ [resourceType]: { [key]: body } }` */
  readonly resources: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
  readonly outputs: Readonly<Record<string, ExportOutput>>;
  /** Local values, when the module computes any. @default {} */
  readonly locals?: Readonly<Record<string, unknown>>;
}

/** One export target: a name the CLI and the spec use, and the function that plans its module. */
export interface ExportTarget {
  /** e.g. `aws-security-group-rules`. */
  readonly name: string;
  /** One line for `export --help`. */
  readonly description: string;
  /** The cloud, for grouping in help: `azure`, `google`, `aws`, `ibm`. */
  readonly cloud: string;
  /** The keys `spec.target` may hold, with one line each, for help and for refusing unknown keys. */
  readonly options: Readonly<Record<string, string>>;
  /**
   * Plans the module. Bad options throw the same `FirewallRequirementsError`s as the construct; limits, splitting and
   * opt-ins are the construct's own planning code.
   * @param requirements the merged requirement set of the spec's profiles
   * @param options `spec.target`, unchecked (the target checks it)
   * @param origin named in errors, e.g. `export aws-security-group-rules spec.target`
   */
  build(requirements: RequirementSet, options: Readonly<Record<string, unknown>>, origin: string): ExportedModuleContent;
}
