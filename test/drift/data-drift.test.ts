import * as fs from 'fs';
import * as path from 'path';
import { aksProfile } from '../../lib/catalog/aks/profile';
import { CatalogSection, SourceDocument } from '../../lib/catalog/catalog-section';
import { driftEgressEndpoints } from '../../lib/drift/aks-egress-endpoints';
import { driftChainguardDomains, driftChainguardIps } from '../../lib/drift/chainguard-data';
import { detectDriftFormat, driftCatalog, DriftFormat } from '../../lib/drift/drift';
import { driftEksAddonImages, driftEksEndpoints, EksRegionTable } from '../../lib/drift/eks-data';
import { driftControlPlaneIps } from '../../lib/drift/ibm-control-plane';
import { DriftKind } from '../../lib/drift/report';
import { Direction, Protocol } from '../../lib/model/protocol';

const FIXTURES = path.join(__dirname, 'fixtures');
const read = (name: string) => fs.readFileSync(path.join(FIXTURES, name), 'utf8');
const compact = (changes: ReadonlyArray<{ kind: string; item: string; upstream?: string; catalog?: string }>) =>
  changes.map((c) => [c.kind, c.item, c.upstream ?? '', c.catalog ?? '']);

const DOC: SourceDocument = { catalog: 'test', title: 'Network requirements', url: 'https://example.com/network-requirements.md', date: '2026-01-01' };

describe('Chainguard data files', () => {
  const hosts = (names: string[]) => new CatalogSection(DOC, 'chainguard-hosts', 'Chainguard Hosts').fqdns(names, Protocol.HTTPS, [443], 'hosts').requirements;
  const cidrs = (values: string[]) =>
    new CatalogSection(DOC, 'cidr-ranges', 'CIDR Ranges').cidrs(values, Protocol.TCP, [443], 'ranges', { direction: Direction.INGRESS }).requirements;

  test('domains.yaml: plain names, URLs and quoted items match the catalog hosts; no drift', () => {
    const report = driftChainguardDomains('test', hosts(['console-api.enforce.dev', 'issuer.enforce.dev', 'cgr.dev']), read('domains.yaml'), 'domains.yaml');
    expect(report.changes).toEqual([]);
    expect(report.compared).toEqual({ sections: 1, rows: 3 });
  });

  test('domains.yaml: a host added and a host gone', () => {
    const report = driftChainguardDomains('test', hosts(['console-api.enforce.dev', 'cgr.dev', 'tsa.enforce.dev']), read('domains.yaml'), 'domains.yaml');
    expect(compact(report.changes)).toEqual([
      [DriftKind.ROW_ADDED, 'https://issuer.enforce.dev', '', ''],
      [DriftKind.ROW_REMOVED, 'tsa.enforce.dev', '', ''],
    ]);
    expect(report.changes[0].line).toBe(3);
  });

  test('ips.yaml: comma-separated items; a CIDR added upstream', () => {
    expect(driftChainguardIps('test', cidrs(['35.230.121.20/32', '34.132.193.40/32', '35.237.242.37/32']), read('ips.yaml'), 'ips.yaml').changes).toEqual([]);
    const report = driftChainguardIps('test', cidrs(['35.230.121.20/32', '34.132.193.40/32']), read('ips.yaml'), 'ips.yaml');
    expect(compact(report.changes)).toEqual([[DriftKind.ROW_ADDED, '35.237.242.37/32', '', '']]);
  });

  test('the real Enforce catalog against the fixture: its retired hosts are gone upstream', () => {
    const report = driftCatalog('chainguard-enforce', read('domains.yaml'), 'domains.yaml');
    expect(report.changes.every((c) => c.kind === DriftKind.ROW_REMOVED)).toBe(true);
    expect(report.changes.map((c) => c.item)).toContain('policy-compiler.enforce.dev');
    expect(report.changes.map((c) => c.item)).not.toContain('cgr.dev');
  });

  test.each([
    ['a mapping', 'hosts:\n  - cgr.dev\n', /Expected a YAML list of host names/],
    ['an empty list', '# nothing\n', /has no items/],
    ['a CIDR that is not one', '- 35.230.121.20/32,not-a-cidr\n', /Invalid CIDR "not-a-cidr"/],
  ])('a malformed data file is an error: %s', (_, text, message) => {
    const run = () => (text.includes('/32') ? driftChainguardIps('test', cidrs([]), text, 'ips.yaml') : driftChainguardDomains('test', hosts([]), text, 'domains.yaml'));
    expect(run).toThrow(message);
  });
});

describe('EKS region data', () => {
  const table: EksRegionTable = {
    regions: ['ap-east-2', 'eu-west-1', 'us-east-1'],
    accounts: { 'ap-east-2': '533267051163', 'eu-west-1': '602401143452', 'us-east-1': '602401143452' },
    otherPartitionPrefixes: ['cn-', 'us-gov-'],
  };

  test('add-ons-images.adoc: a region added, a region gone, other partitions noted; a host naming another region still matches by account', () => {
    const report = driftEksAddonImages('eks', table, read('add-ons-images.adoc'), 'add-ons-images.adoc');
    expect(compact(report.changes)).toEqual([
      [DriftKind.ROW_ADDED, 'xx-new-1', '111122223333', ''],
      [DriftKind.ROW_REMOVED, 'us-east-1', '', '602401143452'],
    ]);
    expect(report.notes[0]).toMatch(/^cn-north-1: another partition/);
  });

  test('add-ons-images.adoc: an account changed', () => {
    const text = read('add-ons-images.adoc').replace('602401143452.dkr.ecr.eu-west-1', '999999999999.dkr.ecr.eu-west-1');
    const report = driftEksAddonImages('eks', { ...table, regions: [...table.regions, 'xx-new-1'], accounts: { ...table.accounts, 'xx-new-1': '111122223333', 'us-east-1': undefined as never } }, text, 'a.adoc');
    expect(compact(report.changes).filter((c) => c[0] === DriftKind.VALUE_CHANGED)).toEqual([[DriftKind.VALUE_CHANGED, 'eu-west-1', '999999999999', '602401143452']]);
  });

  const endpoints = (awsRegions: string[], eksRegions: string[]) =>
    JSON.stringify({
      partitions: [
        {
          partition: 'aws',
          dnsSuffix: 'amazonaws.com',
          regions: Object.fromEntries(awsRegions.map((r) => [r, { description: r }])),
          services: { eks: { endpoints: Object.fromEntries([...eksRegions.map((r) => [r, {}]), ['fips-us-east-1', { deprecated: true }]]) } },
        },
        { partition: 'aws-cn', dnsSuffix: 'amazonaws.com.cn', regions: { 'cn-north-1': {} }, services: {} },
      ],
      version: 3,
    });

  test('endpoints.json: no drift when the regions with an EKS endpoint are the catalog regions', () => {
    const report = driftEksEndpoints('eks', table, endpoints(['ap-east-2', 'eu-west-1', 'us-east-1'], ['ap-east-2', 'eu-west-1', 'us-east-1']), 'endpoints.json');
    expect(report.changes).toEqual([]);
    expect(report.notes[0]).toMatch(/aws-cn .* not covered/);
  });

  test('endpoints.json: a new region with EKS, a catalog region without EKS, a region in no partition', () => {
    const report = driftEksEndpoints('eks', table, endpoints(['ap-east-2', 'eu-west-1', 'ap-southeast-5'], ['eu-west-1', 'ap-southeast-5']), 'endpoints.json');
    expect(compact(report.changes)).toEqual([
      [DriftKind.ROW_ADDED, 'ap-southeast-5', 'EKS endpoint listed', ''],
      [DriftKind.ROW_REMOVED, 'ap-east-2', 'no EKS endpoint', 'known region'],
      [DriftKind.ROW_REMOVED, 'us-east-1', 'in no partition', 'known region'],
    ]);
  });

  test.each([
    ['not JSON', '{ partitions: ', /Expected botocore endpoints\.json \(JSON\)/],
    ['no partitions', '{ "version": 3 }', /non-empty "partitions" array/],
  ])('a malformed endpoints file is an error: %s', (_, text, message) => {
    expect(() => driftEksEndpoints('eks', table, text, 'endpoints.json')).toThrow(message);
  });

  test('an AsciiDoc table with a bad row or no table is an error', () => {
    expect(() => driftEksAddonImages('eks', table, read('add-ons-images.adoc').replace('|eu-west-1\n', '|Europe (Ireland)\n'), 'a.adoc')).toThrow(/a.adoc line \d+/);
    expect(() => driftEksAddonImages('eks', table, '= Title\n\nNo table.\n', 'a.adoc')).toThrow(/Expected an AsciiDoc table/);
  });
});

describe('IBM control-plane IP files', () => {
  const doc: SourceDocument = { catalog: 'ibm-vpc', title: 'control plane IPs', url: 'https://github.com/IBM-Cloud/kube-samples/blob/x/control-plane-ips/control-plane-ips-tst.txt', date: 'n/a' };
  const rows = (values: string[]) =>
    new CatalogSection(doc, 'control-plane-ips', 'Control plane IPs').cidrs(values, Protocol.TCP, [80], 'health checks', { direction: Direction.INGRESS }).requirements;

  test('the rows of the file\'s region; no drift, then a CIDR added and one gone', () => {
    expect(driftControlPlaneIps('ibm-vpc', rows(['198.51.100.0/27', '203.0.113.64/28']), read('control-plane-ips-tst.txt'), 'control-plane-ips-tst.txt').changes).toEqual([]);
    const report = driftControlPlaneIps('ibm-vpc', rows(['198.51.100.0/27', '192.0.2.0/24']), read('control-plane-ips-tst.txt'), 'control-plane-ips-tst.txt');
    expect(compact(report.changes)).toEqual([
      [DriftKind.ROW_ADDED, '203.0.113.64/28', '', ''],
      [DriftKind.ROW_REMOVED, '192.0.2.0/24', '', ''],
    ]);
  });

  test('a catalog without control-plane rows: every CIDR is drift, never "no drift"', () => {
    const report = driftControlPlaneIps('ibm-vpc', [], read('control-plane-ips-tst.txt'), 'control-plane-ips-tst.txt');
    expect(report.changes.map((c) => c.kind)).toEqual([DriftKind.ROW_ADDED, DriftKind.ROW_ADDED]);
  });

  test('a line that is not a CIDR is an error', () => {
    expect(() => driftControlPlaneIps('ibm-vpc', [], '198.51.100.0/27\nhello\n', 'control-plane-ips-tst.txt')).toThrow(/control-plane-ips-tst\.txt line 2/);
  });
});

describe('AKS egress-endpoints list of a running cluster', () => {
  test('every endpoint the profile does not allow is drift; wildcards of the profile cover regional hosts', () => {
    const profile = aksProfile({ location: 'eastus', nodesProvisionedBeforeMarch2021: true });
    const report = driftEgressEndpoints(profile, read('egress-endpoints.json'), 'egress-endpoints.json', 'spec.json');
    expect(compact(report.changes)).toEqual([[DriftKind.ROW_ADDED, 'extra.example.net', 'tcp 8443 (something new)', 'not allowed by the profile']]);
    expect(report.compared).toEqual({ sections: 3, rows: 6 });
  });

  test('the REST shape { value: [...] } reads the same; a malformed list is an error', () => {
    const profile = aksProfile({ location: 'eastus', nodesProvisionedBeforeMarch2021: true });
    const wrapped = JSON.stringify({ value: JSON.parse(read('egress-endpoints.json')) });
    expect(driftEgressEndpoints(profile, wrapped, 'e.json', 'spec.json').changes).toHaveLength(1);
    expect(() => driftEgressEndpoints(profile, '[{"category": 1}]', 'e.json', 'spec.json')).toThrow(/e\.json at \$\[0\]/);
    expect(() => driftEgressEndpoints(profile, '[]', 'e.json', 'spec.json')).toThrow(/The list is empty/);
  });
});

describe('format detection', () => {
  test.each([
    ['aks-article.md', DriftFormat.MARKDOWN],
    ['domains.yaml', DriftFormat.CHAINGUARD_DOMAINS],
    ['ips.yaml', DriftFormat.CHAINGUARD_IPS],
    ['add-ons-images.adoc', DriftFormat.EKS_ADDON_IMAGES],
    ['control-plane-ips-tst.txt', DriftFormat.IBM_CONTROL_PLANE_IPS],
    ['egress-endpoints.json', DriftFormat.AKS_EGRESS_ENDPOINTS],
  ])('%s reads as %s', (file, format) => {
    expect(detectDriftFormat(read(file), file)).toBe(format);
  });

  test('an unknown format, an empty file, a format of another catalog and an unknown catalog are errors', () => {
    expect(() => detectDriftFormat('just words\n', 'x.txt')).toThrow(/x\.txt.*not recognized/);
    expect(() => detectDriftFormat('  \n', 'x.txt')).toThrow(/The file is empty/);
    expect(() => driftCatalog('aks', read('add-ons-images.adoc'), 'a.adoc')).toThrow(/compared with catalog eks, not aks/);
    expect(() => driftCatalog('akz', read('aks-article.md'), 'a.md')).toThrow(/Unknown catalog "akz".*Did you mean "aks"/);
    expect(() => driftCatalog('aks', read('egress-endpoints.json'), 'e.json')).toThrow(/--profile-spec/);
  });
});

describe('the ibm-vpc catalog itself', () => {
  test('a control-plane file of a region matches the catalog table by its file name; a planted CIDR is drift', () => {
    const { IBM_CONTROL_PLANE_CIDRS } = jest.requireActual('../../lib/catalog/ibm-vpc/control-plane-ips');
    const fra = IBM_CONTROL_PLANE_CIDRS.find((f: { file: string }) => f.file === 'fra');
    const text = `${fra.cidrs.join('\n')}\n`;
    expect(driftCatalog('ibm-vpc', text, 'control-plane-ips-fra.txt').changes).toEqual([]);
    const planted = driftCatalog('ibm-vpc', `${text}192.0.2.0/28\n`, 'control-plane-ips-fra.txt');
    expect(compact(planted.changes)).toEqual([[DriftKind.ROW_ADDED, '192.0.2.0/28', '', '']]);
  });

  test('vpc-security-group.md tables: the worker tables match the catalog section titled by their outer heading', () => {
    const report = driftCatalog('ibm-vpc', read('ibm-security-groups.md').replace('### Required rules for cluster workers', '### Required inbound and outbound rules for cluster workers'), 'vpc-security-group.md');
    // The worker outbound table matches the catalog's minimum rules (the security group and VPE placeholders pair by
    // their words); the ALB tables of the fixture are not transcribed by the catalog.
    expect(report.changes.filter((c) => c.section.includes('cluster workers'))).toEqual([]);
    expect(report.changes.map((c) => c.kind)).toEqual([DriftKind.DATE_MOVED, DriftKind.SECTION_ADDED]);
  });
});
