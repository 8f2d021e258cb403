/** Small builders shared by the model, plan and property tests. */
import { Direction, Landing, Necessity, Peer, PortRange, Protocol, Provenance, Requirement } from '../../lib/model';
export { errorOf } from '../errors';

/** A provenance for `catalog/section`, with a made-up document. */
export function source(catalog = 'test', section = 'core', url = 'https://example.com/doc'): Provenance {
  return {
    catalog,
    section,
    sectionTitle: `Section ${section}`,
    title: `Document ${catalog}`,
    url,
    date: '2025-01-01',
  };
}

export interface ReqOptions {
  readonly direction?: Direction;
  readonly protocol?: Protocol;
  readonly ports?: PortRange[];
  readonly peer?: Peer;
  readonly purpose?: string;
  readonly necessity?: Necessity;
  readonly source?: Provenance;
  readonly metadata?: Record<string, string>;
  readonly landing?: Landing;
}

/** An egress https/443 requirement to example.com unless told otherwise. */
export function req(options: ReqOptions = {}): Requirement {
  return Requirement.create({
    direction: options.direction ?? Direction.EGRESS,
    protocol: options.protocol ?? Protocol.HTTPS,
    ports: options.ports ?? [PortRange.single(443)],
    peer: options.peer ?? Peer.fqdn('example.com'),
    purpose: options.purpose ?? 'Pull images',
    necessity: options.necessity ?? Necessity.required(),
    source: options.source ?? source(),
    metadata: options.metadata,
    landing: options.landing,
  });
}

/** An egress tcp requirement to a CIDR on the given ports. */
export function cidrReq(cidr: string, ports: number[] = [443], purpose = 'Reach the network'): Requirement {
  return req({ protocol: Protocol.TCP, peer: Peer.cidr(cidr), ports: ports.map((p) => PortRange.single(p)), purpose });
}

/** An ingress requirement that lands on the cluster API endpoint (TCP 443 unless told otherwise). */
export function controlPlaneReq(cidr: string, purpose = 'Reach the API server', ports: number[] = [443]): Requirement {
  return req({
    direction: Direction.INGRESS,
    protocol: Protocol.TCP,
    peer: Peer.cidr(cidr),
    ports: ports.map((p) => PortRange.single(p)),
    purpose,
    landing: Landing.CONTROL_PLANE,
  });
}
