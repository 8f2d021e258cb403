/**
 * Azure target (`cdktf-firewall-requirements/azure`): Azure Firewall policy rule collection groups, AKS API server
 * authorized IP ranges and the egress route table for `outboundType: userDefinedRouting`.
 */
import './peers'; // first: checks the peer packages before anything loads them
export * from './aks-authorized-ip-ranges';
export * from './aks-egress-route-table';
export * from './firewall-policy-rules';
export * from './firewall-rule-sources';
export * from './plan/rule-plan';
export * from '../provider-version';
