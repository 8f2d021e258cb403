import { terraformText } from '../../model/terraform-text';
import { warnRetiredCatalogs } from '../requirements-construct';
import { ContainerCluster, ContainerClusterMasterAuthorizedNetworksConfig } from '@cdktf/provider-google/lib/container-cluster';
import { invalidValue } from '../../model/errors';
import { Requirement } from '../../model/requirement';
import { RequirementSet } from '../../model/requirement-set';
import { UserCidr } from '../../plan/user-cidrs';
import { GkeAuthorizedNetwork, planGkeAuthorizedNetworks } from './plan/gke-authorized-networks-plan';
import { withCallOrigin } from '../call-origin';

export * from './plan/gke-authorized-networks-plan';

/** Properties of `GkeAuthorizedNetworks`. */
export interface GkeAuthorizedNetworksProps {
  /**
   * Where this call is, named in its errors (the result belongs to no construct, so errors have no construct path of
   * their own), e.g. the cluster's construct path: `cluster.node.path`.
   * @default - errors name the helper only
   */
  readonly origin?: string;
  /**
   * Requirement sets whose control-plane rows (`Landing.CONTROL_PLANE`, e.g. the Chainguard Enforce CIDR ranges)
   * become authorized networks. Every other row is skipped (see `skippedRequirements`; render node rows with
   * `GcpFirewall`).
   * @default []
   */
  readonly requirementSets?: RequirementSet[];
  /**
   * One requirement set.
   * @deprecated use `requirementSets` (merged with it)
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

export type { GkeAuthorizedNetwork };

/**
 * The `master_authorized_networks_config` of a `google_container_cluster`: exactly the control-plane rows of the
 * requirement sets plus user CIDRs, aggregated exactly, each named after its purposes. Validated when built: IPv4
 * only, never a set of networks that covers every address (there is no opt-in: GKE has
 * `gcpPublicCidrsAccessEnabled` for Google's own ranges), and at most 50 entries (100 for a private cluster).
 *
 * @example
 * const networks = GkeAuthorizedNetworks.fromRequirements({ requirementSets: [gkeNodesProfile({ ... })], cidrs: [{ cidr: '203.0.113.0/24', purpose: 'office' }] });
 * networks.applyTo(cluster);
 */
export class GkeAuthorizedNetworks {
  /** Checks the props and plans the authorized networks. */
  public static fromRequirements(props: GkeAuthorizedNetworksProps = {}): GkeAuthorizedNetworks {
    const call = withCallOrigin('GkeAuthorizedNetworks', props);
    const plan = planGkeAuthorizedNetworks(call.props, call.owner);
    return new GkeAuthorizedNetworks(plan.networks, plan.limit, plan.gcpPublicCidrsAccessEnabled, plan.requirements, plan.skippedRequirements);
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
    /** Requirements that do not land on the control plane (node egress, services); render node rows with `GcpFirewall`. */
    public readonly skippedRequirements: readonly Requirement[],
  ) {}

  /**
   * The block for `ContainerCluster` (`masterAuthorizedNetworksConfig`). With no networks, `cidr_blocks` is
   * omitted, which GKE reads as "no external access except the nodes".
   */
  public toConfig(): ContainerClusterMasterAuthorizedNetworksConfig {
    return {
      gcpPublicCidrsAccessEnabled: this.gcpPublicCidrsAccessEnabled,
      ...(this.networks.length > 0 ? { cidrBlocks: this.networks.map((n) => ({ cidrBlock: n.cidrBlock, displayName: terraformText(n.displayName) })) } : {}),
    };
  }

  /** Sets the cluster's `master_authorized_networks_config` (replacing any set before). */
  public applyTo(cluster: ContainerCluster): void {
    if (cluster === null || typeof cluster !== 'object' || typeof (cluster as ContainerCluster).putMasterAuthorizedNetworksConfig !== 'function') {
      throw invalidValue('cluster', String(cluster), 'GkeAuthorizedNetworks.applyTo', 'Give the google_container_cluster construct (ContainerCluster).', 'invalid-type');
    }
    cluster.putMasterAuthorizedNetworksConfig(this.toConfig());
    warnRetiredCatalogs(cluster, this.requirements);
  }
}
