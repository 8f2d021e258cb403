import { invalidValue } from '../../model/errors';
import { planAksAuthorizedIpRanges } from '../../targets/azure/plan/aks-authorized-ip-ranges-plan';
import { TargetOptionTable } from '../../targets/target-options';
import { defineExportTarget } from '../define-target';
import { ExportTarget } from '../module';
import { AZURERM_PROVIDER } from './provider';

// `aks-authorized-ip-ranges`: no resources. The module computes the list to pass to the cluster's
// `api_server_access_profile { authorized_ip_ranges = ... }` (a resource the user owns) from the control-plane rows of
// the profiles, the literal CIDRs of the spec, and variables for what is only known at apply (firewall public IPs,
// extra networks).

const OPTIONS: Readonly<Record<string, string>> = {
  cidrs: "More networks to authorize, as [{ cidr, purpose }] (literal CIDRs, e.g. the operators' office).",
  firewallPublicIps: "Literal firewall public IPs (host addresses); for ones known only at apply use the firewall_public_ips variable.",
  privateCluster: 'Whether the cluster is private (authorized ranges do not apply: refused).',
  apiServerVnetIntegration: 'Whether the cluster uses API Server VNet Integration (limit 2,000 ranges instead of 200).',
};

export const AKS_AUTHORIZED_IP_RANGES_EXPORT: ExportTarget = defineExportTarget({
  name: 'aks-authorized-ip-ranges',
  description: 'AKS API server authorized IP ranges (output authorized_ip_ranges for the cluster api_server_access_profile).',
  cloud: 'azure',
  options: TargetOptionTable.unchecked(OPTIONS),
  build(requirements, given, origin, check) {
    // The firewall IPs are required at apply (one or more), so the literal list may be empty here.
    const plan = planAksAuthorizedIpRanges({ ...given, requirementSets: [requirements] }, check, { rangesAddedLater: 1 });
    // A module is planned before Terraform runs: a reference would be dropped from the literal list or reach the
    // cluster unchecked. Networks known only at apply go through var.firewall_public_ips and var.extra_cidrs.
    if (plan.referenceRanges.length > 0) {
      throw invalidValue(
        'authorized IP range',
        plan.referenceRanges[0],
        check.owner,
        'An exported module takes literal CIDRs and addresses here; pass what is known only at apply through the firewall_public_ips or extra_cidrs variable.',
        'template-syntax',
      );
    }
    return {
      providers: [AZURERM_PROVIDER],
      variables: {
        firewall_public_ips: {
          type: 'list(string)',
          description: "The firewall's egress public IP addresses (one address each, no prefix): the nodes reach the API server through them.",
        },
        extra_cidrs: {
          type: 'list(string)',
          description: 'More networks to authorize (CIDRs). Never 0.0.0.0/0: authorized ranges exist to keep the API server from every address.',
          default: [],
        },
      },
      resources: {},
      locals: { planned_authorized_ip_ranges: [...plan.literalRanges] },
      outputs: {
        authorized_ip_ranges: {
          value: '${distinct(concat(local.planned_authorized_ip_ranges, formatlist("%s/32", var.firewall_public_ips), var.extra_cidrs))}',
          description: 'Pass to azurerm_kubernetes_cluster api_server_access_profile { authorized_ip_ranges = ... }.',
        },
      },
    };
  },
});
