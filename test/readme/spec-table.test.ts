import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { EXPORT_REGISTRY } from '../../lib/export/registry';
import { readmeSpecRows } from '../../tools/readme-blocks';
import { runCli } from '../cli/run-cli';

const README = fs.readFileSync(path.join(__dirname, '..', '..', 'README.md'), 'utf8');

describe('the README spec table works as printed', () => {
  const rows = readmeSpecRows(README);
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'readme-specs-'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('one row per export target', () => {
    expect(rows.map((r) => r.target).sort()).toEqual(EXPORT_REGISTRY.names);
  });

  test.each(readmeSpecRows(README).map((r) => [r.target, r] as const))('%s exports with the spec of its row', (_target, row) => {
    const spec = path.join(dir, `${row.target}.json`);
    fs.writeFileSync(spec, row.spec);
    const { code, stderr } = runCli('export', row.target, '--spec', spec, '--out', path.join(dir, row.target));
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(fs.existsSync(path.join(dir, row.target, 'versions.tf.json'))).toBe(true);
  });

  test('a malformed row is refused with its line', () => {
    expect(() => readmeSpecRows('| cloud | target | spec |\n|---|---|---|\n| AWS | x | y |')).toThrow(/README\.md:3/);
    expect(readmeSpecRows('no table')).toEqual([]);
  });
});

describe('the README install commands', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { readmeInstallCommands } = require('../../tools/readme-blocks');
  test('TypeScript is pinned first, then the tarball of this version with the peers', () => {
    const version = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8')).version;
    const commands: string[] = readmeInstallCommands(README);
    expect(commands).toEqual([
      'npm install --save-dev typescript@~5.9 ts-node',
      `npm install ./cdktf-firewall-requirements-${version}.tgz cdktf@^0.21.0 constructs@^10.4 @cdktf/provider-azurerm@^14`,
    ]);
    expect(() => readmeInstallCommands('no block')).toThrow(/install-commands/);
  });
});

describe('examples shown in full', () => {
  test('the README shows examples/aws-minimal/stack.ts verbatim as a complete program', () => {
    const example = fs.readFileSync(path.join(__dirname, '..', '..', 'examples', 'aws-minimal', 'stack.ts'), 'utf8').trimEnd();
    expect(README).toContain(`<!-- readme-test: complete -->\n\`\`\`ts\n${example}\n\`\`\``);
  });
});

describe('the README CLI lines run', () => {
  // The listing and export lines; drift, explain and validate read files of the user's (an upstream document, logs,
  // synthesized stacks) and are tested with their own fixtures.
  const lines = README.split('\n').flatMap((l, i) =>
    /^npx cdktf-firewall-requirements (list|export|help)\b/.test(l) ? [{ line: i + 1, text: l.replace(/\s+#.*$/, '').trim() }] : [],
  );
  test('there are lines for list, export and help', () => {
    expect(lines.length).toBeGreaterThanOrEqual(8);
  });
  test.each(lines.map((l) => [`README.md:${l.line}`, l] as const))('%s', (_where, { text }) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'readme-cli-'));
    try {
      const args = text.split(/\s+/).slice(2);
      const spec = args.indexOf('--spec');
      if (spec !== -1) {
        // the spec of the table row of the exported target
        const row = readmeSpecRows(README).find((r) => r.target === args[1])!;
        fs.writeFileSync(path.join(dir, args[spec + 1]), row.spec);
        args[spec + 1] = path.join(dir, args[spec + 1]);
      }
      const out = args.indexOf('--out');
      if (out !== -1) args[out + 1] = path.join(dir, args[out + 1]);
      const { code, stdout, stderr } = runCli(...args);
      expect(stderr).toBe('');
      expect(code).toBe(0);
      expect(stdout.length + (out !== -1 ? 1 : 0)).toBeGreaterThan(0);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
