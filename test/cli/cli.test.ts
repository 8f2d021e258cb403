import { runCli } from './run-cli';

const run = runCli;

const RETIRED_WARNING =
  'cdktf-firewall-requirements: warning: catalog chainguard-enforce (Chainguard Enforce for Kubernetes) is retired since 2024-04-10: ' +
  'nobody vouches for its rows today (last evidence: chainguard-dev/edu@3260d4508, 2024-09-10, the remaining references to removed Enforce functionality go). ' +
  'For what the vendor still publishes, use the chainguard-containers profile.\n';

describe('cli list', () => {
  test('json output is an array of records with the documented fields', () => {
    const { code, stdout, stderr } = run('list', 'chainguard-enforce', '--acknowledge-retired', '--format', 'json');
    expect(stderr).toBe(RETIRED_WARNING);
    expect(code).toBe(0);
    const records = JSON.parse(stdout);
    expect(records).toHaveLength(29);
    for (const r of records) {
      expect(Object.keys(r)).toEqual(expect.arrayContaining(['id', 'source', 'direction', 'protocol', 'ports', 'peer', 'purpose', 'necessity', 'provenance']));
      expect(r.id).toMatch(/^[0-9a-f]{12}$/);
      expect(Object.keys(r.peer).sort()).toEqual(['kind', 'value']);
      expect(Object.keys(r.provenance).sort()).toEqual(['date', 'section', 'title', 'url']);
      expect(r.lifecycle).toMatchObject({ catalog: 'chainguard-enforce', status: 'retired', since: '2024-04-10', checked: '2026-12-08', successor: 'chainguard-containers' });
      expect(r.lifecycle.evidence).toContain('chainguard-dev/edu@115bca1e8 (2024-04-10): Enforce documentation turned down');
      expect(r.purpose.startsWith('RETIRED 2024-04-10: ')).toBe(true);
    }
    const cidrs = records.filter((r: any) => r.peer.kind === 'cidr');
    expect(cidrs.map((r: any) => r.peer.value).sort()).toEqual(['34.107.162.32/32', '34.117.0.114/32', '34.132.193.40/32', '35.230.121.20/32', '35.237.242.37/32']);
    expect(cidrs.every((r: any) => r.direction === 'ingress' && r.protocol === 'tcp' && r.ports.join() === '443')).toBe(true);
  });

  test('profile flags reach the profile (agentless mode lists only the CIDRs, to the API endpoint and to the registry)', () => {
    const records = JSON.parse(run('list', 'chainguard-enforce', '--acknowledge-retired', '--mode', 'agentless', '--format=json').stdout);
    expect(records.map((r: any) => r.peer.kind)).toEqual(Array(10).fill('cidr'));
    expect(records.map((r: any) => r.landing).sort()).toEqual([...Array(5).fill('control-plane'), ...Array(5).fill('service')]);
  });

  test('list flags accept comma lists and repetition', () => {
    const a = JSON.parse(run('list', 'ibm-vpc', '--region', 'us-south', '--subnet-cidrs', '10.240.0.0/24,10.240.64.0/24', '--format', 'json').stdout);
    const b = JSON.parse(run('list', 'ibm-vpc', '--region', 'us-south', '--subnet-cidrs', '10.240.0.0/24', '--subnet-cidrs', '10.240.64.0/24', '--format', 'json').stdout);
    expect(a).toEqual(b);
    const nodePorts = a.filter((r: any) => r.direction === 'ingress');
    expect(nodePorts.map((r: any) => [r.peer.value, r.ports])).toEqual([
      ['10.240.0.0/24', ['30000-32767']],
      ['10.240.64.0/24', ['30000-32767']],
    ]);
  });

  test('csv quotes cells with commas and quotes, one header row', () => {
    const { stdout } = run('list', 'chainguard-enforce', '--acknowledge-retired', '--mode', 'agentless', '--format', 'csv');
    const lines = stdout.trimEnd().split('\r\n');
    expect(lines[0]).toBe('id,direction,protocol,ports,peer kind,peer,vendor row,lands on,necessity,condition,purpose,vpc endpoint,profiles,source,catalog status,also in,document');
    expect(lines).toHaveLength(11);
    expect(lines[1]).toMatch(/^[0-9a-f]{12},ingress,tcp,443,cidr,[0-9./]+,,control-plane,required,,/);
    expect(lines.slice(1).every((l) => l.includes(',"retired since 2024-04-10, data checked 2026-12-08",'))).toBe(true);
  });

  test('markdown renders a table with a separator row after the title block', () => {
    const lines = run('list', 'chainguard-enforce', '--acknowledge-retired', '--mode', 'agentless', '--format', 'markdown').stdout.trimEnd().split('\n');
    const at = lines.indexOf('## Requirements');
    expect(lines[at + 2]).toBe('| id | direction | protocol | ports | peer kind | peer | vendor row | lands on | necessity | condition | purpose | vpc endpoint | profiles | source | catalog status | also in | document |');
    expect(lines[at + 3]).toBe('|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|');
    expect(lines[at + 4]).toContain('| retired since 2024-04-10, data checked 2026-12-08 |');
    expect(lines.slice(lines.indexOf('## Catalogs'), at)).toEqual(['## Catalogs', '', expect.stringMatching(/^- catalog chainguard-enforce: retired since 2024-04-10, data checked 2026-12-08; evidence: /), '']);
    expect(lines).toHaveLength(at + 4 + 10);
  });

  test('rows naming a VPC endpoint add a vpc endpoint column; other profiles keep their columns', () => {
    const { code, stdout } = run('list', 'eks', '--region', 'eu-west-1');
    expect(code).toBe(0);
    expect(stdout.split('\n')[0]).toMatch(/^DIRECTION\s+PROTOCOL\s+PORTS\s+PEER KIND\s+PEER\s+NECESSITY\s+PURPOSE\s+VPC ENDPOINT\s+SOURCE$/);
    expect(stdout).toMatch(/api\.ecr\.eu-west-1\.amazonaws\.com .* com\.amazonaws\.eu-west-1\.ecr\.api /);
    const csv = run('list', 'eks', '--region', 'eu-west-1', '--format', 'csv').stdout.split('\r\n');
    expect(csv[0]).toBe('id,direction,protocol,ports,peer kind,peer,vendor row,lands on,necessity,condition,purpose,vpc endpoint,profiles,source,catalog status,also in,document');
    expect(run('list', 'gke', '--help').stdout).toContain('--google-api-access <value>');
  });

  test('the table shows the "lands on" column only when some row lands elsewhere than on the nodes; csv always has it', () => {
    const agent = run('list', 'chainguard-enforce', '--acknowledge-retired', '--mode', 'agent', '--format', 'csv').stdout.split('\r\n');
    expect(agent.filter((l) => l.includes(',control-plane,'))).toHaveLength(5);
    expect(run('list', 'chainguard-enforce', '--acknowledge-retired', '--mode', 'agent').stdout.split('\n')[0]).toContain(' LANDS ON ');
    const args = ['list', 'ibm-vpc', '--region', 'us-south', '--subnet-cidrs', '10.240.0.0/24'];
    expect(run(...args, '--format', 'csv').stdout.split('\r\n')[0]).toBe('id,direction,protocol,ports,peer kind,peer,vendor row,lands on,necessity,condition,purpose,vpc endpoint,profiles,source,catalog status,also in,document');
    expect(run(...args).stdout.split('\n')[0]).not.toContain('LANDS ON');
  });

  test('table is the default format and counts the rows; a footer line per catalog gives its status and evidence', () => {
    const { stdout, stderr } = run('list', 'chainguard-enforce', '--acknowledge-retired');
    expect(stdout.split('\n')[0]).toMatch(/^DIRECTION\s+PROTOCOL\s+PORTS\s+PEER KIND\s+PEER\s+LANDS ON\s+NECESSITY\s+PURPOSE\s+SOURCE$/);
    const tail = stdout.trimEnd().split('\n').slice(-2);
    expect(tail[0]).toBe('29 requirement(s)');
    expect(tail[1]).toMatch(/^catalog chainguard-enforce: retired since 2024-04-10, data checked 2026-12-08; evidence: chainguard-dev\/edu@e71950e58 \(2023-06-30\): .*; successor: chainguard-containers$/);
    expect(stderr).toBe(RETIRED_WARNING);
  });

  test('chainguard-enforce without --acknowledge-retired lists nothing and says why (exit 2)', () => {
    const { code, stdout, stderr } = run('list', 'chainguard-enforce');
    expect([code, stdout]).toEqual([2, '']);
    expect(stderr).toContain('Missing required option acknowledgeRetired: Chainguard Enforce for Kubernetes is retired since 2024-04-10');
    expect(stderr).toContain('CLI list chainguard-containers');
  });

  test('chainguard-containers lists the registry hosts with their roles; current, no warning', () => {
    const { code, stdout, stderr } = run('list', 'chainguard-containers', '--roles', 'all', '--format', 'json');
    expect([code, stderr]).toEqual([0, '']);
    const records = JSON.parse(stdout);
    expect(records.map((r: any) => [r.peer.value, r.metadata.roles])).toEqual([
      ['9236a389bd48b984df91adc1bc924620.r2.cloudflarestorage.com', 'pull, packages'],
      ['apk.cgr.dev', 'packages'],
      ['cgr.dev', 'pull'],
      ['console-api.enforce.dev', 'console'],
      ['console.chainguard.dev', 'console'],
      ['data.chainguard.dev', 'console'],
      ['dl.enforce.dev', 'console'],
      ['enforce.dev', 'pull, console'],
      ['issuer.enforce.dev', 'console'],
      ['packages.cgr.dev', 'packages'],
      ['packages.wolfi.dev', 'packages'],
      ['support.chainguard.dev', 'console'],
      ['virtualapk.cgr.dev', 'packages'],
    ]);
    expect(records.every((r: any) => r.lifecycle.status === 'current' && r.lifecycle.checked === '2026-12-08')).toBe(true);
    const table = run('list', 'chainguard-containers').stdout;
    expect(table).toContain('3 requirement(s)\ncatalog chainguard-containers: current (upstream 2026-08-11), data checked 2026-12-08\n');
  });

  test('a retired catalog listed with a current one: one warning, the rows of both, a footer line each', () => {
    const { code, stdout, stderr } = run('list', 'chainguard-containers', 'chainguard-enforce', '--acknowledge-retired', '--mode', 'agentless');
    expect([code, stderr]).toEqual([0, RETIRED_WARNING]);
    const footer = stdout.trimEnd().split('\n').slice(-2);
    expect(footer[0]).toMatch(/^catalog chainguard-containers: current/);
    expect(footer[1]).toMatch(/^catalog chainguard-enforce: retired since 2024-04-10/);
  });

  test('help lists commands, profiles and each profile option', () => {
    expect(run('--help').stdout).toContain('list <profile>... [options]');
    expect(run('list', '--help').stdout).toContain('chainguard-enforce');
    expect(run('help', 'list').stdout).toBe(run('list', '--help').stdout);
    const help = run('list', 'ibm-vpc', '--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('--subnet-cidrs <a,b,...>');
    expect(help.stdout).toContain('--node-ports-from-anywhere | --no-node-ports-from-anywhere');
  });
});

describe('cli rejections exit 2 and write nothing to stdout', () => {
  test.each([
    [['frobnicate'], 'Unknown command "frobnicate"'],
    [['list', 'openshift'], 'Unknown profile "openshift"'],
    [['list', 'chainguard-enforce', '--format', 'yaml'], 'Unknown format "yaml"'],
    [['list', 'chainguard-enforce', '--mode', 'agentles'], 'Did you mean "agentless"?'],
    [['list', 'chainguard-enforce', '--colour', 'red'], 'Unknown option for profile chainguard-enforce "--colour"'],
    [['list', 'chainguard-enforce', '--mode'], '--mode needs a value'],
    [['list', 'chainguard-enforce', 'agent'], 'Unknown profile "agent"'],
    [['list', 'chainguard-enforce', '--mode', 'agent', 'eks'], 'Invalid argument "eks"'],
    [['list', 'ibm-vpc', '--region', 'us-south', '--subnet-cidrs', '10.240.0.1/24'], 'Did you mean 10.240.0.0/24?'],
    [['list', 'ibm-vpc', '--subnet-cidrs', '10.240.0.0/24'], 'region'],
    [['list', 'ibm-vpc', '--region', 'us-south', '--subnet-cidrs', '10.240.0.0/24', '--global-registry=maybe'], 'Boolean flags take true or false'],
  ])('%j', (argv, message) => {
    const { code, stdout, stderr } = run(...(argv as string[]));
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain(message);
    expect(stderr.startsWith('cdktf-firewall-requirements: ')).toBe(true);
  });
});

describe('cli aks', () => {
  test('--addons all selects every add-on and conditions show in the table as the kind only', () => {
    const all = JSON.parse(
      run('list', 'aks', '--location', 'westeurope', '--addons', 'all', '--addons-using-key-vault', 'istio,application-routing', '--format', 'json').stdout,
    );
    const sections = new Set(all.flatMap((r: any) => [r.source, ...(r.alsoIn ?? [])]));
    for (const addon of ['workload-identity', 'defender', 'key-vault-secrets-provider', 'azure-monitor', 'azure-policy', 'cost-analysis', 'cluster-extensions', 'istio', 'application-routing', 'backup']) {
      expect(sections).toContain(`aks/addon-${addon}`);
    }
    const hcp = all.find((r: any) => r.peer.value === '*.hcp.westeurope.azmk8s.io');
    expect(hcp.necessity).toBe('conditional');
    expect(hcp.condition).toMatch(/Private clusters/);
    const table = run('list', 'aks', '--location', 'westeurope').stdout;
    expect(table).toMatch(/\*\.hcp\.westeurope\.azmk8s\.io\s+conditional\s+Required for Node/);
  });

  test('boolean flags and their --no- form', () => {
    const base = JSON.parse(run('list', 'aks', '--location', 'westeurope', '--format', 'json').stdout);
    const noKonnectivity = JSON.parse(run('list', 'aks', '--location', 'westeurope', '--no-konnectivity', '--format', 'json').stdout);
    const tunnel = noKonnectivity.filter((r: any) => r.peer.value === 'AzureCloud.westeurope');
    expect(tunnel.map((r: any) => `${r.protocol}/${r.ports.join()}`).sort()).toEqual(['tcp/9000', 'udp/1194']);
    expect(noKonnectivity.length).toBe(base.length + 2);
    expect(run('list', 'aks', '--location', 'westeurope', '--konnectivity=false', '--format', 'json').stdout).toBe(
      run('list', 'aks', '--location', 'westeurope', '--no-konnectivity', '--format', 'json').stdout,
    );
  });

  test('an unknown add-on lists the valid ones and writes nothing', () => {
    const { code, stdout, stderr } = run('list', 'aks', '--location', 'westeurope', '--addons', 'azure-monitr');
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('Did you mean "azure-monitor"?');
  });
});

describe('cli: `all` is expanded by the profile', () => {
  test('aks --addons all selects only the add-ons the chosen cloud has rules for', () => {
    const { code, stdout, stderr } = run('list', 'aks', '--cloud', 'azure-china', '--location', 'chinaeast2', '--addons', 'all', '--format', 'json');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const sections = new Set(JSON.parse(stdout).flatMap((r: any) => [r.source, ...(r.alsoIn ?? [])]));
    expect(sections).toContain('aks/addon-azure-monitor');
    expect(sections).not.toContain('aks/addon-defender');
  });

  test('ibm-vpc --registry-regions all allows every registry region', () => {
    const records = JSON.parse(run('list', 'ibm-vpc', '--region', 'us-south', '--subnet-cidrs', '10.240.0.0/24', '--registry-regions', 'all', '--format', 'json').stdout);
    const hosts = records.map((r: any) => r.peer.value);
    for (const host of ['au.icr.io', 'br.icr.io', 'ca2.icr.io', 'ca.icr.io', 'de.icr.io', 'es.icr.io', 'uk.icr.io', 'in.icr.io', 'in2.icr.io', 'jp2.icr.io', 'jp.icr.io', 'us.icr.io']) {
      expect(hosts).toContain(host);
    }
  });
});

describe('cli: a bug is not a crash', () => {
  test('an unexpected error prints one line and exits 1 (no stack trace unless asked for)', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const format = require('../../lib/cli/format');
    const spy = jest.spyOn(format, 'formatRecords').mockImplementation(() => {
      throw new TypeError('boom');
    });
    try {
      const { code, stdout, stderr } = run('list', 'chainguard-containers');
      expect(code).toBe(1);
      expect(stdout).toBe('');
      expect(stderr).toBe(
        'cdktf-firewall-requirements: internal error: boom\nPlease report it with the command line; set CDKTF_FIREWALL_REQUIREMENTS_DEBUG=1 for the stack trace.\n',
      );
    } finally {
      spy.mockRestore();
    }
  });
});
