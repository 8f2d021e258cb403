/**
 * One Azure Firewall policy whose rules three modules compose, the way a platform team splits the work:
 *
 * - `ClusterEgress` (the cluster module) owns the rules construct and adds the AKS core rows;
 * - `MonitoringAddon` (an add-on module) adds the Azure Monitor add-on's rows to the same construct;
 * - `ChainguardRegistry` (the platform's image module) adds the rows for pulls from Chainguard's registry.
 *
 * Each module calls `addRequirements` on the shared `AzureFirewallPolicyRules`; the construct renders once, at synth,
 * so splitting, the group size and count limits and the priorities see every row, whichever module added it. The
 * result is the same as one construct given every set at once (`test/examples.test.ts` checks it).
 *
 *   terraform apply -var firewall_policy_id=/subscriptions/.../firewallPolicies/fwp-aks
 */
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { TerraformOutput, TerraformStack, TerraformVariable } from 'cdktf';
import { Construct } from 'constructs';
import { AksAddon, aksProfile, chainguardContainersProfile } from 'cdktf-firewall-requirements';
import { AzureFirewallPolicyRules, FirewallRuleSources } from 'cdktf-firewall-requirements/azure';

export const LOCATION = 'westeurope';
/** The AKS subnet: the only source the rules admit. */
export const AKS_SUBNET = '10.42.1.0/24';

/** The cluster module: owns the rules on the policy and adds what every AKS cluster in the location needs. */
export class ClusterEgress extends Construct {
  public readonly rules: AzureFirewallPolicyRules;

  constructor(scope: Construct, id: string, props: { firewallPolicyId: string }) {
    super(scope, id);
    this.rules = new AzureFirewallPolicyRules(this, 'rules', {
      requirementSets: [aksProfile({ location: LOCATION })],
      firewallPolicyId: props.firewallPolicyId,
      sources: FirewallRuleSources.addresses([AKS_SUBNET]),
      basePriority: 300,
      dnsProxyEnabled: true,
    });
  }
}

/** An add-on module: Azure Monitor's rows, added to the cluster's rules. */
export class MonitoringAddon extends Construct {
  constructor(scope: Construct, id: string, props: { cluster: ClusterEgress }) {
    super(scope, id);
    props.cluster.rules.addRequirements(aksProfile({ location: LOCATION, addons: [AksAddon.AZURE_MONITOR] }));
  }
}

/** The image module: nodes pulling from Chainguard's registry (cgr.dev, its blob storage host, authentication). */
export class ChainguardRegistry extends Construct {
  constructor(scope: Construct, id: string, props: { cluster: ClusterEgress }) {
    super(scope, id);
    props.cluster.rules.addRequirements(chainguardContainersProfile());
  }
}

/** The complete stack; `id` names it (the example runner passes the folder name). */
export function createStack(scope: Construct, id: string): TerraformStack {
  const stack = new TerraformStack(scope, id);
  new AzurermProvider(stack, 'azurerm', { features: [{}] });
  const policyId = new TerraformVariable(stack, 'firewall_policy_id', {
    type: 'string',
    description: 'Id of the Azure Firewall policy in front of the AKS subnet (DNS proxy enabled).',
  });

  const cluster = new ClusterEgress(stack, 'cluster', { firewallPolicyId: policyId.stringValue });
  new MonitoringAddon(stack, 'monitoring', { cluster });
  new ChainguardRegistry(stack, 'registry', { cluster });

  new TerraformOutput(stack, 'rule_collection_group_names', {
    description: 'The rule collection groups on the policy, in priority order.',
    value: cluster.rules.ruleCollectionGroups.map((g) => g.name),
  });
  return stack;
}
