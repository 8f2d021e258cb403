/** One row of the IBM Cloud Container Registry region table. */
export interface IbmRegistryRegion {
  /** Registry region code, e.g. `us-south`; `global` for the global registry. */
  readonly code: string;
  /** Former name of the registry region, where it had one (e.g. `ap-north`). @default - none */
  readonly formerName?: string;
  /** Location, as the table names it. */
  readonly location: string;
  /** Public domain name, e.g. `us.icr.io`. */
  readonly domain: string;
  /** Private domain name, e.g. `private.us.icr.io`. */
  readonly privateDomain: string;
  /** Deprecated domain name, not emitted. @default - none */
  readonly deprecatedDomain?: string;
  /** Delivery domains that serve the region's content (registry_firewall.md), e.g. `dd0.us.icr.io`. */
  readonly deliveryDomains: readonly string[];
}

/** The global registry (IBM-provided public images). */
export const IBM_GLOBAL_REGISTRY: IbmRegistryRegion = {
  code: 'global',
  location: 'Global',
  domain: 'icr.io',
  privateDomain: 'private.icr.io',
  deprecatedDomain: 'registry.bluemix.net',
  deliveryDomains: ['dd0.icr.io', 'dd2.icr.io'],
};

function region(code: string, location: string, host: string, formerName?: string, deprecatedDomain?: string): IbmRegistryRegion {
  return {
    code,
    ...(formerName ? { formerName } : {}),
    location,
    domain: `${host}.icr.io`,
    privateDomain: `private.${host}.icr.io`,
    ...(deprecatedDomain ? { deprecatedDomain } : {}),
    deliveryDomains: [`dd0.${host}.icr.io`],
  };
}

/**
 * The local registry regions, transcribed from the region table of registry_overview.md (lastupdated 2026-08-11),
 * in table order; delivery domains from registry_firewall.md (lastupdated 2026-05-27).
 */
export const IBM_REGISTRY_REGIONS: readonly IbmRegistryRegion[] = [
  region('au-syd', 'Sydney', 'au', 'ap-south', 'registry.au-syd.bluemix.net'),
  region('br-sao', 'Sao Paolo', 'br'),
  region('ca-mon', 'Montreal', 'ca2'),
  region('ca-tor', 'Toronto', 'ca'),
  region('eu-de', 'Frankfurt', 'de', 'eu-central', 'registry.eu-de.bluemix.net'),
  region('eu-es', 'Madrid', 'es'),
  region('eu-gb', 'London', 'uk', 'uk-south', 'registry.eu-gb.bluemix.net'),
  region('in-che', 'Chennai - Airtel', 'in'),
  region('in-mum', 'Mumbai - Airtel', 'in2'),
  region('jp-osa', 'Osaka', 'jp2'),
  region('jp-tok', 'Tokyo', 'jp', 'ap-north'),
  region('us-south', 'Dallas', 'us', undefined, 'registry.ng.bluemix.net'),
];

/** The registry region codes, sorted. */
export const IBM_REGISTRY_REGION_CODES: readonly string[] = IBM_REGISTRY_REGIONS.map((r) => r.code).sort();

/**
 * The registry hosts the 2020-03-16 firewall page listed, with ports 443 and 4443 ("Global registry", "AP North",
 * "AP South", "EU Central", "UK South", "US East, US South"). Port 4443 is no longer documented.
 */
export const IBM_REGISTRY_DOMAINS_2020: readonly string[] = ['icr.io', 'jp.icr.io', 'au.icr.io', 'de.icr.io', 'uk.icr.io', 'us.icr.io'];

/**
 * The VPC regions a profile accepts: the registry region codes plus `us-east`, which the 2020 page serves from
 * `us.icr.io` together with US South. Sorted.
 */
export const IBM_VPC_REGIONS: readonly string[] = [...IBM_REGISTRY_REGION_CODES, 'us-east'].sort();

/** The registry region that serves a VPC region: the region itself, and `us-south` for `us-east`. */
export function registryRegionFor(vpcRegion: string): string {
  return vpcRegion === 'us-east' ? 'us-south' : vpcRegion;
}

/** The table row of a registry region code, if it is one. */
export function ibmRegistryRegion(code: string): IbmRegistryRegion | undefined {
  return IBM_REGISTRY_REGIONS.find((r) => r.code === code);
}
