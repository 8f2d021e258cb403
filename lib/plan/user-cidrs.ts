import { invalidValue } from '../model/errors';
import { Landing } from '../model/landing';
import { Necessity } from '../model/necessity';
import { Peer } from '../model/peer';
import { PortRange } from '../model/port-range';
import { Direction, Protocol } from '../model/protocol';
import { Provenance } from '../model/provenance';
import { Requirement } from '../model/requirement';
import { RequirementSet } from '../model/requirement-set';
import { slug } from './naming';

/** A network the user adds to what the catalogs require (an office range, a NAT gateway address). */
export interface UserCidr {
  /** IPv4 or IPv6 address or CIDR, e.g. `203.0.113.0/24`. */
  readonly cidr: string;
  /**
   * What the network is, in plain words; becomes the display name or description of the rule.
   * @default 'user-supplied network'
   */
  readonly purpose?: string;
}

/** The flow that user CIDRs are allowed for. */
export interface UserFlow {
  readonly direction: Direction;
  readonly protocol: Protocol;
  /** @default - none (only valid for icmp and any) */
  readonly ports?: PortRange[];
  /** @default Landing.NODES */
  readonly landing?: Landing;
}

/** Purpose given to a user CIDR without one. */
export const DEFAULT_USER_CIDR_PURPOSE = 'user-supplied network';

/**
 * Turns user-supplied networks into requirements (catalog `user`), so that they are validated, merged and
 * aggregated exactly like catalog rows.
 * @param origin where the list came from, e.g. `GkeAuthorizedNetworks cidrs`; named in errors and used as
 *   the provenance section
 * @param isReference entries for which this holds (Terraform references, which only resolve at apply) are
 *   left out; errors still name the position in the whole list
 */
export function userCidrRequirements(
  cidrs: readonly UserCidr[],
  flow: UserFlow,
  origin: string,
  isReference: (text: string) => boolean = () => false,
): RequirementSet {
  const source: Provenance = {
    catalog: 'user',
    section: slug(origin, 63, 'user'),
    sectionTitle: origin,
    title: 'Supplied by the user',
    url: '',
    date: '',
  };
  const out: Requirement[] = [];
  cidrs.forEach((entry, i) => {
    const where = `${origin}[${i}]`;
    if (entry === null || typeof entry !== 'object' || typeof entry.cidr !== 'string') {
      const shown = typeof entry === 'string' ? entry : (JSON.stringify(entry) ?? String(entry));
      throw invalidValue('user CIDR entry', shown, where, 'Give { cidr: "203.0.113.0/24", purpose: "office" }.');
    }
    if (isReference(entry.cidr)) return;
    out.push(
      Requirement.create({
        direction: flow.direction,
        protocol: flow.protocol,
        ports: flow.ports,
        peer: Peer.cidr(entry.cidr, where),
        purpose: entry.purpose?.trim() || DEFAULT_USER_CIDR_PURPOSE,
        necessity: Necessity.required(),
        source,
        landing: flow.landing,
      }),
    );
  });
  return RequirementSet.of(out);
}
