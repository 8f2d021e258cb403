import { Cidr } from '../model/cidr';
import { invalidValue } from '../model/errors';
import { Peer } from '../model/peer';
import { Direction } from '../model/protocol';
import { normalizeProtocol } from './flow-match';

/** Where a flow to explain came from. */
export enum FlowSource {
  /** Given on the command line (`host:port`, `ip:port/proto`). */
  ARGUMENT = 'argument',
  /** Azure Firewall application rule log (AZFWApplicationRule, or AzureDiagnostics category AzureFirewallApplicationRule). */
  AZURE_APPLICATION_RULE = 'azure-application-rule',
  /** Azure Firewall network rule log (AZFWNetworkRule, or AzureDiagnostics category AzureFirewallNetworkRule). */
  AZURE_NETWORK_RULE = 'azure-network-rule',
  /** AWS Network Firewall alert log. */
  AWS_NETWORK_FIREWALL_ALERT = 'aws-network-firewall-alert',
  /** Google Cloud firewall rules (or firewall policy rules) log. */
  GCP_FIREWALL = 'gcp-firewall',
}

/** One flow to explain: the remote end as the log names it, the port and the protocol. */
export interface Flow {
  /** The flow as a short text, e.g. `mcr.microsoft.com:443/https`. */
  readonly text: string;
  /** Remote host name (SNI, Host header, FQDN), when the record has one. @default - none */
  readonly host?: string;
  /** Remote address, when the record has one. @default - none */
  readonly ip?: string;
  /** Remote port (the destination port of an egress flow). @default - unknown */
  readonly port?: number;
  /** `tcp`, `udp`, `icmp`, `http`, `https` (lower case). @default - unknown */
  readonly protocol?: string;
  readonly direction: Direction;
  readonly source: FlowSource;
  /** The local address (the node or pod), when the record has one. @default - none */
  readonly localIp?: string;
  /** What the firewall said: policy, rule collection group, collection, rule, action reason, signature, reference. */
  readonly firewall: Readonly<Record<string, string>>;
  /** 1-based record number in the log file (0 for an argument). */
  readonly record: number;
}

/**
 * Parses a flow given as text: `host:port`, `host:port/proto`, `ip:port/proto`, `[v6]:port/proto`. A host without a
 * protocol is read as HTTPS on 443 and HTTP on 80 (what a name-filtering firewall sees), TCP otherwise.
 */
export function parseFlowArgument(text: string, origin = 'flow'): Flow {
  const trimmed = String(text).trim();
  const m = /^(\[[0-9a-f:.]+\]|[^\s:/[\]]+):(\d{1,5})(?:\/([a-z]+))?$/i.exec(trimmed);
  const hint = 'Write a flow as host:port (mcr.microsoft.com:443), host:port/proto or ip:port/proto (10.1.2.3:123/udp).';
  if (!m) throw invalidValue('flow', trimmed, origin, hint, 'invalid-flow');
  const remote = m[1].replace(/^\[|\]$/g, '');
  const port = Number(m[2]);
  if (port < 1 || port > 65535) throw invalidValue('flow', trimmed, origin, `The port must be 1-65535. ${hint}`, 'invalid-flow');
  const protocol = m[3] ? normalizeProtocol(m[3]) : undefined;
  if (m[3] && !['tcp', 'udp', 'icmp', 'http', 'https'].includes(protocol ?? '')) {
    throw invalidValue('protocol', m[3], origin, `Use tcp, udp, icmp, http or https. ${hint}`, 'invalid-flow');
  }
  const isIp = Cidr.isValid(remote) && !remote.includes('/');
  if (!isIp) Peer.fqdn(remote, origin);
  const guessed = protocol ?? (isIp ? 'tcp' : port === 443 ? 'https' : port === 80 ? 'http' : 'tcp');
  return {
    text: `${remote}:${port}/${guessed}`,
    ...(isIp ? { ip: remote } : { host: remote.toLowerCase() }),
    port,
    protocol: guessed,
    direction: Direction.EGRESS,
    source: FlowSource.ARGUMENT,
    firewall: {},
    record: 0,
  };
}

/** `host:port/proto` (or `ip:port/proto`) of a flow's parts. */
export function flowText(remote: string, port: number | undefined, protocol: string | undefined): string {
  return `${remote}${port !== undefined ? `:${port}` : ''}${protocol ? `/${protocol}` : ''}`;
}
