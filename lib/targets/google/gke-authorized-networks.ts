import { ContainerCluster, ContainerClusterMasterAuthorizedNetworksConfig } from '@cdktf/provider-google/lib/container-cluster';
import { IpVersion } from '../../model/cidr';
import { unsupportedPeer } from '../../model/errors';
import { sourceKey } from '../../model/provenance';
import { RequirementSet } from '../../model/requirement-set';
import { planControlPlaneAccess, purposesOf } from '../../plan/control-plane-access';
import { assertWithinLimit, LIMITS } from '../../plan/limits';
import { sanitizeText } from '../../plan/naming';
import { UserCidr } from '../../plan/user-cidrs';

/**
 * Characters kept in a display name. The API and the provider document neither a character set nor a length
 * for `display_name`, so names are kept plain and short enough to read in the console list.
 */
export const GKE_DISPLAY_NAME_CHARACTERS = 'a-zA-Z0-9 ._:/(),-';
/** Longest display name written (see GKE_DISPLAY_NAME_CHARACTERS). */
export const GKE_DISPLAY_NAME_MAX_LENGTH = 100;

const TARGET = 'GKE master authorized networks';

/** Properties of `GkeAuthorizedNetworks`. */
export interface GkeAuthorizedNetworksProps {
  /**
   * Requirements whose ingress CIDRs must reach the control plane, e.g. a Chainguard Enforce profile.
   * Egress requirements are ignored (render them with `GcpFirewall`).
   * @default - none
   */
  readonly requirements?: RequirementSet;
  /**
   * More networks to admit (administrators, CI runners), IPv4 only.
   * @default []
   */
  readonly cidrs?: UserCidr[];
  /**
   * Whether the cluster is a private cluster. GKE admits up to 100 authorized networks on a private cluster
   * and 50 on a public one.
   * @default false
   */
  readonly privateCluster?: boolean;
  /**
   * Whether the control plane is also reachable from Google Compute Engine public IP addresses. Off unless
   * asked for: it admits every Compute Engine address, not only yours.
   * @default false
   */
  readonly gcpPublicCidrsAccessEnabled?: boolean;
}

/** One entry of `cidr_blocks`. */
export interface GkeAuthorizedNetwork {
  /** IPv4 CIDR. */
  readonly cidrBlock: string;
  /** Purposes of the requirements it covers, sanitized. */
  readonly displayName: string;
}

/**
 * The `master_authorized_networks_config` of a `google_container_cluster`: ingress CIDR requirements plus user
 * CIDRs, aggregated exactly, each named after its purposes. Validated when built: IPv4 only, and at most 50
 * entries (100 for a private cluster).
 *
 * @example
 * const networks = GkeAuthorizedNetworks.fromRequirements({ requirements: chainguardEnforceProfile(), cidrs: [{ cidr: '203.0.113.0/24', purpose: 'office' }] });
 * networks.applyTo(cluster);
 */
export class GkeAuthorizedNetworks {
  /** Plans and validates the authorized networks. */
  public static fromRequirements(props: GkeAuthorizedNetworksProps): GkeAuthorizedNetworks {
    const planned = planControlPlaneAccess(props.requirements, props.cidrs ?? [], TARGET, 'GkeAuthorizedNetworks cidrs');
    for (const network of planned) {
      if (network.cidr.version === IpVersion.IPV6) {
        const from = network.requirements.map((r) => sourceKey(r.primarySource));
        throw unsupportedPeer(
          TARGET,
          network.cidr.toString(),
          [...new Set(from)].join(', '),
          'they take IPv4 CIDRs only (the provider validates cidr_block as an IPv4 network)',
          'Give the IPv4 ranges the peer connects from.',
        );
      }
    }
    const privateCluster = props.privateCluster ?? false;
    const limit = privateCluster ? LIMITS.gkeAuthorizedNetworksPrivate : LIMITS.gkeAuthorizedNetworksPublic;
    assertWithinLimit(
      `${TARGET} (${privateCluster ? 'private' : 'public'} cluster)`,
      planned.length,
      limit,
      'GkeAuthorizedNetworks',
      privateCluster
        ? 'Admit fewer networks (combine them into wider ranges you own), or reach the control plane through a bastion or VPN inside the VPC.'
        : 'Admit fewer networks (combine them into wider ranges you own), or make the cluster private (100 networks) and set privateCluster.',
    );
    const networks = planned.map((n) => ({
      cidrBlock: n.cidr.toString(),
      displayName: sanitizeText(purposesOf(n.requirements).join(' / '), GKE_DISPLAY_NAME_CHARACTERS, GKE_DISPLAY_NAME_MAX_LENGTH),
    }));
    return new GkeAuthorizedNetworks(networks, limit, props.gcpPublicCidrsAccessEnabled ?? false);
  }

  private constructor(
    /** The entries, sorted by address. */
    public readonly networks: readonly GkeAuthorizedNetwork[],
    /** The entry limit that was checked (50 or 100). */
    public readonly limit: number,
    /** Whether Compute Engine public IP addresses are admitted too. */
    public readonly gcpPublicCidrsAccessEnabled: boolean,
  ) {}

  /**
   * The block for `ContainerCluster` (`masterAuthorizedNetworksConfig`). With no networks, `cidr_blocks` is
   * omitted, which GKE reads as "no external access except the nodes".
   */
  public toConfig(): ContainerClusterMasterAuthorizedNetworksConfig {
    return {
      gcpPublicCidrsAccessEnabled: this.gcpPublicCidrsAccessEnabled,
      ...(this.networks.length > 0 ? { cidrBlocks: this.networks.map((n) => ({ cidrBlock: n.cidrBlock, displayName: n.displayName })) } : {}),
    };
  }

  /** Sets the cluster's `master_authorized_networks_config` (replacing any set before). */
  public applyTo(cluster: ContainerCluster): void {
    cluster.putMasterAuthorizedNetworksConfig(this.toConfig());
  }
}
