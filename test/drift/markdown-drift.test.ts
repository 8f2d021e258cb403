import * as fs from 'fs';
import * as path from 'path';
import { AKS_CATALOG } from '../../lib/catalog/aks/catalog';
import { CatalogSection, SourceDocument } from '../../lib/catalog/catalog-section';
import { catalogGroups } from '../../lib/drift/catalog-groups';
import { driftMarkdown, readMarkdownUpstream } from '../../lib/drift/markdown-document';
import { DriftKind } from '../../lib/drift/report';
import { Peer } from '../../lib/model/peer';
import { Direction, Protocol } from '../../lib/model/protocol';

const FIXTURES = path.join(__dirname, 'fixtures');
const read = (name: string) => fs.readFileSync(path.join(FIXTURES, name), 'utf8');

/** The AKS catalog's groups for the three tables the fixture transcribes. */
function aksGroups() {
  const sections = ['azure-public-network-rules', 'azure-public-fqdn-rules', 'windows'];
  return catalogGroups(AKS_CATALOG.filter((t) => sections.includes(t.section)).flatMap((t) => [...t.requirements]), 'aks');
}

const compact = (changes: ReadonlyArray<{ kind: string; item: string; upstream?: string; catalog?: string }>) =>
  changes.map((c) => [c.kind, c.item, c.upstream ?? '', c.catalog ?? '']);

describe('Markdown article drift (AKS-style tables)', () => {
  test('GIVEN the fixture transcribing three catalog tables WHEN compared THEN there is no drift', () => {
    const report = driftMarkdown('aks', aksGroups(), read('aks-article.md'), 'outbound-rules-control-egress.md', 'markdown');
    expect(report.changes).toEqual([]);
    expect(report.compared).toEqual({ sections: 3, rows: 15 });
    expect(report.upstreamDate).toBe('2026-06-18');
    expect(report.catalogDate).toBe('2026-06-18');
  });

  test('the parser skips comments and code blocks, reads columns in any order, and keeps extra columns out', () => {
    const upstream = readMarkdownUpstream(read('aks-article.md'), 'a.md');
    const keys = upstream.sections.flatMap((s) => s.rows.flatMap((r) => r.names.map((n) => n.key)));
    expect(keys).not.toContain('commented.example.com');
    expect(keys).not.toContain('in-a-code-block.example.com');
    expect(upstream.sections.map((s) => s.title)).toEqual([
      'Azure Global required network rules',
      'Azure Global required FQDN / application rules',
      'Windows Server based node pools required FQDN / application rules',
    ]);
    expect(upstream.sections[2].rows[1].names.map((n) => n.key)).toEqual(['*.mp.microsoft.com', 'www.msftconnecttest.com', 'ctldl.windowsupdate.com']);
    expect(upstream.sections[2].rows[1].specs).toEqual([{ protocol: 'http', ports: '80' }]);
    expect(upstream.headings.find((h) => h.text === 'Egress rules for a managed cluster')?.includes).toBe(true);
  });

  test('planted differences: a row added, a row removed, a port changed, the date moved, a heading renamed', () => {
    const text = read('aks-article.md')
      .replace('ms.date: 06/18/2026', 'ms.date: 09/01/2026')
      .replace('| Entra | **`HTTPS:443`** | **`login.microsoftonline.com`** |\n', '')
      .replace('| ARM | **`HTTPS:443`** | **`management.azure.com`** |', '| ARM | **`HTTPS:443`** | **`management.azure.com`** |\n| New | **`HTTPS:443`** | **`new.example.azure.com`** |')
      .replace('| **`*:123`** or **`ntp.ubuntu.com:123`** (if using network rules) | UDP | 123 |', '| **`*:123`** or **`ntp.ubuntu.com:123`** (if using network rules) | UDP | 124 |')
      .replace('## Windows Server based node pools required FQDN / application rules', '## Windows node pools: required FQDN rules');
    const report = driftMarkdown('aks', aksGroups(), text, 'outbound-rules-control-egress.md', 'markdown');
    expect(compact(report.changes)).toEqual([
      [DriftKind.DATE_MOVED, 'date', '2026-09-01', '2026-06-18'],
      [DriftKind.PORTS_CHANGED, 'ntp.ubuntu.com', 'udp 124', 'udp 123'],
      [DriftKind.ROW_ADDED, 'new.example.azure.com', 'https 443', ''],
      [DriftKind.ROW_REMOVED, 'login.microsoftonline.com', '', 'https 443'],
      [DriftKind.SECTION_RENAMED, 'Windows Server based node pools required FQDN / application rules', 'Windows node pools: required FQDN rules', 'Windows Server based node pools required FQDN / application rules'],
    ]);
    expect(report.changes.find((c) => c.kind === DriftKind.ROW_ADDED)?.line).toBe(37);
  });

  test('a table gone upstream is a removed section; a new table is an added one', () => {
    const text = read('aks-article.md').replace(/## Windows Server[\s\S]*?\[\^1\]/, '## GPU\n\n| FQDN | Port |\n|---|---|\n| `gpu.example.com` | 443 |\n\n[^1]');
    const report = driftMarkdown('aks', aksGroups(), text, 'outbound-rules-control-egress.md', 'markdown');
    expect(compact(report.changes)).toEqual([
      [DriftKind.SECTION_ADDED, 'GPU', '1 rows: gpu.example.com', ''],
      [
        DriftKind.SECTION_REMOVED,
        'Windows Server based node pools required FQDN / application rules',
        '',
        '5 rows: onegetcdn.azureedge.net, go.microsoft.com, *.mp.microsoft.com, www.msftconnecttest.com, ctldl.windowsupdate.com',
      ],
    ]);
  });

  test.each([
    ['no requirement table at all', '# Title\n\nJust prose.\n', /found none/],
    ['a header wider than its separator', '| A | Port | C |\n|---|---|\n| x | 1 | y |\n', /separator row below it has 2/],
    ['a port that is not a port', '| FQDN | Port |\n|---|---|\n| `a.example.com` | 44x3 |\n', /Invalid port "44x3"/],
    ['a row with too few cells', '| FQDN | Use | Port |\n|---|---|---|\n| `a.example.com` |\n', /Expected at least 3 cells/],
    ['ports without a name column', '| Use | Port |\n|---|---|\n| thing | 443 |\n', /no column of names/],
    ['an unreadable date', '---\nms.date: soon\n---\n| FQDN | Port |\n|---|---|\n| `a.example.com` | 443 |\n', /front matter ms\.date "soon"/],
  ])('bad input is an error naming the file, never "no drift": %s', (_, text, message) => {
    expect(() => driftMarkdown('aks', aksGroups(), text, 'upstream.md', 'markdown')).toThrow(message);
    expect(() => driftMarkdown('aks', aksGroups(), text, 'upstream.md', 'markdown')).toThrow(/upstream\.md/);
  });
});

describe('Markdown drift with IBM-style tables (placeholders, prose cells, attribute lists)', () => {
  const doc: SourceDocument = {
    catalog: 'ibm-vpc',
    title: 'Controlling traffic with VPC security groups',
    url: 'https://cloud.ibm.com/docs/containers?topic=containers-vpc-security-group',
    date: '2026-10-09',
  };
  const groups = () => {
    const egress = new CatalogSection(doc, 'worker-egress', 'Required rules for cluster workers > Outbound rules')
      .cidrs(['161.26.0.0/16', '166.8.0.0/14'], Protocol.ANY, [], 'IBM infrastructure')
      .row([Peer.placeholder('cluster-security-group', 'Give the group.')], Protocol.ANY, [], 'the cluster group')
      .row([Peer.placeholder('vpe-gateway-ips', 'Give the addresses.')], Protocol.ANY, [], 'the master VPE gateway');
    const alb = new CatalogSection(doc, 'alb-inbound', 'Required rules for VPC ALBs > Inbound rules').row(
      [Peer.placeholder('control-plane-cidrs', 'Give the CIDRs.')],
      Protocol.TCP,
      [80],
      'health checks',
      { direction: Direction.INGRESS },
    );
    return catalogGroups([...egress.requirements, ...alb.requirements], 'ibm-vpc');
  };

  test('placeholders match by protocol and port; a prose port is compared as words; the skipped table is noted', () => {
    const report = driftMarkdown('ibm-vpc', groups(), read('ibm-security-groups.md'), 'vpc-security-group.md', 'markdown');
    expect(compact(report.changes)).toEqual([[DriftKind.ROW_ADDED, 'Any sources, or specific source IPs or subnets', 'tcp (lbaas ports), udp (lbaas ports)', '']]);
    expect(report.upstreamDate).toBe('2026-10-09');
    expect(report.notes[0]).toMatch(/no port or protocol column: not a requirement table, skipped/);
  });

  test('a CIDR changed upstream is one row added and one removed', () => {
    const text = read('ibm-security-groups.md').replace('`166.8.0.0/14`', '`166.9.0.0/16`');
    const report = driftMarkdown('ibm-vpc', groups(), text, 'vpc-security-group.md', 'markdown');
    expect(compact(report.changes).filter((c) => c[1].startsWith('166'))).toEqual([
      [DriftKind.ROW_ADDED, '166.9.0.0/16', 'any -', ''],
      [DriftKind.ROW_REMOVED, '166.8.0.0/14', '', 'any -'],
    ]);
  });
});
