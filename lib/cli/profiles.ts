/**
 * The profiles the CLI offers, each loaded on first use: a catalog is most of what the CLI would load, and
 * `list aks` needs the AKS catalog only. The names are the same, in the same order, as `PROFILES` of
 * lib/catalog (a test compares them); a new profile is added there and here.
 */
import type { OptionSpec, ProfileDefinition } from '../catalog/profile-definition';
import type { RequirementSet } from '../model/requirement-set';

/* eslint-disable @typescript-eslint/no-require-imports */
const LOADERS: ReadonlyArray<readonly [string, () => ProfileDefinition]> = [
  ['aks', () => (require('../catalog/aks') as typeof import('../catalog/aks')).AKS_PROFILE],
  ['chainguard-containers', () => (require('../catalog/chainguard-containers') as typeof import('../catalog/chainguard-containers')).CHAINGUARD_CONTAINERS_PROFILE],
  ['chainguard-enforce', () => (require('../catalog/chainguard-enforce') as typeof import('../catalog/chainguard-enforce')).CHAINGUARD_ENFORCE_PROFILE],
  ['eks', () => (require('../catalog/eks') as typeof import('../catalog/eks')).EKS_PROFILE],
  ['gke', () => (require('../catalog/gke') as typeof import('../catalog/gke')).GKE_PROFILE],
  ['ibm-vpc', () => (require('../catalog/ibm-vpc') as typeof import('../catalog/ibm-vpc')).IBM_VPC_PROFILE],
];
/* eslint-enable @typescript-eslint/no-require-imports */

/** A profile whose name is known at once and whose catalog loads when anything else is read. */
class LazyProfile implements ProfileDefinition {
  private loaded?: ProfileDefinition;

  constructor(
    public readonly name: string,
    private readonly load: () => ProfileDefinition,
  ) {}

  public get description(): string {
    return this.definition.description;
  }

  public get options(): readonly OptionSpec[] {
    return this.definition.options;
  }

  public build(options: Record<string, unknown>): RequirementSet {
    return this.definition.build(options);
  }

  private get definition(): ProfileDefinition {
    this.loaded ??= this.load();
    return this.loaded;
  }
}

/** Every profile of the CLI, by name, in the order of `PROFILES`. */
export const CLI_PROFILES: readonly ProfileDefinition[] = LOADERS.map(([name, load]) => new LazyProfile(name, load));

/** The profile names, without loading any catalog. */
export const CLI_PROFILE_NAMES: readonly string[] = LOADERS.map(([name]) => name);
