import * as fs from 'fs';
import * as path from 'path';
import { ContainerCluster } from '@cdktf/provider-google/lib/container-cluster';
import { GoogleProvider } from '@cdktf/provider-google/lib/provider';
import { TerraformStack, Testing } from 'cdktf';
import { chainguardEnforceProfile } from '../../../lib/catalog/chainguard-enforce';
import { gkeNodesProfile, GkeGoogleApiAccess } from '../../../lib/catalog/gke';
import { GCP_FIREWALL_EXPORT, GKE_AUTHORIZED_NETWORKS_EXPORT, GOOGLE_EXPORT_TARGETS } from '../../../lib/export/google';
import { Direction, RequirementSet } from '../../../lib/model';
import { validateStackJson } from '../../../lib/validate';
import { GcpFirewall, GcpFirewallProps, GkeAuthorizedNetworks } from '../../../lib/targets/google';
import { errorOf } from '../../model/fixtures';
import { cidrFlow, egressFqdns, ingressCidrs, resourcesOf } from '../helpers';

const SA = 'nodes@my-project.iam.gserviceaccount.com';
const ORIGIN = 'export gcp-firewall spec.target';

const nodes = () =>
  RequirementSet.union([
    gkeNodesProfile({
      region: 'europe-west1',
      googleApiAccess: GkeGoogleApiAccess.PRIVATE,
      controlPlaneCidrs: ['172.16.0.32/28'],
      nodeCidrs: ['10.20.0.0/20'],
      podCidrs: ['10.24.0.0/14'],
    }),
    chainguardEnforceProfile({ acknowledgeRetired: true }),
    RequirementSet.of([cidrFlow('2001:db8::/32'), cidrFlow('192.0.2.0/24', { direction: Direction.INGRESS, ports: [8443] })]),
  ]);

/** Attributes that are references or ids (they differ by design between the module and the stack). */
const REFERENCES = ['network', 'firewall_policy', 'project', 'target_service_accounts', 'attachment_target'];

/** `name` -> body without references, for every resource of a type. */
function byName(resources: Record<string, any> | undefined, nameOf: (body: any) => string): Record<string, any> {
  const out: Record<string, any> = {};
  for (const body of Object.values(resources ?? {})) {
    const copy = { ...body };
    for (const k of REFERENCES) delete copy[k];
    out[nameOf(copy)] = copy;
  }
  return out;
}

function construct(requirements: RequirementSet, props: Partial<GcpFirewallProps>): any {
  const stack = new TerraformStack(Testing.app(), 'test');
  new GoogleProvider(stack, 'google', {});
  new GcpFirewall(stack, 'Fw', { network: 'my-vpc', requirementSets: [requirements], ...props });
  return JSON.parse(Testing.synth(stack, true));
}

describe('export gcp-firewall', () => {
  test.each([
    ['defaults', {}],
    ['prefix, logging, start and deny priority', { namePrefix: 'team-a', enableLogging: true, policyPriorityStart: 50000, denyPriority: 900000 }],
    ['no deny', { denyOtherEgress: false, priority: 900 }],
  ])('the module holds the same rules as the construct (%s)', (_name, options) => {
    const set = nodes();
    const module = GCP_FIREWALL_EXPORT.build(set, { ...options, targetServiceAccounts: [SA] }, ORIGIN);
    const json = construct(set, { ...options, targetServiceAccounts: [SA] });
    for (const [type, nameOf] of [
      ['google_compute_firewall', (b: any) => b.name],
      ['google_compute_network_firewall_policy_rule', (b: any) => b.rule_name],
      ['google_compute_network_firewall_policy', (b: any) => b.name],
      ['google_compute_network_firewall_policy_association', (b: any) => b.name],
    ] as const) {
      const exported = byName(module.resources[type] as Record<string, any>, nameOf);
      expect(Object.keys(exported).length).toBeGreaterThan(0);
      expect(exported).toEqual(byName(json.resource[type], nameOf));
    }
    // resource keys are the construct ids (content-derived names)
    expect(Object.keys(module.resources.google_compute_network_firewall_policy_rule).sort()).toEqual(
      resourcesOf(json, 'google_compute_network_firewall_policy_rule').map((r) => r.rule_name).sort(),
    );
  });

  test('references, variables, outputs and the provider range', () => {
    const module = GCP_FIREWALL_EXPORT.build(egressFqdns(['a.example.com']).merge(ingressCidrs(['192.0.2.0/24']).filter(() => false)), { network: 'projects/p/global/networks/vpc' }, ORIGIN);
    expect(module.providers).toEqual([{ name: 'google', source: 'hashicorp/google', version: '>= 5.0, < 8.0' }]);
    expect(module.variables).toEqual({
      network: { type: 'string', description: expect.any(String), default: 'projects/p/global/networks/vpc' },
      project: { type: 'string', description: expect.any(String), default: null, nullable: true },
      target_service_accounts: { type: 'list(string)', description: expect.any(String), default: null, nullable: true },
    });
    const rules = Object.values(module.resources.google_compute_network_firewall_policy_rule) as any[];
    expect(rules.map((r) => [r.firewall_policy, r.target_service_accounts, r.project])).toEqual(
      rules.map(() => ['${google_compute_network_firewall_policy.EgressPolicy.name}', '${var.target_service_accounts}', '${var.project}']),
    );
    expect((module.resources.google_compute_network_firewall_policy_association as any).EgressPolicyAssociation.attachment_target).toBe('${var.network}');
    expect(module.outputs.firewall_policy_id.value).toBe('${google_compute_network_firewall_policy.EgressPolicy.id}');
    expect(module.outputs.policy_rule_names.value).toEqual(['fwreq-fqdn-tcp-443-1-365dff11', 'fwreq-deny-egress-ipv4', 'fwreq-deny-egress-ipv6']);
    expect(module.outputs.firewall_rule_names.value).toEqual([]);
  });

  test('the module validates against the google provider schema (arguments, blocks, references)', () => {
    const module = GCP_FIREWALL_EXPORT.build(nodes(), { targetServiceAccounts: [SA], enableLogging: true }, ORIGIN);
    const json = {
      terraform: { required_providers: { google: { source: module.providers[0].source, version: '6.50.0' } } },
      provider: { google: [{}] },
      variable: Object.fromEntries(Object.entries(module.variables).map(([k, v]) => [k, { type: v.type, description: v.description }])),
      resource: module.resources,
    };
    const report = validateStackJson(JSON.stringify(json));
    expect(report.problems).toEqual([]);
    expect(report.unchecked).toEqual([]);
    expect(report.resources).toBe(Object.values(module.resources).reduce((n, byKey) => n + Object.keys(byKey).length, 0));
  });

  test('an existing policy becomes var.firewall_policy; no policy or association is created', () => {
    const module = GCP_FIREWALL_EXPORT.build(egressFqdns(['a.example.com']), { firewallPolicy: 'projects/p/global/firewallPolicies/shared' }, ORIGIN);
    expect(module.variables.firewall_policy).toEqual({ type: 'string', description: expect.any(String), default: 'projects/p/global/firewallPolicies/shared' });
    expect(module.resources.google_compute_network_firewall_policy).toBeUndefined();
    expect(module.resources.google_compute_network_firewall_policy_association).toBeUndefined();
    expect(Object.values(module.resources.google_compute_network_firewall_policy_rule).map((r: any) => r.firewall_policy)).toEqual([
      '${var.firewall_policy}',
      '${var.firewall_policy}',
      '${var.firewall_policy}',
    ]);
    expect(module.outputs.firewall_policy_id.value).toBe('${var.firewall_policy}');
  });

  test('the same errors as the construct: wildcard, /0, tags with egress, unknown option, bad types, references', () => {
    const build = (set: RequirementSet, options: Record<string, unknown>) => () => GCP_FIREWALL_EXPORT.build(set, options, ORIGIN);
    expect(build(egressFqdns(['*.example.com']), {})).toThrow('GCP FQDN objects take no wildcards');
    expect(build(RequirementSet.of([cidrFlow('0.0.0.0/0')]), {})).toThrow(`opt in explicitly with allowAnyAddress: true on ${ORIGIN}.`);
    expect(build(egressFqdns(['a.example.com']), { targetTags: ['nodes'], denyOtherEgress: false })).toThrow('policy rules cannot target network tags');
    expect(build(egressFqdns(['a.example.com']), { targetTags: 'nodes' })).toThrow(`Invalid targetTags (string, expected an array) "nodes" (from ${ORIGIN} targetTags).`);
    expect(build(egressFqdns(['a.example.com']), { requirementSets: [] })).toThrow(`Unknown property "requirementSets" (from ${ORIGIN}).`);
    expect(build(egressFqdns(['a.example.com']), { denyOtherEgress: 'no' })).toThrow('Invalid denyOtherEgress (string, expected true or false) "no"');
    expect(build(egressFqdns(['a.example.com']), { network: '${var.vpc}' })).toThrow(`network must be a literal known at synth, not a Terraform reference.`);
    expect(build(egressFqdns(['a.example.com']), { priority: '1000' })).toThrow('Invalid priority (string, expected a number) "1000"');
  });
});

describe('export gke-authorized-networks', () => {
  const ORIGIN_GKE = 'export gke-authorized-networks spec.target';

  test('no resources; the output is the config the construct writes on the cluster', () => {
    const set = RequirementSet.union([chainguardEnforceProfile({ acknowledgeRetired: true }), nodes()]);
    const cidrs = [{ cidr: '203.0.113.0/24', purpose: 'Office' }];
    const module = GKE_AUTHORIZED_NETWORKS_EXPORT.build(set, { cidrs, privateCluster: true }, ORIGIN_GKE);
    const stack = new TerraformStack(Testing.app(), 'test');
    const cluster = new ContainerCluster(stack, 'Cluster', { name: 'c', location: 'europe-west1', initialNodeCount: 1 });
    GkeAuthorizedNetworks.fromRequirements({ requirementSets: [set], cidrs, privateCluster: true }).applyTo(cluster);
    const config = resourcesOf(JSON.parse(Testing.synth(stack)), 'google_container_cluster')[0].master_authorized_networks_config;
    expect(module.resources).toEqual({});
    expect(module.variables).toEqual({});
    expect(module.outputs.master_authorized_networks_config.value).toEqual(config);
    expect(module.outputs.cidr_blocks.value).toEqual(config.cidr_blocks);
    expect(config.cidr_blocks).toHaveLength(6);
    expect(module.providers[0].source).toBe('hashicorp/google');
  });

  test('no networks: cidr_blocks is left out of the config (no external access but the nodes)', () => {
    const module = GKE_AUTHORIZED_NETWORKS_EXPORT.build(egressFqdns(['a.example.com']), {}, ORIGIN_GKE);
    expect(module.outputs.master_authorized_networks_config.value).toEqual({ gcp_public_cidrs_access_enabled: false });
  });

  test('the same refusals as the construct, plus references (a module is planned before Terraform runs)', () => {
    const build = (options: Record<string, unknown>) => () => GKE_AUTHORIZED_NETWORKS_EXPORT.build(RequirementSet.empty(), options, ORIGIN_GKE);
    expect(build({ cidrs: [{ cidr: '0.0.0.0/0' }] })).toThrow('there is no opt-in for every address');
    expect(build({ cidrs: [{ cidr: '${var.office}' }] })).toThrow(`Invalid cidr "\${var.office}" (from ${ORIGIN_GKE} cidrs[0]). An exported module is planned before Terraform runs`);
    expect(build({ requirementSets: [] })).toThrow(`Unknown property "requirementSets" (from ${ORIGIN_GKE}).`);
    expect(build({ privateCluster: 1 })).toThrow('Invalid privateCluster (number, expected true or false) "1"');
    const e = errorOf(build({ cidrs: Array.from({ length: 51 }, (_, i) => ({ cidr: `10.${i * 2}.0.0/16` })) }));
    expect(e.code).toBe('limit-exceeded');
  });
});

describe('the Google export targets', () => {
  test('are listed once each, for the google cloud, with documented options', () => {
    expect(GOOGLE_EXPORT_TARGETS.map((t) => [t.name, t.cloud])).toEqual([
      ['gcp-firewall', 'google'],
      ['gke-authorized-networks', 'google'],
    ]);
    for (const t of GOOGLE_EXPORT_TARGETS) for (const line of Object.values(t.options)) expect(line).toMatch(/\S/);
  });

  test('import nothing from cdktf, constructs or the provider bindings (transitively)', () => {
    const root = path.resolve(__dirname, '../../../lib/export/google/index.ts');
    const seen = new Set<string>();
    const external = new Set<string>();
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      const text = fs.readFileSync(file, 'utf8');
      for (const m of text.matchAll(/(?:import|export)[^'"]*?from\s+'([^']+)'/g)) {
        const spec = m[1];
        if (!spec.startsWith('.')) {
          external.add(spec.split('/').slice(0, spec.startsWith('@') ? 2 : 1).join('/'));
          continue;
        }
        const base = path.resolve(path.dirname(file), spec);
        visit(fs.existsSync(`${base}.ts`) ? `${base}.ts` : path.join(base, 'index.ts'));
      }
    };
    visit(root);
    expect([...external].filter((e) => e === 'cdktf' || e === 'constructs' || e.startsWith('@cdktf'))).toEqual([]);
    expect([...seen].some((f) => f.endsWith('gcp-firewall-plan.ts'))).toBe(true);
  });
});
