import { PROFILES } from '../../lib/catalog';
import { exportModule, parseSpecText } from '../../lib/export';
import { FirewallRequirementsError } from '../../lib/model';
import { FAKE_REGISTRY } from '../export/fake-target';
import { errorOf } from '../errors';

// Bad export specs: each is refused with a FirewallRequirementsError whose message names the JSON path and the
// value. 0 crashes, 0 silent acceptances.

const IBM = { region: 'us-south', subnetCidrs: ['10.240.0.0/24'] };
const exportSpec = (spec: unknown) => exportModule('fake-sg-rules', spec, { registry: FAKE_REGISTRY, source: 'fw.json' });
const exportText = (text: string) => exportSpec(parseSpecText(text, 'fw.json'));

type Case = [string, unknown, string | undefined, RegExp];

describe('spec shape', () => {
  test.each<Case>([
    ['an array instead of an object', [], 'invalid-type', /Invalid spec \(an array, expected an object\) "\[\]" \(from fw\.json at \$\)/],
    ['a string', 'profiles', 'invalid-type', /Invalid spec \(string, expected an object\) "profiles" \(from fw\.json at \$\)/],
    ['null', null, 'invalid-type', /Invalid spec \(null, expected an object\) "null"/],
    ['no profiles', { target: {} }, 'missing-option', /Missing required key "profiles" \(from fw\.json at \$\).*Profiles: aks, chainguard-containers, chainguard-enforce/],
    ['an unknown top-level key, with a suggestion', { profiles: { 'chainguard-enforce': {} }, targets: {} }, 'unknown-option', /Unknown key of the spec "targets" \(from fw\.json at \$\.targets\)\. Did you mean "target"\?/],
    ['a top-level key from another tool', { profiles: { 'chainguard-enforce': {} }, backend: 's3' }, 'unknown-option', /"backend" \(from fw\.json at \$\.backend\)\. Valid keys: profiles, target/],
    ['profiles as an array', { profiles: ['aks'] }, 'invalid-type', /Invalid value of \$\.profiles \(an array, expected an object\) "\[\\"aks\\"\]" \(from fw\.json at \$\.profiles\)/],
    ['profiles empty', { profiles: {} }, 'missing-option', /Invalid profiles "\{\}" \(from fw\.json at \$\.profiles\)\. Name at least one profile/],
    ['an unknown profile, with a suggestion', { profiles: { 'chainguard-enforse': {} } }, 'unknown-option', /Unknown profile "chainguard-enforse" \(from fw\.json at \$\.profiles\["chainguard-enforse"\]\)\. Did you mean "chainguard-enforce"\?/],
    ['profile options as true', { profiles: { 'chainguard-enforce': true } }, 'invalid-type', /\$\.profiles\["chainguard-enforce"\] \(boolean, expected an object\) "true".*use \{\} for the defaults/],
    ['profile options as null', { profiles: { 'chainguard-enforce': null } }, 'invalid-type', /\(null, expected an object\) "null" \(from fw\.json at \$\.profiles\["chainguard-enforce"\]\)/],
    ['a target that is not an object', { profiles: { 'ibm-vpc': IBM }, target: 'aws' }, 'invalid-type', /Invalid value of \$\.target \(string, expected an object\) "aws" \(from fw\.json at \$\.target\)/],
    ['a target that is an array', { profiles: { 'ibm-vpc': IBM }, target: [] }, 'invalid-type', /\$\.target \(an array, expected an object\)/],
  ])('%s', (_what, spec, code, message) => {
    const e = errorOf(() => exportSpec(spec));
    if (code) expect(e.code).toBe(code);
    expect(e.message).toMatch(message);
  });
});

describe('profile options: shapes (checked before the profile function runs)', () => {
  test.each<Case>([
    ['an unknown option, with a suggestion', { profiles: { aks: { location: 'westeurope', adons: [] } } }, 'unknown-option', /Unknown option of profile aks "adons" \(from fw\.json at \$\.profiles\.aks\.adons\)\. Did you mean "addons"\?/],
    ['a CLI flag name instead of the option name', { profiles: { aks: { location: 'westeurope', 'private-cluster': true } } }, 'unknown-option', /"private-cluster" \(from fw\.json at \$\.profiles\.aks\["private-cluster"\]\)\. Did you mean "privateCluster"\?/],
    ['a string where a list is expected', { profiles: { 'ibm-vpc': { region: 'us-south', subnetCidrs: '10.240.0.0/24' } } }, 'invalid-type', /Invalid value of \$\.profiles\["ibm-vpc"\]\.subnetCidrs \(string, expected an array of strings\) "10\.240\.0\.0\/24".*e\.g\. \["10\.240\.0\.0\/24"\]/],
    ['a number in a list', { profiles: { aks: { location: 'westeurope', addons: ['azure-monitor', 7] } } }, 'invalid-type', /entry of \$\.profiles\.aks\.addons\[1\] \(number, expected a string\) "7"/],
    ['a string where a boolean is expected', { profiles: { aks: { location: 'westeurope', gpu: 'true' } } }, 'invalid-type', /\$\.profiles\.aks\.gpu \(string, expected true or false\) "true"/],
    ['a number where a string is expected', { profiles: { 'ibm-vpc': { region: 5, subnetCidrs: ['10.240.0.0/24'] } } }, 'invalid-type', /\$\.profiles\["ibm-vpc"\]\.region \(number, expected a string\) "5"/],
    ['a string where a port number is expected', { profiles: { 'ibm-vpc': { ...IBM, ingressMonitoringPort: '443' } } }, 'invalid-type', /ingressMonitoringPort \(string, expected a number\) "443"/],
    ['null for an option', { profiles: { 'chainguard-enforce': { mode: null } } }, 'invalid-type', /\$\.profiles\["chainguard-enforce"\]\.mode "null".*Leave mode out for its default \(agent\)/],
  ])('%s', (_what, spec, code, message) => {
    const e = errorOf(() => exportSpec(spec));
    if (code) expect(e.code).toBe(code);
    expect(e.message).toMatch(message);
  });
});

describe('profile options: values (the profile function\'s own message, with the JSON path)', () => {
  test.each<Case>([
    ['an unknown region', { profiles: { aks: { location: 'westeuropa' } } }, 'unknown-option', /"westeuropa" \(from fw\.json at \$\.profiles\.aks: option location\)\. Did you mean "westeurope"\?/],
    ['a missing required option', { profiles: { aks: {} } }, 'missing-option', /Missing required option location.*\(from fw\.json at \$\.profiles\.aks: profile aks\)/],
    ['an unknown add-on', { profiles: { aks: { location: 'westeurope', addons: ['azure-monitr'] } } }, 'unknown-option', /Unknown AKS add-on "azure-monitr" \(from fw\.json at \$\.profiles\.aks: option addons\[0\]\)\. Did you mean "azure-monitor"\?/],
    ['"all", which only the CLI expands', { profiles: { aks: { location: 'westeurope', addons: ['all'] } } }, 'unknown-option', /Unknown AKS add-on "all"/],
    ['an unknown choice', { profiles: { 'chainguard-enforce': { mode: 'agnet' } } }, 'unknown-option', /"agnet" \(from fw\.json at \$\.profiles\["chainguard-enforce"\]: profile chainguard-enforce option mode\)\. Did you mean "agent"\?/],
    ['an invalid CIDR', { profiles: { 'ibm-vpc': { region: 'us-south', subnetCidrs: ['10.240.0.0/33'] } } }, 'invalid-cidr', /"10\.240\.0\.0\/33".*fw\.json at \$\.profiles\["ibm-vpc"\]/],
    ['an API server IP that is a network', { profiles: { aks: { location: 'westeurope', apiServerPublicIp: '20.61.10.0/24' } } }, 'invalid-host', /"20\.61\.10\.0\/24".*fw\.json at \$\.profiles\.aks: option apiServerPublicIp/],
    ['a port out of range', { profiles: { 'ibm-vpc': { ...IBM, ingressMonitoringPort: 70000 } } }, undefined, /70000.*fw\.json at \$\.profiles\["ibm-vpc"\]/],
  ])('%s', (_what, spec, code, message) => {
    const e = errorOf(() => exportSpec(spec));
    if (code) expect(e.code).toBe(code);
    expect(e.message).toMatch(message);
  });
});

describe('target options (the target\'s own checks, origin $.target)', () => {
  test.each<Case>([
    ['an unknown target option', { profiles: { 'ibm-vpc': IBM }, target: { descriptionPrefx: 'x' } }, 'unknown-option', /Unknown property "descriptionPrefx" \(from fw\.json at \$\.target\)\. Did you mean "descriptionPrefix"\?/],
    ['a string for a boolean', { profiles: { 'ibm-vpc': IBM }, target: { allowAnyAddress: 'false' } }, 'invalid-type', /allowAnyAddress \(string, expected true or false\) "false" \(from fw\.json at \$\.target allowAnyAddress\)/],
    ['a Terraform reference where a literal is needed', { profiles: { 'ibm-vpc': IBM }, target: { descriptionPrefix: '${var.x}' } }, 'template-syntax', /"\$\{var\.x\}": it holds Terraform template syntax \(from fw\.json at \$\.target\.descriptionPrefix\)/],
    ['any address by coverage', { profiles: { 'ibm-vpc': { region: 'us-south', subnetCidrs: ['0.0.0.0/1', '128.0.0.0/1'] } } }, 'any-address', /0\.0\.0\.0\/1, 128\.0\.0\.0\/1 \(together 0\.0\.0\.0\/0\)/],
  ])('%s', (_what, spec, code, message) => {
    const e = errorOf(() => exportSpec(spec));
    if (code) expect(e.code).toBe(code);
    expect(e.message).toMatch(message);
  });
});

describe('spec text', () => {
  test.each<[string, string, string, RegExp]>([
    ['empty', '  \n', 'invalid-spec', /Invalid spec "" \(from fw\.json\)\. The spec file is empty/],
    ['a trailing comma', '{ "profiles": { "chainguard-enforce": {}, } }', 'invalid-spec', /Invalid JSON: .*at line 1, column \d+ \(from fw\.json\)/],
    ['a comment', '{ // mine\n "profiles": {} }', 'invalid-spec', /Invalid JSON.*line 1/],
    ['a duplicate top-level key', '{ "profiles": { "aks": {} }, "profiles": { "chainguard-enforce": {} } }', 'duplicate-key', /Duplicate key "profiles" \(from fw\.json at \$\.profiles\)/],
    ['a duplicate option', '{ "profiles": { "chainguard-enforce": { "mode": "agent", "mode": "agentless" } } }', 'duplicate-key', /Duplicate key "mode" \(from fw\.json at \$\.profiles\["chainguard-enforce"\]\.mode\)/],
    ['a duplicate key inside an array item', '{ "profiles": { "ibm-vpc": { "region": "us-south", "subnetCidrs": ["10.0.0.0/24"] } }, "target": { "a": [{}, { "x": 1, "x": 2 }] } }', 'duplicate-key', /Duplicate key "x" \(from fw\.json at \$\.target\.a\[1\]\.x\)/],
  ])('%s', (_what, text, code, message) => {
    const e = errorOf(() => exportText(text));
    expect(e.code).toBe(code);
    expect(e.message).toMatch(message);
  });

  test('escaped quotes and equal keys in different objects are not duplicates', () => {
    const text = '{ "profiles": { "ibm-vpc": { "region": "us-south", "subnetCidrs": ["10.240.0.0/24"] } }, "target": { "descriptionPrefix": "a \\"b\\" " } }';
    expect(exportText(text).files['main.tf.json']).toMatch(/a \\"b\\" Node ports/);
  });
});

describe('no crash for any JSON value of any profile option', () => {
  const base: Record<string, Record<string, unknown>> = {
    aks: { location: 'westeurope' },
    'chainguard-containers': {},
    'chainguard-enforce': { acknowledgeRetired: true },
    eks: { region: 'eu-west-1' },
    gke: { region: 'us-central1', controlPlaneCidrs: ['172.16.0.0/28'], nodeCidrs: ['10.0.0.0/24'], podCidrs: ['10.4.0.0/14'] },
    'ibm-vpc': IBM,
  };
  const values: unknown[] = [5, -1, 1.5, 1e300, 'x', '', ' ', {}, [], [5], [''], ['all'], [null], true, false, null, 'all', '0.0.0.0/0', ['0.0.0.0/0']];

  test.each(PROFILES.map((p) => [p.name]))('%s: every option with every kind of value is accepted or refused with a FirewallRequirementsError', (name) => {
    const profile = PROFILES.find((p) => p.name === name)!;
    expect(() => exportSpec({ profiles: { [name]: base[name] } })).not.toThrow();
    const crashes: string[] = [];
    for (const option of profile.options) {
      for (const value of values) {
        try {
          exportSpec({ profiles: { [name]: { ...base[name], [option.name]: value } } });
        } catch (e) {
          if (!(e instanceof FirewallRequirementsError)) crashes.push(`${option.name}=${JSON.stringify(value)}: ${String(e)}`);
          // Refused by the profile (named by its JSON path) or, for a row the target cannot open, by the target.
          else if (!/fw\.json at \$\.profiles|export fake-sg-rules of fw\.json/.test(e.message)) crashes.push(`${option.name}=${JSON.stringify(value)}: no JSON path in ${e.message}`);
        }
      }
    }
    expect(crashes).toEqual([]);
  });
});
