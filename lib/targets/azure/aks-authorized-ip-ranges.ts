import { KubernetesClusterApiServerAccessProfile } from '@cdktf/provider-azurerm/lib/kubernetes-cluster';
import { InputCheck } from '../../model/input';
import { Requirement } from '../../model/requirement';
import { RequirementSet } from '../../model/requirement-set';
import { UserCidr } from '../../plan/user-cidrs';
import { planAksAuthorizedIpRanges } from './plan/aks-authorized-ip-ranges-plan';
import { withCallOrigin } from '../call-origin';

/** Properties of `AksAuthorizedIpRanges.compute`. */
export interface AksAuthorizedIpRangesProps {
  /**
   * Where this call is, named in its errors (the result belongs to no construct, so errors have no construct path of
   * their own), e.g. the cluster's construct path: `cluster.node.path`.
   * @default - errors name the helper only
   */
  readonly origin?: string;
  /**
   * Requirement sets whose rows that land on the cluster API endpoint (`Landing.CONTROL_PLANE`, e.g. Chainguard
   * Enforce's `cidr-ranges`) become authorized ranges: exactly those rows. Everything else (egress, ingress to the
   * nodes, rows that land on a service) is skipped (see `skippedRequirements`).
   * @default []
   */
  readonly requirementSets?: RequirementSet[];
  /**
   * More networks to authorize, e.g. the operators' networks or CI runners: `{ cidr, purpose }` (the cidr literal or
   * a Terraform reference).
   * @default []
   */
  readonly cidrs?: UserCidr[];
  /**
   * The firewall's egress public IP addresses: with user-defined routing, the nodes reach the API server
   * through them. One machine's address each (`20.50.1.2`; a network is refused), or Terraform references (e.g.
   * `publicIp.ipAddress`, rendered as `<ip>/32`).
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
 * every address) and lists that cover every address however they are spelt (`0.0.0.0/0`, or `0.0.0.0/1` +
 * `128.0.0.0/1`): there is no opt-in, since authorized ranges exist to prevent exactly that.
 *
 * @example
 * const ranges = AksAuthorizedIpRanges.compute({ requirementSets: [enforce], firewallPublicIps: [pip.ipAddress], cidrs: [{ cidr: '203.0.113.0/24', purpose: 'operators' }] });
 * new KubernetesCluster(this, 'aks', { ..., apiServerAccessProfile: ranges.toApiServerAccessProfile() });
 */
export class AksAuthorizedIpRanges {
  /** Computes and checks the ranges. */
  public static compute(props: AksAuthorizedIpRangesProps): AksAuthorizedIpRanges {
    const call = withCallOrigin('AksAuthorizedIpRanges', props);
    const plan = planAksAuthorizedIpRanges(call.props, new InputCheck(call.owner));
    return new AksAuthorizedIpRanges([...plan.literalRanges, ...plan.referenceRanges], [...plan.requirements], [...plan.skipped]);
  }

  private constructor(
    /** The ranges: literal CIDRs aggregated and sorted (IPv4 first), then Terraform references in the order given. */
    public readonly ranges: string[],
    /** The control-plane requirements that became ranges. */
    public readonly requirements: Requirement[],
    /** Requirements that do not land on the API server: egress, ingress to the nodes, rows that land on a service. */
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

