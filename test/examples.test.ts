import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, Testing } from 'cdktf';
import { AKS_SUBNET, ClusterEgress, EnforceAgent, LOCATION, MonitoringAddon } from '../examples/aks-composed-policy/stack';
import { addExamples, exampleNames } from '../examples/main';
import { AksAddon, aksProfile, chainguardEnforceProfile } from '../lib';
import { AzureFirewallPolicyRules, FirewallRuleSources } from '../lib/targets/azure';
import { validateDirectory } from '../lib/validate';

const EXAMPLES_DIR = path.join(__dirname, '..', 'examples');

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
    expect(exampleNames(EXAMPLES_DIR)).toEqual(['aks-composed-policy', 'aks-egress', 'aws-minimal', 'eks-enforce', 'gke-enforce', 'ibm-vpc-nodeports']);
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
      new EnforceAgent(scope, 'enforce', { cluster });
    });
    const single = Testing.synthScope((scope) => {
      new AzureFirewallPolicyRules(scope, 'rules', {
        requirementSets: [aksProfile({ location: LOCATION }), aksProfile({ location: LOCATION, addons: [AksAddon.AZURE_MONITOR] }), chainguardEnforceProfile()],
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
    // every module's rows are there: the core sections, the add-on's and the Enforce agent's
    expect(names.some((n) => n.includes('azure-monitor'))).toBe(true);
    expect(names.some((n) => n.includes('chainguard'))).toBe(true);
  });
});
