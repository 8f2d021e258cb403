/**
 * Bad-input corpus of the CLI: every call must exit 2, write nothing on stdout, and write one message on stderr
 * that names the offending value (and, where it helps, the fix). Grouped by class of mistake.
 */
import * as fs from 'fs';
import * as path from 'path';
import { OptionSpec, OptionType } from '../../lib/catalog/profile-definition';
import { parseFlags } from '../../lib/cli/args';
import { FirewallRequirementsError } from '../../lib/model/errors';
import { runCli } from '../cli/run-cli';

/** One bad call: the argv, the offending value as stderr must quote it, and a fragment of the message. */
type Case = [argv: string[], value: string, message: string];

const AKS = ['list', 'aks', '--location', 'westeurope'];
const IBM = ['list', 'ibm-vpc', '--region', 'us-south', '--subnet-cidrs', '10.240.0.0/24'];
const ETCD = [...IBM, '--master-endpoints', 'c3.us-south.containers.cloud.ibm.com', '--etcd-port'];

const GROUPS: Record<string, Case[]> = {
  'a single-value flag given twice': [
    [['list', 'aks', '--location', 'westeurope', '--location', 'northeurope'], '"northeurope"', '--location was already given as "westeurope" and takes one value'],
    [['list', 'aks', '--location', 'westeurope', '--location=westeurope'], '"westeurope"', 'the same value twice is rejected too'],
    [[...AKS, '--format', 'json', '--format', 'csv'], '"csv"', '--format was already given as "json"'],
    [['list', 'chainguard-enforce', '--mode', 'agent', '--mode=agentless'], '"agentless"', '--mode was already given as "agent"'],
    [[...AKS, '--cloud', 'azure-public', '--cloud', 'azure-china'], '"azure-china"', '--cloud was already given'],
  ],
  'a boolean given twice or both ways': [
    [[...AKS, '--gpu', '--no-gpu'], '"--no-gpu"', '--gpu was already given as --gpu: give a boolean flag once'],
    [[...AKS, '--gpu=true', '--gpu=false'], '"--gpu=false"', '--gpu was already given as --gpu=true'],
    [[...AKS, '--no-windows', '--windows'], '"--windows"', '--windows was already given as --no-windows'],
    [[...AKS, '--private-cluster', '--private-cluster'], '"--private-cluster"', 'give a boolean flag once'],
  ],
  'empty list items': [
    [[...AKS, '--addons', ',,'], '",,"', 'Item 1 of 3 is empty'],
    [[...AKS, '--addons='], '""', '--addons needs a non-empty value, e.g. --addons workload-identity,defender'],
    [[...AKS, '--addons', 'azure-monitor,,defender'], '"azure-monitor,,defender"', 'Item 2 of 3 is empty'],
    [[...AKS, '--addons', 'defender,'], '"defender,"', 'Item 2 of 2 is empty: separate values with single commas and no trailing comma'],
    [[...AKS, '--addons', ',defender'], '",defender"', 'Item 1 of 2 is empty'],
    [['list', 'ibm-vpc', '--region', 'us-south', '--subnet-cidrs', '10.240.0.0/24, ,10.240.64.0/24'], '"10.240.0.0/24, ,10.240.64.0/24"', 'Item 2 of 3 is empty'],
    [[...AKS, '--custom-dns-servers', ' '], '" "', '--custom-dns-servers needs a non-empty value'],
  ],
  'repeated list items and `all` next to names': [
    [[...AKS, '--addons', 'defender,defender'], '"defender"', '"defender" is given twice; name each value once'],
    [[...AKS, '--addons', 'defender', '--addons', 'istio,defender'], '"defender"', 'is given twice'],
    [[...IBM, '--subnet-cidrs', '10.240.0.0/24'], '"10.240.0.0/24"', 'is given twice'],
    [[...AKS, '--addons', 'all,azure-monitr'], '"azure-monitr"', 'Did you mean "azure-monitor"?'],
    [[...AKS, '--addons', 'azure-monitr,all'], '"azure-monitr"', 'Did you mean "azure-monitor"?'],
    [[...AKS, '--addons', 'all,defender'], '"all,defender"', '"all" already selects every value that applies'],
    [[...AKS, '--addons', 'all', '--addons', 'all'], '"all"', 'is given twice'],
  ],
  'empty or missing values': [
    [['list', 'aks', '--location='], '""', '--location needs a non-empty value'],
    [['list', 'aks', '--location', ''], '""', '--location needs a non-empty value'],
    [['list', 'chainguard-enforce', '--mode='], '""', '--mode needs a non-empty value, e.g. --mode agent'],
    [['list', 'aks', '--location'], '""', '--location needs a value.'],
    [['list', 'aks', '--location', '--gpu'], '""', '--location needs a value.'],
    [['list', 'chainguard-enforce', '--format'], '""', '--format needs a value, e.g. --format table'],
  ],
  'boolean flags with values they do not take': [
    [[...AKS, '--gpu=maybe'], '"maybe"', 'Boolean flags take true or false (or use --no-gpu).'],
    [[...AKS, '--gpu=1'], '"1"', 'Boolean flags take true or false'],
    [[...AKS, '--no-gpu=false'], '"false"', '--no-gpu takes no value'],
    [[...AKS, '--gpu', 'true'], '"true"', 'Boolean flags take no separate value: write --gpu=true'],
    [[...AKS, '--no-konnectivity', 'false'], '"false"', 'write --konnectivity=false or --no-konnectivity'],
    [['list', 'chainguard-enforce', '--help=false'], '"false"', '--help takes no value'],
  ],
  'unknown commands and flags': [
    [['lst', 'aks'], '"lst"', 'Did you mean "list"?'],
    [['--verison'], '"--verison"', 'Did you mean "--version"?'],
    [['--bogus'], '"--bogus"', 'Valid values: --help, --version. Commands: list, validate, export, drift, explain, help.'],
    [['list', 'akss'], '"akss"', 'Did you mean "aks"?'],
    [['list', 'aks', '--locaton', 'westeurope'], '"--locaton"', 'Did you mean "--location"?'],
    [[...AKS, '--addon', 'defender'], '"--addon"', 'Did you mean "--addons"?'],
    [[...AKS, '--region', 'us-south'], '"--region"', '--region is an option of profiles eks, gke, ibm-vpc.'],
    [[...AKS, '--mode', 'agent'], '"--mode"', '--mode is an option of profile chainguard-enforce.'],
    [['list', 'chainguard-enforce', '--location', 'westeurope'], '"--location"', '--location is an option of profile aks.'],
    [[...AKS, '--no-location'], '"--no-location"', 'Did you mean "--location"?'],
    [['list', 'chainguard-enforce', '---mode', 'agent'], '"---mode"', 'Did you mean "--mode"?'],
    [['list', 'chainguard-enforce', '--=agent'], '"--=agent"', 'A flag is written --name or --name=value'],
    [['help', 'nosuch'], '"nosuch"', 'Unknown help topic'],
    [['validate', '--verbos'], '"--verbos"', 'Did you mean "--verbose"?'],
  ],
  'positional junk': [
    [['list', 'aks', 'westeurope'], '"westeurope"', 'Options are given as --flag value; see --help.'],
    [['list', 'chainguard-enforce', '-x'], '"-x"', 'Flags are written with two dashes'],
    [['list', 'chainguard-enforce', '--'], '"--"', 'A bare -- (end of options) is not used here'],
    [['--version', 'extra'], '"extra"', '--version takes no further arguments'],
    [['-v', '--format', 'json'], '"--format"', '-v takes no further arguments'],
    [['help', 'list', 'extra'], '"extra"', 'takes no further arguments'],
    [['list', '--help', 'aks'], '"aks"', 'takes no further arguments'],
    [['validate', 'a', 'b'], '"b"', 'It takes one folder (already given: a).'],
  ],
  'numbers given to port flags': [
    [[...ETCD, 'NaN'], '"NaN"', '--etcd-port takes a whole decimal number from 1 to 65535.'],
    [[...ETCD, 'Infinity'], '"Infinity"', '--etcd-port takes a whole decimal number from 1 to 65535.'],
    [[...IBM, '--ingress-monitoring-port', '-1'], '"-1"', 'It is out of range: --ingress-monitoring-port takes a whole number from 1 to 65535.'],
    [[...IBM, '--ingress-monitoring-port=-443'], '"-443"', 'It is out of range: --ingress-monitoring-port takes a whole number from 1 to 65535.'],
    [[...IBM, '--ingress-monitoring-port', '1e3'], '"1e3"', '--ingress-monitoring-port takes a whole decimal number from 1 to 65535.'],
    [[...IBM, '--ingress-monitoring-port', '0x50'], '"0x50"', '--ingress-monitoring-port takes a whole decimal number from 1 to 65535.'],
    [[...IBM, '--ingress-monitoring-port', '80.5'], '"80.5"', '--ingress-monitoring-port takes a whole decimal number from 1 to 65535.'],
    [[...IBM, '--ingress-monitoring-port', '65536'], '"65536"', 'It is out of range: --ingress-monitoring-port takes a whole number from 1 to 65535.'],
    [[...IBM, '--ingress-monitoring-port', '0'], '"0"', 'It is out of range: --ingress-monitoring-port takes a whole number from 1 to 65535.'],
  ],
  'validate usage': [
    [['validate', '--schema-dir', 'a', '--schema-dir', 'b'], '"b"', '--schema-dir was already given as "a"'],
    [['validate', '--verbose', '--no-verbose'], '"--no-verbose"', '--verbose was already given as --verbose'],
    [['validate', '--schema-dir='], '""', '--schema-dir needs a non-empty value'],
    [['validate', '--cache-dir'], '""', '--cache-dir needs a value.'],
    [['validate', '--allow-unchecked=yes'], '"yes"', 'Boolean flags take true or false'],
    [['validate', '--schema-dir', 'no-such-schema-folder', 'no-such-out'], '"no-such-schema-folder"', 'It does not exist. Pass the folder that holds the <provider>.json schema files'],
    [['validate', '--schema-dir', 'package.json', 'no-such-out'], '"package.json"', 'It is a file, not a folder.'],
    [['validate', '--cache-dir', 'package.json', 'no-such-out'], '"package.json"', 'It is a file, not a folder. Pass a folder (it is created when missing)'],
    [['validate', 'no-such-folder-for-the-corpus'], '"no-such-folder-for-the-corpus"', 'It does not exist.'],
    [['validate', ''], '""', 'It is empty. Pass the cdktf output folder'],
    [['validate', 'lib/model'], '"lib/model"', 'It holds no cdk.tf.json file. Synthesize first, or pass the cdktf output folder (default cdktf.out); nothing was validated.'],
  ],
};

const CASES = Object.entries(GROUPS).flatMap(([group, cases]) => cases.map((c) => ({ group, argv: c[0], value: c[1], message: c[2] })));

describe.each(Object.keys(GROUPS))('cli bad input: %s', (group) => {
  test.each(CASES.filter((c) => c.group === group).map((c) => [c.argv.map((a) => JSON.stringify(a)).join(' '), c] as const))('%s', (_shown, c) => {
    const { code, stdout, stderr } = runCli(...c.argv);
    expect(stdout).toBe('');
    expect(code).toBe(2);
    expect(stderr).toContain(c.value);
    expect(stderr).toContain(c.message);
    expect(stderr).toMatch(/^cdktf-firewall-requirements( validate)?: /);
    // One message, one line, no stack trace.
    expect(stderr.endsWith('\n')).toBe(true);
    expect(stderr.trimEnd()).not.toContain('\n');
    expect(stderr).not.toMatch(/\n\s+at /);
  });
});

describe('cli bad input: list without a profile', () => {
  test.each([[['list']], [['list', '--format', 'json']], [['list', '--location', 'westeurope']]])('%j exits 2 with the profiles on stderr', (argv) => {
    const { code, stdout, stderr } = runCli(...argv);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^cdktf-firewall-requirements: Missing required option profile: list needs a profile name before its flags/);
    for (const profile of ['aks', 'chainguard-enforce', 'ibm-vpc']) expect(stderr).toMatch(new RegExp(`^  ${profile} `, 'm'));
  });

  test('list --help is the way to see the profiles, exit 0 on stdout', () => {
    const { code, stdout, stderr } = runCli('list', '--help');
    expect([code, stderr]).toEqual([0, '']);
    expect(stdout).toContain('Profiles:');
  });
});

describe('cli: --version', () => {
  test.each([['--version'], ['-v']])('%s prints the version from package.json', (flag) => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { version } = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8'));
    expect(runCli(flag)).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
  });
});

describe('integer flags (a plug-in profile may declare them): the parser rejects what is not a whole number in range', () => {
  const specs: OptionSpec[] = [
    { name: 'maxRules', flag: 'max-rules', type: OptionType.INTEGER, min: 1, max: 1000, description: 'Rules per group.' },
    { name: 'offset', flag: 'offset', type: OptionType.INTEGER, description: 'Any whole number.' },
  ];
  const parse = (...args: string[]) => parseFlags(args, { command: 'test', specs });

  test('valid values parse to numbers', () => {
    expect(parse('--max-rules', '60', '--offset=-3').options).toEqual({ maxRules: 60, offset: -3 });
    expect(parse('--max-rules', '1000').options.maxRules).toBe(1000);
  });

  test.each([
    ['--max-rules', 'abc', 'takes a whole decimal number from 1 to 1000'],
    ['--max-rules', 'NaN', 'takes a whole decimal number from 1 to 1000'],
    ['--max-rules', 'Infinity', 'takes a whole decimal number'],
    ['--max-rules', '-5', 'It is out of range: --max-rules takes a whole number from 1 to 1000'],
    ['--max-rules', '0', 'It is out of range'],
    ['--max-rules', '1001', 'It is out of range'],
    ['--max-rules', '1.5', 'takes a whole decimal number'],
    ['--max-rules', '1e2', 'takes a whole decimal number'],
    ['--max-rules', '0x10', 'takes a whole decimal number'],
    ['--max-rules', ' 60', 'takes a whole decimal number'],
    ['--offset', '99999999999999999999', 'of at most 15 digits'],
  ])('%s %j', (flag, value, message) => {
    let error: unknown;
    try {
      parse(`${flag}=${value}`);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(FirewallRequirementsError);
    const e = error as FirewallRequirementsError;
    expect(e.message).toContain(`"${value}"`);
    expect(e.message).toContain(message);
    expect([e.value, e.code]).toEqual([value, 'invalid-number']);
  });
});

test('the corpus is large and distinct', () => {
  const keys = CASES.map((c) => JSON.stringify(c.argv));
  expect(new Set(keys).size).toBe(keys.length);
  expect(CASES.length).toBeGreaterThanOrEqual(45);
});

describe('no argument list crashes the CLI', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const fc = require('fast-check') as typeof import('fast-check');
  const tokens = [
    'list', 'help', '--version', '-v', '-h', '--help', 'aks', 'chainguard-enforce', 'ibm-vpc', '--location', 'westeurope', '--location=',
    '--addons', 'all', 'defender', ',', 'all,defender', '--gpu', '--no-gpu', '--gpu=false', 'true', '--format', 'json', '--format=csv',
    '--region', 'us-south', '--subnet-cidrs', '10.240.0.0/24', '10.240.0.1/24', '--etcd-port', 'NaN', '-1', '--master-endpoints',
    'c3.us-south.containers.cloud.ibm.com', '--mode', 'agent', '--', '-', '--=', '--no-', '', ' ', '=', '--cloud', 'azure-china',
  ];
  test('every outcome is an exit code with a message, and exit 2 leaves stdout empty', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom(...tokens), fc.string({ maxLength: 6 })), { maxLength: 8 }), (argv) => {
        const { code, stdout, stderr } = runCli(...argv);
        expect([0, 2]).toContain(code);
        if (code === 2) {
          expect(stdout).toBe('');
          expect(stderr).toMatch(/^cdktf-firewall-requirements: /);
          expect(stderr).not.toMatch(/\n\s+at /);
        }
      }),
      { numRuns: 400, seed: 20251201 },
    );
  });
});
