import { KubernetesClusterApiServerAccessProfile } from '@cdktf/provider-azurerm/lib/kubernetes-cluster';
import { Token } from 'cdktf';
import { Cidr } from '../../model/cidr';
import { invalidValue, unsupportedPeer } from '../../model/errors';
import { PeerKind } from '../../model/peer';
import { sourceKey } from '../../model/provenance';
import { Requirement } from '../../model/requirement';
import { RequirementSet } from '../../model/requirement-set';
import { reachesControlPlane } from '../../plan/control-plane-access';
import { assertWithinLimit, LIMITS } from '../../plan/limits';

/** Properties of `AksAuthorizedIpRanges.compute`. */
export interface AksAuthorizedIpRangesProps {
  /**
   * Requirement sets whose ingress CIDRs to the API server (TCP, HTTPS or any protocol including port 443)
   * become authorized ranges, e.g. Chainguard Enforce's. Egress requirements and ingress to other ports are
   * skipped (see `skippedRequirements`).
   * @default []
   */
  readonly requirementSets?: RequirementSet[];
  /**
   * More CIDRs or addresses to authorize, e.g. the operators' networks or CI runners.
   * @default []
   */
  readonly cidrs?: string[];
  /**
   * The firewall's egress public IP addresses: with user-defined routing, the nodes reach the API server
   * through them. Literal addresses or Terraform references (e.g. `publicIp.ipAddress`, rendered as `<ip>/32`).
   * @default []
   */
  readonly firewallPublicIps?: string[];
  /**
   * Whether the cluster is private. Authorized IP ranges do not apply to private clusters, so this is an error.
   * @default false
   */
  readonly privateCluster?: boolean;
  /**
   * Whether the cluster uses API Server VNet Integration (the limit is then 2,000 ranges instead of 200).
   * @default false
   */
  readonly apiServerVnetIntegration?: boolean;
}

/**
 * The `api_server_access_profile.authorized_ip_ranges` of an `azurerm_kubernetes_cluster`, computed from
 * requirement sets, user CIDRs and the firewall's egress public IPs: aggregated exactly (adjacent and
 * overlapping networks merge, nothing is widened), sorted, at most 200 (2,000 with API Server VNet Integration).
 *
 * Refused: private clusters (the ranges do not apply), an empty list (AKS would leave the API server open to
 * every address) and `/0` ranges.
 *
 * @example
 * const ranges = AksAuthorizedIpRanges.compute({ requirementSets: [enforce], firewallPublicIps: [pip.ipAddress] });
 * new KubernetesCluster(this, 'aks', { ..., apiServerAccessProfile: ranges.toApiServerAccessProfile() });
 */
export class AksAuthorizedIpRanges {
  /** Computes and checks the ranges. */
  public static compute(props: AksAuthorizedIpRangesProps): AksAuthorizedIpRanges {
    const origin = 'AksAuthorizedIpRanges';
    if (props.privateCluster) {
      throw invalidValue(
        'privateCluster',
        'true',
        origin,
        'API server authorized IP ranges are not supported for private clusters: their API server has no public endpoint. ' +
          'Reach it from networks peered with the cluster network instead, or make the cluster public.',
      );
    }
    const literal: Cidr[] = [];
    const references: string[] = [];
    const skipped: Requirement[] = [];
    const fromRequirements: Requirement[] = [];

    for (const r of RequirementSet.union(props.requirementSets ?? []).requirements) {
      if (!reachesControlPlane(r)) {
        skipped.push(r);
        continue;
      }
      const where = `${sourceKey(r.primarySource)}: ${r.peer.toString()} (${r.purpose})`;
      if (r.peer.kind !== PeerKind.CIDR) {
        throw unsupportedPeer(
          'AKS API server authorized IP ranges',
          r.peer.toString(),
          where,
          'the ranges are CIDRs only',
          'Give the CIDRs behind the name (the vendor usually publishes them), e.g. through the cidrs prop.',
        );
      }
      literal.push(checkNotAll(r.peer.cidr as Cidr, r.peer.value, where));
      fromRequirements.push(r);
    }
    (props.cidrs ?? []).forEach((text, i) => {
      const where = `${origin} cidrs[${i}]`;
      if (Token.isUnresolved(text)) references.push(text);
      else literal.push(checkNotAll(Cidr.parse(text, where), text, where));
    });
    (props.firewallPublicIps ?? []).forEach((text, i) => {
      const where = `${origin} firewallPublicIps[${i}]`;
      if (Token.isUnresolved(text)) {
        references.push(`${text}/32`);
        return;
      }
      const cidr = Cidr.parse(text, where);
      if (!cidr.isSingleAddress) {
        throw invalidValue('firewall public IP', text, where, 'Give the address itself, e.g. 20.50.1.2; put prefixes in the cidrs prop.');
      }
      literal.push(cidr);
    });

    const ranges = [...Cidr.aggregate(literal).map((c) => c.toString()), ...references];
    if (ranges.length === 0) {
      throw invalidValue(
        'authorized IP ranges',
        '[]',
        origin,
        'No range was computed, and an empty list leaves the API server open to every address. Pass the firewall public IPs, your networks (cidrs) or requirement sets with ingress CIDRs.',
      );
    }
    const vnet = props.apiServerVnetIntegration ?? false;
    assertWithinLimit(
      'AKS API server authorized IP ranges',
      ranges.length,
      vnet ? LIMITS.aksAuthorizedIpRangesVnetIntegration : LIMITS.aksAuthorizedIpRanges,
      origin,
      vnet
        ? 'Authorize fewer or wider networks, or use a private cluster.'
        : 'Authorize fewer or wider networks, or enable API Server VNet Integration (up to 2,000 ranges; set apiServerVnetIntegration).',
    );
    return new AksAuthorizedIpRanges(ranges, fromRequirements, skipped);
  }

  private constructor(
    /** The ranges: literal CIDRs aggregated and sorted (IPv4 first), then Terraform references in the order given. */
    public readonly ranges: string[],
    /** The ingress requirements that became ranges. */
    public readonly requirements: Requirement[],
    /** Requirements that do not concern the API server: egress, and ingress to other ports. */
    public readonly skippedRequirements: Requirement[],
  ) {}

  /** Number of ranges (checked against the limit). */
  public get count(): number {
    return this.ranges.length;
  }

  /** The `api_server_access_profile` block for `azurerm_kubernetes_cluster`. */
  public toApiServerAccessProfile(): KubernetesClusterApiServerAccessProfile {
    return { authorizedIpRanges: [...this.ranges] };
  }
}


function checkNotAll(cidr: Cidr, text: string, where: string): Cidr {
  if (cidr.prefix === 0) {
    throw invalidValue('authorized IP range', text, where, 'A /0 range authorizes every address, which is what authorized ranges exist to prevent. Give the networks that need the API server.');
  }
  return cidr;
}
