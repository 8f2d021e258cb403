import { Landing } from '../../model/landing';
import { Direction, Protocol } from '../../model/protocol';
import { CatalogSection } from '../catalog-section';
import { DEFAULT_ENFORCE_EDITION, ENFORCE_EDITION_DATA, EnforceEdition } from './edition';

/** The namespace the Enforce agent runs in ("Enforce Agent Access"); its pods originate every egress flow. */
export const ENFORCE_AGENT_NAMESPACE = 'gulfstream';

/** A JA3 TLS client fingerprint. */
export interface Ja3Fingerprint {
  /** The JA3 fullstring (TLS version, ciphers, extensions, curves, point formats). */
  readonly fullstring: string;
  /** The fingerprint: MD5 of the fullstring. */
  readonly md5: string;
}

/**
 * The JA3 TLS client fingerprint of traffic to the `*.enforce.dev` hosts ("JA3 Fingerprints"), for firewalls
 * that identify clients by fingerprint. The same in both editions.
 */
export const ENFORCE_JA3: Ja3Fingerprint = {
  fullstring:
    '771,49195-49199-49196-49200-52393-52392-49161-49171-49162-49172-156-157-47-53-49170-10-4865-4866-4867,0-5-10-11-13-65281-16-18-43-51,29-23-24-25,0',
  md5: '3fed133de60c35724739b913924b6c24',
};

/** "DNS Records and TTLs": what an IP-based firewall must do with the host names. */
export const ENFORCE_DNS_TTL_NOTE =
  'Many hosts use several A records or CNAME aliases; many A records have a 60 s TTL and most are under 3600 s. ' +
  'A firewall that filters on IP addresses must refresh its rules at the TTL of each record.';

/** "Ingress and Egress": stateless firewalls need the return traffic too. */
export const ENFORCE_RETURN_TRAFFIC_NOTE =
  'Connections to the hosts are new outbound connections; stateless (symmetric) firewall rules must also admit ' +
  'the related and established return traffic.';

/** Metadata keys the Enforce requirements carry. */
export enum EnforceMetadataKey {
  /** The edition the row was transcribed from, an `EnforceEdition` value. */
  EDITION = 'edition',
  /** The data file (repository, path, commit, date) that produced the row. */
  DATA_FILE = 'dataFile',
  /** Kubernetes namespace of the pods that open the connection (egress rows). */
  SOURCE_NAMESPACE = 'sourceNamespace',
  /** JA3 fullstring, on `*.enforce.dev` rows. */
  JA3_FULLSTRING = 'ja3Fullstring',
  /** JA3 fingerprint (MD5 of the fullstring), on `*.enforce.dev` rows. */
  JA3_MD5 = 'ja3Md5',
  /** `ENFORCE_DNS_TTL_NOTE`, on host rows. */
  DNS_TTL = 'dnsTtl',
  /** Where the CIDR ranges must be admitted, on CIDR rows. */
  ADMIT_IN = 'admitIn',
  /** Why the CIDR rows use port 443, on CIDR rows. */
  PORT_NOTE = 'portNote',
}

/** The sections of one edition of the page, each citing its heading. */
export interface EnforceCatalog {
  readonly edition: EnforceEdition;
  /** "Chainguard Hosts": egress HTTPS 443 from the agent. */
  readonly chainguardHosts: CatalogSection;
  /** "Third-party Hosts": egress HTTPS 443 from the agent. */
  readonly thirdPartyHosts: CatalogSection;
  /** "CIDR Ranges": ingress TCP 443 to the cluster API endpoint, for cluster and workload discovery. */
  readonly cidrRanges: CatalogSection;
  /** "Enforce SaaS Access": agentless mode, the same ranges reach your registry. */
  readonly saasAccess: CatalogSection;
  /**
   * "Images Third-party Hosts", the blob storage row: the host `cgr.dev` redirects layer downloads to. Empty for
   * editions that do not list `cgr.dev` (the agent's pulls from cgr.dev need it).
   */
  readonly registryBlobStorage: CatalogSection;
}

const CIDR_PORT_NOTE =
  'The page names no port; 443 is the HTTPS port of the GKE and EKS public cluster API endpoints it links to.';

/**
 * Transcribes one edition of the page. Section keys are the same in every edition: `chainguard-hosts`,
 * `third-party-hosts`, `cidr-ranges`, `saas-access`.
 */
export function chainguardEnforceCatalog(edition: EnforceEdition = DEFAULT_ENFORCE_EDITION): EnforceCatalog {
  const data = ENFORCE_EDITION_DATA[edition];
  const doc = data.document;

  const hostMetadata = (host: string, dataFile?: string): Record<string, string> => ({
    [EnforceMetadataKey.EDITION]: edition,
    ...(dataFile ? { [EnforceMetadataKey.DATA_FILE]: dataFile } : {}),
    [EnforceMetadataKey.SOURCE_NAMESPACE]: ENFORCE_AGENT_NAMESPACE,
    [EnforceMetadataKey.DNS_TTL]: ENFORCE_DNS_TTL_NOTE,
    ...(host.endsWith('.enforce.dev')
      ? { [EnforceMetadataKey.JA3_FULLSTRING]: ENFORCE_JA3.fullstring, [EnforceMetadataKey.JA3_MD5]: ENFORCE_JA3.md5 }
      : {}),
  });

  // One row per host: the JA3 metadata differs between hosts.
  const chainguardHosts = new CatalogSection(doc, 'chainguard-hosts', 'Chainguard Hosts', 'chainguard-hosts');
  for (const host of data.chainguardHosts) {
    chainguardHosts.fqdns([host], Protocol.HTTPS, [443], `Enforce agent (namespace ${ENFORCE_AGENT_NAMESPACE}) to the Chainguard Enforce SaaS`, {
      metadata: hostMetadata(host, data.hostsDataFile),
    });
  }

  const thirdPartyHosts = new CatalogSection(doc, 'third-party-hosts', 'Third-party Hosts', 'third-party-hosts');
  for (const host of data.thirdPartyHosts) {
    thirdPartyHosts.fqdns([host], Protocol.HTTPS, [443], `Enforce agent (namespace ${ENFORCE_AGENT_NAMESPACE}) to a third-party host Chainguard Enforce uses`, {
      metadata: hostMetadata(host),
    });
  }

  const cidrMetadata = {
    [EnforceMetadataKey.EDITION]: edition,
    [EnforceMetadataKey.DATA_FILE]: data.cidrsDataFile,
    [EnforceMetadataKey.ADMIT_IN]: 'GKE master authorized networks; EKS public access CIDRs; any firewall in front of the cluster API endpoint',
    [EnforceMetadataKey.PORT_NOTE]: CIDR_PORT_NOTE,
  };
  const cidrRanges = new CatalogSection(doc, 'cidr-ranges', 'CIDR Ranges', 'cidr-ranges').cidrs(
    [...data.cidrs],
    Protocol.TCP,
    [443],
    'Chainguard Enforce SaaS to the cluster API endpoint, for cluster and workload discovery',
    { direction: Direction.INGRESS, landing: Landing.CONTROL_PLANE, metadata: cidrMetadata },
  );

  // The same ranges as `cidr-ranges`, landing on the registry rather than the API endpoint: another flow.
  const saasAccess = new CatalogSection(doc, 'saas-access', 'Enforce SaaS Access', 'enforce-saas-access').cidrs(
    [...data.cidrs],
    Protocol.TCP,
    [443],
    'Agentless mode: the Chainguard Enforce SaaS reaches your image registry, which must admit these ranges',
    { direction: Direction.INGRESS, landing: Landing.SERVICE, metadata: { ...cidrMetadata, [EnforceMetadataKey.ADMIT_IN]: 'your image registry' } },
  );

  // cgr.dev without its blob host fails at the first layer: an edition that lists cgr.dev brings the blob host.
  const registryBlobStorage = new CatalogSection(doc, 'images-third-party-hosts', 'Images Third-party Hosts', 'images-third-party-hosts');
  if (data.registryBlobHost) {
    registryBlobStorage.fqdns([data.registryBlobHost], Protocol.HTTPS, [443], 'Blob storage behind cgr.dev: the registry redirects every layer download here', {
      metadata: { [EnforceMetadataKey.EDITION]: edition, [EnforceMetadataKey.DNS_TTL]: ENFORCE_DNS_TTL_NOTE },
    });
  }

  return { edition, chainguardHosts, thirdPartyHosts, cidrRanges, saasAccess, registryBlobStorage };
}
