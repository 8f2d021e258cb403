/**
 * Child process: exports the fleet of N clusters as plain Terraform modules (no cdktf) and reports the in-process
 * time. With an output file, also writes every cluster's resources (`{ [cluster]: { [type]: { [key]: body } } }`)
 * for the rule-content comparison with the cdktf synth of the same fleet.
 *
 * Usage: node fleet-export.js <n> [resources.json]
 */
import * as fs from 'fs';
import { fleet } from './fleet/spec';
import { reportToParent } from './measure';

function main(): void {
  const [nText, resourcesFile] = process.argv.slice(2);
  const n = Number(nText);
  const loadStart = process.hrtime.bigint();
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { exportModule, EXPORT_REGISTRY } = require('../lib/export') as typeof import('../lib/export');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { clusterExports, FLEET_EXPORT_TARGETS } = require('./fleet/export-fleet') as typeof import('./fleet/export-fleet');
  const missing = FLEET_EXPORT_TARGETS.filter((t) => !EXPORT_REGISTRY.names.includes(t));
  if (missing.length > 0) {
    reportToParent({ n, missing });
    return;
  }
  const buildStart = process.hrtime.bigint();
  const resources: Record<string, Record<string, Record<string, unknown>>> = {};
  let files = 0;
  let bytes = 0;
  for (const c of fleet(n)) {
    const merged: Record<string, Record<string, unknown>> = {};
    for (const e of clusterExports(c)) {
      const module = exportModule(e.target, e.spec, { source: `${c.name} ${e.target}` });
      for (const text of Object.values(module.files)) {
        files++;
        bytes += text.length;
      }
      if (resourcesFile) {
        for (const [type, byKey] of Object.entries<Record<string, unknown>>(JSON.parse(module.files['main.tf.json']).resource ?? {})) Object.assign((merged[type] ??= {}), byKey);
      }
    }
    resources[c.name] = merged;
  }
  const end = process.hrtime.bigint();
  if (resourcesFile) fs.writeFileSync(resourcesFile, JSON.stringify(resources));
  const msOf = (a: bigint, b: bigint) => Number(b - a) / 1e6;
  reportToParent({ n, loadMs: msOf(loadStart, buildStart), exportMs: msOf(buildStart, end), files, bytes });
}

main();
