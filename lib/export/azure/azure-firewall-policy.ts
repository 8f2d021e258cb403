import { terraformText } from '../../model/terraform-text';
import { AZURE_POLICY_RULES_OPTIONS, planPolicyRules, validatePolicyRulesSet } from '../../targets/azure/plan/firewall-policy-rules-plan';
import { ruleCollectionsBody } from '../../targets/azure/plan/rule-collection-body';
import { targetOption, TargetOptionTable } from '../../targets/target-options';
import { defineExportTarget, terraformArguments } from '../define-target';
import { ExportTarget } from '../module';
import { AZURERM_PROVIDER, terraformKey } from './provider';

// `azure-firewall-policy`: the rule collection groups AzureFirewallPolicyRules renders, as a plain Terraform module.
// The policy and the sources are variables (the module does not own them); planning is the construct's own code.

const RESOURCE = 'azurerm_firewall_policy_rule_collection_group';

/** How the rules name their sources. */
const SOURCE_KINDS: readonly SourceKind[] = ['ip-group-ids', 'addresses'];
type SourceKind = 'ip-group-ids' | 'addresses';

/** The export's own keys (how the module names its sources), then the construct's options. */
const OPTIONS = new TargetOptionTable({
  sources: targetOption.choice(
    'How rules name their sources: ip-group-ids (variable source_ip_group_ids, the default) or addresses (variable source_addresses).',
    SOURCE_KINDS,
    'ip-group-ids',
  ),
  sourceCount: targetOption.integer('Entries the source variable will hold, for the 20,000 pair limit and the size estimate (default 1).', { min: 1, max: 5000, default: 1 }),
  ...AZURE_POLICY_RULES_OPTIONS.declarations,
});

export const AZURE_FIREWALL_POLICY_EXPORT: ExportTarget = defineExportTarget({
  name: 'azure-firewall-policy',
  description: 'Azure Firewall policy rule collection groups (azurerm_firewall_policy_rule_collection_group) for an existing policy.',
  cloud: 'azure',
  options: OPTIONS,
  defaults: { ruleCollectionGroupName: 'aks-egress' },
  build(requirements, o, origin) {
    validatePolicyRulesSet(requirements, o);
    const sourceVariable = o.sources === 'addresses' ? 'source_addresses' : 'source_ip_group_ids';
    // The size estimate counts each source entry at the length of a resource id (IP groups) or of an IPv6 CIDR.
    const perEntry = o.sources === 'addresses' ? 45 : 200;
    const plan = planPolicyRules(requirements, { ...o, sourceCount: o.sourceCount, sourceBytesPerRule: o.sourceCount * (perEntry + 3) + '"sourceAddresses":[],'.length }, origin);

    const sources = o.sources === 'addresses' ? { sourceAddresses: `\${var.${sourceVariable}}` } : { sourceIpGroups: `\${var.${sourceVariable}}` };
    const groups: Record<string, unknown> = {};
    let previous: string | undefined;
    for (const group of plan.groups) {
      const key = terraformKey(group.name);
      groups[key] = {
        name: terraformText(group.name),
        firewall_policy_id: '${var.firewall_policy_id}',
        priority: group.priority,
        ...(terraformArguments(ruleCollectionsBody(group, sources)) as Record<string, unknown>),
        ...(previous ? { depends_on: [`${RESOURCE}.${previous}`] } : {}),
      };
      previous = key;
    }
    const keys = plan.groups.map((g) => terraformKey(g.name));
    return {
      providers: [AZURERM_PROVIDER],
      variables: {
        firewall_policy_id: { type: 'string', description: 'Id of the azurerm_firewall_policy the rule collection groups belong to.' },
        [sourceVariable]: {
          type: 'list(string)',
          description:
            o.sources === 'addresses'
              ? "The cluster's node subnets (CIDRs). Never 0.0.0.0/0: the rules would then allow every source."
              : 'Ids of the IP Groups that hold the cluster node subnets.',
        },
      },
      resources: { [RESOURCE]: groups },
      outputs: {
        rule_collection_group_ids: { value: keys.map((k) => `\${${RESOURCE}.${k}.id}`), description: 'Ids of the rule collection groups, in priority order.' },
        rule_collection_group_names: { value: plan.groups.map((g) => terraformText(g.name)), description: 'Names of the rule collection groups, in priority order.' },
        rule_collection_group_priorities: { value: plan.groups.map((g) => g.priority), description: 'Priorities the groups take on the policy (keep other groups off them).' },
        last_rule_collection_group_id: {
          value: `\${${RESOURCE}.${keys[keys.length - 1]}.id}`,
          description: 'The last group: make the next change to the same policy (or the cluster) depend on it.',
        },
      },
    };
  },
});
