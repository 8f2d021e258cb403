import * as fs from 'fs';
import * as path from 'path';
import { checkSpec, specRequirements } from '../../lib/export/spec';
import { ExplainVerdict, explainFlows, FlowExplanation } from '../../lib/explain/explain';
import { FlowSource, parseFlowArgument } from '../../lib/explain/flow';
import { readLogFlows } from '../../lib/explain/log-records';

const FIXTURES = path.join(__dirname, 'fixtures');
const read = (name: string) => fs.readFileSync(path.join(FIXTURES, name), 'utf8');

function explain(profiles: Record<string, Record<string, unknown>>, flows: ReturnType<typeof parseFlowArgument>[]): FlowExplanation[] {
  const spec = checkSpec({ profiles }, 'spec.json');
  return explainFlows(flows, { profiles: spec.profiles, requirements: specRequirements(spec) });
}

const AKS = { aks: { location: 'westeurope' } };

describe('flows from the command line', () => {
  test.each([
    ['mcr.microsoft.com:443', { host: 'mcr.microsoft.com', port: 443, protocol: 'https', text: 'mcr.microsoft.com:443/https' }],
    ['download.docker.com:80', { host: 'download.docker.com', port: 80, protocol: 'http', text: 'download.docker.com:80/http' }],
    ['10.1.2.3:123/udp', { ip: '10.1.2.3', port: 123, protocol: 'udp', text: '10.1.2.3:123/udp' }],
    ['[2001:db8::1]:443/tcp', { ip: '2001:db8::1', port: 443, protocol: 'tcp', text: '2001:db8::1:443/tcp' }],
  ])('%s', (text, expected) => {
    expect(parseFlowArgument(text)).toMatchObject({ ...expected, source: FlowSource.ARGUMENT, direction: 'egress' });
  });

  test.each([
    ['no port', 'mcr.microsoft.com', /Write a flow as host:port/],
    ['a port out of range', 'mcr.microsoft.com:70000', /The port must be 1-65535/],
    ['an unknown protocol', 'mcr.microsoft.com:443/quic', /Invalid protocol "quic"/],
    ['a bad name', 'bad_name!:443', /Write a flow as host:port|Invalid domain name/],
  ])('a bad flow is an error: %s', (_, text, message) => {
    expect(() => parseFlowArgument(text, 'explain argument')).toThrow(message);
  });
});

describe('explain: allowed, catalog row with its option, unknown', () => {
  test('GIVEN a GPU host the profile lacks WHEN explained THEN the catalog row and the option that brings it in', () => {
    const [e] = explain(AKS, [parseFlowArgument('nvidia.github.io:443')]);
    expect(e.verdict).toBe(ExplainVerdict.CATALOG_ROW);
    expect(e.catalogRows.map((r) => [r.profile, r.source, r.peer, r.options, r.bringIn])).toEqual([
      ['aks', 'aks/gpu', 'nvidia.github.io', ['gpu: true'], 'set "gpu: true" in profiles["aks"] of the spec'],
    ]);
    expect(e.catalogRows[0].url).toBe('https://learn.microsoft.com/azure/aks/outbound-rules-control-egress#gpu-enabled-aks-clusters-required-fqdn--application-rules');
  });

  test('an add-on host: every add-on whose table allows it (the backup extension by its *.azure.com row)', () => {
    const [e] = explain(AKS, [parseFlowArgument('abc.ods.opinsights.azure.com:443')]);
    expect(e.verdict).toBe(ExplainVerdict.CATALOG_ROW);
    expect(new Set(e.catalogRows.flatMap((r) => r.options))).toEqual(new Set(['addons: defender', 'addons: azure-monitor', 'addons: backup']));
    expect(e.catalogRows.find((r) => r.options.includes('addons: backup'))?.match).toBe('wildcard');
  });

  test('a row of a profile the spec does not use: add that profile', () => {
    const [e] = explain(AKS, [parseFlowArgument('policy-compiler.enforce.dev:443')]);
    expect(e.catalogRows.map((r) => [r.profile, r.source, r.profileInSpec])).toEqual([['chainguard-enforce', 'chainguard-enforce/chainguard-hosts', false]]);
    expect(e.catalogRows[0].bringIn).toMatch(/^add profile "chainguard-enforce" to the spec/);
    // A retired catalog: explain names the explicit choice the profile needs.
    expect(e.catalogRows[0].bringIn).toMatch(/\(retired since 2024-04-10: only with "acknowledgeRetired": true\)$/);
  });

  test('a flow the profile allows: the row, and the section whose rules should have matched', () => {
    const [e] = explain(AKS, [parseFlowArgument('mcr.microsoft.com:443')]);
    expect(e.verdict).toBe(ExplainVerdict.ALLOWED_BY_PROFILE);
    expect(e.profileRows.map((r) => [r.source, r.peer, r.protocol, r.ports, r.match])).toEqual([['aks/azure-public-fqdn-rules', 'mcr.microsoft.com', 'https', '443', 'exact']]);
    expect(e.reasons.join(' ')).toContain('comes from aks/azure-public-fqdn-rules');
  });

  test('a name below an exact row: not allowed, and the reason says exact matching', () => {
    const [e] = explain(AKS, [parseFlowArgument('x.acs-mirror.azureedge.net:443')]);
    expect(e.verdict).toBe(ExplainVerdict.UNKNOWN);
    expect(e.summary).toMatch(/^No catalog knows x\.acs-mirror\.azureedge\.net:443\/https/);
    expect(e.reasons).toEqual([expect.stringMatching(/allows acs-mirror\.azureedge\.net exactly .* only a left-most wildcard \(\*\.acs-mirror\.azureedge\.net\)/)]);
  });

  test('the right name on another port is a near miss', () => {
    const [e] = explain(AKS, [parseFlowArgument('mcr.microsoft.com:8443')]);
    expect(e.reasons).toContain('The profile allows mcr.microsoft.com on https 443 (aks/azure-public-fqdn-rules), not on tcp 8443.');
  });

  test('the same flow with the option on is allowed', () => {
    const [e] = explain({ aks: { location: 'westeurope', gpu: true } }, [parseFlowArgument('nvidia.github.io:443')]);
    expect(e.verdict).toBe(ExplainVerdict.ALLOWED_BY_PROFILE);
  });
});

describe('explain: log formats', () => {
  test('Azure Firewall AZFWApplicationRule records (JSON): denied records only, with the firewall fields', () => {
    const log = readLogFlows(read('azure-application-rule.json'), 'app.json');
    expect(log.allowed).toBe(1);
    expect(log.denied.map((f) => [f.text, f.source, f.localIp, f.firewall.ActionReason])).toEqual([
      ['nvidia.github.io:443/https', FlowSource.AZURE_APPLICATION_RULE, '10.42.1.4', 'No rule matched. Proceeding with default action'],
      ['mcr.microsoft.com:443/https', FlowSource.AZURE_APPLICATION_RULE, '10.42.1.4', 'No rule matched. Proceeding with default action'],
    ]);
    const [gpu, mcr] = explain(AKS, [...log.denied]);
    expect(gpu.catalogRows.map((r) => r.options)).toEqual([['gpu: true']]);
    expect(mcr.reasons.join(' ')).toContain('The log says no rule matched: the allow rule for this row is not in the deployed policy.');
  });

  test('Azure Firewall AZFWNetworkRule records (Log Analytics CSV export)', () => {
    const log = readLogFlows(read('azure-network-rule.csv'), 'net.csv');
    expect(log.allowed).toBe(1);
    expect(log.denied.map((f) => [f.text, f.ip, f.source])).toEqual([['203.0.113.10:8443/tcp', '203.0.113.10', FlowSource.AZURE_NETWORK_RULE]]);
    expect(explain(AKS, [...log.denied])[0].verdict).toBe(ExplainVerdict.UNKNOWN);
  });

  test('legacy AzureDiagnostics records (msg_s): an address on the NTP port points at the name row and its option', () => {
    const log = readLogFlows(read('azure-diagnostics.json'), 'diag.json');
    expect(log.denied.map((f) => [f.text, f.source])).toEqual([
      ['x.mcr.microsoft.com:443/https', FlowSource.AZURE_APPLICATION_RULE],
      ['91.189.91.157:123/udp', FlowSource.AZURE_NETWORK_RULE],
    ]);
    const ntp = explain(AKS, [log.denied[1]])[0];
    expect(ntp.reasons).toEqual([expect.stringMatching(/ntp\.ubuntu\.com on udp 123 \(aks\/azure-public-network-rules\).*"nodesProvisionedBeforeMarch2021: true"/)]);
    const withNtp = explain({ aks: { location: 'westeurope', nodesProvisionedBeforeMarch2021: true } }, [log.denied[1]])[0];
    expect(withNtp.reasons.join(' ')).toContain('dnsProxyEnabled: true');
  });

  test('AWS Network Firewall alert records (JSON lines): HTTP to a name the profile allows over HTTPS only', () => {
    const log = readLogFlows(read('aws-alert.jsonl'), 'alert.jsonl');
    expect(log.denied.map((f) => [f.text, f.firewall.appProto])).toEqual([
      ['sts.eu-west-1.amazonaws.com:443/http', 'http'],
      ['9236a389bd48b984df91adc1bc924620.r2.cloudflarestorage.com:443/https', 'tls'],
    ]);
    const [sts] = explain({ eks: { region: 'eu-west-1' } }, [log.denied[0]]);
    expect(sts.verdict).toBe(ExplainVerdict.ALLOWED_BY_PROFILE);
    expect(sts.reasons[0]).toMatch(/over HTTPS only\. An AWS Network Firewall domain list of type ALLOWLIST/);
  });

  test('Google Cloud firewall records: an allowed VIP, and the restricted VIP with the option that brings it in', () => {
    const log = readLogFlows(read('gcp-firewall.json'), 'gcp.json');
    const gke = { gke: { region: 'europe-west1', googleApiAccess: 'private', controlPlaneCidrs: ['172.16.0.32/28'], nodeCidrs: ['10.132.0.0/20'], podCidrs: ['10.24.0.0/14'] } };
    const [privateVip, restrictedVip] = explain(gke, [...log.denied]);
    expect(privateVip.verdict).toBe(ExplainVerdict.ALLOWED_BY_PROFILE);
    expect(privateVip.profileRows.map((r) => [r.source, r.peer])).toEqual([['gke/private-google-apis', '199.36.153.8/30']]);
    expect(privateVip.reasons[0]).toMatch(/GcpFirewall renders one egress allow rule per flow/);
    expect(restrictedVip.verdict).toBe(ExplainVerdict.CATALOG_ROW);
    expect(restrictedVip.catalogRows.map((r) => [r.source, r.options])).toEqual([['gke/restricted-google-apis', ['googleApiAccess: restricted']]]);
  });

  test.each([
    ['an empty file', '', /The file is empty/],
    ['JSON that is not records', '[1, 2]', /Each log record is a JSON object/],
    ['a record of no known format', '[{"hello": "world"}]', /Expected an Azure Firewall AZFWApplicationRule/],
    ['a bad msg_s', '[{"Category": "AzureFirewallNetworkRule", "msg_s": "something else"}]', /Expected "<PROTO> request from/],
    ['a CSV without an Action column', 'a,b\n1,2\n', /with an Action \(or msg_s\) column/],
    ['a bad port', '[{"Action": "Deny", "DestinationIp": "10.0.0.1", "DestinationPort": "http"}]', /Invalid DestinationPort "http"/],
    ['a broken JSON line', '{"event": {"src_ip": "10.0.0.1"}}\n{broken\n', /log\.json line 2/],
  ])('a malformed log is an error naming the file: %s', (_, text, message) => {
    expect(() => readLogFlows(text, 'log.json')).toThrow(message);
  });
});
