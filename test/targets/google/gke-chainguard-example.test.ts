import { Testing } from 'cdktf';
import { CONTROL_PLANE_CIDR, createStack, NODE_CIDR, POD_CIDR, SERVICE_CIDR } from '../../../examples/gke-chainguard/stack';
import { chainguardContainersProfile } from '../../../lib/catalog/chainguard-containers';
import { resourcesOf } from '../helpers';

describe('example gke-chainguard', () => {
  const json = JSON.parse(Testing.synth(createStack(Testing.app(), 'gke-chainguard'), true));
  const rules = resourcesOf(json, 'google_compute_network_firewall_policy_rule').sort((a, b) => a.priority - b.priority);
  const NODES_SA = '${google_service_account.nodes.email}';

  test('the network evaluates the firewall policy before the VPC firewall rules', () => {
    expect(resourcesOf(json, 'google_compute_network')[0].network_firewall_policy_enforcement_order).toBe('BEFORE_CLASSIC_FIREWALL');
    expect(resourcesOf(json, 'google_compute_network_firewall_policy_association')[0].attachment_target).toBe('${google_compute_network.network.id}');
  });

  test('the cluster admits exactly the administrators (no retired Enforce range)', () => {
    const [cluster] = resourcesOf(json, 'google_container_cluster');
    expect(cluster.master_authorized_networks_config).toEqual({
      gcp_public_cidrs_access_enabled: false,
      cidr_blocks: [{ cidr_block: '203.0.113.0/24', display_name: 'Administrators (kubectl)' }],
    });
    for (const address of ['34.107.162.32', '34.117.0.114', '34.132.193.40', '35.230.121.20', '35.237.242.37']) {
      expect(JSON.stringify(json)).not.toContain(address);
    }
  });

  test("GKE's own egress (the private.googleapis.com IPv4 and IPv6 ranges) and the registry hosts are allowed, then everything else is denied, for the node service account", () => {
    const hosts = chainguardContainersProfile()
      .requirements.map((r) => r.peer.value)
      .sort();
    expect(hosts).toEqual(['9236a389bd48b984df91adc1bc924620.r2.cloudflarestorage.com', 'cgr.dev', 'enforce.dev']);
    const allows = rules.filter((r) => r.action === 'allow');
    expect(allows.map((r) => r.match).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)))).toEqual([
      { dest_fqdns: hosts, layer4_configs: [{ ip_protocol: 'tcp', ports: ['443'] }] },
      { dest_ip_ranges: [NODE_CIDR, POD_CIDR, SERVICE_CIDR], layer4_configs: [{ ip_protocol: 'all' }] },
      { dest_ip_ranges: [CONTROL_PLANE_CIDR, '199.36.153.8/30'], layer4_configs: [{ ip_protocol: 'tcp', ports: ['443'] }] },
      { dest_ip_ranges: ['2600:2d00:2:2000::/64'], layer4_configs: [{ ip_protocol: 'tcp', ports: ['443'] }] },
    ]);
    expect(rules.slice(-2).map((r) => [r.action, r.match.dest_ip_ranges])).toEqual([
      ['deny', ['0.0.0.0/0']],
      ['deny', ['::/0']],
    ]);
    expect(rules.every((r) => r.target_service_accounts[0] === NODES_SA)).toBe(true);
  });

  test('the control plane reaches the kubelet and metrics-server through an ingress VPC firewall rule', () => {
    expect(resourcesOf(json, 'google_compute_firewall').map((r) => [r.direction, r.source_ranges, r.allow, r.target_service_accounts])).toEqual([
      ['INGRESS', [CONTROL_PLANE_CIDR], [{ protocol: 'tcp', ports: ['443', '10250'] }], [NODES_SA]],
    ]);
  });

  test('Google API names resolve to private.googleapis.com inside the VPC', () => {
    const zones = resourcesOf(json, 'google_dns_managed_zone').map((z) => z.dns_name).sort();
    expect(zones).toEqual(['gcr.io.', 'googleapis.com.', 'pkg.dev.']);
    const a = resourcesOf(json, 'google_dns_record_set').filter((r) => r.type === 'A');
    expect(a.every((r) => JSON.stringify(r.rrdatas) === JSON.stringify(['199.36.153.8', '199.36.153.9', '199.36.153.10', '199.36.153.11']))).toBe(true);
  });
});
