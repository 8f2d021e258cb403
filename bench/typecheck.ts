/**
 * Type-check cost of using the library: `tsc --noEmit` of a small Azure-only user stack that imports the
 * published entry points (`cdktf-firewall-requirements` and `cdktf-firewall-requirements/azure`, through the
 * package `exports` and the compiled `.d.ts` files), against the same stack written without the library.
 * Both stacks are generated into a temporary folder with their own tsconfig. `--listFiles` of the library
 * stack must not contain a provider's root module, nor any binding of the other clouds.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { median, ProcessSample, runMeasured } from './measure';

const ROOT = path.join(__dirname, '..', '..');
const PACKAGE_NAME = 'cdktf-firewall-requirements';

/** What the type-check comparison measured. */
export interface TypecheckResult {
  readonly repeats: number;
  /** Median wall seconds of `tsc --noEmit`, with and without the library. */
  readonly withLibrarySeconds: number;
  readonly withoutLibrarySeconds: number;
  /** Median of the per-pair ratios with/without. */
  readonly timeRatio: number;
  /** The same for CPU seconds. */
  readonly cpuRatio: number;
  /** Median peak RSS in MiB. */
  readonly withLibraryRssMiB: number;
  readonly withoutLibraryRssMiB: number;
  /** Files tsc read. */
  readonly withLibraryFiles: number;
  readonly withoutLibraryFiles: number;
  /** Provider root modules (`node_modules/@cdktf/provider-x/lib/index.d.ts`) in the library stack's file list. */
  readonly providerRootModules: string[];
  /** Files of provider bindings other than azurerm in the library stack's file list. */
  readonly otherCloudBindingFiles: number;
  /** Provider root modules in the file list of a file importing all entry points (root, azure, google, aws, ibm). */
  readonly allEntryPointsRootModules: string[];
}

const TSCONFIG = {
  compilerOptions: {
    target: 'ES2022',
    module: 'node16',
    moduleResolution: 'node16',
    lib: ['ES2022'],
    strict: true,
    skipLibCheck: true,
    noEmit: true,
    types: ['node'],
  },
  files: ['main.ts'],
};

const COMMON_HEAD = `import { App, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { FirewallPolicy } from '@cdktf/provider-azurerm/lib/firewall-policy';
`;

const PROVIDER_AND_POLICY = `    new AzurermProvider(this, 'azurerm', { features: [{}], subscriptionId: '00000000-0000-0000-0000-000000000000' });
    const policy = new FirewallPolicy(this, 'policy', { name: 'egress', resourceGroupName: 'network', location: 'westeurope' });
`;

/** The user stack with the library: AKS profile with an add-on plus Chainguard Enforce, as Azure Firewall rules. */
const WITH_LIBRARY = `${COMMON_HEAD}import { AksAddon, aksProfile, chainguardEnforceProfile } from '${PACKAGE_NAME}';
import { AzureFirewallPolicyRules, FirewallRuleSources } from '${PACKAGE_NAME}/azure';

class NetworkStack extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
${PROVIDER_AND_POLICY}    new AzureFirewallPolicyRules(this, 'aks-egress', {
      requirementSets: [aksProfile({ location: 'westeurope', addons: [AksAddon.AZURE_MONITOR] }), chainguardEnforceProfile({ acknowledgeRetired: true })],
      firewallPolicyId: policy.id,
      sources: FirewallRuleSources.addresses(['10.240.0.0/16']),
      basePriority: 200,
    });
  }
}

const app = new App();
new NetworkStack(app, 'network');
app.synth();
`;

/** The same stack without the library: the rule collection group written by hand. */
const WITHOUT_LIBRARY = `${COMMON_HEAD}import { FirewallPolicyRuleCollectionGroup } from '@cdktf/provider-azurerm/lib/firewall-policy-rule-collection-group';

class NetworkStack extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
${PROVIDER_AND_POLICY}    new FirewallPolicyRuleCollectionGroup(this, 'aks-egress', {
      name: 'aks-egress',
      firewallPolicyId: policy.id,
      priority: 200,
      applicationRuleCollection: [
        {
          name: 'aks-fqdns',
          priority: 210,
          action: 'Allow',
          rule: [
            {
              name: 'mcr',
              sourceAddresses: ['10.240.0.0/16'],
              protocols: [{ type: 'Https', port: 443 }],
              destinationFqdns: ['mcr.microsoft.com', '*.data.mcr.microsoft.com'],
            },
          ],
        },
      ],
      networkRuleCollection: [
        {
          name: 'aks-network',
          priority: 220,
          action: 'Allow',
          rule: [
            {
              name: 'tunnel',
              protocols: ['UDP'],
              sourceAddresses: ['10.240.0.0/16'],
              destinationAddresses: ['AzureCloud.westeurope'],
              destinationPorts: ['1194'],
            },
          ],
        },
      ],
    });
  }
}

const app = new App();
new NetworkStack(app, 'network');
app.synth();
`;

/** Imports every entry point, to check that none of them pulls a provider's root module. */
const ALL_ENTRY_POINTS = `import { RequirementSet } from '${PACKAGE_NAME}';
import { AzureFirewallPolicyRules } from '${PACKAGE_NAME}/azure';
import { GcpFirewall } from '${PACKAGE_NAME}/google';
import { SecurityGroupRules } from '${PACKAGE_NAME}/aws';
import { IbmSecurityGroupRules } from '${PACKAGE_NAME}/ibm';

export const used = [RequirementSet, AzureFirewallPolicyRules, GcpFirewall, SecurityGroupRules, IbmSecurityGroupRules];
`;

/**
 * A folder per stack whose node_modules links the project's packages plus the library itself (resolved through
 * its package.json `exports`, i.e. the compiled `dist/` as users get it).
 */
function makeProject(dir: string, source: string): void {
  fs.mkdirSync(path.join(dir, 'node_modules'), { recursive: true });
  const deps = path.join(ROOT, 'node_modules');
  for (const entry of fs.readdirSync(deps)) {
    if (entry.startsWith('.')) continue;
    fs.symlinkSync(path.join(deps, entry), path.join(dir, 'node_modules', entry));
  }
  fs.symlinkSync(ROOT, path.join(dir, 'node_modules', PACKAGE_NAME));
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: path.basename(dir), private: true, type: 'commonjs' }, null, 2));
  fs.writeFileSync(path.join(dir, 'tsconfig.json'), JSON.stringify(TSCONFIG, null, 2));
  fs.writeFileSync(path.join(dir, 'main.ts'), source);
}

function isProviderRootModule(file: string): boolean {
  return /[\\/]@cdktf[\\/]provider-[a-z]+[\\/]lib[\\/]index\.d\.ts$/.test(file);
}

function tsc(dir: string, extra: string[] = []) {
  return runMeasured(process.execPath, [path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', dir, ...extra]);
}

/** Runs the comparison; `repeats` runs of each, interleaved. */
export function benchTypecheck(repeats: number): TypecheckResult {
  if (!fs.existsSync(path.join(ROOT, 'dist', 'lib', 'targets', 'azure', 'index.d.ts'))) {
    throw new Error('dist/lib/targets/azure/index.d.ts is missing: run `npm run build` first');
  }
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-typecheck-'));
  try {
    const withDir = path.join(base, 'with-library');
    const withoutDir = path.join(base, 'without-library');
    makeProject(withDir, WITH_LIBRARY);
    makeProject(withoutDir, WITHOUT_LIBRARY);
    const allDir = path.join(base, 'all-entry-points');
    makeProject(allDir, ALL_ENTRY_POINTS);

    // One listing run each (also the warm-up for the file cache): fails the bench on a type error.
    const listWith = tsc(withDir, ['--listFiles']);
    const listWithout = tsc(withoutDir, ['--listFiles']);
    const filesWith = listWith.stdout.split('\n').filter((l) => l.trim().endsWith('.ts'));
    const filesWithout = listWithout.stdout.split('\n').filter((l) => l.trim().endsWith('.ts'));
    const providerRootModules = filesWith.filter(isProviderRootModule);
    const otherCloudBindingFiles = filesWith.filter((f) => /[\\/]@cdktf[\\/]provider-(?!azurerm[\\/])/.test(f)).length;
    const allEntryPointsRootModules = tsc(allDir, ['--listFiles'])
      .stdout.split('\n')
      .filter((f) => isProviderRootModule(f.trim()));

    const withSamples: ProcessSample[] = [];
    const withoutSamples: ProcessSample[] = [];
    const ratios: number[] = [];
    const cpuRatios: number[] = [];
    for (let r = 0; r < repeats; r++) {
      // Alternate the order so that neither side always runs on a warmer machine.
      let w: ProcessSample;
      let wo: ProcessSample;
      if (r % 2 === 0) {
        w = tsc(withDir);
        wo = tsc(withoutDir);
      } else {
        wo = tsc(withoutDir);
        w = tsc(withDir);
      }
      withSamples.push(w);
      withoutSamples.push(wo);
      ratios.push(w.wallSeconds / wo.wallSeconds);
      cpuRatios.push(w.cpuSeconds / wo.cpuSeconds);
    }
    return {
      repeats,
      withLibrarySeconds: median(withSamples.map((s) => s.wallSeconds)),
      withoutLibrarySeconds: median(withoutSamples.map((s) => s.wallSeconds)),
      timeRatio: median(ratios),
      cpuRatio: median(cpuRatios),
      withLibraryRssMiB: median(withSamples.map((s) => s.peakRssMiB)),
      withoutLibraryRssMiB: median(withoutSamples.map((s) => s.peakRssMiB)),
      withLibraryFiles: filesWith.length,
      withoutLibraryFiles: filesWithout.length,
      providerRootModules,
      otherCloudBindingFiles,
      allEntryPointsRootModules,
    };
  } finally {
    fs.rmSync(base, { recursive: true, force: true });
  }
}
