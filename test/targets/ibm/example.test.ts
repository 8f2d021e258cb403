import { Testing } from 'cdktf';
import { createStack, SUBNET_CIDRS } from '../../../examples/ibm-vpc-nodeports/stack';
import { bodies } from './fixtures';

describe('examples/ibm-vpc-nodeports', () => {
  const stack = createStack(Testing.app(), 'ibm-vpc-nodeports');
  const text = Testing.synth(stack, true);
  const json = JSON.parse(text);

  test('pins the IBM provider and sets the region', () => {
    expect(json.terraform.required_providers).toEqual({ ibm: { source: 'IBM-Cloud/ibm', version: '>= 1.87.2, < 3.0.0' } });
    expect(json.provider.ibm).toEqual([{ region: 'eu-de' }]);
  });

  test('one created group, one inbound node-port rule per subnet and nothing else', () => {
    expect(bodies(json, 'ibm_is_security_group')).toEqual([{ vpc: '${var.vpc_id}', name: 'k8s-node-ports-1' }]);
    const rules = bodies(json, 'ibm_is_security_group_rule');
    expect(rules.map((r) => [r.direction, r.protocol, r.port_min, r.port_max, r.remote])).toEqual(
      [...SUBNET_CIDRS].sort().map((cidr) => ['inbound', 'tcp', 30000, 32767, cidr]),
    );
    expect(rules.every((r) => /^in-tcp-30000-32767-10-240-\d+-0-24-[0-9a-f]{8}$/.test(String(r.name)))).toBe(true);
  });

  test("the domain names for the administrators' firewall and the registry are in an output, not dropped", () => {
    const fqdns = Object.entries<any>(json.output).find(([k]) => k.startsWith('cluster-firewall_fqdn-requirements'))![1].value;
    const corporate = fqdns.filter((f: any) => f.firewall === 'corporate').map((f: any) => f.peer);
    expect(corporate).toEqual(expect.arrayContaining(['cloud.ibm.com', 'containers.cloud.ibm.com', 'icr.io', 'de.icr.io']));
    const registry = fqdns.filter((f: any) => f.firewall === undefined);
    // cgr.dev comes with its blob storage host
    expect(registry.map((f: any) => f.peer).sort()).toEqual(['9236a389bd48b984df91adc1bc924620.r2.cloudflarestorage.com', 'cgr.dev', 'enforce.dev']);
    expect(registry.every((f: any) => f.source.startsWith('chainguard-containers/'))).toBe(true);
    expect(json.output.security_group_ids.value).toEqual([expect.stringMatching(/^\$\{ibm_is_security_group\.cluster-firewall_security-group-1_[0-9A-F]{8}\.id\}$/)]);
  });

  test('no output tells users to admit a retired Chainguard Enforce range on the API server', () => {
    for (const address of ['34.107.162.32', '34.117.0.114', '34.132.193.40', '35.230.121.20', '35.237.242.37']) expect(text).not.toContain(address);
    const skipped = Object.entries<any>(json.output).find(([k]) => k.startsWith('cluster-firewall_skipped-requirements'));
    expect((skipped?.[1].value ?? []).some((s: any) => String(s.source).startsWith('chainguard-enforce/'))).toBe(false);
  });

  test('synthesizes byte-identically twice', () => {
    expect(Testing.synth(createStack(Testing.app(), 'ibm-vpc-nodeports'))).toBe(text);
  });
});
