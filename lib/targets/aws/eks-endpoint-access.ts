import { warnRetiredCatalogs } from '../requirements-construct';
import { EksCluster, EksClusterVpcConfig } from '@cdktf/provider-aws/lib/eks-cluster';
import { invalidValue } from '../../model/errors';
import { describeValue, InputCheck } from '../../model/input';
import { Requirement } from '../../model/requirement';
import { RequirementSet } from '../../model/requirement-set';
import { UserCidr } from '../../plan/user-cidrs';
import { checkEksEndpointOptions, EKS_ENDPOINT_OPTION_NAMES, EksIpFamily, EksEndpointPlan, planEksEndpointAccess } from './plan/eks-endpoint-access-plan';
import { withCallOrigin } from '../call-origin';

export { EksIpFamily } from './plan/eks-endpoint-access-plan';

const NAME = 'EksEndpointAccess';

/** Properties of `EksEndpointAccess`. */
export interface EksEndpointAccessProps {
  /**
   * Where this call is, named in its errors (the result belongs to no construct, so errors have no construct path of
   * their own), e.g. the cluster's construct path: `cluster.node.path`.
   * @default - errors name the helper only
   */
  readonly origin?: string;
  /**
   * Requirement sets whose CONTROL_PLANE rows (networks that reach the cluster API endpoint, e.g. the Chainguard
   * Enforce ranges) become public access CIDRs. Every other row is skipped (see `skippedRequirements`; render the node
   * rows with `SecurityGroupRules` or `NetworkFirewallDomainAllowlist`).
   * @default []
   */
  readonly requirementSets?: RequirementSet[];
  /**
   * One requirement set, merged into `requirementSets`.
   * @deprecated use `requirementSets`
   * @default - none
   */
  readonly requirements?: RequirementSet;
  /**
   * More networks to admit to the public endpoint (administrators, CI runners): their public addresses, as the
   * endpoint sees them. Private, shared (CGNAT), loopback, link-local, multicast and reserved ranges are refused.
   * A Terraform reference is kept as given and counted as one entry.
   * @default []
   */
  readonly cidrs?: UserCidr[];
  /**
   * Networks to admit, merged into `cidrs`.
   * @deprecated use `cidrs`
   * @default []
   */
  readonly publicAccessCidrs?: UserCidr[];
  /**
   * The public addresses the nodes (and Fargate pods) leave the VPC from, e.g. the NAT gateways' Elastic IPs.
   * Required when the public endpoint is restricted and private access is off, because the nodes then reach
   * the API server through the public endpoint. Admitted whenever given; the subnets' private ranges are refused.
   * A Terraform reference must render a CIDR, e.g. `${aws_eip.nat.public_ip}/32`.
   * @default []
   */
  readonly nodeEgressCidrs?: UserCidr[];
  /**
   * Whether the API server is reachable from inside the VPC (`endpoint_private_access`).
   * @default true
   */
  readonly endpointPrivateAccess?: boolean;
  /**
   * Whether the API server has a public endpoint (`endpoint_public_access`).
   * @default true
   */
  readonly endpointPublicAccess?: boolean;
  /**
   * The cluster's IP family: IPv6 CIDRs can only be admitted on an IPv6 cluster.
   * @default EksIpFamily.IPV4
   */
  readonly ipFamily?: EksIpFamily;
  /**
   * Whether the admitted networks may cover every address (`0.0.0.0/0`, or ranges that together cover it): the
   * named opt-in for a public endpoint open to everyone. Without it such a list is refused.
   * @default false
   */
  readonly allowAnyAddress?: boolean;
}

/** The endpoint part of an `aws_eks_cluster` `vpc_config`. */
export interface EksEndpointSettings {
  /** `endpoint_private_access`. */
  readonly endpointPrivateAccess: boolean;
  /** `endpoint_public_access`. */
  readonly endpointPublicAccess: boolean;
  /** Aggregated CIDRs, sorted; empty when the public endpoint is off. */
  readonly publicAccessCidrs: string[];
}

const PROP_NAMES = ['requirementSets', 'requirements', ...EKS_ENDPOINT_OPTION_NAMES];

/**
 * The endpoint settings of an `aws_eks_cluster` (`endpoint_public_access`, `endpoint_private_access`,
 * `public_access_cidrs`) for the CONTROL_PLANE rows of requirement sets plus user CIDRs, aggregated exactly, at
 * most 40. Apply them with `applyTo(cluster)` or `toVpcConfig(subnetIds)`.
 *
 * What it lets through: HTTPS to the public endpoint from exactly those networks (and, with private access, from
 * inside the VPC). What it drops: every other source at the public endpoint.
 *
 * Secure by default: private access is on, and the public endpoint is never left open to every address by omission
 * (EKS's default when the list is empty) or by a list that covers every address: that takes `allowAnyAddress`.
 * Non-public ranges (RFC 1918, CGNAT, loopback, link-local, multicast, reserved; IPv6 loopback, unique local,
 * link-local, multicast) are refused wherever they come from: EKS rejects reserved addresses, and they never
 * reach a public endpoint.
 */
export class EksEndpointAccess {
  /** Plans and validates the endpoint settings. */
  public static fromRequirements(props: EksEndpointAccessProps): EksEndpointAccess {
    const call = withCallOrigin(NAME, props);
    const check = new InputCheck(call.owner);
    const p = check.props(call.props, PROP_NAMES) as unknown as Record<string, unknown>;
    const sets = check.requirementSets('requirementSets', p.requirementSets, { optional: true });
    if (p.requirements !== undefined) sets.push(check.requirementSet('requirements', p.requirements));
    const options = checkEksEndpointOptions(check, p);
    return new EksEndpointAccess(planEksEndpointAccess(RequirementSet.union(sets), options, check));
  }

  /** `endpoint_private_access`. */
  public readonly endpointPrivateAccess: boolean;
  /** `endpoint_public_access`. */
  public readonly endpointPublicAccess: boolean;
  /**
   * `public_access_cidrs`: literal CIDRs aggregated and sorted (IPv4 first), then Terraform references in the
   * order given; empty when the public endpoint is off.
   */
  public readonly publicAccessCidrs: readonly string[];
  /** The requirements that became public access CIDRs (the CONTROL_PLANE rows). */
  public readonly requirements: readonly Requirement[];
  /** Requirements that do not land on the API endpoint (node egress, service rows); render them elsewhere. */
  public readonly skippedRequirements: readonly Requirement[];

  private constructor(plan: EksEndpointPlan) {
    this.endpointPrivateAccess = plan.endpointPrivateAccess;
    this.endpointPublicAccess = plan.endpointPublicAccess;
    this.publicAccessCidrs = plan.publicAccessCidrs;
    this.requirements = plan.requirements;
    this.skippedRequirements = plan.skippedRequirements;
  }

  /** The endpoint settings as plain values. */
  public get settings(): EksEndpointSettings {
    return {
      endpointPrivateAccess: this.endpointPrivateAccess,
      endpointPublicAccess: this.endpointPublicAccess,
      publicAccessCidrs: [...this.publicAccessCidrs],
    };
  }

  /**
   * A whole `vpc_config` block for `new EksCluster(...)`.
   * @param subnetIds the cluster's subnets (a list, or a Terraform list reference)
   * @param securityGroupIds extra security groups for the control-plane network interfaces
   */
  public toVpcConfig(subnetIds: string[], securityGroupIds?: string[]): EksClusterVpcConfig {
    const check = new InputCheck(`${NAME}.toVpcConfig`);
    const subnets = check.stringArray('subnetIds', subnetIds, { nonEmpty: true });
    const groups = check.stringArray('securityGroupIds', securityGroupIds, { optional: true });
    return {
      subnetIds: subnets,
      ...(groups.length > 0 ? { securityGroupIds: groups } : {}),
      endpointPrivateAccess: this.endpointPrivateAccess,
      endpointPublicAccess: this.endpointPublicAccess,
      ...(this.endpointPublicAccess ? { publicAccessCidrs: [...this.publicAccessCidrs] } : {}),
    };
  }

  /** Sets the endpoint settings on an existing cluster's `vpc_config` (its subnets and groups stay). */
  public applyTo(cluster: EksCluster): void {
    if (!(cluster instanceof EksCluster)) {
      throw invalidValue('cluster', describeValue(cluster), `${NAME}.applyTo`, 'Give the EksCluster construct whose vpc_config to set.', 'invalid-type');
    }
    cluster.vpcConfig.endpointPrivateAccess = this.endpointPrivateAccess;
    cluster.vpcConfig.endpointPublicAccess = this.endpointPublicAccess;
    if (this.endpointPublicAccess) cluster.vpcConfig.publicAccessCidrs = [...this.publicAccessCidrs];
    else cluster.vpcConfig.resetPublicAccessCidrs();
    warnRetiredCatalogs(cluster, this.requirements);
  }
}
