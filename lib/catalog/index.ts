import { AKS_PROFILE } from './aks';
import { CHAINGUARD_CONTAINERS_PROFILE } from './chainguard-containers';
import { CHAINGUARD_ENFORCE_PROFILE } from './chainguard-enforce';
import { EKS_PROFILE } from './eks';
import { GKE_PROFILE } from './gke';
import { IBM_VPC_PROFILE } from './ibm-vpc';
import { ProfileDefinition } from './profile-definition';

export * from './aks';
export * from './catalog-section';
export * from './chainguard-containers';
export * from './chainguard-enforce';
export * from './eks';
export * from './gke';
export * from './ibm-vpc';
export * from './lifecycle';
export * from './profile-definition';

/** Every profile the CLI offers, by name. */
export const PROFILES: readonly ProfileDefinition[] = [AKS_PROFILE, CHAINGUARD_CONTAINERS_PROFILE, CHAINGUARD_ENFORCE_PROFILE, EKS_PROFILE, GKE_PROFILE, IBM_VPC_PROFILE];
