import { unsupportedPeer } from '../model/errors';
import { PeerKind } from '../model/peer';
import { PortRange } from '../model/port-range';
import { Direction, Protocol } from '../model/protocol';
import { sourceKey } from '../model/provenance';
import { Requirement } from '../model/requirement';
import { RequirementSet } from '../model/requirement-set';
import { UserFlow } from './user-cidrs';

/** The port a managed control plane (GKE, EKS, AKS) serves the Kubernetes API on: HTTPS. */
export const CONTROL_PLANE_PORT = 443;

/** The flow user CIDRs are admitted for on a control-plane network list: ingress TCP 443. */
export const CONTROL_PLANE_FLOW: UserFlow = {
  direction: Direction.INGRESS,
  protocol: Protocol.TCP,
  ports: [PortRange.single(CONTROL_PLANE_PORT)],
};

/** The requirements a control-plane network list admits, and the ones it leaves to other constructs. */
export interface ControlPlaneRequirements {
  /** Ingress requirements whose flow includes TCP 443, all with CIDR peers; set order. */
  readonly accepted: readonly Requirement[];
  /** Egress requirements and ingress to other ports (a firewall renders them); set order. */
  readonly skipped: readonly Requirement[];
}

/**
 * Selects the requirements that reach a managed Kubernetes control plane's HTTPS endpoint: ingress over TCP,
 * HTTPS or any protocol, including port 443. Everything else is skipped (returned, not dropped silently).
 * A selected requirement whose peer is not a CIDR (domain, service tag) or is an unresolved placeholder fails:
 * a control-plane network list admits networks only.
 * @param target the list, named in errors, e.g. `GKE master authorized networks`
 */
export function selectControlPlaneRequirements(requirements: RequirementSet | undefined, target: string): ControlPlaneRequirements {
  const accepted: Requirement[] = [];
  const skipped: Requirement[] = [];
  for (const r of (requirements ?? RequirementSet.empty()).requirements) {
    if (!reachesControlPlane(r)) {
      skipped.push(r);
      continue;
    }
    if (r.peer.kind === PeerKind.PLACEHOLDER) RequirementSet.of([r]).assertResolved();
    if (r.peer.kind !== PeerKind.CIDR) {
      throw unsupportedPeer(
        target,
        r.peer.toString(),
        `${sourceKey(r.primarySource)}: ${r.purpose}`,
        `it admits networks (CIDRs) only, not a ${r.peer.kind}`,
        'Give the CIDRs the peer connects from.',
      );
    }
    accepted.push(r);
  }
  return { accepted, skipped };
}

/** Whether a requirement is ingress that includes TCP 443 (what a control-plane network list admits). */
export function reachesControlPlane(r: Requirement): boolean {
  if (r.direction !== Direction.INGRESS) return false;
  if (r.protocol === Protocol.ANY) return true;
  if (r.protocol !== Protocol.TCP && r.protocol !== Protocol.HTTPS) return false;
  return r.ports.some((p) => p.from <= CONTROL_PLANE_PORT && CONTROL_PLANE_PORT <= p.to);
}

/** The distinct purposes of some requirements, first-seen first. */
export function purposesOf(requirements: readonly Requirement[]): string[] {
  return [...new Set(requirements.flatMap((r) => r.purposes))];
}
