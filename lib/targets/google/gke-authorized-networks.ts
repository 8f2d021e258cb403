import { ContainerCluster, ContainerClusterMasterAuthorizedNetworksConfig } from '@cdktf/provider-google/lib/container-cluster';
import { Token } from 'cdktf';
import { IpVersion } from '../../model/cidr';
import { unsupportedPeer } from '../../model/errors';
import { sourceKey } from '../../model/provenance';
import { Requirement } from '../../model/requirement';
import { RequirementSet } from '../../model/requirement-set';
import { CONTROL_PLANE_FLOW, purposesOf, selectControlPlaneRequirements } from '../../plan/control-plane-access';
import { aggregateCidrs } from '../../plan/flow-group';
import { assertWithinLimit, LIMITS } from '../../plan/limits';
import { sanitizeText } from '../../plan/naming';
import { DEFAULT_USER_CIDR_PURPOSE, UserCidr, userCidrRequirements } from '../../plan/user-cidrs';

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
   * Requirements whose ingress CIDRs must reach the control plane (ingress over TCP, HTTPS or any protocol,
   * including port 443), e.g. a Chainguard Enforce profile. Other requirements are skipped (see
   * `skippedRequirements`; render them with `GcpFirewall`).
   * @default - none
   */
  readonly requirements?: RequirementSet;
  /**
   * More networks to admit (administrators, CI runners), IPv4 only. A Terraform reference (e.g. a variable)
   * is kept as given and counted as one entry; it cannot be checked or aggregated before apply.
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
    const { accepted, skipped } = selectControlPlaneRequirements(props.requirements, TARGET);
    const cidrs = props.cidrs ?? [];
    const user = userCidrRequirements(cidrs, CONTROL_PLANE_FLOW, 'GkeAuthorizedNetworks cidrs', (text) => Token.isUnresolved(text));
    const planned = aggregateCidrs([...accepted, ...user.requirements]);
    for (const network of planned) {
      if (network.cidr.version === IpVersion.IPV6) {
        throw unsupportedPeer(
          TARGET,
          network.cidr.toString(),
          [...new Set(network.requirements.map((r) => sourceKey(r.primarySource)))].join(', '),
          'they take IPv4 CIDRs only (the provider validates cidr_block as an IPv4 network)',
          'Give the IPv4 ranges the peer connects from.',
        );
      }
    }
    const displayName = (purposes: string[]) => sanitizeText(purposes.join(' / '), GKE_DISPLAY_NAME_CHARACTERS, GKE_DISPLAY_NAME_MAX_LENGTH);
    const networks: GkeAuthorizedNetwork[] = [
      ...planned.map((n) => ({ cidrBlock: n.cidr.toString(), displayName: displayName(purposesOf(n.requirements)) })),
      // Terraform references resolve at apply: kept as given, after the literal networks, one entry each.
      ...cidrs
        .filter((c) => Token.isUnresolved(c.cidr))
        .map((c) => ({ cidrBlock: c.cidr, displayName: displayName([c.purpose?.trim() || DEFAULT_USER_CIDR_PURPOSE]) })),
    ];
    const privateCluster = props.privateCluster ?? false;
    const limit = privateCluster ? LIMITS.gkeAuthorizedNetworksPrivate : LIMITS.gkeAuthorizedNetworksPublic;
    assertWithinLimit(
      `${TARGET} (${privateCluster ? 'private' : 'public'} cluster)`,
      networks.length,
      limit,
      'GkeAuthorizedNetworks',
      privateCluster
        ? 'Admit fewer networks (combine them into wider ranges you own), or reach the control plane through a bastion or VPN inside the VPC.'
        : 'Admit fewer networks (combine them into wider ranges you own), or make the cluster private (100 networks) and set privateCluster.',
    );
    return new GkeAuthorizedNetworks(networks, limit, props.gcpPublicCidrsAccessEnabled ?? false, [...accepted], [...skipped]);
  }

  private constructor(
    /** The entries: literal networks sorted by address, then Terraform references in the order given. */
    public readonly networks: readonly GkeAuthorizedNetwork[],
    /** The entry limit that was checked (50 or 100). */
    public readonly limit: number,
    /** Whether Compute Engine public IP addresses are admitted too. */
    public readonly gcpPublicCidrsAccessEnabled: boolean,
    /** The requirements that became networks. */
    public readonly requirements: readonly Requirement[],
    /** Requirements that do not reach the control plane (egress, ingress to other ports); render them with `GcpFirewall`. */
    public readonly skippedRequirements: readonly Requirement[],
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
