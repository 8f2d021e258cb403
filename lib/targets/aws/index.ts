/**
 * AWS target (`cdktf-firewall-requirements/aws`): EKS endpoint access, security-group rules and an AWS
 * Network Firewall domain allowlist. Needs `@cdktf/provider-aws`.
 */
export * from './eks-endpoint-access';
export * from './network-firewall-domain-allowlist';
export * from './security-group-plan';
export * from './security-group-rules';
export type { UserCidr } from '../../plan/user-cidrs';
