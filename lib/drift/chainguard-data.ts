import { invalidValue } from '../model/errors';
import { PeerKind } from '../model/peer';
import { Requirement } from '../model/requirement';
import { classifyName, NameKind, nameKey } from './cells';
import { DriftChange, DriftKind, DriftReport } from './report';

// chainguard-dev/edu `data/domains.yaml` and `data/ips.yaml`: the data files the network-requirements page rendered
// its "Chainguard Hosts" table and its CIDR block from. Both are YAML sequences of strings: domains.yaml one host
// per item (plain `console-api.enforce.dev`, or a URL `https://console-api.enforce.dev` in the later files), ips.yaml
// items of comma-separated CIDRs (`- 35.230.121.20/32,34.132.193.40/32`). Neither carries a date.

/** The items of a YAML sequence of scalars (`- item`), comments and blank lines ignored; anything else is an error. */
export function yamlStringList(text: string, file: string, expected: string): Array<{ value: string; line: number }> {
  const items: Array<{ value: string; line: number }> = [];
  const lines = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').split('\n');
  lines.forEach((raw, i) => {
    const line = raw.replace(/\s+#.*$/, '').trimEnd();
    if (line.trim() === '' || line.trim().startsWith('#') || line.trim() === '---') return;
    const m = /^-\s+(.*)$/.exec(line.trim());
    if (!m || /^\s/.test(raw) && !/^\s*-/.test(raw)) {
      throw invalidValue('YAML line', line.trim(), `${file} line ${i + 1}`, `Expected a YAML list of ${expected} ("- item" per line).`, 'invalid-upstream');
    }
    const value = m[1].trim().replace(/^(['"])(.*)\1$/, '$2');
    if (value === '' || /^[[{]/.test(value) || /:\s/.test(value)) {
      throw invalidValue('YAML item', m[1], `${file} line ${i + 1}`, `Expected ${expected} as plain strings.`, 'invalid-upstream');
    }
    items.push({ value, line: i + 1 });
  });
  if (items.length === 0) throw invalidValue('upstream file', file, file, `Expected a YAML list of ${expected}; the file has no items.`, 'invalid-upstream');
  return items;
}

/** Compares `data/domains.yaml` with the catalog's host rows of its Chainguard sections (`chainguard-hosts`). */
export function driftChainguardDomains(catalog: string, requirements: readonly Requirement[], text: string, file: string): DriftReport {
  const items = yamlStringList(text, file, 'host names');
  const upstream = items.map((item) => {
    const name = classifyName(item.value);
    if (name.kind !== NameKind.NAME) {
      throw invalidValue('host name', item.value, `${file} line ${item.line}`, 'Expected a host name or URL such as cgr.dev or https://cgr.dev.', 'invalid-upstream');
    }
    return { ...item, key: name.key };
  });
  const hosts = requirements.filter((r) => r.peer.isDomain && r.sources.some((s) => s.section === 'chainguard-hosts' || /domains\.yaml/.test(r.metadata.dataFile ?? '')));
  const compareWith = hosts.length > 0 ? hosts : requirements.filter((r) => r.peer.isDomain);
  return compareLists(catalog, file, 'chainguard-domains-yaml', 'Chainguard hosts (data/domains.yaml)', upstream, compareWith.map((r) => ({ key: nameKey(r.peer.value), text: r.peer.value })));
}

/** Compares `data/ips.yaml` with the catalog's CIDR rows (the Enforce `cidr-ranges`). */
export function driftChainguardIps(catalog: string, requirements: readonly Requirement[], text: string, file: string): DriftReport {
  const upstream = yamlStringList(text, file, 'CIDRs').flatMap((item) =>
    item.value.split(',').map((c) => c.trim()).filter((c) => c !== '').map((c) => {
      const name = classifyName(c);
      if (name.kind !== NameKind.CIDR) throw invalidValue('CIDR', c, `${file} line ${item.line}`, 'Expected comma-separated CIDRs such as 35.230.121.20/32.', 'invalid-upstream');
      return { value: c, line: item.line, key: name.key };
    }),
  );
  const cidrs = requirements.filter((r) => r.peer.kind === PeerKind.CIDR && r.sources.some((s) => s.section === 'cidr-ranges'));
  const compareWith = cidrs.length > 0 ? cidrs : requirements.filter((r) => r.peer.kind === PeerKind.CIDR);
  return compareLists(catalog, file, 'chainguard-ips-yaml', 'CIDR ranges (data/ips.yaml)', upstream, compareWith.map((r) => ({ key: r.peer.value, text: r.peer.value })));
}

function compareLists(
  catalog: string,
  file: string,
  format: string,
  section: string,
  upstream: ReadonlyArray<{ value: string; key: string; line: number }>,
  catalogItems: ReadonlyArray<{ key: string; text: string }>,
): DriftReport {
  const catalogKeys = new Set(catalogItems.map((c) => c.key));
  const upstreamKeys = new Set(upstream.map((u) => u.key));
  const changes: DriftChange[] = [
    ...upstream.filter((u) => !catalogKeys.has(u.key)).map((u) => ({ kind: DriftKind.ROW_ADDED, section, item: u.value, line: u.line })),
    ...[...new Map(catalogItems.map((c) => [c.key, c])).values()]
      .filter((c) => !upstreamKeys.has(c.key))
      .map((c) => ({ kind: DriftKind.ROW_REMOVED, section, item: c.text })),
  ];
  return {
    catalog,
    file,
    format,
    changes,
    compared: { sections: 1, rows: upstream.length },
    notes: ['The data files carry no date; compare the commit that last changed them with the catalog\'s data-file commit.'],
  };
}
