import { Cidr } from '../../../model/cidr';
import { invalidValue } from '../../../model/errors';
import { describeValue, InputCheck, isTerraformReference } from '../../../model/input';
import { sourceKey } from '../../../model/provenance';
import { Requirement } from '../../../model/requirement';
import { RequirementSet } from '../../../model/requirement-set';
import { assertNotAnyAddressList, CidrEntry } from '../../../model/any-address';
import { selectControlPlaneRequirements } from '../../../plan/control-plane-access';
import { assertWithinLimit, LIMITS } from '../../../plan/limits';
import { DEFAULT_USER_CIDR_PURPOSE, UserCidr } from '../../../plan/user-cidrs';

// Planning of AKS API server authorized IP ranges, shared by `AksAuthorizedIpRanges` and the plain-Terraform export
// target. No cdktf here: Terraform references are recognized by their encoded form.

/** The props `planAksAuthorizedIpRanges` checks (see `AksAuthorizedIpRangesProps` for their documentation). */
export const AKS_AUTHORIZED_IP_RANGES_PROPS: readonly string[] = ['requirementSets', 'cidrs', 'firewallPublicIps', 'privateCluster', 'apiServerVnetIntegration'];

/** The planned ranges. */
export interface AksAuthorizedIpRangesPlan {
  /** Literal CIDRs, aggregated exactly and sorted (IPv4 first). */
  readonly literalRanges: readonly string[];
  /** Terraform references, in the order given (firewall IPs as `<ip>/32`). */
  readonly referenceRanges: readonly string[];
  /** The control-plane requirements that became ranges. */
  readonly requirements: readonly Requirement[];
  /** Requirements that do not land on the cluster API endpoint (egress, node ingress, service rows). */
  readonly skipped: readonly Requirement[];
  /** The user networks given (literal or reference), with their purposes. */
  readonly userCidrs: readonly UserCidr[];
}

/** Options of the planning that differ between the construct and the export target. */
export interface AksAuthorizedIpRangesPlanOptions {
  /**
   * Ranges the caller adds at apply time (the export target's variables): an empty literal list is then not an error,
   * and the limit counts these too.
   * @default 0
   */
  readonly rangesAddedLater?: number;
}

const NO_OPT_IN =
  'There is no opt-in: authorized IP ranges exist to keep the API server from being reachable from every address ' +
  '(an empty list or a private cluster are the ways to other access models). Give the networks that need the API server.';

/**
 * Checks the props and computes the ranges: the CONTROL_PLANE rows of the sets (exactly those), the user CIDRs and
 * the firewall's public IPs (host addresses), aggregated exactly. A list that covers every address is refused.
 */
export function planAksAuthorizedIpRanges(props: unknown, check: InputCheck, options: AksAuthorizedIpRangesPlanOptions = {}): AksAuthorizedIpRangesPlan {
  const p = check.props(props as Record<string, unknown>, AKS_AUTHORIZED_IP_RANGES_PROPS);
  if (check.boolean('privateCluster', p.privateCluster, false)) {
    throw invalidValue(
      'privateCluster',
      'true',
      check.where('privateCluster'),
      'API server authorized IP ranges are not supported for private clusters: their API server has no public endpoint. ' +
        'Reach it from networks peered with the cluster network instead, or make the cluster public.',
    );
  }
  const vnet = check.boolean('apiServerVnetIntegration', p.apiServerVnetIntegration, false);
  const sets = check.requirementSets('requirementSets', p.requirementSets, { optional: true });
  const { accepted, skipped } = selectControlPlaneRequirements(RequirementSet.union(sets), 'AKS API server authorized IP ranges');

  const entries: CidrEntry[] = accepted.map((r) => ({ cidr: r.peer.cidr as Cidr, origin: `${sourceKey(r.primarySource)}: ${r.peer.toString()} (${r.purpose})` }));
  const references: string[] = [];
  const userCidrs = check.array('cidrs', p.cidrs, (item, where) => checkUserCidr(item, where), { optional: true });
  userCidrs.forEach((u, i) => {
    const where = `${check.where('cidrs')}[${i}]`;
    if (isTerraformReference(u.cidr)) references.push(u.cidr);
    else entries.push({ cidr: Cidr.parse(u.cidr, where), origin: where });
  });
  check.stringArray('firewallPublicIps', p.firewallPublicIps, { optional: true }).forEach((text, i) => {
    const where = `${check.where('firewallPublicIps')}[${i}]`;
    if (isTerraformReference(text)) references.push(`${text}/32`);
    else entries.push({ cidr: Cidr.parseHost(text, where, 'firewall public IP'), origin: where });
  });

  assertNotAnyAddressList(entries, 'authorized IP range', check.owner, NO_OPT_IN);
  const literalRanges = Cidr.aggregate(entries.map((e) => e.cidr)).map((c) => c.toString());
  const later = options.rangesAddedLater ?? 0;
  if (literalRanges.length + references.length + later === 0) {
    throw invalidValue(
      'authorized IP ranges',
      '[]',
      check.owner,
      'No range was computed, and an empty list leaves the API server open to every address. Pass the firewall public IPs, your networks (cidrs) or requirement sets with rows that land on the control plane.',
    );
  }
  assertWithinLimit(
    'AKS API server authorized IP ranges',
    literalRanges.length + references.length + later,
    vnet ? LIMITS.aksAuthorizedIpRangesVnetIntegration : LIMITS.aksAuthorizedIpRanges,
    check.owner,
    vnet
      ? 'Authorize fewer or wider networks, or use a private cluster.'
      : 'Authorize fewer or wider networks, or enable API Server VNet Integration (up to 2,000 ranges; set apiServerVnetIntegration).',
  );
  return { literalRanges, referenceRanges: references, requirements: accepted, skipped, userCidrs };
}

/** One `{ cidr, purpose }` entry (a plain string is refused with the fix: the prop changed from `string[]`). */
function checkUserCidr(item: unknown, where: string): UserCidr {
  if (item === null || typeof item !== 'object' || Array.isArray(item)) {
    throw invalidValue(
      'cidrs entry',
      describeValue(item),
      where,
      `Give { cidr: '203.0.113.0/24', purpose: 'operators' }${typeof item === 'string' ? ` (e.g. { cidr: ${JSON.stringify(item)}, purpose: '...' })` : ''}.`,
      'invalid-type',
    );
  }
  const entry = item as Record<string, unknown>;
  const check = new InputCheck(where);
  check.props(entry, ['cidr', 'purpose']);
  const cidr = check.string('cidr', entry.cidr, { hint: "Give cidr as a string, e.g. '203.0.113.0/24'." });
  const purpose = check.optionalString('purpose', entry.purpose, { allowReference: false }) ?? DEFAULT_USER_CIDR_PURPOSE;
  return { cidr, purpose };
}
