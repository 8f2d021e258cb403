import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runCli } from './run-cli';

const FIXTURES = path.join(__dirname, '..', 'explain', 'fixtures');

describe('explain command', () => {
  let dir: string;
  let spec: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'explain-'));
    spec = path.join(dir, 'spec.json');
    fs.writeFileSync(spec, JSON.stringify({ profiles: { aks: { location: 'westeurope' } } }));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('a log file and a flow, as text', () => {
    const run = runCli('explain', '--profile-spec', spec, path.join(FIXTURES, 'azure-application-rule.json'), 'example.org:443');
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/^3 denied flows \(1 allowed records not explained\)\./);
    expect(run.stdout).toContain('does: set "gpu: true" in profiles["aks"] of the spec.');
    expect(run.stdout).toContain('No catalog knows example.org:443/https');
  });

  test('--format json', () => {
    const run = runCli('explain', '--profile-spec', spec, 'nvidia.github.io:443', '--format', 'json');
    const out = JSON.parse(run.stdout);
    expect(out.formats).toEqual(['argument']);
    expect(out.flows.map((f: { verdict: string }) => f.verdict)).toEqual(['catalog-row']);
    expect(out.flows[0].catalogRows[0]).toMatchObject({ profile: 'aks', source: 'aks/gpu', options: ['gpu: true'] });
  });

  test.each([
    ['no spec', ['explain', 'mcr.microsoft.com:443'], /Missing required option --profile-spec/],
    ['no flow', ['explain', '--profile-spec', '__SPEC__'], /Missing required option flow or log file/],
    ['a missing log file', ['explain', '--profile-spec', '__SPEC__', 'missing.json'], /log file "missing\.json".*no such file/],
    ['a bad flow', ['explain', '--profile-spec', '__SPEC__', 'mcr.microsoft.com'], /Write a flow as host:port/],
    ['a bad spec', ['explain', '--profile-spec', '__BADSPEC__', 'mcr.microsoft.com:443'], /Unknown profile "akz"/],
  ])('bad input exits 2 with nothing on stdout: %s', (_, argv, message) => {
    const bad = path.join(dir, 'bad-spec.json');
    fs.writeFileSync(bad, JSON.stringify({ profiles: { akz: {} } }));
    const run = runCli(...argv.map((a) => (a === '__SPEC__' ? spec : a === '__BADSPEC__' ? bad : a)));
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(message);
  });

  test('help', () => {
    expect(runCli('explain', '--help').stdout).toContain('AZFWApplicationRule, AZFWNetworkRule, or AzureDiagnostics (msg_s) records');
    expect(runCli('help', 'explain').code).toBe(0);
  });
});
