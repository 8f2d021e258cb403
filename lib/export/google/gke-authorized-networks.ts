import { terraformText } from '../../model/terraform-text';
import { invalidValue } from '../../model/errors';
import { isTerraformReference } from '../../model/input';
import { checkUserCidrs, planGkeAuthorizedNetworks } from '../../targets/google/plan/gke-authorized-networks-plan';
import { TargetOptionTable } from '../../targets/target-options';
import { defineExportTarget } from '../define-target';
import { ExportTarget } from '../module';
import { GOOGLE_PROVIDER } from './provider';

const OPTIONS: Record<string, string> = {
  cidrs: "More networks to admit: [{ cidr: '203.0.113.0/24', purpose: 'office' }] (IPv4 literals).",
  privateCluster: 'The cluster is private: up to 100 networks instead of 50 (default false).',
  gcpPublicCidrsAccessEnabled: 'Also admit Google Compute Engine public addresses (default false).',
};

/**
 * `gke-authorized-networks`: no resources; the module outputs the `master_authorized_networks_config` value to
 * pass to the cluster (exactly the control-plane rows plus `cidrs`), checked as `GkeAuthorizedNetworks` checks it.
 */
export const GKE_AUTHORIZED_NETWORKS_EXPORT: ExportTarget = defineExportTarget({
  name: 'gke-authorized-networks',
  description: 'GKE master authorized networks: the master_authorized_networks_config value for google_container_cluster',
  cloud: 'google',
  options: TargetOptionTable.unchecked(OPTIONS),
  build(requirements, o, origin, check) {
    checkUserCidrs(check, o.cidrs).forEach((c, i) => {
      if (isTerraformReference(c.cidr)) {
        throw invalidValue(
          'cidr',
          c.cidr,
          `${check.where('cidrs')}[${i}]`,
          'An exported module is planned before Terraform runs: give literal CIDRs here, and add networks known only at apply to the config where you call the module (concat on cidr_blocks).',
          'unresolved-token',
        );
      }
    });
    const plan = planGkeAuthorizedNetworks(o, origin, [check.requirementSet('requirements', requirements)]);
    const cidrBlocks = plan.networks.map((n) => ({ cidr_block: n.cidrBlock, display_name: terraformText(n.displayName) }));
    return {
      providers: [GOOGLE_PROVIDER],
      variables: {},
      resources: {},
      outputs: {
        master_authorized_networks_config: {
          value: { gcp_public_cidrs_access_enabled: plan.gcpPublicCidrsAccessEnabled, ...(cidrBlocks.length > 0 ? { cidr_blocks: cidrBlocks } : {}) },
          description: `The master_authorized_networks_config block for google_container_cluster (${plan.networks.length} of at most ${plan.limit} networks).`,
        },
        cidr_blocks: { value: cidrBlocks, description: 'The authorized networks alone, for dynamic "cidr_blocks" blocks.' },
      },
    };
  },
});
