/**
 * User text is data: a purpose, tag, name or display name holding Terraform template syntax (`${var.x}`, `%{if}`)
 * comes out of every construct (cdk.tf.json) and every export target (the module files) escaped, so Terraform
 * reads it back as exactly the text written, and never as an interpolation or a directive.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { TerraformStack, Testing } from 'cdktf';
import { Construct } from 'constructs';
import { AWS_NETWORK_FIREWALL_EXPORT, AWS_SECURITY_GROUP_RULES_EXPORT, EKS_ENDPOINT_ACCESS_EXPORT } from '../../lib/export/aws';
import { AZURE_EXPORT_TARGETS } from '../../lib/export/azure';
import { GCP_FIREWALL_EXPORT, GKE_AUTHORIZED_NETWORKS_EXPORT } from '../../lib/export/google';
import { IBM_SECURITY_GROUP_RULES_EXPORT } from '../../lib/export/ibm';
import { ExportTarget } from '../../lib/export/module';
import { renderModuleFiles } from '../../lib/export/render';
import { Direction, Landing, Peer, PortRange, Protocol, RequirementSet } from '../../lib/model';
import { EksEndpointAccess, NetworkFirewallDomainAllowlist, SecurityGroupRules } from '../../lib/targets/aws';
import { AksAuthorizedIpRanges, AksEgressRouteTable, AzureFirewallPolicyRules, FirewallRuleSources } from '../../lib/targets/azure';
import { GcpFirewall, GkeAuthorizedNetworks } from '../../lib/targets/google';
import { IbmSecurityGroupRules } from '../../lib/targets/ibm';
import { runCli } from '../cli/run-cli';
import { req } from '../model/fixtures';
import { cidrFlow, egressFqdns } from '../targets/helpers';

/** Hostile text: an interpolation, a directive, and text that already looks escaped. */
const TEXT = 'Pull ${var.x} %{if true}x%{endif} $${kept}';
/** How it must be written (hand-derived: every `${` and `%{` doubled, nothing else touched). */
const WRITTEN = 'Pull $${var.x} %%{if true}x%%{endif} $$${kept}';

/**
 * Every live template (`${...}` or `%{...}` that Terraform would evaluate) in every string and object key of a JSON
 * value, scanned the way Terraform's template scanner does: `$${` and `%%{` are literal text.
 */
function liveTemplates(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') {
    for (let i = 0; i < value.length; i++) {
      const three = value.slice(i, i + 3);
      if (three === '$${' || three === '%%{') {
        i += 2;
      } else if (three.startsWith('${') || three.startsWith('%{')) {
        const end = value.indexOf('}', i);
        out.push(value.slice(i, end < 0 ? undefined : end + 1));
        i = end < 0 ? value.length : end;
      }
    }
  } else if (Array.isArray(value)) {
    value.forEach((v) => liveTemplates(v, out));
  } else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      liveTemplates(k, out);
      liveTemplates(v, out);
    }
  }
  return out;
}

/** The user's text never becomes a live template: only the module's own references remain. */
function expectNoUserTemplates(json: unknown): void {
  const live = liveTemplates(json);
  expect(live.filter((t) => /var\.x\b|^%\{|kept/.test(t))).toEqual([]);
}

/** Every string of a JSON value (keys included). */
function strings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) value.forEach((v) => strings(v, out));
  else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) out.push(k), strings(v, out);
  return out;
}

function synth(build: (scope: Construct) => void): any {
  const stack = new TerraformStack(Testing.app(), 'text');
  build(stack);
  return JSON.parse(Testing.synth(stack));
}

/** The parsed files of an exported module, as `exportModule` would write them. */
function exported(target: ExportTarget, set: RequirementSet, options: Record<string, unknown>): Record<string, any> {
  const files = renderModuleFiles(target.build(set, options, `export ${target.name} spec.target`), target.name, 'test');
  return Object.fromEntries(Object.entries(files).map(([name, text]) => [name, JSON.parse(text)]));
}

const tags = { [TEXT]: TEXT, team: TEXT };
const azureTarget = (name: string) => AZURE_EXPORT_TARGETS.find((t) => t.name === name) as ExportTarget;
const escapedTags = { [WRITTEN]: WRITTEN, team: WRITTEN };
const cidrRows = RequirementSet.of([cidrFlow('10.1.0.0/16', { purpose: TEXT }), cidrFlow('10.2.0.0/16', { direction: Direction.INGRESS, purpose: TEXT })]);
const domainRows = egressFqdns(['registry.example.com'], TEXT);
const controlPlane = RequirementSet.of([
  req({ direction: Direction.INGRESS, protocol: Protocol.TCP, ports: [PortRange.single(443)], peer: Peer.cidr('203.0.113.0/24'), purpose: TEXT, landing: Landing.CONTROL_PLANE }),
]);

describe('aws', () => {
  test('GIVEN hostile tags and purposes WHEN SecurityGroupRules synthesizes THEN tags and descriptions are escaped', () => {
    const json = synth((s) => {
      new AwsProvider(s, 'aws', { region: 'eu-central-1' });
      new SecurityGroupRules(s, 'sg', { vpcId: 'vpc-1', requirementSets: [cidrRows], tags });
    });
    const groups = Object.values(json.resource.aws_security_group) as any[];
    expect(groups.map((g) => g.tags)).toEqual([escapedTags]);
    const rules = [...Object.values(json.resource.aws_vpc_security_group_egress_rule), ...Object.values(json.resource.aws_vpc_security_group_ingress_rule)] as any[];
    expect(rules.map((r) => r.tags)).toEqual([escapedTags, escapedTags]);
    expect(rules.every((r) => r.description.includes('$${var.x}'))).toBe(true);
    expectNoUserTemplates(json);
  });

  test('GIVEN the same WHEN exported (aws-security-group-rules) THEN the module has them escaped', () => {
    const files = exported(AWS_SECURITY_GROUP_RULES_EXPORT, cidrRows, { vpcId: 'vpc-1', tags });
    const main = files['main.tf.json'];
    expect((Object.values(main.resource.aws_security_group) as any[]).map((g) => g.tags)).toEqual([escapedTags]);
    const rules = Object.values(main.resource.aws_vpc_security_group_egress_rule) as any[];
    expect(rules.map((r) => r.tags)).toEqual([escapedTags]);
    expect(rules[0].description).toContain('$${var.x}');
    expectNoUserTemplates(files);
  });

  test('GIVEN hostile tags WHEN NetworkFirewallDomainAllowlist synthesizes and when exported THEN the tags are escaped', () => {
    const json = synth((s) => {
      new AwsProvider(s, 'aws', { region: 'eu-central-1' });
      new NetworkFirewallDomainAllowlist(s, 'nfw', { name: 'egress', homeNetCidrs: ['10.0.16.0/20'], requirementSets: [domainRows], tags });
    });
    expect((Object.values(json.resource.aws_networkfirewall_rule_group) as any[]).map((g) => g.tags)).toEqual([escapedTags]);
    expectNoUserTemplates(json);
    const files = exported(AWS_NETWORK_FIREWALL_EXPORT, domainRows, { name: 'egress', homeNetCidrs: ['10.0.16.0/20'], tags });
    expect((Object.values(files['main.tf.json'].resource.aws_networkfirewall_rule_group) as any[]).map((g) => g.tags)).toEqual([escapedTags]);
    expectNoUserTemplates(files);
  });

  test('GIVEN a hostile purpose on an EKS endpoint network THEN the construct and the export write no text from it', () => {
    const access = EksEndpointAccess.fromRequirements({ requirementSets: [controlPlane], cidrs: [{ cidr: '198.51.100.0/24', purpose: '%{if true}office%{endif}' }] });
    expect(strings([access.publicAccessCidrs])).toEqual(['198.51.100.0/24', '203.0.113.0/24']);
    const files = exported(EKS_ENDPOINT_ACCESS_EXPORT, controlPlane, { cidrs: [{ cidr: '198.51.100.0/24', purpose: '%{if true}office%{endif}' }] });
    expect(files['outputs.tf.json'].output.public_access_cidrs.value).toEqual(['198.51.100.0/24', '203.0.113.0/24']);
    expectNoUserTemplates(files);
  });
});

describe('azure', () => {
  const rows = RequirementSet.union([domainRows, RequirementSet.of([cidrFlow('10.1.0.0/16', { purpose: TEXT })])]);

  test('GIVEN hostile purposes and IP Group tags WHEN AzureFirewallPolicyRules synthesizes THEN no user text is a template', () => {
    const json = synth((s) => {
      new AzureFirewallPolicyRules(s, 'rules', {
        requirementSets: [rows],
        firewallPolicyId: '/subscriptions/0/resourceGroups/rg/providers/Microsoft.Network/firewallPolicies/p',
        sources: FirewallRuleSources.newIpGroup({ name: 'ipg-nodes', resourceGroupName: 'rg', location: 'westeurope', cidrs: ['10.42.1.0/24'], tags }),
        basePriority: 200,
      });
    });
    expect((Object.values(json.resource.azurerm_ip_group) as any[]).map((g) => g.tags)).toEqual([escapedTags]);
    expectNoUserTemplates(json);
  });

  test('GIVEN the same purposes WHEN exported (azure-firewall-policy) THEN no user text is a template', () => {
    const files = exported(azureTarget('azure-firewall-policy'), rows, { basePriority: 200 });
    const group = Object.values(files['main.tf.json'].resource.azurerm_firewall_policy_rule_collection_group)[0] as any;
    expect(group.network_rule_collection[0].rule[0].description).not.toMatch(/[$%]\{/);
    expectNoUserTemplates(files);
  });

  test('GIVEN a hostile route table name and tags WHEN AksEgressRouteTable synthesizes THEN they are escaped', () => {
    const json = synth((s) => {
      new AksEgressRouteTable(s, 'udr', { name: 'rt-${var.x}', resourceGroupName: 'rg', location: 'westeurope', firewallPrivateIp: '10.42.2.4', firewallPublicIp: '20.50.1.2', subnetId: 'subnet-id', tags });
    });
    const table = Object.values(json.resource.azurerm_route_table)[0] as any;
    expect(table.name).toBe('rt-$${var.x}');
    expect(table.tags).toEqual(escapedTags);
    expectNoUserTemplates(json);
  });

  test('GIVEN a hostile purpose on an authorized range THEN the construct and the export write only CIDRs', () => {
    const ranges = AksAuthorizedIpRanges.compute({ requirementSets: [controlPlane], cidrs: [{ cidr: '198.51.100.0/24', purpose: '%{if true}ops%{endif}' }], firewallPublicIps: ['20.50.1.2'] });
    expect([...ranges.ranges].sort()).toEqual(['198.51.100.0/24', '20.50.1.2/32', '203.0.113.0/24']);
    const files = exported(azureTarget('aks-authorized-ip-ranges'), controlPlane, { cidrs: [{ cidr: '198.51.100.0/24', purpose: '%{if true}ops%{endif}' }] });
    expect([...files['main.tf.json'].locals.planned_authorized_ip_ranges].sort()).toEqual(['198.51.100.0/24', '203.0.113.0/24']);
    expectNoUserTemplates(files);
  });
});

describe('google', () => {
  const rows = RequirementSet.union([cidrRows, domainRows]);

  test('GIVEN hostile purposes WHEN GcpFirewall synthesizes THEN every description is escaped', () => {
    const json = synth((s) => new GcpFirewall(s, 'fw', { network: 'vpc', requirementSets: [rows] }));
    const vpcRule = Object.values(json.resource.google_compute_firewall)[0] as any;
    expect(vpcRule.description).toContain('$${var.x}');
    expect(vpcRule.description).toContain('%%{if true}');
    expectNoUserTemplates(json);
  });

  test('GIVEN the same WHEN exported (gcp-firewall) THEN every description is escaped', () => {
    const files = exported(GCP_FIREWALL_EXPORT, rows, { network: 'vpc' });
    const policyRules = Object.values(files['main.tf.json'].resource.google_compute_network_firewall_policy_rule) as any[];
    expect(policyRules.filter((r) => r.action === 'allow').every((r) => r.description.includes('$$${kept}'))).toBe(true);
    expectNoUserTemplates(files);
  });

  test('GIVEN hostile purposes WHEN GkeAuthorizedNetworks renders and when exported THEN display names hold no template', () => {
    // A user network's purpose holding `${` is refused (see google-bad-input); a directive and the rows' purposes pass.
    const networks = GkeAuthorizedNetworks.fromRequirements({ requirementSets: [controlPlane], cidrs: [{ cidr: '198.51.100.0/24', purpose: '%{if true}ops%{endif}' }] });
    expectNoUserTemplates(networks.toConfig());
    expect(networks.networks.map((n) => n.cidrBlock)).toEqual(['198.51.100.0/24', '203.0.113.0/24']);
    const files = exported(GKE_AUTHORIZED_NETWORKS_EXPORT, controlPlane, { cidrs: [{ cidr: '198.51.100.0/24', purpose: '%{if true}ops%{endif}' }] });
    expect(files['outputs.tf.json'].output.cidr_blocks.value.map((b: any) => b.cidr_block)).toEqual(['198.51.100.0/24', '203.0.113.0/24']);
    expectNoUserTemplates(files);
  });
});

describe('ibm', () => {
  const rows = RequirementSet.union([cidrRows, domainRows]);

  test('GIVEN hostile tags and purposes WHEN IbmSecurityGroupRules synthesizes THEN the tags and the output purposes are escaped', () => {
    const json = synth((s) => new IbmSecurityGroupRules(s, 'rules', { vpcId: 'r006-vpc', requirementSets: [rows], tags: [TEXT] }));
    expect((Object.values(json.resource.ibm_is_security_group) as any[]).map((g) => g.tags)).toEqual([[WRITTEN]]);
    const outputs = Object.values(json.output) as any[];
    expect(outputs.flatMap((o) => (Array.isArray(o.value) ? o.value : [])).some((e: any) => e.purpose === WRITTEN)).toBe(true);
    expectNoUserTemplates(json);
  });

  test('GIVEN the same WHEN exported (ibm-security-group-rules) THEN the tags and the output purposes are escaped', () => {
    const files = exported(IBM_SECURITY_GROUP_RULES_EXPORT, rows, { tags: [TEXT] });
    expect((Object.values(files['main.tf.json'].resource.ibm_is_security_group) as any[]).map((g) => g.tags)).toEqual([[WRITTEN]]);
    expect(files['outputs.tf.json'].output.fqdn_requirements.value[0].purpose).toBe(WRITTEN);
    expectNoUserTemplates(files);
  });
});

describe('cli', () => {
  test('GIVEN a spec whose tags and network purpose hold templates WHEN the CLI exports THEN the written module has them escaped', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'text-cli-'));
    try {
      const spec = path.join(root, 'spec.json');
      fs.writeFileSync(spec, JSON.stringify({ profiles: { 'chainguard-enforce': { acknowledgeRetired: true } }, select: { peerKinds: ['cidr'] }, target: { vpcId: 'vpc-1', tags } }));
      const out = path.join(root, 'module');
      const run = runCli('export', 'aws-security-group-rules', '--spec', spec, '--out', out);
      // The retired catalog is named on stderr, the module is written all the same.
      expect(run.stderr).toMatch(/^cdktf-firewall-requirements: warning: catalog chainguard-enforce \(Chainguard Enforce for Kubernetes\) is retired since 2024-04-10: .*\n$/);
      expect(run.code).toBe(0);
      const main = JSON.parse(fs.readFileSync(path.join(out, 'main.tf.json'), 'utf8'));
      expect((Object.values(main.resource.aws_security_group) as any[]).map((g) => g.tags)).toEqual([escapedTags]);
      expectNoUserTemplates(main);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
