import { EksCluster, EksClusterVpcConfig } from '@cdktf/provider-aws/lib/eks-cluster';
import { Token } from 'cdktf';
import { Cidr, IpVersion } from '../../model/cidr';
import { invalidValue, unsupportedPeer } from '../../model/errors';
import { sourceKey } from '../../model/provenance';
import { Requirement } from '../../model/requirement';
import { RequirementSet } from '../../model/requirement-set';
import { CONTROL_PLANE_FLOW, selectControlPlaneRequirements } from '../../plan/control-plane-access';
import { aggregateCidrs } from '../../plan/flow-group';
import { assertWithinLimit, LIMITS } from '../../plan/limits';
import { UserCidr, userCidrRequirements } from '../../plan/user-cidrs';

const TARGET = 'EKS public access CIDRs';
const ORIGIN = 'EksEndpointAccess';

/**
 * Ranges that never reach a public endpoint. EKS refuses public access CIDRs that "include reserved addresses",
 * and traffic from these ranges arrives at the public endpoint translated to a public address anyway, so an
 * entry here is a mistake (usually the VPC or office subnet instead of its NAT address). Kept to the ranges a
 * user pastes by accident; documentation ranges (192.0.2.0/24, 2001:db8::/32) are left out, being public in form.
 * `0.0.0.0/0` and `::/0` overlap them all but stay allowed: they are the explicit "everyone" choice.
 */
const NON_PUBLIC_RANGES: ReadonlyArray<{ readonly cidr: Cidr; readonly name: string }> = (
  [
    ['0.0.0.0/8', '"this network", RFC 1122'],
    ['10.0.0.0/8', 'private, RFC 1918'],
    ['100.64.0.0/10', 'shared carrier-grade NAT space, RFC 6598'],
    ['127.0.0.0/8', 'loopback, RFC 1122'],
    ['169.254.0.0/16', 'link-local, RFC 3927'],
    ['172.16.0.0/12', 'private, RFC 1918'],
    ['192.168.0.0/16', 'private, RFC 1918'],
    ['224.0.0.0/4', 'multicast, RFC 5771'],
    ['240.0.0.0/4', 'reserved and broadcast, RFC 1112'],
    ['::/128', 'unspecified address, RFC 4291'],
    ['::1/128', 'loopback, RFC 4291'],
    ['fc00::/7', 'unique local, RFC 4193'],
    ['fe80::/10', 'link-local, RFC 4291'],
    ['ff00::/8', 'multicast, RFC 4291'],
  ] as const
).map(([cidr, name]) => ({ cidr: Cidr.parse(cidr), name }));

/** The IP family of an EKS cluster's Kubernetes network. */
export enum EksIpFamily {
  IPV4 = 'ipv4',
  IPV6 = 'ipv6',
}

/** Properties of `EksEndpointAccess`. */
export interface EksEndpointAccessProps {
  /**
   * Requirements whose ingress CIDRs must reach the API server (ingress over TCP, HTTPS or any protocol,
   * including port 443), e.g. a Chainguard Enforce profile. Other requirements are skipped (see
   * `skippedRequirements`; render them with `SecurityGroupRules` or `NetworkFirewallDomainAllowlist`).
   * @default - none
   */
  readonly requirements?: RequirementSet;
  /**
   * More networks to admit to the public endpoint (administrators, CI runners): their public addresses, as the
   * endpoint sees them. Private, shared (CGNAT), loopback, link-local, multicast and reserved ranges are refused.
   * A Terraform reference is kept as given and counted as one entry.
   * @default []
   */
  readonly publicAccessCidrs?: UserCidr[];
  /**
   * The public addresses the nodes (and Fargate pods) leave the VPC from, e.g. the NAT gateways' Elastic IPs.
   * Required when the public endpoint is restricted and private access is off, because the nodes then reach
   * the API server through the public endpoint. Admitted whenever given; the subnets' private ranges are refused.
   * A Terraform reference must render a CIDR, e.g. `${eip.publicIp}/32`.
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

/**
 * The endpoint settings of an `aws_eks_cluster` (`endpoint_public_access`, `endpoint_private_access`,
 * `public_access_cidrs`) for the ingress CIDR requirements plus user CIDRs, aggregated exactly, at most 40.
 *
 * Secure by default: private access is on, and the public endpoint is never left open to `0.0.0.0/0` by
 * omission (EKS's default when the list is empty); to admit everyone, pass `0.0.0.0/0` explicitly.
 * Non-public ranges (RFC 1918, CGNAT, loopback, link-local, multicast, reserved; IPv6 loopback, unique local,
 * link-local, multicast) are refused wherever they come from: EKS rejects reserved addresses, and they never
 * reach a public endpoint.
 */
export class EksEndpointAccess {
  /** Plans and validates the endpoint settings. */
  public static fromRequirements(props: EksEndpointAccessProps): EksEndpointAccess {
    const endpointPrivateAccess = props.endpointPrivateAccess ?? true;
    const endpointPublicAccess = props.endpointPublicAccess ?? true;
    const ipFamily = props.ipFamily ?? EksIpFamily.IPV4;
    const { accepted, skipped } = selectControlPlaneRequirements(props.requirements, TARGET);
    // Each list is parsed on its own so that errors name the list and the position in it. Terraform references
    // (e.g. `${eip.publicIp}/32`) resolve at apply: kept as given, one entry each.
    const isReference = (text: string) => Token.isUnresolved(text);
    const admins = props.publicAccessCidrs ?? [];
    const nodeEgress = props.nodeEgressCidrs ?? [];
    const adminRequirements = userCidrRequirements(admins, CONTROL_PLANE_FLOW, `${ORIGIN} publicAccessCidrs`, isReference);
    const nodeRequirements = userCidrRequirements(nodeEgress, CONTROL_PLANE_FLOW, `${ORIGIN} nodeEgressCidrs`, isReference);
    const references = [...admins, ...nodeEgress].map((c) => c.cidr).filter(isReference);
    const planned = aggregateCidrs([...accepted, ...adminRequirements.requirements, ...nodeRequirements.requirements]);

    if (!endpointPublicAccess && !endpointPrivateAccess) {
      throw invalidValue(
        'endpoint settings',
        'endpointPublicAccess=false, endpointPrivateAccess=false',
        ORIGIN,
        'Nothing could reach the API server: enable the private endpoint, the public one, or both.',
      );
    }
    if (!endpointPublicAccess) {
      if (accepted.length > 0) {
        const first = accepted[0];
        throw invalidValue(
          'endpointPublicAccess',
          'false',
          `${ORIGIN} (${accepted.length} required networks, e.g. ${first.peer.toString()} from ${sourceKey(first.primarySource)})`,
          'These peers reach the API server from outside the VPC: enable the public endpoint, or drop the requirements that need it.',
        );
      }
      if (admins.length + nodeEgress.length > 0) {
        throw invalidValue(
          'endpointPublicAccess',
          'false',
          `${ORIGIN} ${admins.length > 0 ? 'publicAccessCidrs' : 'nodeEgressCidrs'}`,
          'CIDRs only apply to the public endpoint: enable it, or leave publicAccessCidrs and nodeEgressCidrs empty.',
        );
      }
      return new EksEndpointAccess(endpointPrivateAccess, false, [], [], [...skipped]);
    }
    for (const r of accepted) assertPublic(r.peer.cidr as Cidr, `${sourceKey(r.primarySource)}: ${r.purpose}`);
    for (const [list, name] of [
      [admins, 'publicAccessCidrs'],
      [nodeEgress, 'nodeEgressCidrs'],
    ] as const) {
      // Entries were validated above; parsed again here so that errors name the position in the list.
      list.forEach((entry, i) => {
        if (!isReference(entry.cidr)) assertPublic(Cidr.parse(entry.cidr), `${ORIGIN} ${name}[${i}]`);
      });
    }

    if (planned.length + references.length === 0) {
      throw invalidValue(
        'publicAccessCidrs',
        '[]',
        ORIGIN,
        'An empty list leaves the public endpoint open to 0.0.0.0/0 (the EKS default). Give the CIDRs to admit, set endpointPublicAccess to false, or pass 0.0.0.0/0 explicitly.',
      );
    }
    if (!endpointPrivateAccess && nodeEgress.length === 0 && !planned.some((n) => n.cidr.prefix === 0)) {
      throw invalidValue(
        'endpointPrivateAccess',
        'false',
        ORIGIN,
        'With private access off, the nodes reach the API server through the restricted public endpoint: give their egress (NAT gateway) addresses in nodeEgressCidrs, or enable private access.',
      );
    }
    if (ipFamily === EksIpFamily.IPV4) {
      const v6 = planned.find((n) => n.cidr.version === IpVersion.IPV6);
      if (v6) {
        throw unsupportedPeer(
          `${TARGET} of an IPv4 cluster`,
          v6.cidr.toString(),
          [...new Set(v6.requirements.map((r) => sourceKey(r.primarySource)))].join(', '),
          'IPv6 CIDRs cannot be added to an IPv4 cluster',
          'Give the IPv4 ranges the peer connects from, or set ipFamily to EksIpFamily.IPV6 for an IPv6 cluster.',
        );
      }
    }
    const cidrs = [...planned.map((n) => n.cidr.toString()), ...references];
    assertWithinLimit(
      TARGET,
      cidrs.length,
      LIMITS.eksPublicAccessCidrs,
      ORIGIN,
      'The quota is not adjustable: admit fewer networks (combine them into wider ranges you own), or reach the API server through the private endpoint (VPN, bastion) and drop the public CIDRs.',
    );
    return new EksEndpointAccess(endpointPrivateAccess, true, cidrs, [...accepted], [...skipped]);
  }

  private constructor(
    /** `endpoint_private_access`. */
    public readonly endpointPrivateAccess: boolean,
    /** `endpoint_public_access`. */
    public readonly endpointPublicAccess: boolean,
    /**
     * `public_access_cidrs`: literal CIDRs aggregated and sorted (IPv4 first), then Terraform references in the
     * order given; empty when the public endpoint is off.
     */
    public readonly publicAccessCidrs: readonly string[],
    /** The requirements that became public access CIDRs. */
    public readonly requirements: readonly Requirement[],
    /** Requirements that do not reach the API server (egress, ingress to other ports); render them elsewhere. */
    public readonly skippedRequirements: readonly Requirement[],
  ) {}

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
   * @param subnetIds the cluster's subnets
   * @param securityGroupIds extra security groups for the control-plane network interfaces
   */
  public toVpcConfig(subnetIds: string[], securityGroupIds?: string[]): EksClusterVpcConfig {
    return {
      subnetIds,
      ...(securityGroupIds && securityGroupIds.length > 0 ? { securityGroupIds } : {}),
      endpointPrivateAccess: this.endpointPrivateAccess,
      endpointPublicAccess: this.endpointPublicAccess,
      ...(this.endpointPublicAccess ? { publicAccessCidrs: [...this.publicAccessCidrs] } : {}),
    };
  }

  /** Sets the endpoint settings on an existing cluster's `vpc_config` (its subnets and groups stay). */
  public applyTo(cluster: EksCluster): void {
    cluster.vpcConfig.endpointPrivateAccess = this.endpointPrivateAccess;
    cluster.vpcConfig.endpointPublicAccess = this.endpointPublicAccess;
    if (this.endpointPublicAccess) cluster.vpcConfig.publicAccessCidrs = [...this.publicAccessCidrs];
    else cluster.vpcConfig.resetPublicAccessCidrs();
  }
}

/** Refuses a public access CIDR that overlaps a non-public range; `/0` is the explicit "everyone" and passes. */
function assertPublic(cidr: Cidr, origin: string): void {
  if (cidr.prefix === 0) return;
  const range = NON_PUBLIC_RANGES.find((n) => n.cidr.contains(cidr) || cidr.contains(n.cidr));
  if (range === undefined) return;
  throw unsupportedPeer(
    TARGET,
    cidr.toString(),
    origin,
    `it overlaps ${range.cidr.toString()} (${range.name}): EKS refuses reserved addresses, and such addresses never reach a public endpoint`,
    "Use the public egress address, e.g. the NAT gateway's Elastic IP; clients inside the VPC (or connected to it) reach the API server through the private endpoint.",
  );
}
