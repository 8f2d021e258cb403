import { Cidr } from '../model/cidr';
import { Peer, PeerKind } from '../model/peer';
import { transportOf, Protocol } from '../model/protocol';
import { Requirement } from '../model/requirement';

// How a flow seen on the wire (a host name or address, a port, a transport or application protocol) meets a
// requirement row. Names are compared as firewall matchers compare them: an exact name matches only itself, a
// left-most wildcard matches names below it (not the apex); `<token>`s of an unresolved catalog row match one label.

/** How a requirement's peer relates to a host. */
export enum HostMatch {
  /** The same name or an address inside the CIDR. */
  EXACT = 'exact',
  /** A left-most wildcard covering the host. */
  WILDCARD = 'wildcard',
  /** The peer names the host's parent domain exactly (`vault.azure.net` for `x.vault.azure.net`): no match in an exact matcher. */
  PARENT_ONLY = 'parent-only',
  NONE = 'none',
}

/** Whether `peer` matches `host` (a lower-case name or an IP address). */
export function matchHost(peer: Peer, host: string): HostMatch {
  const h = host.toLowerCase().replace(/\.$/, '');
  if (peer.kind === PeerKind.CIDR) {
    if (!Cidr.isValid(h)) return HostMatch.NONE;
    const address = Cidr.parse(h);
    return peer.cidr && peer.cidr.version === address.version && peer.cidr.contains(address) ? HostMatch.EXACT : HostMatch.NONE;
  }
  if (!peer.isDomain) return HostMatch.NONE;
  const pattern = tokenPattern(peer.value);
  if (peer.kind === PeerKind.FQDN) {
    if (pattern.test(h)) return HostMatch.EXACT;
    return h.endsWith(`.${peer.value}`) ? HostMatch.PARENT_ONLY : HostMatch.NONE;
  }
  return pattern.test(h) ? HostMatch.WILDCARD : HostMatch.NONE;
}

/** A peer value as a regular expression: `*` is one or more labels, `<token>` one label. */
function tokenPattern(value: string): RegExp {
  const escaped = value
    .split(/(<[a-z0-9-]+>)/)
    .map((part) => (/^<[a-z0-9-]+>$/.test(part) ? '[a-z0-9-]+' : part.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[a-z0-9-]+(?:\\.[a-z0-9-]+)*')))
    .join('');
  return new RegExp(`^${escaped}$`);
}

/** Whether a requirement's ports take `port` (protocols without ports take every port). */
export function portMatches(r: Requirement, port: number | undefined): boolean {
  if (r.ports.length === 0) return true;
  if (port === undefined) return false;
  return r.ports.some((p) => p.from <= port && port <= p.to);
}

/**
 * Whether a requirement's protocol carries a flow's: the same transport (`https` and `http` rows are TCP), `any`
 * carries everything. `flowProtocol` is lower case (`tcp`, `udp`, `http`, `https`, `icmp`) or undefined (unknown).
 */
export function protocolMatches(r: Requirement, flowProtocol: string | undefined): boolean {
  if (r.protocol === Protocol.ANY || flowProtocol === undefined) return true;
  const flowTransport = flowProtocol === 'https' || flowProtocol === 'http' || flowProtocol === 'tls' ? 'tcp' : flowProtocol;
  return transportOf(r.protocol) === flowTransport;
}

/** `tcp`, `udp`, `icmp`, `https`, `http` from the spellings logs use (`TCP`, `Https`, `6`, `17`, `tls`). */
export function normalizeProtocol(value: unknown): string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  const v = String(value).trim().toLowerCase();
  const numbers: Record<string, string> = { '6': 'tcp', '17': 'udp', '1': 'icmp', '58': 'icmp' };
  if (numbers[v]) return numbers[v];
  if (v === 'tls') return 'https';
  return ['tcp', 'udp', 'icmp', 'http', 'https'].includes(v) ? v : v;
}
