import { Cidr } from '../model/cidr';
import { invalidValue } from '../model/errors';
import { PortRange } from '../model/port-range';
import { cellText, codeSpans } from './markdown';

/** What a name in a vendor table stands for. */
export enum NameKind {
  /** A domain name, wildcard, or a dotted service tag such as `AzureCloud.<Region>`. */
  NAME = 'name',
  /** An address or network. */
  CIDR = 'cidr',
  /** Every address (`*`, `Any`, `0.0.0.0/0`). */
  ANY = 'any',
  /**
   * A value the reader fills in (`CustomDNSIP`, `APIServerPublicIP`, a security group name, or a sentence such as
   * "Virtual private endpoint gateway IP addresses"): matched to the catalog's placeholders by protocol and port.
   */
  PLACEHOLDER = 'placeholder',
}

/** One name of a table cell, normalized for comparison. */
export interface UpstreamName {
  /** Comparison key: lower case, canonical CIDR, `<location>` for every region token. */
  readonly key: string;
  readonly kind: NameKind;
  /** As the vendor writes it. */
  readonly text: string;
}

/** The names of a destination cell. */
export interface CellNames {
  readonly names: readonly UpstreamName[];
  /** The cell offers alternatives ("`*:1194` Or `AzureCloud.<Region>:1194`"): one of them is enough. */
  readonly anyOf: boolean;
}

/** One protocol and its ports, canonical (`"443"`, `"30000-32767"`, `""` for none). */
export interface PortSpec {
  /**
   * Lower-case protocol (`tcp`, `udp`, `https`, `http`, `icmp`, `any`).
   * @default - the table names no protocol: ports are compared alone
   */
  readonly protocol?: string;
  readonly ports: string;
}

const IPV4 = /^\d{1,3}(\.\d{1,3}){3}(\/\d{1,2})?$/;
const IPV6 = /^[0-9a-f:]*:[0-9a-f:.]*(\/\d{1,3})?$/i;
const DOMAIN = /^(\*\.)?[a-z0-9<>_-]+(\.[a-z0-9<>_-]+)+$/i;

/**
 * The comparison key of a name in a catalog or a vendor table: lower case, no scheme or path, a leading `.` read as
 * the wildcard it stands for, and `<token>`s normalized so that `<Region>`, `<region>`, `<cluster-region-name>` and
 * the catalog's `<location>` compare equal (`<cluster_ID>` becomes `<cluster-id>`).
 */
export function nameKey(text: string): string {
  let t = text.trim().replace(/^[a-z][a-z0-9+.-]*:\/\//i, '');
  if (!IPV4.test(t) && !(IPV6.test(t) && t.includes(':'))) t = t.replace(/\/.*$/, '');
  t = t.replace(/\.$/, '');
  if (t.startsWith('.') && DOMAIN.test(`*${t}`)) t = `*${t}`;
  t = t.replace(/<([^<>]+)>/g, (_, inner: string) => (/region|location/i.test(inner) ? '<location>' : `<${inner.toLowerCase().replace(/[_\s]+/g, '-')}>`));
  if (IPV4.test(t) || (IPV6.test(t) && t.includes(':'))) {
    try {
      return Cidr.parse(t).toString();
    } catch {
      return t.toLowerCase();
    }
  }
  return t.toLowerCase();
}

/** Classifies one token of a cell (already stripped of markup). */
export function classifyName(token: string): UpstreamName {
  const text = token.trim();
  const bare = text.replace(/:(\d+)$/, '').replace(/^\.(?=[a-z0-9])/i, '*.');
  if (bare === '*' || /^any$/i.test(bare) || bare === '0.0.0.0/0') return { key: '0.0.0.0/0', kind: NameKind.ANY, text };
  const key = nameKey(bare);
  if (IPV4.test(bare) || (IPV6.test(bare) && bare.includes(':') && !/[<>]/.test(bare))) return { key, kind: NameKind.CIDR, text };
  if (DOMAIN.test(bare.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '').replace(/\/.*$/, ''))) return { key, kind: NameKind.NAME, text };
  return { key: placeholderKey(bare), kind: NameKind.PLACEHOLDER, text };
}

function placeholderKey(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9<>]+/g, ' ').trim();
}

/**
 * The names a destination (or source) cell lists. Code spans hold the names where a table uses them (AKS, IBM:
 * "CIDR block `161.26.0.0/16`"); a span with spaces is a note, not a name. Without code spans the plain text is
 * split at line breaks, commas and "or"; a cell that is a sentence becomes one placeholder.
 * @param origin file and line, named in errors
 */
export function namesOfCell(raw: string, origin: string): CellNames {
  const text = cellText(raw);
  const spans = codeSpans(text);
  const outside = text.replace(/(`+)[\s\S]*?[^`]\1(?!`)/g, ' ');
  const anyOf = /(^|[^a-z])or([^a-z]|$)/i.test(outside);
  let tokens: string[];
  if (spans.length > 0) {
    tokens = spans.flatMap((s) => s.split(/\s*,\s*|\s+or\s+/i)).filter((s) => s !== '' && !/\s/.test(s) && !/^\(.*\)$/.test(s));
  } else {
    const withoutNotes = text.replace(/\([^)]*\)/g, ' ');
    tokens = withoutNotes
      .split(/\n|,|\s+or\s+|\s+and\s+/i)
      .map((s) => s.trim())
      .filter((s) => s !== '');
    if (tokens.some((s) => /\s/.test(s))) {
      // A sentence ("Virtual private endpoint gateway IP addresses. ..."): one placeholder, keyed by its first line.
      const first = text.split('\n')[0].replace(/\.\s.*$/, '');
      return { names: [{ key: placeholderKey(first), kind: NameKind.PLACEHOLDER, text: first }], anyOf: false };
    }
  }
  if (tokens.length === 0) {
    throw invalidValue('table cell', text, origin, 'Expected a host name, address, CIDR or named placeholder in this cell.', 'invalid-upstream');
  }
  return { names: tokens.map(classifyName), anyOf };
}

const PROTOCOLS: Readonly<Record<string, string>> = { tcp: 'tcp', udp: 'udp', https: 'https', http: 'http', icmp: 'icmp', any: 'any', all: 'any' };

/**
 * The protocol and ports of a row: the port cell (`HTTPS:443`, `443`, `443 and 4443`, `` `30000` - `32767` ``, `-`)
 * and, when the table has one, the protocol cell (`TCP`, `UDP`, `ALL`, `TCP/UDP`).
 * @param origin file and line, named in errors
 */
export function portSpecs(portCell: string | undefined, protocolCell: string | undefined, origin: string): PortSpec[] {
  const columnProtocols = protocolCell === undefined ? [undefined] : protocolsOf(protocolCell, origin);
  const byProtocol = new Map<string | undefined, PortRange[]>();
  const words: string[] = [];
  const text = cellText(portCell ?? '').replace(/`/g, '').trim();
  const tokens = /^(-|–|n\/a|none|all|any)?$/i.test(text) ? [] : text.split(/\s*(?:,|\n|\band\b|\bor\b|;)\s*/i).filter((t) => t !== '');
  for (const token of tokens) {
    const m = /^(?:([a-z]+)\s*:\s*)?(\d{1,5})(?:\s*(?:-|–|to)\s*(\d{1,5}))?$/i.exec(token);
    if (!m && !/\d/.test(token) && /^[a-z][a-z .'-]*\bports?$/i.test(token)) {
      // Ports the reader fills in ("LBaaS ports"): kept as words, so that they compare equal only to themselves.
      for (const p of columnProtocols) byProtocol.set(p, [...(byProtocol.get(p) ?? [])]);
      words.push(token.toLowerCase());
      continue;
    }
    if (!m) {
      if (columnProtocols.every((p) => p === 'icmp')) continue;
      throw invalidValue('port', token, origin, 'Expected a port (443), a range (30000 - 32767) or PROTOCOL:port (HTTPS:443) in the port column.', 'invalid-upstream');
    }
    const protocol = m[1] === undefined ? undefined : PROTOCOLS[m[1].toLowerCase()];
    if (m[1] !== undefined && protocol === undefined) {
      throw invalidValue('protocol', m[1], origin, `Expected one of ${Object.keys(PROTOCOLS).join(', ')} before the port.`, 'invalid-upstream');
    }
    const range = m[3] === undefined ? PortRange.single(Number(m[2]), origin) : PortRange.range(Number(m[2]), Number(m[3]), origin);
    for (const p of protocol !== undefined ? [protocol] : columnProtocols) {
      byProtocol.set(p, [...(byProtocol.get(p) ?? []), range]);
    }
  }
  if (tokens.length === 0) return columnProtocols.map((p) => ({ ...(p ? { protocol: p } : {}), ports: '' }));
  return [...byProtocol.entries()].map(([protocol, ranges]) => ({
    ...(protocol ? { protocol } : {}),
    ports: [...PortRange.merge(ranges).map(String), ...words.map((w) => `(${w})`)].join(','),
  }));
}

function protocolsOf(cell: string, origin: string): Array<string | undefined> {
  const text = cellText(cell).replace(/`/g, '').trim();
  if (text === '' || text === '-') return [undefined];
  const words = text.split(/\s*(?:\/|,|\band\b|\bor\b|\n)\s*/i).filter((t) => t !== '' && !/^(both|either)$/i.test(t));
  return words.map((t) => {
    const p = PROTOCOLS[t.toLowerCase()];
    if (p === undefined) throw invalidValue('protocol', t, origin, `Expected one of ${Object.keys(PROTOCOLS).join(', ')} in the protocol column.`, 'invalid-upstream');
    return p;
  });
}

/** `https 443`, `any -`: a spec as text. */
export function specText(spec: PortSpec): string {
  return `${spec.protocol ?? '*'} ${spec.ports || '-'}`;
}

/**
 * Whether a vendor row's spec and a catalog row's agree: same ports, and the same protocol where the vendor names
 * one (an application protocol and TCP agree: HTTPS 443 is TCP 443 to a network rule).
 */
export function specsAgree(upstream: PortSpec, catalog: PortSpec): boolean {
  if (upstream.ports !== catalog.ports) return false;
  if (upstream.protocol === undefined || catalog.protocol === undefined) return true;
  return transport(upstream.protocol) === transport(catalog.protocol);
}

function transport(protocol: string): string {
  return protocol === 'https' || protocol === 'http' ? 'tcp' : protocol;
}
