import { terraformText } from '../../model/terraform-text';
import { InputCheck } from '../../model/input';
import { RequirementSet } from '../../model/requirement-set';
import { checkPolicyRulesSettings, planPolicyRules, validatePolicyRulesSet } from '../../targets/azure/plan/firewall-policy-rules-plan';
import { AzureRuleCollectionKind, PlannedCollection, PlannedGroup } from '../../targets/azure/plan/rule-plan';
import { ExportedModuleContent, ExportTarget } from '../module';
import { AZURERM_PROVIDER, terraformKey } from './provider';

// `azure-firewall-policy`: the rule collection groups AzureFirewallPolicyRules renders, as a plain Terraform module.
// The policy and the sources are variables (the module does not own them); planning is the construct's own code.

const RESOURCE = 'azurerm_firewall_policy_rule_collection_group';

/** How the rules name their sources. */
const SOURCE_KINDS = ['ip-group-ids', 'addresses'] as const;

const OPTIONS: Readonly<Record<string, string>> = {
  basePriority: 'Priority of the first rule collection group (100-65000); split groups take the next ones. Required.',
  ruleCollectionGroupName: 'Name of the first rule collection group; further groups get -2, -3, ... (default aks-egress).',
  sources: 'How rules name their sources: ip-group-ids (variable source_ip_group_ids, the default) or addresses (variable source_addresses).',
  sourceCount: 'Entries the source variable will hold, for the 20,000 pair limit and the size estimate (default 1).',
  mode: 'explicit-fqdns (default) or fqdn-tag (the AzureKubernetesService tag for the AKS core FQDN rows).',
  dnsProxyEnabled: 'Whether DNS proxy is on for the policy: network rules may then name FQDNs (default false).',
  collectionPriorities: "Base priority per section, e.g. { 'aks/addon-azure-monitor': 4000 }.",
  maxRuleCollectionGroups: 'Most rule collection groups the module may create (default 60).',
  maxRuleCollectionGroupBytes: 'Most estimated bytes per rule collection group (default 2 MB).',
  fqdnTagSections: 'catalog/section keys the FQDN tag covers in fqdn-tag mode.',
  allowAnyAddress: 'Allow network-rule destinations that cover every address (default false).',
};

export const AZURE_FIREWALL_POLICY_EXPORT: ExportTarget = {
  name: 'azure-firewall-policy',
  description: 'Azure Firewall policy rule collection groups (azurerm_firewall_policy_rule_collection_group) for an existing policy.',
  cloud: 'azure',
  options: OPTIONS,
  build(requirements: RequirementSet, options: Readonly<Record<string, unknown>>, origin: string): ExportedModuleContent {
    const check = new InputCheck(origin);
    const o = check.props(options, Object.keys(OPTIONS));
    const sourceKind = check.enumValue('sources', o.sources, SOURCE_KINDS, 'ip-group-ids');
    const sourceCount = check.integer('sourceCount', o.sourceCount, { min: 1, max: 5000, default: 1 });
    const settings = checkPolicyRulesSettings(check, o, 'aks-egress');
    validatePolicyRulesSet(requirements, settings);
    const sourceVariable = sourceKind === 'addresses' ? 'source_addresses' : 'source_ip_group_ids';
    // The size estimate counts each source entry at the length of a resource id (IP groups) or of an IPv6 CIDR.
    const perEntry = sourceKind === 'addresses' ? 45 : 200;
    const plan = planPolicyRules(requirements, settings, { count: sourceCount, bytesPerRule: sourceCount * (perEntry + 3) + '"sourceAddresses":[],'.length }, origin);

    const sources = sourceKind === 'addresses' ? { source_addresses: `\${var.${sourceVariable}}` } : { source_ip_groups: `\${var.${sourceVariable}}` };
    const groups: Record<string, unknown> = {};
    let previous: string | undefined;
    for (const group of plan.groups) {
      const key = terraformKey(group.name);
      groups[key] = {
        name: terraformText(group.name),
        firewall_policy_id: '${var.firewall_policy_id}',
        priority: group.priority,
        ...groupBody(group, sources),
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
            sourceKind === 'addresses'
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
};

/** A group's collections in Terraform JSON (snake_case), as the construct renders them. */
export function groupBody(group: PlannedGroup, sources: Record<string, unknown>): Record<string, unknown> {
  const of = (kind: AzureRuleCollectionKind) => group.collections.filter((c) => c.kind === kind);
  const application = of(AzureRuleCollectionKind.APPLICATION);
  const network = of(AzureRuleCollectionKind.NETWORK);
  const head = (c: PlannedCollection) => ({ name: terraformText(c.name), action: 'Allow', priority: c.priority });
  return {
    ...(application.length > 0
      ? {
          application_rule_collection: application.map((c) => ({
            ...head(c),
            rule: (c.applicationRules ?? []).map((r) => ({
              name: terraformText(r.name),
              description: terraformText(r.description),
              protocols: r.protocols.map((p) => ({ type: p.type, port: p.port })),
              ...sources,
              ...(r.destinationFqdns ? { destination_fqdns: [...r.destinationFqdns] } : {}),
              ...(r.destinationFqdnTags ? { destination_fqdn_tags: [...r.destinationFqdnTags] } : {}),
            })),
          })),
        }
      : {}),
    ...(network.length > 0
      ? {
          network_rule_collection: network.map((c) => ({
            ...head(c),
            rule: (c.networkRules ?? []).map((r) => ({
              name: terraformText(r.name),
              description: terraformText(r.description),
              protocols: [...r.protocols],
              ...sources,
              ...(r.destinationAddresses ? { destination_addresses: [...r.destinationAddresses] } : {}),
              ...(r.destinationFqdns ? { destination_fqdns: [...r.destinationFqdns] } : {}),
              destination_ports: [...r.destinationPorts],
            })),
          })),
        }
      : {}),
  };
}
