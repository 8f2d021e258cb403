import { Cidr } from '../../model/cidr';
import { FirewallRequirementsError, invalidValue, missingOption, unknownOption } from '../../model/errors';
import { RequirementSet } from '../../model/requirement-set';
import { CatalogSection } from '../catalog-section';
import { OptionSpec, OptionType, parsedBoolean, parsedList, parsedString, ProfileDefinition } from '../profile-definition';
import { GKE_GOOGLE_API_ACCESS_MODES, GKE_PLACEHOLDER_HINTS, GkeGoogleApiAccess, GkePlaceholder } from './conditions';
import { gkeClusterFirewallRulesSection, gkeEgressDenySection } from './firewall-rules';
import { gkeGoogleApiDomainsSection, gkePrivateGoogleAccessSection, gkeRestrictedGoogleApisSection } from './google-apis';
import { GCP_REGION_PATTERN, GCP_ZONE_PATTERN, GKE_REGIONS } from './regions';

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
   * How nodes reach Google APIs and registries: `domains` (HTTPS 443 by name, for a proxy or FQDN firewall),
   * `private` (TCP 443 to private.googleapis.com, 199.36.153.8/30) or `restricted` (TCP 443 to
   * restricted.googleapis.com, 199.36.153.4/30). The ranges need private DNS zones that resolve the Google domains
   * to them (metadata `dns`).
   * @default GkeGoogleApiAccess.RESTRICTED with vpcServiceControls, else GkeGoogleApiAccess.DOMAINS
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
  const api: Record<GkeGoogleApiAccess, () => CatalogSection> = {
    [GkeGoogleApiAccess.DOMAINS]: gkeGoogleApiDomainsSection,
    [GkeGoogleApiAccess.PRIVATE]: gkePrivateGoogleAccessSection,
    [GkeGoogleApiAccess.RESTRICTED]: gkeRestrictedGoogleApisSection,
  };
  const sections = [gkeEgressDenySection(o.serviceCidrs.length > 0), gkeClusterFirewallRulesSection(), api[o.googleApiAccess]()];
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

const PROFILE_CACHE = new Map<string, RequirementSet>();

function validate(options: GkeNodesProfileOptions): ValidOptions {
  if (options === null || typeof options !== 'object') {
    throw invalidValue('GKE profile options', String(options), ORIGIN, "Pass an object, e.g. { region: 'europe-west1', ... }.");
  }
  const region = validateRegion(options.region, flag(options.allowUnlistedRegion, 'allowUnlistedRegion', false));
  const vpcServiceControls = flag(options.vpcServiceControls, 'vpcServiceControls', false);
  const access = options.googleApiAccess;
  if (access !== undefined && (typeof access !== 'string' || !GKE_GOOGLE_API_ACCESS_MODES.includes(access))) {
    throw unknownOption('Google API access mode', String(access), origin('googleApiAccess'), GKE_GOOGLE_API_ACCESS_MODES);
  }
  if (vpcServiceControls && access !== undefined && access !== GkeGoogleApiAccess.RESTRICTED) {
    throw new FirewallRequirementsError(
      'conflicting-options',
      `Conflicting options vpcServiceControls=true and googleApiAccess=${access}`,
      access,
      origin('googleApiAccess'),
      'Inside a VPC Service Controls perimeter, Google APIs are reached through restricted.googleapis.com: set googleApiAccess to restricted, or leave it unset.',
    );
  }
  const example =
    "controlPlaneCidrs: ['172.16.0.0/28'], nodeCidrs: ['10.0.0.0/20'], podCidrs: ['10.4.0.0/14'] (CLI --control-plane-cidrs 172.16.0.0/28 --node-cidrs 10.0.0.0/20 --pod-cidrs 10.4.0.0/14)";
  const required = (name: keyof GkeNodesProfileOptions, placeholder: GkePlaceholder): string[] => {
    const values = cidrs(options[name], name);
    if (values.length === 0) throw missingOption(name, ORIGIN, GKE_PLACEHOLDER_HINTS[placeholder], example);
    return values;
  };
  return {
    region,
    googleApiAccess: access ?? (vpcServiceControls ? GkeGoogleApiAccess.RESTRICTED : GkeGoogleApiAccess.DOMAINS),
    controlPlaneCidrs: required('controlPlaneCidrs', GkePlaceholder.CONTROL_PLANE),
    nodeCidrs: required('nodeCidrs', GkePlaceholder.NODE_RANGE),
    podCidrs: required('podCidrs', GkePlaceholder.POD_RANGE),
    serviceCidrs: cidrs(options.serviceCidrs, 'serviceCidrs'),
  };
}

function validateRegion(value: unknown, allowUnlisted: boolean): string {
  if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) {
    throw missingOption('region', ORIGIN, "the Artifact Registry host of the cluster's region is named after it", "region: 'europe-west1' (CLI --region europe-west1)");
  }
  if (typeof value !== 'string') {
    throw invalidValue('region', String(value), origin('region'), 'Give the region name as a string, e.g. europe-west1.');
  }
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

function cidrs(value: unknown, name: string): string[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) {
    throw invalidValue(name, String(value), origin(name), `Give ${name} as a list of CIDR strings, e.g. ['10.0.0.0/20'].`);
  }
  return [...new Set((value as string[]).map((c, i) => Cidr.parse(c, origin(`${name}[${i}]`)).toString()))];
}

function flag(value: unknown, name: string, fallback: boolean): boolean {
  if (value === undefined || value === null) return fallback;
  if (typeof value !== 'boolean') throw invalidValue(name, String(value), origin(name), `${name} is true or false.`);
  return value;
}

// --- The profile as the CLI sees it --------------------------------------------------------------------------

/** The options of the GKE profile, one per `GkeNodesProfileOptions` property. */
export const GKE_OPTION_SPECS: readonly OptionSpec[] = [
  { name: 'region', flag: 'region', type: OptionType.STRING, required: true, description: "The cluster's Google Cloud region, e.g. europe-west1." },
  { name: 'allowUnlistedRegion', flag: 'allow-unlisted-region', type: OptionType.BOOLEAN, description: 'Accept a region missing from the built-in list.', defaultText: 'false' },
  {
    name: 'googleApiAccess',
    flag: 'google-api-access',
    type: OptionType.CHOICE,
    choices: GKE_GOOGLE_API_ACCESS_MODES,
    description: 'Google APIs by name (domains), via private.googleapis.com 199.36.153.8/30 (private) or restricted.googleapis.com 199.36.153.4/30 (restricted).',
    defaultText: 'restricted with --vpc-service-controls, else domains',
  },
  { name: 'vpcServiceControls', flag: 'vpc-service-controls', type: OptionType.BOOLEAN, description: 'The project is in a VPC Service Controls perimeter.', defaultText: 'false' },
  {
    name: 'controlPlaneCidrs',
    flag: 'control-plane-cidrs',
    type: OptionType.STRING_LIST,
    required: true,
    description: 'Control plane range (/28) or private endpoint address: egress TCP 443 to it, ingress TCP 443/10250 from it.',
  },
  { name: 'nodeCidrs', flag: 'node-cidrs', type: OptionType.STRING_LIST, required: true, description: "Primary range(s) of the nodes' subnet." },
  { name: 'podCidrs', flag: 'pod-cidrs', type: OptionType.STRING_LIST, required: true, description: 'Pod range(s) of the cluster.' },
  { name: 'serviceCidrs', flag: 'service-cidrs', type: OptionType.STRING_LIST, description: 'Service range of the cluster.', defaultText: 'none' },
];

/** The GKE nodes profile for the CLI (`gke`). */
export const GKE_PROFILE: ProfileDefinition = {
  name: PROFILE,
  description:
    'GKE nodes behind a VPC egress deny: control plane TCP 443 (and its 443/10250 ingress), node/Pod/Service ranges, and Google APIs by name or via the private or restricted range.',
  options: GKE_OPTION_SPECS,
  build: (raw) => gkeNodesProfile(fromParsed(raw ?? {})),
};

function fromParsed(raw: Record<string, unknown>): GkeNodesProfileOptions {
  const names = GKE_OPTION_SPECS.map((s) => s.name);
  for (const key of Object.keys(raw)) {
    if (raw[key] !== undefined && !names.includes(key)) throw unknownOption('GKE profile option', key, ORIGIN, names);
  }
  return {
    region: parsedString(raw, 'region', ORIGIN) as string,
    allowUnlistedRegion: parsedBoolean(raw, 'allowUnlistedRegion', ORIGIN),
    googleApiAccess: parsedString(raw, 'googleApiAccess', ORIGIN) as GkeGoogleApiAccess | undefined,
    vpcServiceControls: parsedBoolean(raw, 'vpcServiceControls', ORIGIN),
    controlPlaneCidrs: parsedList(raw, 'controlPlaneCidrs', ORIGIN) as string[],
    nodeCidrs: parsedList(raw, 'nodeCidrs', ORIGIN) as string[],
    podCidrs: parsedList(raw, 'podCidrs', ORIGIN) as string[],
    serviceCidrs: parsedList(raw, 'serviceCidrs', ORIGIN),
  };
}

