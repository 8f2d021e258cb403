/**
 * Child process: synthesizes a fleet of N clusters, built with the library or by hand, into a fresh output
 * folder, and reports how long building and synthesizing took inside the process.
 *
 * Usage: node fleet-synth.js <library|hand> <n> <outdir> [tables.json]
 */
import * as fs from 'fs';
import { App } from 'cdktf';
import { fleet } from './fleet/spec';
import { reportToParent } from './measure';

function main(): void {
  const [variant, nText, outdir, tablesFile] = process.argv.slice(2);
  const n = Number(nText);
  const loadStart = process.hrtime.bigint();
  // Loading the modules is part of what each variant costs, so it happens here, after the clock starts.
  const build =
    variant === 'library'
      ? // eslint-disable-next-line @typescript-eslint/no-require-imports
        (require('./fleet/library-fleet') as typeof import('./fleet/library-fleet')).buildLibraryFleet
      : variant === 'hand'
        ? // eslint-disable-next-line @typescript-eslint/no-require-imports
          (require('./fleet/hand-fleet') as typeof import('./fleet/hand-fleet')).handFleetBuilder(JSON.parse(fs.readFileSync(tablesFile, 'utf8')))
        : undefined;
  if (!build) throw new Error(`unknown variant ${variant}: use library or hand`);
  const buildStart = process.hrtime.bigint();
  const app = new App({ outdir, skipValidation: false });
  build(app, fleet(n));
  const synthStart = process.hrtime.bigint();
  app.synth();
  const end = process.hrtime.bigint();
  const msOf = (a: bigint, b: bigint) => Number(b - a) / 1e6;
  reportToParent({ variant, n, loadMs: msOf(loadStart, buildStart), buildMs: msOf(buildStart, synthStart), synthMs: msOf(synthStart, end) });
}

main();
