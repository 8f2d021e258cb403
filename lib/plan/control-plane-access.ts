import { invalidValue, unsupportedPeer } from '../model/errors';
import { PeerKind } from '../model/peer';
import { PortRange } from '../model/port-range';
import { Direction, Protocol } from '../model/protocol';
import { sourceKey } from '../model/provenance';
import { Requirement } from '../model/requirement';
import { RequirementSet } from '../model/requirement-set';
import { AggregatedCidr, aggregateCidrs } from './flow-group';
import { UserCidr, userCidrRequirements } from './user-cidrs';

/** The port a managed control plane (GKE, EKS, AKS) serves the Kubernetes API on: HTTPS. */
export const CONTROL_PLANE_PORT = 443;

/**
 * The networks that may reach a managed Kubernetes control plane's HTTPS endpoint: the ingress CIDR
 * requirements of `requirements` plus `userCidrs`, aggregated exactly (nothing widened), sorted.
 *
 * Egress requirements are ignored: they are the cluster's outbound flows, which a firewall construct renders.
 * An ingress requirement the control plane's network list cannot express fails: a peer that is not a CIDR
 * (domain, service tag, unresolved placeholder), or a flow that does not include TCP 443.
 *
 * @param target the construct, named in errors, e.g. `GKE master authorized networks`
 * @param origin where the user CIDRs came from, e.g. `GkeAuthorizedNetworks cidrs`
 */
export function planControlPlaneAccess(
  requirements: RequirementSet | undefined,
  userCidrs: readonly UserCidr[],
  target: string,
  origin: string,
): AggregatedCidr[] {
  const ingress = (requirements ?? RequirementSet.empty()).filter((r) => r.direction === Direction.INGRESS);
  ingress.assertResolved();
  for (const r of ingress.requirements) {
    const where = `${sourceKey(r.primarySource)}: ${r.purpose}`;
    if (r.peer.kind !== PeerKind.CIDR) {
      throw unsupportedPeer(
        target,
        r.peer.toString(),
        where,
        `it admits networks (CIDRs) only, not a ${r.peer.kind}`,
        'Give the CIDRs the peer connects from.',
      );
    }
    if (!reachesControlPlane(r)) {
      throw invalidValue(
        `flow for ${target}`,
        `${r.protocol} ${r.portsText || 'all ports'} from ${r.peer.toString()}`,
        where,
        `${target} admit HTTPS (TCP ${CONTROL_PLANE_PORT}) to the control plane only; render ingress to the nodes with a firewall construct instead.`,
        'unsupported-flow',
      );
    }
  }
  const user = userCidrRequirements(
    userCidrs,
    { direction: Direction.INGRESS, protocol: Protocol.TCP, ports: [PortRange.single(CONTROL_PLANE_PORT)] },
    origin,
  );
  return aggregateCidrs(ingress.merge(user).requirements);
}

/** Whether an ingress requirement includes TCP 443 (what a control-plane network list admits). */
export function reachesControlPlane(r: Requirement): boolean {
  if (r.protocol === Protocol.ANY) return true;
  if (r.protocol !== Protocol.TCP && r.protocol !== Protocol.HTTPS) return false;
  return r.ports.some((p) => p.from <= CONTROL_PLANE_PORT && CONTROL_PLANE_PORT <= p.to);
}

/** The distinct purposes of the requirements behind one aggregated network, first-seen first. */
export function purposesOf(requirements: readonly Requirement[]): string[] {
  return [...new Set(requirements.flatMap((r) => r.purposes))];
}
