import { InputCheck } from '../model/input';
import { RequirementSet } from '../model/requirement-set';
import { TargetOptionDeclarations, TargetOptionTable, TargetOptionValues } from '../targets/target-options';
import { ExportedModuleContent, ExportTarget } from './module';

/** What an export target declares; `defineExportTarget` adds the part every target shares. */
export interface ExportTargetDefinition<D extends TargetOptionDeclarations> {
  /** e.g. `aws-security-group-rules`. */
  readonly name: string;
  /** One line for `export --help`. */
  readonly description: string;
  /** `azure`, `google`, `aws` or `ibm`. */
  readonly cloud: string;
  /** The keys `spec.target` may hold: the target's option table (shared with its construct where they agree). */
  readonly options: TargetOptionTable<D>;
  /**
   * Defaults that differ from the construct's (whose defaults may depend on its id), used when `spec.target` omits them.
   * @default {}
   */
  readonly defaults?: Partial<Record<keyof D, unknown>>;
  /**
   * Plans the module from checked input.
   * @param requirements the merged requirement set of the spec's profiles, checked
   * @param options `spec.target`, checked and defaulted by the table
   * @param origin named in errors, e.g. `export aws-security-group-rules spec.target`
   * @param check the checks of `origin`, for values the table leaves to the target
   */
  build(requirements: RequirementSet, options: TargetOptionValues<D>, origin: string, check: InputCheck): ExportedModuleContent;
}

/**
 * An export target from its definition: `build` checks `spec.target` against the option table (unknown keys are
 * refused with did-you-mean, each value is checked and defaulted) and the requirement set, then plans.
 */
export function defineExportTarget<D extends TargetOptionDeclarations>(definition: ExportTargetDefinition<D>): ExportTarget {
  return {
    name: definition.name,
    description: definition.description,
    cloud: definition.cloud,
    options: definition.options.help,
    build(requirements: RequirementSet, options: Readonly<Record<string, unknown>>, origin: string): ExportedModuleContent {
      const check = new InputCheck(origin);
      const values = definition.options.check(check, options ?? {}, [], definition.defaults);
      return definition.build(check.requirementSet('requirements', requirements), values, origin, check);
    },
  };
}

/**
 * A body in the provider binding's structure (camelCase keys, as the shared renderers in lib/targets/<cloud>/plan
 * write it) as Terraform JSON arguments (snake_case, e.g. `layer4Configs` -> `layer4_configs`); values are kept. For
 * bodies without user-keyed maps (tags are added after the conversion).
 */
export function terraformArguments(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(terraformArguments);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`), terraformArguments(v)]));
}
