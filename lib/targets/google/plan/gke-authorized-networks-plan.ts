// Planning of GkeAuthorizedNetworks, free of cdktf and provider bindings (reused by the plain-Terraform exporter).
import { IpVersion } from '../../../model/cidr';
import { invalidValue, unsupportedPeer } from '../../../model/errors';
import { describeValue, InputCheck, isTerraformReference } from '../../../model/input';
import { sourceKey } from '../../../model/provenance';
import { Requirement } from '../../../model/requirement';
import { RequirementSet } from '../../../model/requirement-set';
import { assertNotAnyAddressList } from '../../../model/any-address';
import { CONTROL_PLANE_FLOW, purposesOf, selectControlPlaneRequirements } from '../../../plan/control-plane-access';
import { aggregateCidrs } from '../../../plan/flow-group';
import { assertWithinLimit, LIMITS } from '../../../plan/limits';
import { sanitizeText } from '../../../plan/naming';
import { DEFAULT_USER_CIDR_PURPOSE, UserCidr, userCidrRequirements } from '../../../plan/user-cidrs';

/**
 * Characters kept in a display name. The API and the provider document neither a character set nor a length
 * for `display_name`, so names are kept plain and short enough to read in the console list.
 */
export const GKE_DISPLAY_NAME_CHARACTERS = 'a-zA-Z0-9 ._:/(),-';
/** Longest display name written (see GKE_DISPLAY_NAME_CHARACTERS). */
export const GKE_DISPLAY_NAME_MAX_LENGTH = 100;

const TARGET = 'GKE master authorized networks';

/** Every prop `GkeAuthorizedNetworks.fromRequirements` takes. */
export const GKE_AUTHORIZED_NETWORKS_PROPS: readonly string[] = ['requirementSets', 'requirements', 'cidrs', 'privateCluster', 'gcpPublicCidrsAccessEnabled'];

/** One entry of `cidr_blocks`. */
export interface GkeAuthorizedNetwork {
  /** IPv4 CIDR, or a Terraform reference kept as given. */
  readonly cidrBlock: string;
  /** Purposes of the requirements it covers, sanitized. */
  readonly displayName: string;
}

/** What `master_authorized_networks_config` gets. */
export interface GkeAuthorizedNetworksPlan {
  /** Literal networks sorted by address, then Terraform references in the order given. */
  readonly networks: GkeAuthorizedNetwork[];
  /** The entry limit that was checked (50 or 100). */
  readonly limit: number;
  readonly gcpPublicCidrsAccessEnabled: boolean;
  /** The rows of the requirement sets that became networks (the control-plane rows; user CIDRs are not included). */
  readonly requirements: Requirement[];
  /** Rows that do not land on the control plane (render node rows with GcpFirewall). */
  readonly skippedRequirements: Requirement[];
}

/**
 * Checks the props (runtime types, unknown keys) and plans the authorized networks: exactly the control-plane rows
 * plus the user's networks, aggregated exactly, IPv4 only, never a set that covers every address, within the limit.
 * @param props the props (or `spec.target` of an export)
 * @param owner named in errors, e.g. `GkeAuthorizedNetworks.fromRequirements`
 */
export function planGkeAuthorizedNetworks(props: unknown, owner: string, extraSets: readonly RequirementSet[] = []): GkeAuthorizedNetworksPlan {
  const check = new InputCheck(owner);
  const p = check.props(props as Record<string, unknown>, GKE_AUTHORIZED_NETWORKS_PROPS, false);
  const sets = [...extraSets, ...check.requirementSets('requirementSets', p.requirementSets, { optional: true })];
  if (p.requirements !== undefined) sets.push(check.requirementSet('requirements', p.requirements));
  const cidrs = checkUserCidrs(check, p.cidrs);
  const privateCluster = check.boolean('privateCluster', p.privateCluster, false);
  const gcpPublicCidrsAccessEnabled = check.boolean('gcpPublicCidrsAccessEnabled', p.gcpPublicCidrsAccessEnabled, false);

  const { accepted, skipped } = selectControlPlaneRequirements(RequirementSet.union(sets), TARGET);
  const user = userCidrRequirements(cidrs, CONTROL_PLANE_FLOW, `${owner} cidrs`, isTerraformReference);
  const literal = [...accepted, ...user.requirements];
  assertNotAnyAddressList(
    literal.map((r) => ({ cidr: r.peer.cidr!, origin: `${r.peer.value} from ${sourceKey(r.primarySource)}: ${r.purpose}` })),
    'authorized network',
    owner,
    'GKE master authorized networks take the networks that may reach the API server, and there is no opt-in for every address: list your networks. For Google Compute Engine public addresses set gcpPublicCidrsAccessEnabled: true; to leave the endpoint open to everyone, do not configure authorized networks.',
  );
  const planned = aggregateCidrs(literal);
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
    ...cidrs.filter((c) => isTerraformReference(c.cidr)).map((c) => ({ cidrBlock: c.cidr, displayName: displayName([c.purpose?.trim() || DEFAULT_USER_CIDR_PURPOSE]) })),
  ];
  const limit = privateCluster ? LIMITS.gkeAuthorizedNetworksPrivate : LIMITS.gkeAuthorizedNetworksPublic;
  assertWithinLimit(
    `${TARGET} (${privateCluster ? 'private' : 'public'} cluster)`,
    networks.length,
    limit,
    owner,
    privateCluster
      ? 'Admit fewer networks (combine them into wider ranges you own), or reach the control plane through a bastion or VPN inside the VPC.'
      : 'Admit fewer networks (combine them into wider ranges you own), or make the cluster private (100 networks) and set privateCluster.',
  );
  return { networks, limit, gcpPublicCidrsAccessEnabled, requirements: [...accepted], skippedRequirements: [...skipped] };
}

/** `cidrs`: an array of `{ cidr, purpose? }` with string values (a bare string or a misspelt key is refused). */
export function checkUserCidrs(check: InputCheck, value: unknown): UserCidr[] {
  return check.array(
    'cidrs',
    value,
    (item, where) => {
      const example = 'Give { cidr: "203.0.113.0/24", purpose: "office" }';
      if (item === null || typeof item !== 'object' || Array.isArray(item)) {
        throw invalidValue('user CIDR entry', describeValue(item), where, `${example}.`, 'invalid-type');
      }
      const entryCheck = new InputCheck(where);
      const entry = entryCheck.props(item as Record<string, unknown>, ['cidr', 'purpose']);
      const cidr = entryCheck.string('cidr', entry.cidr, { hint: `${example}.` });
      const purpose = entryCheck.optionalString('purpose', entry.purpose, { allowReference: false, hint: `${example}; purpose is plain text.` });
      return purpose === undefined ? { cidr } : { cidr, purpose };
    },
    { optional: true },
  );
}
