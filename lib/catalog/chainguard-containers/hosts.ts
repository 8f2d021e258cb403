import { Protocol } from '../../model/protocol';
import { CatalogSection, SourceDocument } from '../catalog-section';

const EDU = 'https://github.com/chainguard-dev/edu/blob';

/**
 * "Chainguard Containers network requirements" (chainguard-dev/edu content/chainguard/containers/network-requirements.md
 * @ 91f8fb595, 2026-08-11, front matter lastmod 2025-06-17): the page Chainguard publishes today for its registry.
 * Its host table gained the IP version column on 2026-02-23 (20ec2fc24); the move to this path changed no row.
 */
export const CHAINGUARD_CONTAINERS_DOCUMENT: SourceDocument = {
  catalog: 'chainguard-containers',
  title: 'Chainguard Containers network requirements',
  url: `${EDU}/91f8fb5950ccb0b10dc8591296be226bc936aa47/content/chainguard/containers/network-requirements.md`,
  date: '2025-06-17',
};

/**
 * The consolidated "Network Requirements" page of 2023-11-29 (d4cbcc902), section "Images Third-party Hosts": the
 * only edition that documents the `*.r2.cloudflarestorage.com` wildcard as an alternative to the exact blob host
 * (the wildcard row left the page on 2024-05-13, baebde9fa). Source of the `wildcard` blob host option.
 */
export const CHAINGUARD_IMAGES_2023_DOCUMENT: SourceDocument = {
  catalog: 'chainguard-containers',
  title: 'Network Requirements (Chainguard Images and Enforce)',
  url: `${EDU}/d4cbcc902d2ed7d33e98e59d01dab897c350ab1f/content/chainguard/administration/network-requirements.md`,
  date: '2023-11-29',
};

/** Who needs a host: the roles a profile user picks. */
export enum ChainguardRole {
  /** Nodes (kubelet / container runtime) pulling images from cgr.dev. */
  PULL = 'pull',
  /** Build machines installing packages from Chainguard's and Wolfi's package repositories. */
  PACKAGES = 'packages',
  /** People using the Chainguard Console and `chainctl` (and the support portal). */
  CONSOLE = 'console',
}

/** Every role, in the order the CLI lists them. */
export const CHAINGUARD_ROLES: readonly ChainguardRole[] = [ChainguardRole.PULL, ChainguardRole.PACKAGES, ChainguardRole.CONSOLE];

/** Which form of the blob storage host to allow. */
export enum ChainguardBlobHost {
  /** The host today's page lists: `9236a389bd48b984df91adc1bc924620.r2.cloudflarestorage.com`. */
  EXACT = 'exact',
  /**
   * `*.r2.cloudflarestorage.com`, which the 2023-11-29 page offered because the exact host "may change". It admits
   * every Cloudflare R2 bucket of every account, not only Chainguard's: choose it only where a changed host name would
   * hurt more than that.
   */
  WILDCARD = 'wildcard',
}

/** Every blob host form. */
export const CHAINGUARD_BLOB_HOSTS: readonly ChainguardBlobHost[] = [ChainguardBlobHost.EXACT, ChainguardBlobHost.WILDCARD];

/** The blob storage host behind `*.cgr.dev` (image layers and packages). */
export const CHAINGUARD_BLOB_HOST = '9236a389bd48b984df91adc1bc924620.r2.cloudflarestorage.com';
/** The wildcard the 2023-11-29 page allowed instead. */
export const CHAINGUARD_BLOB_HOST_WILDCARD = '*.r2.cloudflarestorage.com';

/** Metadata keys of the Chainguard Containers rows. */
export enum ChainguardContainersMetadataKey {
  /** The roles that need the host, comma-separated (`pull, packages`). */
  ROLES = 'roles',
  /** The IP versions the page gives for the host: `v4` or `v4 & v6`. */
  IP_VERSIONS = 'ipVersions',
  /** `CHAINGUARD_TLS_NOTE`. */
  TLS = 'tls',
  /** `CHAINGUARD_DNS_TTL_NOTE`. */
  DNS_TTL = 'dnsTtl',
  /** A caveat (the wildcard blob host). */
  NOTE = 'note',
}

/** "Minimum TLS requirements", in short: what a TLS-inspecting proxy or firewall must let through. */
export const CHAINGUARD_TLS_NOTE =
  'Clients and proxies need TLS 1.3 with TLS_AES_256_GCM_SHA384, or TLS 1.2 with ECDHE-ECDSA-AES256-GCM-SHA384 and the ' +
  'extended master secret extension (RFC 7627); encrypted HTTP/2 must pass, proxies included.';

/** "DNS records and TTLs": what an IP-based firewall must do with the host names. */
export const CHAINGUARD_DNS_TTL_NOTE =
  'Hosts use several A records or CNAMEs, many with a 60 s TTL and most under an hour: a firewall that filters on ' +
  'addresses must refresh its rules at each record\'s TTL.';

/** One host of the page. */
export interface ChainguardHost {
  readonly host: string;
  /** What the host is for, in the library's words. */
  readonly purpose: string;
  /** The page's IP column. */
  readonly ipVersions: 'v4' | 'v4 & v6';
  /** The roles that need it. */
  readonly roles: ChainguardRole[];
}

const PULL_AND_PACKAGES = [ChainguardRole.PULL, ChainguardRole.PACKAGES];

/**
 * "Chainguard Containers hosts", in page order. Roles: the pull role gets the registry and its authentication; the
 * registry's token service (`issuer.enforce.dev`) joins it with `workloadIdentity`; the package hosts go to build
 * machines; the Console, its API, the registry API and chainctl downloads to people.
 */
export const CHAINGUARD_CONTAINERS_HOSTS: readonly ChainguardHost[] = [
  { host: 'cgr.dev', purpose: 'Chainguard container registry (image manifests and tags)', ipVersions: 'v4', roles: [ChainguardRole.PULL] },
  { host: 'console.chainguard.dev', purpose: 'Chainguard Console (web dashboard)', ipVersions: 'v4', roles: [ChainguardRole.CONSOLE] },
  { host: 'data.chainguard.dev', purpose: 'API endpoint of the Chainguard Console', ipVersions: 'v4', roles: [ChainguardRole.CONSOLE] },
  { host: 'console-api.enforce.dev', purpose: 'Chainguard registry API (repositories, identities, pull tokens)', ipVersions: 'v4', roles: [ChainguardRole.CONSOLE] },
  { host: 'enforce.dev', purpose: 'Chainguard registry authentication', ipVersions: 'v4', roles: [ChainguardRole.PULL, ChainguardRole.CONSOLE] },
  { host: 'dl.enforce.dev', purpose: 'Downloads of the chainctl command-line tool', ipVersions: 'v4', roles: [ChainguardRole.CONSOLE] },
  { host: 'issuer.enforce.dev', purpose: 'Chainguard registry token service (STS): identity tokens for registry tokens', ipVersions: 'v4', roles: [ChainguardRole.CONSOLE] },
  { host: 'apk.cgr.dev', purpose: 'Chainguard OS package repository (APK)', ipVersions: 'v4', roles: [ChainguardRole.PACKAGES] },
  { host: 'virtualapk.cgr.dev', purpose: 'Chainguard OS package repository (virtual APK)', ipVersions: 'v4', roles: [ChainguardRole.PACKAGES] },
  { host: 'packages.cgr.dev', purpose: 'Chainguard package repository for extra packages', ipVersions: 'v4', roles: [ChainguardRole.PACKAGES] },
  { host: 'packages.wolfi.dev', purpose: 'Wolfi package repository (packages of the free containers)', ipVersions: 'v4 & v6', roles: [ChainguardRole.PACKAGES] },
];

/** "Chainguard Containers third-party hosts", in page order. The blob host goes with every role that reaches `*.cgr.dev`. */
export const CHAINGUARD_CONTAINERS_THIRD_PARTY_HOSTS: readonly ChainguardHost[] = [
  {
    host: CHAINGUARD_BLOB_HOST,
    purpose: 'Blob storage behind *.cgr.dev (Cloudflare R2): image layers and packages are redirected here',
    ipVersions: 'v4 & v6',
    roles: PULL_AND_PACKAGES,
  },
  { host: 'support.chainguard.dev', purpose: 'Chainguard support portal for customers', ipVersions: 'v4', roles: [ChainguardRole.CONSOLE] },
];

/** Hosts that join the pull role when the pulls authenticate with a workload identity (token exchange). */
export const CHAINGUARD_WORKLOAD_IDENTITY_HOSTS: readonly string[] = ['issuer.enforce.dev'];

/** The page's sections with the rows a selection of roles needs. */
export interface ChainguardContainersCatalog {
  /** "Chainguard Containers hosts". */
  readonly hosts: CatalogSection;
  /** "Chainguard Containers third-party hosts" (the blob host in its exact form, and the support portal). */
  readonly thirdPartyHosts: CatalogSection;
  /** "Images Third-party Hosts" of 2023-11-29: the wildcard blob host, when chosen (else empty). */
  readonly blobHostWildcard: CatalogSection;
}

/** What to transcribe. */
export interface ChainguardContainersSelection {
  /** @default [ChainguardRole.PULL] */
  readonly roles?: ChainguardRole[];
  /** @default ChainguardBlobHost.EXACT */
  readonly blobHost?: ChainguardBlobHost;
  /** Adds the token service to the pull role. @default false */
  readonly workloadIdentity?: boolean;
}

/**
 * Transcribes the rows the selected roles need: egress HTTPS 443 to each host, citing the page section it is
 * listed in. Every role that reaches a `*.cgr.dev` host gets the blob host (`cgr.dev` alone fails at the first layer).
 * Section keys: `hosts`, `third-party-hosts`, `images-third-party-hosts` (the wildcard).
 */
export function chainguardContainersCatalog(selection: ChainguardContainersSelection = {}): ChainguardContainersCatalog {
  const roles = selection.roles ?? [ChainguardRole.PULL];
  const blobHost = selection.blobHost ?? ChainguardBlobHost.EXACT;
  const extra = selection.workloadIdentity && roles.includes(ChainguardRole.PULL) ? CHAINGUARD_WORKLOAD_IDENTITY_HOSTS : [];
  const wanted = (h: ChainguardHost) => h.roles.some((r) => roles.includes(r)) || extra.includes(h.host);
  const metadata = (h: ChainguardHost): Record<string, string> => ({
    [ChainguardContainersMetadataKey.ROLES]: [...h.roles, ...(extra.includes(h.host) ? [ChainguardRole.PULL] : [])].join(', '),
    [ChainguardContainersMetadataKey.IP_VERSIONS]: h.ipVersions,
    [ChainguardContainersMetadataKey.TLS]: CHAINGUARD_TLS_NOTE,
    [ChainguardContainersMetadataKey.DNS_TTL]: CHAINGUARD_DNS_TTL_NOTE,
  });

  const doc = CHAINGUARD_CONTAINERS_DOCUMENT;
  const hosts = new CatalogSection(doc, 'hosts', 'Chainguard Containers hosts', 'chainguard-containers-hosts');
  for (const h of CHAINGUARD_CONTAINERS_HOSTS.filter(wanted)) hosts.fqdns([h.host], Protocol.HTTPS, [443], h.purpose, { metadata: metadata(h) });

  const thirdPartyHosts = new CatalogSection(doc, 'third-party-hosts', 'Chainguard Containers third-party hosts', 'chainguard-containers-third-party-hosts');
  const blobHostWildcard = new CatalogSection(CHAINGUARD_IMAGES_2023_DOCUMENT, 'images-third-party-hosts', 'Images Third-party Hosts', 'images-third-party-hosts');
  for (const h of CHAINGUARD_CONTAINERS_THIRD_PARTY_HOSTS.filter(wanted)) {
    if (h.host === CHAINGUARD_BLOB_HOST && blobHost === ChainguardBlobHost.WILDCARD) {
      blobHostWildcard.fqdns([CHAINGUARD_BLOB_HOST_WILDCARD], Protocol.HTTPS, [443], h.purpose, {
        metadata: {
          ...metadata(h),
          [ChainguardContainersMetadataKey.NOTE]:
            `Chosen instead of ${CHAINGUARD_BLOB_HOST}: the 2023-11-29 page allowed either; the wildcard matches every Cloudflare R2 bucket, not only Chainguard's.`,
        },
      });
    } else {
      thirdPartyHosts.fqdns([h.host], Protocol.HTTPS, [443], h.purpose, { metadata: metadata(h) });
    }
  }
  return { hosts, thirdPartyHosts, blobHostWildcard };
}
