/**
 * Child process: one scale case at one size. Builds `n` distinct custom DNS server addresses that do not
 * merge (every other address of 10.0.0.0/8, so aggregation cannot shrink them), runs the case once, and reports
 * the wall and CPU time of the work alone (module loading is done before the clock starts).
 *
 * Usage: node scale-run.js <case> <n>     (n = 0 loads the modules and stops: the baseline of instruction counts)
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { GoogleProvider } from '@cdktf/provider-google/lib/provider';
import { App, TerraformStack } from 'cdktf';
import { aksProfile } from '../lib/catalog/aks';
import { exportModule } from '../lib/export';
import { PeerKind, RequirementSet } from '../lib/model';
import { AzureFirewallPolicyRules, FirewallRuleSources } from '../lib/targets/azure';
import { GcpFirewall } from '../lib/targets/google';
import { reportToParent } from './measure';

/** `n` host addresses, none adjacent to another. */
export function dnsServers(n: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const j = i * 2 + 1;
    out.push(`10.${(j >> 16) & 255}.${(j >> 8) & 255}.${j & 255}`);
  }
  return out;
}

const POLICY = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.Network/firewallPolicies/fwp';

/** Synthesizes `build`'s stack into a temporary folder and removes it. */
function synth(build: (stack: TerraformStack) => void): void {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-scale-'));
  try {
    const app = new App({ outdir });
    build(new TerraformStack(app, 'scale'));
    app.synth();
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}

/** The cases: each takes the addresses and does the whole job a user would run. */
export const SCALE_CASES: Record<string, (servers: string[]) => void> = {
  // The profile alone: option checks, parsing, the merged requirement set.
  'aks-profile': (servers) => {
    aksProfile({ location: 'westeurope', customDnsServers: servers });
  },
  // Plain Terraform export of the Azure Firewall policy rules (profile, plan, render), in memory.
  'azure-export': (servers) => {
    exportModule('azure-firewall-policy', { profiles: { aks: { location: 'westeurope', customDnsServers: servers } }, target: { basePriority: 200 } });
  },
  // The cdktf construct of the same rules, synthesized.
  'azure-construct': (servers) => {
    const aks = aksProfile({ location: 'westeurope', customDnsServers: servers });
    synth((stack) => {
      new AzurermProvider(stack, 'azurerm', { features: [{}], subscriptionId: '00000000-0000-0000-0000-000000000000' });
      new AzureFirewallPolicyRules(stack, 'rules', { requirementSets: [aks], firewallPolicyId: POLICY, sources: FirewallRuleSources.addresses(['10.200.0.0/16']), basePriority: 200 });
    });
  },
  // The GCP firewall construct fed the profile's address rows (GCP takes no wildcard names, so those stay out).
  'gcp-construct': (servers) => {
    const aks = aksProfile({ location: 'westeurope', customDnsServers: servers });
    const addresses = RequirementSet.of(aks.requirements.filter((r) => r.peer.kind === PeerKind.CIDR));
    synth((stack) => {
      new GoogleProvider(stack, 'google', { project: 'scale-project', region: 'europe-west1' });
      new GcpFirewall(stack, 'rules', { requirementSets: [addresses], network: 'projects/scale-project/global/networks/vpc', project: 'scale-project' });
    });
  },
};

function main(): void {
  const [name, count] = process.argv.slice(2);
  const run = SCALE_CASES[name];
  if (!run) throw new Error(`unknown scale case ${name}; known: ${Object.keys(SCALE_CASES).join(', ')}`);
  const n = Number(count);
  const servers = dnsServers(n);
  if (n === 0) {
    reportToParent({ name, n, ms: 0, workCpuMs: 0 });
    return;
  }
  const cpu = process.cpuUsage();
  const started = process.hrtime.bigint();
  run(servers);
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  const used = process.cpuUsage(cpu);
  reportToParent({ name, n, ms, workCpuMs: (used.user + used.system) / 1000 });
}

if (require.main === module) main();
