import { RequirementRecord } from '../../../model/requirement-record';
import { terraformText } from '../../../model/terraform-text';
import { FIREWALL_METADATA_KEY } from './rule-plan-types';

// The requirement lists the IBM target reports (construct outputs and exported module outputs alike). No cdktf here.

/** Descriptions of the requirement-list outputs (the construct's and the exported module's). */
export const IBM_OUTPUT_DESCRIPTIONS = {
  fqdn: 'Domain names IBM VPC security groups cannot express: allow them on the proxy or firewall their "firewall" field names, or else on the egress proxy or firewall in front of the cluster.',
  otherFirewall: 'Requirements a catalog marks for another firewall (the "firewall" field), not for the VPC security group: allow them there.',
  skipped:
    'Requirements that land elsewhere than on the workers (the cluster API endpoint, or a service beside the cluster): never opened on the nodes; admit the control-plane ones on the API server allowlist.',
} as const;

/** One requirement as the outputs list it: flat, readable fields for a network team (Terraform-literal text). */
export function outputEntry(r: RequirementRecord): Record<string, string> {
  const firewall = r.metadata?.[FIREWALL_METADATA_KEY];
  const entry: Record<string, string> = {
    direction: r.direction,
    peer: r.peer.value,
    protocol: r.protocol,
    ports: r.ports.join(','),
    purpose: r.purpose,
    necessity: r.necessity,
    ...(firewall !== undefined ? { firewall } : {}),
    source: r.source,
    url: r.provenance.url,
  };
  return Object.fromEntries(Object.entries(entry).map(([key, value]) => [key, terraformText(value)]));
}

