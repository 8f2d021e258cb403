/**
 * AWS target (`cdktf-firewall-requirements/aws`): EKS endpoint access, security-group rules and an AWS
 * Network Firewall domain allowlist. Needs `@cdktf/provider-aws`.
 */
import './peers'; // first: checks the peer packages before anything loads them
export * from './eks-endpoint-access';
export * from './network-firewall-domain-allowlist';
export * from './plan/security-group-plan';
export * from './security-group-rules';
export { checkEksEndpointOptions, checkUserCidrs, planEksEndpointAccess } from './plan/eks-endpoint-access-plan';
export type { EksEndpointOptions, EksEndpointPlan } from './plan/eks-endpoint-access-plan';
export { checkDomainAllowlistOptions, planDomainAllowlist } from './plan/domain-allowlist-plan';
export type { DomainAllowlistOptions, DomainAllowlistPlan } from './plan/domain-allowlist-plan';
export type { UserCidr } from '../../plan/user-cidrs';
export * from '../provider-version';
