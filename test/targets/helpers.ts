/** Builders and synth helpers shared by the target tests. */
import { TerraformStack, Testing } from 'cdktf';
import { Construct } from 'constructs';
import { Direction, Landing, Peer, PortRange, Protocol, Requirement, RequirementSet } from '../../lib/model';
import { req, source } from '../model/fixtures';

/** Ingress TCP 443 requirements from each CIDR (what control-plane access lists admit). */
export function ingressCidrs(cidrs: string[], purpose = 'Reach the API server', catalog = 'test', section = 'core'): RequirementSet {
  return RequirementSet.of(
    cidrs.map((c) =>
      req({ direction: Direction.INGRESS, protocol: Protocol.TCP, ports: [PortRange.single(443)], peer: Peer.cidr(c), purpose, source: source(catalog, section), landing: Landing.CONTROL_PLANE }),
    ),
  );
}

/** An egress or ingress requirement to a CIDR. */
export function cidrFlow(cidr: string, options: { direction?: Direction; protocol?: Protocol; ports?: number[]; purpose?: string } = {}): Requirement {
  return req({
    direction: options.direction ?? Direction.EGRESS,
    protocol: options.protocol ?? Protocol.TCP,
    ports: (options.ports ?? [443]).map((p) => PortRange.single(p)),
    peer: Peer.cidr(cidr),
    purpose: options.purpose ?? 'Reach the network',
  });
}

/** An egress https 443 requirement to each domain name. */
export function egressFqdns(names: string[], purpose = 'Pull images', protocol = Protocol.HTTPS, ports = [443]): RequirementSet {
  return RequirementSet.of(names.map((n) => req({ peer: Peer.fqdn(n), purpose, protocol, ports: ports.map((p) => PortRange.single(p)) })));
}

/** `count` distinct /32 addresses from 10.<n>.0.1 on, never adjacent to each other. */
export function distinctHosts(count: number, secondOctet = 0): string[] {
  return Array.from({ length: count }, (_, i) => `10.${secondOctet}.${Math.floor(i / 100)}.${(i % 100) * 2 + 1}/32`);
}

/** Synthesizes one stack built by `build` and returns the parsed JSON. */
export function synth(build: (scope: Construct) => void): any {
  const app = Testing.app();
  const stack = new TerraformStack(app, 'test');
  build(stack);
  return JSON.parse(Testing.synth(stack));
}

/** `type.name` -> the resource's JSON, for comparing two syntheses. */
export function resourceMap(json: any): Map<string, string> {
  const out = new Map<string, string>();
  for (const [type, byName] of Object.entries(json.resource ?? {})) {
    for (const [name, body] of Object.entries(byName as Record<string, unknown>)) out.set(`${type}.${name}`, JSON.stringify(body));
  }
  return out;
}

/** Resources added, removed and changed from `before` to `after`. */
export function diff(before: any, after: any): { added: string[]; removed: string[]; changed: string[] } {
  const a = resourceMap(before);
  const b = resourceMap(after);
  return {
    added: [...b.keys()].filter((k) => !a.has(k)),
    removed: [...a.keys()].filter((k) => !b.has(k)),
    changed: [...a.keys()].filter((k) => b.has(k) && a.get(k) !== b.get(k)),
  };
}

/** The resources of one type, as an array of bodies sorted by name. */
export function resourcesOf(json: any, type: string): any[] {
  const byName = (json.resource ?? {})[type] ?? {};
  return Object.keys(byName)
    .sort()
    .map((k) => byName[k]);
}
