/**
 * The IBM Cloud VPC target (`cdktf-firewall-requirements/ibm`): security group rules for node ports and the
 * other CIDR-addressed flows of a requirement set, with hand-written bindings for the IBM provider (no prebuilt
 * cdktf binding exists for it).
 */
import './peers'; // first: checks the peer packages before anything loads them
export * from './ibm-provider';
export * from './plan/ibm-validation';
export * from './plan/rule-types';
export * from './plan/requirement-outputs';
export * from './plan/rule-plan';
export * from './plan/security-group-plan';
export * from './security-group';
export * from './security-group-rule';
export * from './security-group-rules';
export * from '../provider-version';
