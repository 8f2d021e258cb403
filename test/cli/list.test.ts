import { Writable } from 'stream';
import { main } from '../../lib/cli/main';
import { CSV_COLUMNS } from '../../lib/cli/format';
import { distinctPurposes } from '../../lib/model/requirement';
import { runCli } from './run-cli';

const HEADER = 'id,direction,protocol,ports,peer kind,peer,vendor row,lands on,necessity,condition,purpose,vpc endpoint,profiles,source,catalog status,also in,document';

/** Runs the CLI with a given environment, clock and terminal. */
function runWith(argv: string[], options: { env?: Record<string, string>; now?: Date; tty?: number } = {}) {
  let stdout = '';
  let stderr = '';
  const out = new Writable({
    write(chunk, _e, done) {
      stdout += String(chunk);
      done();
    },
  }) as Writable & { isTTY?: boolean; columns?: number };
  if (options.tty !== undefined) {
    out.isTTY = true;
    out.columns = options.tty;
  }
  const err = new Writable({
    write(chunk, _e, done) {
      stderr += String(chunk);
      done();
    },
  });
  const code = main(argv, { out, err, env: options.env ?? {}, now: options.now ? () => options.now! : undefined });
  return { code, stdout, stderr };
}

describe('list with several profiles', () => {
  test('one merged listing; each row names the listed profiles that ask for it; flags go to the profile declaring them', () => {
    // GIVEN AKS and Chainguard's registry (every role) for one cluster
    const { code, stdout, stderr } = runCli('list', 'aks', 'chainguard-containers', '--location', 'westeurope', '--roles', 'all', '--format', 'json');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const merged = JSON.parse(stdout);
    const aks = JSON.parse(runCli('list', 'aks', '--location', 'westeurope', '--format', 'json').stdout);
    const enforce = JSON.parse(runCli('list', 'chainguard-containers', '--roles', 'all', '--format', 'json').stdout);
    // THEN every row of each appears once, with the profiles that hold it
    const ids = new Set([...aks, ...enforce].map((r: any) => r.id));
    expect(merged.map((r: any) => r.id).sort()).toEqual([...ids].sort());
    const aksIds = new Set(aks.map((r: any) => r.id));
    const enforceIds = new Set(enforce.map((r: any) => r.id));
    for (const r of merged) {
      expect(r.profiles).toEqual([...(aksIds.has(r.id) ? ['aks'] : []), ...(enforceIds.has(r.id) ? ['chainguard-containers'] : [])]);
    }
    expect(merged.filter((r: any) => r.profiles.length === 1 && r.profiles[0] === 'chainguard-containers').length).toBeGreaterThan(0);
    // AND a single-profile listing names its profile
    expect(aks.every((r: any) => r.profiles.join() === 'aks')).toBe(true);
  });

  test('the table gets a PROFILES column when several profiles are listed', () => {
    const { stdout } = runCli('list', 'ibm-vpc', 'chainguard-containers', '--region', 'us-south', '--subnet-cidrs', '10.240.0.0/24', '--wide');
    expect(stdout.split('\n')[0]).toMatch(/ PROFILES /);
    expect(stdout).toMatch(/ibm-vpc\s+ibm\/|ibm-vpc\s+\S+\//);
    expect(stdout).toMatch(/chainguard-containers\s+chainguard/);
  });

  test('a flag two listed profiles declare must name its profile; scoped flags reach that profile only', () => {
    // GIVEN eks and gke, which both declare --region
    const ambiguous = runCli('list', 'eks', 'gke', '--region', 'eu-west-1');
    expect(ambiguous.code).toBe(2);
    expect(ambiguous.stdout).toBe('');
    expect(ambiguous.stderr).toContain('--region is an option of eks and gke: name the profile, e.g. --eks.region / --gke.region');
    const gkeArgs = ['--gke.control-plane-cidrs', '172.16.0.0/28', '--gke.node-cidrs', '10.0.0.0/24', '--gke.pod-cidrs', '10.4.0.0/14'];
    const scoped = runCli('list', 'eks', 'gke', '--eks.region', 'eu-west-1', '--gke.region', 'europe-west4', ...gkeArgs, '--format', 'json');
    expect(scoped.stderr).toBe('');
    const rows = JSON.parse(scoped.stdout);
    expect(rows.some((r: any) => r.peer.value === 'api.ecr.eu-west-1.amazonaws.com' && r.profiles.join() === 'eks')).toBe(true);
    expect(rows.some((r: any) => r.profiles.includes('gke'))).toBe(true);
    // AND a scoped flag works for a single profile too
    expect(runCli('list', 'eks', '--eks.region', 'eu-west-1', '--format', 'json').stdout).toBe(runCli('list', 'eks', '--region', 'eu-west-1', '--format', 'json').stdout);
  });

  test.each([
    [['list', 'aks', 'aks', '--location', 'westeurope'], 'Profile aks is named twice'],
    [['list', 'aks', 'openshift'], 'Unknown profile "openshift"'],
    [['list', 'aks', 'chainguard-enforce', '--location', 'westeurope', '--region', 'us-south'], '--region is an option of profiles eks, gke, ibm-vpc'],
    [['list', 'aks', 'chainguard-enforce', '--location', 'westeurope', '--location', 'northeurope'], 'second value for --location'],
    [['list', 'aks', 'chainguard-enforce', '--location', 'westeurope', '--aks.location', 'northeurope'], 'second value for --aks.location'],
    [['list', 'aks', 'chainguard-enforce'], 'location'],
    [['list', 'chainguard-enforce', '--wide=maybe'], 'Boolean flags take true or false'],
  ])('%j is refused with nothing on stdout', (argv, message) => {
    const { code, stdout, stderr } = runCli(...(argv as string[]));
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain(message);
  });

  test('--help with several profiles shows each profile\'s options', () => {
    const { code, stdout } = runCli('list', 'aks', 'chainguard-enforce', '--help');
    expect(code).toBe(0);
    expect(stdout).toContain('list aks [options]');
    expect(stdout).toContain('list chainguard-enforce [options]');
    expect(stdout).toContain('--wide');
  });
});

describe('list table width', () => {
  const args = ['list', 'aks', '--location', 'westeurope'];
  const longest = (text: string) => Math.max(...text.split('\n').map((l) => l.length));

  test('not a terminal and no COLUMNS: no cell is cut', () => {
    const { stdout } = runWith(args);
    expect(stdout).not.toContain('...');
    expect(stdout).toContain('*.hcp.westeurope.azmk8s.io');
    expect(longest(stdout)).toBeGreaterThan(200);
  });

  test('COLUMNS sets the width; cut cells end in ...', () => {
    const { stdout } = runWith(args, { env: { COLUMNS: '120' } });
    expect(longest(stdout)).toBeLessThanOrEqual(120);
    expect(stdout).toContain('...');
    expect(stdout.split('\n')[0]).toMatch(/^DIRECTION\s+PROTOCOL\s+PORTS\s+PEER KIND\s+PEER\s+/);
  });

  test('a terminal\'s width is used when COLUMNS is unset, and COLUMNS wins over it', () => {
    expect(longest(runWith(args, { tty: 100 }).stdout)).toBeLessThanOrEqual(100);
    expect(longest(runWith(args, { tty: 100, env: { COLUMNS: '140' } }).stdout)).toBeGreaterThan(100);
    expect(longest(runWith(args, { tty: 100, env: { COLUMNS: 'wide' } }).stdout)).toBeLessThanOrEqual(100);
  });

  test('--wide shows every cell in full on a terminal too', () => {
    const wide = runWith([...args, '--wide'], { tty: 80, env: { COLUMNS: '80' } }).stdout;
    expect(wide).toBe(runWith(args).stdout);
    expect(wide).not.toContain('...');
  });
});

describe('list csv and markdown', () => {
  test('csv has the same documented header for every profile and combination', () => {
    for (const argv of [
      ['list', 'chainguard-enforce', '--acknowledge-retired'],
      ['list', 'chainguard-containers'],
      ['list', 'ibm-vpc', '--region', 'us-south', '--subnet-cidrs', '10.240.0.0/24'],
      ['list', 'eks', '--region', 'eu-west-1'],
      ['list', 'aks', 'chainguard-containers', '--location', 'westeurope'],
    ]) {
      const lines = runCli(...argv, '--format', 'csv').stdout.split('\r\n');
      expect(lines[0]).toBe(HEADER);
      // every row has exactly the header's cells (quoted cells may hold commas)
      for (const line of lines.filter((l) => l !== '').slice(1)) {
        const cells = line.match(/("([^"]|"")*"|[^,]*)(,|$)/g)!.filter((c) => c !== '');
        expect(cells).toHaveLength(CSV_COLUMNS.length);
      }
    }
    expect(CSV_COLUMNS.map((c) => c.title).join(',')).toBe(HEADER);
  });

  test('the README documents every csv column', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const readme: string = require('fs').readFileSync(require('path').join(__dirname, '..', '..', 'README.md'), 'utf8');
    expect(readme).toContain(HEADER);
    for (const c of CSV_COLUMNS) expect(readme).toContain(`| \`${c.title}\` |`);
  });

  test('markdown has a title, the parameters, the source documents with their dates and the generation date', () => {
    const now = new Date('2027-01-02T03:04:05.678Z');
    const { stdout } = runWith(['list', 'aks', 'chainguard-containers', '--location', 'westeurope', '--addons', 'azure-monitor', '--roles', 'pull', '--format', 'markdown'], { now });
    const lines = stdout.split('\n');
    expect(lines[0]).toBe('# Firewall requirements: aks + chainguard-containers');
    expect(stdout).toContain('Generated 2027-01-02T03:04:05Z by cdktf-firewall-requirements;');
    expect(stdout).toContain('- `aks`: `location` = `westeurope`, `addons` = `azure-monitor`');
    expect(stdout).toContain('- `chainguard-containers`: `roles` = `pull`');
    expect(stdout).toMatch(/^\| [^|]+ \| aks\/[^|]+ \| \d{4}-\d{2}-\d{2} \| https:\/\/\S+ \|$/m);
    expect(stdout).toMatch(/^\| [^|]+ \| chainguard-containers\/[^|]+ \| \d{4}-\d{2}-\d{2} \| https:\/\/\S+ \|$/m);
    // AND defaults are named as such; SOURCE_DATE_EPOCH sets the date for reproducible listings
    const fixed = runWith(['list', 'chainguard-containers', '--format', 'markdown'], { env: { SOURCE_DATE_EPOCH: '1700000000' } }).stdout;
    expect(fixed).toContain('- `chainguard-containers`: defaults');
    expect(fixed).toContain('Generated 2023-11-14T22:13:20Z');
    expect(runWith(['list', 'chainguard-containers', '--format', 'markdown'], { env: { SOURCE_DATE_EPOCH: 'yesterday' } }).code).toBe(2);
  });
});

describe('list wording', () => {
  test('the AKS hcp row says where it is required: for public clusters', () => {
    const rows = JSON.parse(runCli('list', 'aks', '--location', 'westeurope', '--format', 'json').stdout);
    const hcp = rows.find((r: any) => r.peer.value === '*.hcp.westeurope.azmk8s.io');
    expect(hcp.condition).toMatch(/^Required for public clusters\. /);
    expect(JSON.parse(runCli('list', 'aks', '--location', 'westeurope', '--private-cluster', '--format', 'json').stdout).some((r: any) => r.peer.value === hcp.peer.value)).toBe(false);
  });

  test('purposes that differ only by case, spacing or a trailing period are one purpose', () => {
    expect(distinctPurposes(['Pull images.', 'Pull images', ' pull  images. ', 'Pull charts'])).toEqual(['Pull images.', 'Pull charts']);
    expect(distinctPurposes([])).toEqual([]);
  });
});
