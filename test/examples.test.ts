import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App } from 'cdktf';
import { addExamples, exampleNames } from '../examples/main';
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
    expect(exampleNames(EXAMPLES_DIR)).toEqual(['aks-egress', 'eks-enforce', 'gke-enforce', 'ibm-vpc-nodeports']);
  });

  test('synthesizing twice is byte-identical (after normalizing the output directory)', () => {
    expect(second.stacks).toEqual(first.stacks);
  });

  test('every example validates against the provider schemas with no problems', () => {
    const report = validateDirectory(first.dir);
    expect(report.problems).toEqual([]);
    expect(report.unchecked).toEqual([]);
    expect(report.complete).toBe(true);
    expect(report.stacks).toBe(4);
    expect(report.resources).toBeGreaterThan(20);
  });
});
