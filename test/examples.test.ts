import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, Testing } from 'cdktf';
import { AKS_SUBNET, ChainguardRegistry, ClusterEgress, LOCATION, MonitoringAddon } from '../examples/aks-composed-policy/stack';
import { addExamples, exampleNames } from '../examples/main';
import { AksAddon, aksProfile, CHAINGUARD_BLOB_HOST, chainguardContainersProfile } from '../lib';
import { AzureFirewallPolicyRules, FirewallRuleSources } from '../lib/targets/azure';
import { validateDirectory } from '../lib/validate';

const EXAMPLES_DIR = path.join(__dirname, '..', 'examples');
/** The five /32s of the retired Chainguard Enforce catalog (data/ips.yaml, last changed 2023-06-30). */
const RETIRED_ADDRESSES = ['35.230.121.20', '34.132.193.40', '35.237.242.37', '34.117.0.114', '34.107.162.32'];

/** Synthesizes every example into a fresh directory; returns stack name -> cdk.tf.json text with the outdir normalized. */
function synthAll(): { dir: string; stacks: Map<string, string> } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'examples-'));
  const app = new App({ outdir: dir });
  addExamples(app, EXAMPLES_DIR);
  app.synth();
  const stacks = new Map<string, string>();
  for (const name of fs.readdirSync(path.join(dir, 'stacks')).sort()) {
    const text = fs.readFileSync(path.join(dir, 'stacks', name, 'cdk.tf.json'), 'utf8');
    // The local backend path is absolute; everything else must already be position-independent.
    stacks.set(name, text.split(dir).join('<outdir>'));
  }
  return { dir, stacks };
}

describe('bundled examples', () => {
  const first = synthAll();
  const second = synthAll();
  afterAll(() => {
    fs.rmSync(first.dir, { recursive: true, force: true });
    fs.rmSync(second.dir, { recursive: true, force: true });
  });

  test('every example folder becomes one stack named after it', () => {
    expect([...first.stacks.keys()]).toEqual(exampleNames(EXAMPLES_DIR));
    expect(exampleNames(EXAMPLES_DIR)).toEqual(['aks-composed-policy', 'aks-egress', 'aws-minimal', 'eks-chainguard', 'gke-chainguard', 'ibm-vpc-nodeports']);
  });

  test('no example admits a retired Chainguard Enforce address: none of the five CIDRs in any synthesized stack or exported module', () => {
    const exported = fs
      .readdirSync(path.join(EXAMPLES_DIR, 'terraform', 'modules'))
      .flatMap((m) => fs.readdirSync(path.join(EXAMPLES_DIR, 'terraform', 'modules', m)).map((f) => fs.readFileSync(path.join(EXAMPLES_DIR, 'terraform', 'modules', m, f), 'utf8')));
    const texts = [...first.stacks.values(), ...exported];
    expect(texts.length).toBeGreaterThan(first.stacks.size);
    for (const address of RETIRED_ADDRESSES) {
      expect(texts.filter((t) => t.includes(address))).toEqual([]);
    }
  });

  test('every example that allows cgr.dev allows its blob storage host', () => {
    const withRegistry = [...first.stacks.entries()].filter(([, text]) => text.includes('"cgr.dev"') || text.includes('cgr.dev '));
    expect(withRegistry.map(([name]) => name)).toEqual(expect.arrayContaining(['aks-composed-policy', 'aks-egress', 'eks-chainguard', 'gke-chainguard', 'ibm-vpc-nodeports']));
    for (const [name, text] of withRegistry) expect([name, text.includes(CHAINGUARD_BLOB_HOST)]).toEqual([name, true]);
  });

  test('synthesizing twice is byte-identical (after normalizing the output directory)', () => {
    expect(second.stacks).toEqual(first.stacks);
  });

  test('every example validates against the provider schemas with no problems', () => {
    const report = validateDirectory(first.dir);
    expect(report.problems).toEqual([]);
    expect(report.unchecked).toEqual([]);
    expect(report.complete).toBe(true);
    expect(report.stacks).toBe(6);
    expect(report.resources).toBeGreaterThan(20);
  });
});

describe('aks-composed-policy: rules composed from three modules', () => {
  test('equal one construct given every set at once', () => {
    const groupsOf = (json: string) =>
      Object.values(JSON.parse(json).resource.azurerm_firewall_policy_rule_collection_group as Record<string, Record<string, unknown>>).map(
        ({ depends_on: _d, ...group }) => group,
      );
    const composed = Testing.synthScope((scope) => {
      const cluster = new ClusterEgress(scope, 'cluster', { firewallPolicyId: 'policy' });
      new MonitoringAddon(scope, 'monitoring', { cluster });
      new ChainguardRegistry(scope, 'registry', { cluster });
    });
    const single = Testing.synthScope((scope) => {
      new AzureFirewallPolicyRules(scope, 'rules', {
        requirementSets: [aksProfile({ location: LOCATION }), aksProfile({ location: LOCATION, addons: [AksAddon.AZURE_MONITOR] }), chainguardContainersProfile()],
        firewallPolicyId: 'policy',
        sources: FirewallRuleSources.addresses([AKS_SUBNET]),
        basePriority: 300,
        dnsProxyEnabled: true,
      });
    });
    expect(groupsOf(composed)).toEqual(groupsOf(single));
    const names = groupsOf(composed).flatMap((g) => [
      ...((g.application_rule_collection as Array<{ name: string }>) ?? []).map((c) => c.name),
      ...((g.network_rule_collection as Array<{ name: string }>) ?? []).map((c) => c.name),
    ]);
    // every module's rows are there: the core sections, the add-on's and the registry's
    expect(names.some((n) => n.includes('azure-monitor'))).toBe(true);
    expect(names.some((n) => n.includes('chainguard'))).toBe(true);
  });
});
