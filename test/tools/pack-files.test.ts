import { spawnSync } from 'child_process';
import * as path from 'path';
import { unwantedPackFiles } from '../../tools/consumer-check';

const ROOT = path.join(__dirname, '..', '..');

describe('what npm pack ships', () => {
  test('the dry run of npm pack lists only files users need', () => {
    const result = spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: ROOT, encoding: 'utf8' });
    expect(result.status).toBe(0);
    const [info] = JSON.parse(result.stdout.slice(result.stdout.indexOf('[')));
    const files: string[] = info.files.map((f: { path: string }) => f.path);
    expect(files).toEqual(expect.arrayContaining(['package.json', 'README.md', 'CHANGELOG.md', 'LICENSE', 'bin/cdktf-firewall-requirements.js', 'schemas/ibm.json']));
    expect(unwantedPackFiles(files)).toEqual([]);
  });

  test.each([
    ['test/cli/cli.test.ts', /users do not need/],
    ['dist/test/model/cidr.test.js', /users do not need/],
    ['dist/examples/aws-minimal/stack.js', /users do not need/],
    ['dist/tools/consumer-check.js', /users do not need/],
    ['lib/index.ts', /none of the shipped kinds/],
    ['dist/lib/index.js.map', /none of the shipped kinds/],
    ['test/export/fixtures/spec.json', /users do not need/],
  ])('%s is refused', (file, message) => {
    expect(unwantedPackFiles([file])).toEqual([expect.stringMatching(message)]);
  });

  test('shipped kinds pass', () => {
    expect(unwantedPackFiles(['dist/lib/index.js', 'dist/lib/targets/aws/index.d.ts', 'schemas/README.md', 'bin/cdktf-firewall-requirements.js'])).toEqual([]);
  });
});
