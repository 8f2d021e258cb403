/** Which way a flow goes, seen from the cluster. */
export enum Direction {
  /** The cluster opens the connection to the peer. */
  EGRESS = 'egress',
  /** The peer opens the connection to the cluster. */
  INGRESS = 'ingress',
}

/**
 * The protocol of a flow. `HTTP` and `HTTPS` are application-layer (what an FQDN-filtering firewall matches
 * on the Host header or TLS SNI); they run over TCP.
 */
export enum Protocol {
  TCP = 'tcp',
  UDP = 'udp',
  ICMP = 'icmp',
  /** Every protocol; takes no ports. */
  ANY = 'any',
  HTTP = 'http',
  HTTPS = 'https',
}

/** Whether the protocol is matched at the application layer (HTTP Host / TLS SNI). */
export function isApplicationProtocol(protocol: Protocol): boolean {
  return protocol === Protocol.HTTP || protocol === Protocol.HTTPS;
}

/** The transport protocol a flow uses on the wire (`http`/`https` run over TCP). */
export function transportOf(protocol: Protocol): Protocol {
  return isApplicationProtocol(protocol) ? Protocol.TCP : protocol;
}

/** Whether the protocol carries ports. */
export function hasPorts(protocol: Protocol): boolean {
  return protocol !== Protocol.ICMP && protocol !== Protocol.ANY;
}
