import { Testing } from 'cdktf';
import { createStack } from '../../../examples/gke-enforce/stack';
import { chainguardEnforceProfile } from '../../../lib/catalog/chainguard-enforce';
import { resourcesOf } from '../helpers';

describe('example gke-enforce', () => {
  const json = JSON.parse(Testing.synth(createStack(Testing.app(), 'gke-enforce')));

  test('the cluster admits the Enforce CIDRs and the administrators', () => {
    const [cluster] = resourcesOf(json, 'google_container_cluster');
    expect(cluster.master_authorized_networks_config).toEqual({
      gcp_public_cidrs_access_enabled: false,
      cidr_blocks: [
        { cidr_block: '34.107.162.32/32', display_name: 'Chainguard Enforce SaaS to the cluster API endpoint, for cluster and workload discovery' },
        { cidr_block: '34.117.0.114/32', display_name: 'Chainguard Enforce SaaS to the cluster API endpoint, for cluster and workload discovery' },
        { cidr_block: '34.132.193.40/32', display_name: 'Chainguard Enforce SaaS to the cluster API endpoint, for cluster and workload discovery' },
        { cidr_block: '35.230.121.20/32', display_name: 'Chainguard Enforce SaaS to the cluster API endpoint, for cluster and workload discovery' },
        { cidr_block: '35.237.242.37/32', display_name: 'Chainguard Enforce SaaS to the cluster API endpoint, for cluster and workload discovery' },
        { cidr_block: '203.0.113.0/24', display_name: 'Administrators (kubectl)' },
      ],
    });
  });

  test('the agent egress is one policy rule with every host, for the node service account', () => {
    const hosts = chainguardEnforceProfile()
      .requirements.filter((r) => r.peer.isDomain)
      .map((r) => r.peer.value)
      .sort();
    const [rule] = resourcesOf(json, 'google_compute_network_firewall_policy_rule');
    expect(rule.match).toEqual({ dest_fqdns: hosts, layer4_configs: [{ ip_protocol: 'tcp', ports: ['443'] }] });
    expect(rule.target_service_accounts).toEqual(['${google_service_account.nodes.email}']);
    expect(resourcesOf(json, 'google_compute_network_firewall_policy_association')[0].attachment_target).toBe('${google_compute_network.network.id}');
    expect(resourcesOf(json, 'google_compute_firewall')).toEqual([]);
  });
});
