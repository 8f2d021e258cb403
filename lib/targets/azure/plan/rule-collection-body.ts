import { terraformText } from '../../../model/terraform-text';
import { AzureRuleCollectionKind, PlannedGroup } from './rule-plan-types';

// The rule collections of a planned group, written once in the provider binding's structure (camelCase): the
// construct passes them to `FirewallPolicyRuleCollectionGroup`, the plain-Terraform exporter converts the keys to
// Terraform JSON (`terraformArguments`). The sources differ (a list of ids or CIDRs, or a `${var.x}` reference) and
// come in as `sources`, spread into every rule. No cdktf here.

/** `application_rule_collection` and `network_rule_collection` of a group (each only when it has collections). */
export function ruleCollectionsBody<S extends object>(group: PlannedGroup, sources: S) {
  const application = group.collections.filter((c) => c.kind === AzureRuleCollectionKind.APPLICATION);
  const network = group.collections.filter((c) => c.kind === AzureRuleCollectionKind.NETWORK);
  return {
    ...(application.length > 0
      ? {
          applicationRuleCollection: application.map((c) => ({
            name: terraformText(c.name),
            action: 'Allow',
            priority: c.priority,
            rule: (c.applicationRules ?? []).map((r) => ({
              name: terraformText(r.name),
              description: terraformText(r.description),
              protocols: r.protocols.map((p) => ({ type: p.type, port: p.port })),
              ...sources,
              ...(r.destinationFqdns ? { destinationFqdns: [...r.destinationFqdns] } : {}),
              ...(r.destinationFqdnTags ? { destinationFqdnTags: [...r.destinationFqdnTags] } : {}),
            })),
          })),
        }
      : {}),
    ...(network.length > 0
      ? {
          networkRuleCollection: network.map((c) => ({
            name: terraformText(c.name),
            action: 'Allow',
            priority: c.priority,
            rule: (c.networkRules ?? []).map((r) => ({
              name: terraformText(r.name),
              description: terraformText(r.description),
              protocols: [...r.protocols],
              ...sources,
              ...(r.destinationAddresses ? { destinationAddresses: [...r.destinationAddresses] } : {}),
              ...(r.destinationFqdns ? { destinationFqdns: [...r.destinationFqdns] } : {}),
              destinationPorts: [...r.destinationPorts],
            })),
          })),
        }
      : {}),
  };
}
