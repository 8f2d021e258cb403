import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runCli } from './run-cli';

const FIXTURES = path.join(__dirname, '..', 'drift', 'fixtures');
const fixture = (name: string) => path.join(FIXTURES, name);

describe('drift command', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'drift-'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  const write = (name: string, text: string) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, text);
    return file;
  };

  test('GIVEN a data file that matches the catalog WHEN drift runs THEN it says so and exits 0', () => {
    const run = runCli('drift', 'chainguard-enforce', '--upstream', fixture('domains-2023.yaml'));
    expect(run).toEqual({ code: 0, stderr: '', stdout: expect.stringMatching(/^No drift: catalog chainguard-enforce matches .*domains-2023\.yaml \(chainguard-domains-yaml; 1 sections, 19 rows compared\)\./) });
  });

  test('GIVEN planted differences WHEN drift runs THEN it lists them and exits 1 (text, JSON, Markdown)', () => {
    const text = fs.readFileSync(fixture('domains-2023.yaml'), 'utf8').replace('- webhook.enforce.dev\n', '- new.enforce.dev\n');
    const file = write('domains.yaml', text);
    const plain = runCli('drift', 'chainguard-enforce', '--upstream', file);
    expect(plain.code).toBe(1);
    expect(plain.stdout).toContain('added upstream: new.enforce.dev; line 19');
    expect(plain.stdout).toContain('gone upstream: webhook.enforce.dev');
    const json = runCli('drift', 'chainguard-enforce', '--upstream', file, '--format', 'json');
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout).changes).toEqual([
      { kind: 'row-added', section: 'Chainguard hosts (data/domains.yaml)', item: 'new.enforce.dev', line: 19 },
      { kind: 'row-removed', section: 'Chainguard hosts (data/domains.yaml)', item: 'webhook.enforce.dev' },
    ]);
    const md = runCli('drift', 'chainguard-enforce', '--upstream', file, '--format', 'markdown');
    expect(md.stdout).toContain('| added upstream | Chainguard hosts (data/domains.yaml) | `new.enforce.dev` |  |  | 19 |');
  });

  test('the EKS add-on table: the catalog regions missing from a one-row table are drift', () => {
    const run = runCli('drift', 'eks', '--upstream', fixture('add-ons-images.adoc'), '--format', 'json');
    expect(run.code).toBe(1);
    const changes = JSON.parse(run.stdout).changes as Array<{ kind: string; item: string }>;
    expect(changes).toContainEqual({ kind: 'row-added', section: 'add-on image registries', item: 'xx-new-1', upstream: '111122223333', line: 24 });
    expect(changes.filter((c) => c.kind === 'row-removed').map((c) => c.item)).toContain('us-east-1');
  });

  test('the cluster egress-endpoints list against a profile spec', () => {
    const spec = write('spec.json', JSON.stringify({ profiles: { aks: { location: 'eastus', nodesProvisionedBeforeMarch2021: true } } }));
    const run = runCli('drift', 'aks', '--upstream', fixture('egress-endpoints.json'), '--profile-spec', spec);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('added upstream: extra.example.net; upstream tcp 8443 (something new); catalog not allowed by the profile');
  });

  test.each([
    ['an unreadable file', ['drift', 'aks', '--upstream', 'no-such-file.md'], /upstream file "no-such-file\.md".*no such file/],
    ['a file in no known format', ['drift', 'aks', '--upstream', '__WORDS__'], /words\.txt.*not recognized.*Expected one of/],
    ['an unparseable table', ['drift', 'aks', '--upstream', '__BADTABLE__'], /Invalid port "four".*bad\.md line 3/],
    ['no --upstream', ['drift', 'aks'], /Missing required option --upstream/],
    ['an unknown catalog', ['drift', 'akss', '--upstream', 'x'], /Unknown catalog "akss"/],
    ['an unknown flag', ['drift', 'aks', '--upstream', 'x', '--colour'], /--colour/],
    ['no catalog', ['drift'], /Missing required option catalog/],
  ])('bad input exits 2 with one message and nothing on stdout: %s', (_, argv, message) => {
    const words = write('words.txt', 'just some words\n');
    const bad = write('bad.md', '| FQDN | Port |\n|---|---|\n| `a.example.com` | four |\n');
    const run = runCli(...argv.map((a) => (a === '__WORDS__' ? words : a === '__BADTABLE__' ? bad : a)));
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(message);
  });

  test('help names the formats and exit codes', () => {
    const run = runCli('drift', '--help');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('botocore-endpoints-json');
    expect(run.stdout).toContain('Exit codes: 0 no drift; 1 drift found; 2 bad input');
    expect(runCli('help', 'drift').stdout).toBe(run.stdout);
  });
});
