import { Cidr, IpVersion } from '../../../model/cidr';
import { invalidValue, unsupportedPeer } from '../../../model/errors';
import { InputCheck, isTerraformReference } from '../../../model/input';
import { sourceKey } from '../../../model/provenance';
import { Requirement } from '../../../model/requirement';
import { RequirementSet } from '../../../model/requirement-set';
import { assertNotAnyAddressList, CidrEntry, fullyCoveredVersions } from '../../../model/any-address';
import { CONTROL_PLANE_FLOW, selectControlPlaneRequirements } from '../../../plan/control-plane-access';
import { aggregateCidrs } from '../../../plan/flow-group';
import { assertWithinLimit, LIMITS } from '../../../plan/limits';
import { UserCidr, userCidrRequirements } from '../../../plan/user-cidrs';

// Planning of EKS endpoint access, free of cdktf: `EksEndpointAccess` and the `eks-endpoint-access` export target
// compute the same settings.

const TARGET = 'EKS public access CIDRs';

/**
 * Ranges that never reach a public endpoint. EKS refuses public access CIDRs that "include reserved addresses",
 * and traffic from these ranges arrives at the public endpoint translated to a public address anyway, so an
 * entry here is a mistake (usually the VPC or office subnet instead of its NAT address). Kept to the ranges a
 * user pastes by accident; documentation ranges (192.0.2.0/24, 2001:db8::/32) are left out, being public in form.
 * Networks that together cover every address overlap them all; they pass only with `allowAnyAddress`.
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

/** The props of `EksEndpointAccess` other than the requirement sets (shared with the export target). */
export const EKS_ENDPOINT_OPTION_NAMES = ['cidrs', 'publicAccessCidrs', 'nodeEgressCidrs', 'endpointPrivateAccess', 'endpointPublicAccess', 'ipFamily', 'allowAnyAddress'] as const;

/** Checked options of EKS endpoint access. */
export interface EksEndpointOptions {
  readonly cidrs: readonly UserCidr[];
  /** The deprecated alias of `cidrs`, kept apart so that errors name the prop an entry came from. */
  readonly publicAccessCidrs: readonly UserCidr[];
  readonly nodeEgressCidrs: readonly UserCidr[];
  readonly endpointPrivateAccess: boolean;
  readonly endpointPublicAccess: boolean;
  readonly ipFamily: EksIpFamily;
  readonly allowAnyAddress: boolean;
}

/** The planned endpoint settings. */
export interface EksEndpointPlan {
  readonly endpointPrivateAccess: boolean;
  readonly endpointPublicAccess: boolean;
  /**
   * `public_access_cidrs`: literal CIDRs aggregated and sorted (IPv4 first), then Terraform references in the order
   * given; empty when the public endpoint is off.
   */
  readonly publicAccessCidrs: readonly string[];
  /** The requirements that became public access CIDRs (exactly the CONTROL_PLANE rows). */
  readonly requirements: readonly Requirement[];
  /** Requirements that do not land on the API endpoint; render them with the node-level targets. */
  readonly skippedRequirements: readonly Requirement[];
}

/** Checks a list of `{ cidr, purpose }` entries at runtime (types and unknown keys; the CIDRs are parsed later). */
export function checkUserCidrs(check: InputCheck, name: string, value: unknown): UserCidr[] {
  return check.array(
    name,
    value,
    (item, where) => {
      const entry = new InputCheck(where);
      if (typeof item === 'string') {
        throw invalidValue(`${name} entry (string, expected { cidr, purpose })`, item, where, `Give { cidr: ${JSON.stringify(item)}, purpose: 'what the network is' }.`, 'invalid-type');
      }
      const p = entry.props(item as UserCidr, ['cidr', 'purpose']);
      const cidr = entry.string('cidr', p.cidr, { hint: "Give the network as a string, e.g. cidr: '203.0.113.0/24'." });
      const purpose = entry.optionalString('purpose', p.purpose, { allowReference: false, hint: 'Give the purpose as plain text, e.g. purpose: "office".' });
      return purpose === undefined ? { cidr } : { cidr, purpose };
    },
    { optional: true },
  );
}

/** Checks the options at runtime (shared by `EksEndpointAccess` and the export target). */
export function checkEksEndpointOptions(check: InputCheck, props: Readonly<Record<string, unknown>>): EksEndpointOptions {
  return {
    cidrs: checkUserCidrs(check, 'cidrs', props.cidrs),
    publicAccessCidrs: checkUserCidrs(check, 'publicAccessCidrs', props.publicAccessCidrs),
    nodeEgressCidrs: checkUserCidrs(check, 'nodeEgressCidrs', props.nodeEgressCidrs),
    endpointPrivateAccess: check.boolean('endpointPrivateAccess', props.endpointPrivateAccess, true),
    endpointPublicAccess: check.boolean('endpointPublicAccess', props.endpointPublicAccess, true),
    ipFamily: check.enumValue('ipFamily', props.ipFamily, Object.values(EksIpFamily), EksIpFamily.IPV4),
    allowAnyAddress: check.boolean('allowAnyAddress', props.allowAnyAddress, false),
  };
}

/**
 * Plans the endpoint settings: exactly the CONTROL_PLANE rows of the set plus the user's networks, aggregated
 * exactly, at most 40; a list that covers every address needs `allowAnyAddress`; non-public ranges are refused.
 * @param owner named in errors, e.g. `EksEndpointAccess` or `export eks-endpoint-access spec.target`
 */
export function planEksEndpointAccess(requirements: RequirementSet, o: EksEndpointOptions, check: InputCheck): EksEndpointPlan {
  const owner = check.owner;
  const { accepted, skipped } = selectControlPlaneRequirements(requirements, TARGET);
  // Each list is parsed on its own so that errors name the list and the position in it. Terraform references
  // (e.g. `${aws_eip.nat.public_ip}/32`) resolve at apply: kept as given, one entry each.
  const lists = [
    { name: 'cidrs', entries: o.cidrs },
    { name: 'publicAccessCidrs', entries: o.publicAccessCidrs },
    { name: 'nodeEgressCidrs', entries: o.nodeEgressCidrs },
  ] as const;
  const admins = [...o.cidrs, ...o.publicAccessCidrs];
  const nodeEgress = o.nodeEgressCidrs;
  const userRows = lists.flatMap((l) => userCidrRequirements(l.entries, CONTROL_PLANE_FLOW, check.where(l.name), isTerraformReference).requirements);
  const references = lists.flatMap((l) => l.entries.map((c) => c.cidr).filter(isTerraformReference));
  const planned = aggregateCidrs([...accepted, ...userRows]);

  if (!o.endpointPublicAccess && !o.endpointPrivateAccess) {
    throw invalidValue(
      'endpoint settings',
      'endpointPublicAccess=false, endpointPrivateAccess=false',
      owner,
      'Nothing could reach the API server: enable the private endpoint, the public one, or both.',
    );
  }
  if (!o.endpointPublicAccess) {
    if (accepted.length > 0) {
      const first = accepted[0];
      throw invalidValue(
        'endpointPublicAccess',
        'false',
        `${owner} (${accepted.length} required networks, e.g. ${first.peer.toString()} from ${sourceKey(first.primarySource)})`,
        'These peers reach the API server from outside the VPC: enable the public endpoint, or drop the requirements that need it.',
      );
    }
    if (admins.length + nodeEgress.length > 0) {
      throw invalidValue(
        'endpointPublicAccess',
        'false',
        check.where(lists.find((l) => l.entries.length > 0)?.name ?? 'cidrs'),
        'CIDRs only apply to the public endpoint: enable it, or leave cidrs and nodeEgressCidrs empty.',
      );
    }
    return { endpointPrivateAccess: o.endpointPrivateAccess, endpointPublicAccess: false, publicAccessCidrs: [], requirements: [], skippedRequirements: [...skipped] };
  }

  // Every address, judged by coverage: the named opt-in or a refusal naming the entries.
  const entries: CidrEntry[] = [
    ...accepted.map((r) => ({ cidr: r.peer.cidr as Cidr, origin: `${sourceKey(r.primarySource)}: ${r.purpose}` })),
    ...lists.flatMap((l) =>
      l.entries.flatMap((c, i) => {
        const origin = `${check.where(l.name)}[${i}]`;
        return isTerraformReference(c.cidr) ? [] : [{ cidr: Cidr.parse(c.cidr, origin), origin }];
      }),
    ),
  ];
  if (!o.allowAnyAddress) {
    assertNotAnyAddressList(
      entries,
      'public access CIDRs',
      owner,
      'That opens the public endpoint to everyone: give the networks that need it, or opt in with allowAnyAddress: true.',
    );
  }
  const everyone = fullyCoveredVersions(entries.map((e) => e.cidr));
  for (const e of entries) if (!everyone.includes(e.cidr.version)) assertPublic(e.cidr, e.origin);

  if (planned.length + references.length === 0) {
    throw invalidValue(
      'cidrs',
      '[]',
      owner,
      "An empty list leaves the public endpoint open to 0.0.0.0/0 (the EKS default). Give the CIDRs to admit, set endpointPublicAccess to false, or admit everyone explicitly: cidrs: [{ cidr: '0.0.0.0/0' }] with allowAnyAddress: true.",
    );
  }
  if (!o.endpointPrivateAccess && nodeEgress.length === 0 && !planned.some((n) => n.cidr.prefix === 0)) {
    throw invalidValue(
      'endpointPrivateAccess',
      'false',
      owner,
      'With private access off, the nodes reach the API server through the restricted public endpoint: give their egress (NAT gateway) addresses in nodeEgressCidrs, or enable private access.',
    );
  }
  if (o.ipFamily === EksIpFamily.IPV4) {
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
    owner,
    'The quota is not adjustable: admit fewer networks (combine them into wider ranges you own), or reach the API server through the private endpoint (VPN, bastion) and drop the public CIDRs.',
  );
  return { endpointPrivateAccess: o.endpointPrivateAccess, endpointPublicAccess: true, publicAccessCidrs: cidrs, requirements: [...accepted], skippedRequirements: [...skipped] };
}

/** Refuses a public access CIDR that overlaps a non-public range. */
function assertPublic(cidr: Cidr, origin: string): void {
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
