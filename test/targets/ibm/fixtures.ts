import { Testing } from 'cdktf';
import { Construct } from 'constructs';
import { CatalogSection, SourceDocument } from '../../../lib/catalog/catalog-section';
import { Direction, PortRange, Protocol, RequirementSet } from '../../../lib/model';

/** A stand-in vendor document for hand-made requirement sets. */
export const DOC: SourceDocument = {
  catalog: 'ibm-test',
  title: 'Test: opening required ports',
  url: 'https://example.com/ibm-test',
  date: '2025-10-01',
};

export const NODE_PORTS = PortRange.range(30000, 32767);

/** Inbound TCP 30000-32767 from each CIDR, as an IBM VPC profile states it. */
export function nodePortSet(cidrs: string[]): RequirementSet {
  return new CatalogSection(DOC, 'node-ports', 'Node ports')
    .cidrs(cidrs, Protocol.TCP, [NODE_PORTS], 'Node ports reached by VPC load balancers', { direction: Direction.INGRESS })
    .toSet();
}

/** `count` distinct /24 subnets of 10.0.0.0/8, in order. */
export function subnets(count: number, offset = 0): string[] {
  return Array.from({ length: count }, (_, i) => {
    const n = i + offset;
    return `10.${Math.floor(n / 256)}.${n % 256}.0/24`;
  });
}

/** The synthesized Terraform JSON of whatever `build` adds to a test stack. */
export function synth(build: (scope: Construct) => void): any {
  return JSON.parse(Testing.synthScope(build));
}

/** Resources of one type, keyed by their Terraform name, without cdktf's `//` metadata. */
export function resources(json: any, type: string): Record<string, Record<string, unknown>> {
  const out: Record<string, Record<string, unknown>> = {};
  for (const [name, body] of Object.entries<Record<string, unknown>>(json.resource?.[type] ?? {})) {
    const { ['//']: _metadata, ...rest } = body;
    out[name] = rest;
  }
  return out;
}

/** The attribute objects of one resource type, sorted by `name`. */
export function bodies(json: any, type: string): Array<Record<string, unknown>> {
  return Object.values(resources(json, type)).sort((a, b) => String(a.name).localeCompare(String(b.name)));
}
