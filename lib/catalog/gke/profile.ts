import { FirewallRequirementsError, invalidValue, unknownOption } from '../../model/errors';
import { RequirementSet } from '../../model/requirement-set';
import { CatalogSection } from '../catalog-section';
import { declareOptions } from '../options/declare';
import { cliProfile } from '../options/profile';
import { readOptions } from '../options/read';
import { OptionType, ProfileDefinition } from '../profile-definition';
import { GKE_GOOGLE_API_ACCESS_MODES, GKE_PLACEHOLDER_HINTS, GkeGoogleApiAccess, GkePlaceholder } from './conditions';
import { gkeClusterFirewallRulesSection, gkeEgressDenySection } from './firewall-rules';
import { gkeGoogleApiDomainsSection, gkeGoogleApisIpv6Section, gkePrivateGoogleAccessSection, gkeRestrictedGoogleApisSection } from './google-apis';
import { GCP_REGION_PATTERN, GCP_ZONE_PATTERN, GKE_REGIONS } from './regions';
import { BoundedCache } from '../../model/bounded-cache';

/** Options of the GKE nodes profile. */
export interface GkeNodesProfileOptions {
  /** The cluster's Google Cloud region, e.g. `europe-west1` (see `GKE_REGIONS`). */
  readonly region: string;
  /**
   * Accept a region missing from `GKE_REGIONS`. The name must still look like a region (`europe-west1`).
   * @default false
   */
  readonly allowUnlistedRegion?: boolean;
  /**
   * How nodes reach Google APIs and registries: `private` (TCP 443 to private.googleapis.com, 199.36.153.8/30 and
   * 2600:2d00:2:2000::/64), `restricted` (TCP 443 to restricted.googleapis.com, 199.36.153.4/30 and
   * 2600:2d00:2:1000::/64) or `domains` (HTTPS 443 by name, with wildcards, for an egress proxy or an FQDN firewall
   * that matches them; `GcpFirewall` cannot render it). The ranges need private DNS zones that resolve the Google
   * domains to them (metadata `dns`). The IPv6 range comes with the IPv4 one because an egress deny of `::/0` (which
   * `GcpFirewall` adds) would otherwise cut dual-stack nodes off.
   * @default GkeGoogleApiAccess.RESTRICTED with vpcServiceControls, else GkeGoogleApiAccess.PRIVATE (renderable by GcpFirewall)
   */
  readonly googleApiAccess?: GkeGoogleApiAccess;
  /**
   * Whether the project is inside a VPC Service Controls perimeter, which needs restricted.googleapis.com.
   * @default false
   */
  readonly vpcServiceControls?: boolean;
  /**
   * The control plane's private endpoint address or range (`privateClusterConfig.masterIpv4CidrBlock`, a /28):
   * egress TCP 443 to it, and the ingress TCP 443 and 10250 from it that GKE's `-master` rule allows.
   */
  readonly controlPlaneCidrs: string[];
  /** The primary range(s) of the nodes' subnet: egress any protocol among the nodes. */
  readonly nodeCidrs: string[];
  /** The Pod range(s) of the cluster: egress any protocol to Pods. */
  readonly podCidrs: string[];
  /**
   * The Service range of the cluster: egress any protocol to ClusterIP addresses.
   * @default [] (no Service range row)
   */
  readonly serviceCidrs?: string[];
}

const PROFILE = 'gke';
const ORIGIN = `profile ${PROFILE}`;
const origin = (option: string) => `${ORIGIN} option ${option}`;

interface ValidOptions {
  readonly region: string;
  readonly googleApiAccess: GkeGoogleApiAccess;
  readonly controlPlaneCidrs: readonly string[];
  readonly nodeCidrs: readonly string[];
  readonly podCidrs: readonly string[];
  readonly serviceCidrs: readonly string[];
}

/**
 * What GKE nodes need when a VPC egress deny blocks everything else ("What a generator should do"): egress TCP 443
 * to the control plane, any protocol among nodes, Pods (and Services), Google APIs by name or through the
 * private/restricted range, and the ingress TCP 443/10250 from the control plane GKE's `-master` rule allows.
 * No rule for the metadata server (169.254.169.254): no stored Google text says a VPC rule is needed for it.
 *
 * @example gkeNodesProfile({ region: 'europe-west1', controlPlaneCidrs: ['172.16.0.0/28'], nodeCidrs: ['10.0.0.0/20'], podCidrs: ['10.4.0.0/14'] })
 */
export function gkeNodesProfile(options: GkeNodesProfileOptions): RequirementSet {
  const o = validate(options);
  const key = JSON.stringify(o);
  const cached = PROFILE_CACHE.get(key);
  if (cached) return cached;
  const api: Record<GkeGoogleApiAccess, () => CatalogSection[]> = {
    [GkeGoogleApiAccess.DOMAINS]: () => [gkeGoogleApiDomainsSection()],
    [GkeGoogleApiAccess.PRIVATE]: () => [gkePrivateGoogleAccessSection(), gkeGoogleApisIpv6Section('private')],
    [GkeGoogleApiAccess.RESTRICTED]: () => [gkeRestrictedGoogleApisSection(), gkeGoogleApisIpv6Section('restricted')],
  };
  const sections = [gkeEgressDenySection(o.serviceCidrs.length > 0), gkeClusterFirewallRulesSection(), ...api[o.googleApiAccess]()];
  const values: Record<string, string[]> = {
    [GkePlaceholder.REGION]: [o.region],
    [GkePlaceholder.CONTROL_PLANE]: [...o.controlPlaneCidrs],
    [GkePlaceholder.NODE_RANGE]: [...o.nodeCidrs],
    [GkePlaceholder.POD_RANGE]: [...o.podCidrs],
    ...(o.serviceCidrs.length > 0 ? { [GkePlaceholder.SERVICE_RANGE]: [...o.serviceCidrs] } : {}),
  };
  const set = RequirementSet.union(sections.map((s) => s.toSet()))
    .resolve(values, ORIGIN)
    .assertResolved(GKE_PLACEHOLDER_HINTS);
  PROFILE_CACHE.set(key, set);
  return set;
}

const PROFILE_CACHE = new BoundedCache<RequirementSet>('GKE profiles');

function validate(options: GkeNodesProfileOptions): ValidOptions {
  const o = readOptions(GKE_OPTION_SPECS, options, { origin: ORIGIN });
  const region = validateRegion(o.region, o.allowUnlistedRegion === true);
  const vpcServiceControls = o.vpcServiceControls === true;
  const access = o.googleApiAccess;
  if (vpcServiceControls && access !== undefined && access !== GkeGoogleApiAccess.RESTRICTED) {
    throw new FirewallRequirementsError(
      'conflicting-options',
      `Conflicting options vpcServiceControls=true and googleApiAccess=${access}`,
      access,
      origin('googleApiAccess'),
      'Inside a VPC Service Controls perimeter, Google APIs are reached through restricted.googleapis.com: set googleApiAccess to restricted, or leave it unset.',
    );
  }
  return {
    region,
    googleApiAccess: access ?? (vpcServiceControls ? GkeGoogleApiAccess.RESTRICTED : GkeGoogleApiAccess.PRIVATE),
    controlPlaneCidrs: o.controlPlaneCidrs,
    nodeCidrs: o.nodeCidrs,
    podCidrs: o.podCidrs,
    serviceCidrs: o.serviceCidrs ?? [],
  };
}

function validateRegion(value: string, allowUnlisted: boolean): string {
  const region = value.trim().toLowerCase();
  if (GKE_REGIONS.includes(region)) return region;
  const zone = GCP_ZONE_PATTERN.exec(region);
  if (zone) {
    throw invalidValue('region', value, origin('region'), `${region} is a zone: give its region, ${zone[1]}.`, 'unknown-option');
  }
  if (allowUnlisted && GCP_REGION_PATTERN.test(region)) return region;
  throw unknownOption(
    'Google Cloud region',
    value,
    origin('region'),
    GKE_REGIONS,
    allowUnlisted
      ? 'A region name looks like europe-west1.'
      : 'For a region opened after this list was compiled, set allowUnlistedRegion (CLI --allow-unlisted-region).',
  );
}

// --- The option table and the profile as the CLI sees it -------------------------------------------------------

const CIDR_EXAMPLE =
  "controlPlaneCidrs: ['172.16.0.0/28'], nodeCidrs: ['10.0.0.0/20'], podCidrs: ['10.4.0.0/14'] (CLI --control-plane-cidrs 172.16.0.0/28 --node-cidrs 10.0.0.0/20 --pod-cidrs 10.4.0.0/14)";

/** The options of the GKE profile, one per `GkeNodesProfileOptions` property (the compiler checks both list the same). */
export const GKE_OPTION_SPECS = declareOptions<GkeNodesProfileOptions>({
  region: {
    type: OptionType.STRING,
    required: true,
    missing: { reason: "the Artifact Registry host of the cluster's region is named after it", example: "region: 'europe-west1' (CLI --region europe-west1)" },
    hint: 'Give the region name as a string, e.g. europe-west1.',
    description: "The cluster's Google Cloud region, e.g. europe-west1.",
  },
  allowUnlistedRegion: { type: OptionType.BOOLEAN, defaultValue: false, description: 'Accept a region missing from the built-in list.' },
  googleApiAccess: {
    type: OptionType.CHOICE,
    choices: GKE_GOOGLE_API_ACCESS_MODES,
    label: 'Google API access mode',
    description:
      'Google APIs via private.googleapis.com 199.36.153.8/30 + 2600:2d00:2:2000::/64 (private), restricted.googleapis.com 199.36.153.4/30 + 2600:2d00:2:1000::/64 (restricted), or by name with wildcards (domains: a proxy, not GcpFirewall).',
    defaultText: 'restricted with --vpc-service-controls, else private',
  },
  vpcServiceControls: { type: OptionType.BOOLEAN, defaultValue: false, description: 'The project is in a VPC Service Controls perimeter.' },
  controlPlaneCidrs: {
    type: OptionType.CIDR_LIST,
    required: true,
    missing: { reason: GKE_PLACEHOLDER_HINTS[GkePlaceholder.CONTROL_PLANE], example: CIDR_EXAMPLE },
    description: 'Control plane range (/28) or private endpoint address: egress TCP 443 to it, ingress TCP 443/10250 from it.',
  },
  nodeCidrs: {
    type: OptionType.CIDR_LIST,
    required: true,
    missing: { reason: GKE_PLACEHOLDER_HINTS[GkePlaceholder.NODE_RANGE], example: CIDR_EXAMPLE },
    description: "Primary range(s) of the nodes' subnet.",
  },
  podCidrs: {
    type: OptionType.CIDR_LIST,
    required: true,
    missing: { reason: GKE_PLACEHOLDER_HINTS[GkePlaceholder.POD_RANGE], example: CIDR_EXAMPLE },
    description: 'Pod range(s) of the cluster.',
  },
  serviceCidrs: { type: OptionType.CIDR_LIST, defaultValue: [], description: 'Service range of the cluster.' },
});

/** The GKE nodes profile for the CLI (`gke`). */
export const GKE_PROFILE: ProfileDefinition = cliProfile({
  name: PROFILE,
  title: 'GKE',
  description:
    'GKE nodes behind a VPC egress deny: control plane TCP 443 (and its 443/10250 ingress), node/Pod/Service ranges, and Google APIs by name or via the private or restricted range.',
  options: GKE_OPTION_SPECS,
  profile: (o) => gkeNodesProfile(o as unknown as GkeNodesProfileOptions),
});
