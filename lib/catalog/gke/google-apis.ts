import { Protocol } from '../../model/protocol';
import { CatalogSection } from '../catalog-section';
import { GkeMetadataKey, GkePlaceholder } from './conditions';
import { GCP_ARTIFACT_REGISTRY_PRIVATE_CLUSTERS, GCP_GOOGLE_API_VIP_ROUTES, GCP_PRIVATE_API_DNS, GCP_PRIVATE_GOOGLE_ACCESS } from './documents';

/** The address range of `private.googleapis.com`. */
export const PRIVATE_GOOGLE_APIS_CIDR = '199.36.153.8/30';
/** The address range of `restricted.googleapis.com`. */
export const RESTRICTED_GOOGLE_APIS_CIDR = '199.36.153.4/30';
/** The IPv6 range of `private.googleapis.com`. */
export const PRIVATE_GOOGLE_APIS_IPV6_CIDR = '2600:2d00:0002:2000::/64';
/** The IPv6 range of `restricted.googleapis.com`. */
export const RESTRICTED_GOOGLE_APIS_IPV6_CIDR = '2600:2d00:0002:1000::/64';
/** The domains of Google APIs and registries, as the private API DNS zones cover them. */
export const GOOGLE_API_DOMAINS: readonly string[] = ['*.googleapis.com', 'gcr.io', '*.gcr.io', 'pkg.dev', '*.pkg.dev'];

const DNS_NOTE_IPV6 = (name: string) =>
  `Used when the private zones also answer AAAA records with the ${name} IPv6 range (dual-stack nodes); an egress deny of ::/0 ` +
  'without this allow cuts those nodes off from Google APIs.';

const DNS_NOTE = (name: string) =>
  `Needs private DNS zones googleapis.com, gcr.io and pkg.dev that answer with ${name} (a * CNAME and an apex A record each); ` +
  'otherwise pkg.dev and gcr.io resolve to public addresses and image pulls fail.';

/**
 * The domain set (DNS zones of the private API module): HTTPS 443 to the Google APIs and registries by name, for
 * an egress proxy or an FQDN firewall that matches wildcards. `<region>-docker.pkg.dev`, the Artifact Registry
 * Docker host of the cluster's region, is listed by name too (a `*.pkg.dev` name) for firewalls that match only
 * exact names.
 */
export function gkeGoogleApiDomainsSection(): CatalogSection {
  return new CatalogSection(GCP_PRIVATE_API_DNS, 'google-api-domains', 'DNS zones for private access to Google APIs')
    .fqdns([...GOOGLE_API_DOMAINS], Protocol.HTTPS, [443], 'Google APIs and registries (Artifact Registry, Container Registry, logging, monitoring)')
    .fqdns([`<${GkePlaceholder.REGION}>-docker.pkg.dev`], Protocol.HTTPS, [443], "Artifact Registry Docker repositories in the cluster's region", {
      metadata: { [GkeMetadataKey.NOTE]: 'Covered by *.pkg.dev; listed for firewalls that match exact names only (GCP FQDN objects take no wildcards).' },
    });
}

/** Private Google Access: the `private.googleapis.com` range on TCP 443. */
export function gkePrivateGoogleAccessSection(): CatalogSection {
  return new CatalogSection(GCP_PRIVATE_GOOGLE_ACCESS, 'private-google-apis', 'private.googleapis.com').cidrs(
    [PRIVATE_GOOGLE_APIS_CIDR],
    Protocol.TCP,
    [443],
    'Google APIs and registries through private.googleapis.com (Private Google Access)',
    { metadata: { [GkeMetadataKey.DNS]: DNS_NOTE('private.googleapis.com') } },
  );
}

/** VPC Service Controls: the `restricted.googleapis.com` range on TCP 443. */
export function gkeRestrictedGoogleApisSection(): CatalogSection {
  return new CatalogSection(GCP_ARTIFACT_REGISTRY_PRIVATE_CLUSTERS, 'restricted-google-apis', 'restricted.googleapis.com (VPC Service Controls)').cidrs(
    [RESTRICTED_GOOGLE_APIS_CIDR],
    Protocol.TCP,
    [443],
    'Google APIs and registries through restricted.googleapis.com (VPC Service Controls)',
    { metadata: { [GkeMetadataKey.DNS]: DNS_NOTE('restricted.googleapis.com') } },
  );
}

/**
 * The IPv6 ranges of the Google API VIPs on TCP 443 (`private-6` / `restricted-6` of the Fabric routes), which the
 * profile adds beside the IPv4 range of the chosen mode: an egress deny of `::/0` (GcpFirewall denies both address
 * families) would otherwise block dual-stack nodes whose private zones answer AAAA records.
 */
export function gkeGoogleApisIpv6Section(access: 'private' | 'restricted'): CatalogSection {
  const name = `${access}.googleapis.com`;
  return new CatalogSection(GCP_GOOGLE_API_VIP_ROUTES, `${access}-google-apis-ipv6`, `${name} IPv6 range (${access}-6)`).cidrs(
    [access === 'private' ? PRIVATE_GOOGLE_APIS_IPV6_CIDR : RESTRICTED_GOOGLE_APIS_IPV6_CIDR],
    Protocol.TCP,
    [443],
    `Google APIs and registries through ${name} over IPv6 (dual-stack nodes)`,
    { metadata: { [GkeMetadataKey.DNS]: DNS_NOTE_IPV6(name) } },
  );
}
