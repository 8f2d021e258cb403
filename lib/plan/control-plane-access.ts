import { unsupportedPeer } from '../model/errors';
import { PeerKind } from '../model/peer';
import { PortRange } from '../model/port-range';
import { Direction, Protocol } from '../model/protocol';
import { CONTROL_PLANE_CONSTRUCTS, Landing } from '../model/landing';
import { sourceKey } from '../model/provenance';
import { Requirement } from '../model/requirement';
import { RequirementSet } from '../model/requirement-set';
import { UserFlow } from './user-cidrs';

/** The port a managed control plane (GKE, EKS, AKS) serves the Kubernetes API on: HTTPS. */
export const CONTROL_PLANE_PORT = 443;

/** The flow user CIDRs are admitted for on a control-plane network list: ingress TCP 443 to the API endpoint. */
export const CONTROL_PLANE_FLOW: UserFlow = {
  direction: Direction.INGRESS,
  protocol: Protocol.TCP,
  ports: [PortRange.single(CONTROL_PLANE_PORT)],
  landing: Landing.CONTROL_PLANE,
};

/** The requirements a control-plane network list admits, and the ones it leaves to other constructs. */
export interface ControlPlaneRequirements {
  /** Requirements that land on the control plane (`Landing.CONTROL_PLANE`), all with CIDR peers; set order. */
  readonly accepted: readonly Requirement[];
  /** Requirements that land elsewhere (node firewalls render the node flows); set order. */
  readonly skipped: readonly Requirement[];
}

/**
 * Selects the requirements that land on a managed Kubernetes control plane (`Landing.CONTROL_PLANE`, set by the
 * catalogs and by user CIDRs given to the API server constructs). Everything else is skipped (returned, not
 * dropped silently).
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

/** Whether a requirement lands on the cluster API endpoint (what a control-plane network list admits). */
export function reachesControlPlane(r: Requirement): boolean {
  return r.landing === Landing.CONTROL_PLANE;
}

/** The requirements a node-level firewall renders, and the ones that land elsewhere. */
export interface NodeRequirements {
  /** Requirements that land on the nodes; set order. */
  readonly nodes: readonly Requirement[];
  /**
   * Requirements that land on the cluster API endpoint or on a service beside the cluster: a node firewall never
   * opens them (see `Landing`); set order.
   */
  readonly elsewhere: readonly Requirement[];
}

/**
 * Splits requirements into the ones a node-level firewall (security groups, VPC firewall rules, Azure Firewall)
 * renders and the ones that land elsewhere. Every node-level target skips the latter the same way and reports
 * them (`controlPlaneRequirements` / `skippedRequirements` and a synth annotation): the control-plane rows belong
 * to EksEndpointAccess, GkeAuthorizedNetworks or AksAuthorizedIpRanges.
 */
export function selectNodeRequirements(requirements: readonly Requirement[]): NodeRequirements {
  const nodes: Requirement[] = [];
  const elsewhere: Requirement[] = [];
  for (const r of requirements) (r.landsOnNodes ? nodes : elsewhere).push(r);
  return { nodes, elsewhere };
}

/** One line that reports skipped control-plane or service rows, for a construct's annotation. */
export function describeElsewhere(target: string, elsewhere: readonly Requirement[]): string {
  const cp = elsewhere.filter((r) => r.landing === Landing.CONTROL_PLANE);
  const service = elsewhere.filter((r) => r.landing === Landing.SERVICE);
  const parts: string[] = [];
  if (cp.length > 0) {
    parts.push(
      `${cp.length} requirement(s) land on the cluster API endpoint (e.g. ${cp[0].peer.toString()} from ${sourceKey(cp[0].primarySource)}) and are not opened on the nodes: render them with ${CONTROL_PLANE_CONSTRUCTS}`,
    );
  }
  if (service.length > 0) {
    parts.push(
      `${service.length} requirement(s) land on a service beside the cluster (e.g. ${service[0].peer.toString()} from ${sourceKey(service[0].primarySource)}: ${service[0].purpose}) and are not opened on the nodes: admit them on that service`,
    );
  }
  return `${target}: ${parts.join('; ')}.`;
}

/** The distinct purposes of some requirements, first-seen first. */
export function purposesOf(requirements: readonly Requirement[]): string[] {
  return [...new Set(requirements.flatMap((r) => r.purposes))];
}
