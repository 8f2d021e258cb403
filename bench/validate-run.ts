/**
 * Child process: validates a synthesized cdktf output folder offline (provider schemas derived from the
 * bindings' jsii assemblies, cached on disk in `cacheDir`) and reports what it found and how each schema was
 * obtained. Run once with an empty cache (cold) and again with the same cache (warm).
 *
 * Usage: node validate-run.js <synth dir> <cache dir>
 */
import { validateDirectory } from '../lib/validate';
import { reportToParent } from './measure';

function main(): void {
  const [dir, cacheDir] = process.argv.slice(2);
  const start = process.hrtime.bigint();
  const report = validateDirectory(dir, { cacheDir });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  reportToParent({
    validateMs: ms,
    stacks: report.stacks,
    resources: report.resources,
    problems: report.problems.length,
    firstProblems: report.problems.slice(0, 5),
    unchecked: report.unchecked,
    schemaLoads: report.schemaLoads.map((l) => ({ source: l.source, how: l.how, millis: Math.round(l.millis) })),
  });
}

main();
