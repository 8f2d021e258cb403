import { aksProfile, AksProfileOptions } from '../catalog/aks/profile';
import { chainguardContainersProfile, ChainguardContainersProfileOptions } from '../catalog/chainguard-containers/profile';
import { chainguardEnforceProfile, ChainguardEnforceProfileOptions } from '../catalog/chainguard-enforce/profile';
import { eksNodesProfile, EksNodesProfileOptions } from '../catalog/eks/profile';
import { gkeNodesProfile, GkeNodesProfileOptions } from '../catalog/gke/profile';
import { ibmVpcProfile, IbmVpcProfileOptions } from '../catalog/ibm-vpc/profile';
import { RequirementSet } from '../model/requirement-set';

/**
 * The typed profile function behind each CLI profile name. A spec gives options as a library caller would (JSON
 * booleans, arrays, numbers), so they go to these functions, not through `ProfileDefinition.build`, which takes
 * CLI text (comma lists, `"true"`, `all`). Each function validates its options itself, so a bad spec gets the
 * same error as the same mistake in TypeScript. The option names are the `OptionSpec.name`s of the profile
 * definition (a test checks that every profile the CLI lists has a function here).
 */
export const TYPED_PROFILES: Readonly<Record<string, (options: Record<string, unknown>) => RequirementSet>> = {
  aks: (o) => aksProfile(o as unknown as AksProfileOptions),
  'chainguard-containers': (o) => chainguardContainersProfile(o as ChainguardContainersProfileOptions),
  'chainguard-enforce': (o) => chainguardEnforceProfile(o as ChainguardEnforceProfileOptions),
  eks: (o) => eksNodesProfile(o as unknown as EksNodesProfileOptions),
  gke: (o) => gkeNodesProfile(o as unknown as GkeNodesProfileOptions),
  'ibm-vpc': (o) => ibmVpcProfile(o as unknown as IbmVpcProfileOptions),
};
