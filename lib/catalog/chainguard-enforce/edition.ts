import { SourceDocument } from '../catalog-section';

/**
 * Editions of the "Network Requirements" page for Chainguard Enforce (chainguard-dev/edu). The host table and
 * the CIDR block are rendered from two data files (`data/domains.yaml`, `data/ips.yaml`) that CI regenerated,
 * so an edition is the page at a commit plus the state of both data files at that date.
 */
export enum EnforceEdition {
  /**
   * The page the catalog was seeded from (lastmod 2023-03-18, commit a846c70f): 19 hosts, 3 CIDRs.
   */
  EDITION_2023_03_18 = '2023-03-18',
  /**
   * The last page revision with an Enforce section (consolidated page, lastmod 2023-11-29, commit d4cbcc902), with
   * the data files of that date: 19 hosts (cgr.dev added, trustroot-compiler moved to enforce.dev,
   * registry.enforce.dev removed), 5 CIDRs. The section was removed on 2024-02-07 when the page became Chainguard
   * Images only; in between, data-file commit 10d57cf7 (2024-01-16) dropped agentless-lifecycle.enforce.dev and
   * webhook.enforce.dev from the rendered table, which this edition still lists.
   */
  EDITION_2023_11_29 = '2023-11-29',
}

/** Every edition, oldest first. */
export const ENFORCE_EDITIONS: readonly EnforceEdition[] = [EnforceEdition.EDITION_2023_03_18, EnforceEdition.EDITION_2023_11_29];

/**
 * The edition a profile uses when none is given: the newest the catalog knows (five CIDRs,
 * `trustroot-compiler.enforce.dev`). The seed edition stays selectable by name.
 */
export const DEFAULT_ENFORCE_EDITION = EnforceEdition.EDITION_2023_11_29;

/** The facts of one edition. */
export interface EnforceEditionData {
  readonly edition: EnforceEdition;
  /** The page at the edition's commit. */
  readonly document: SourceDocument;
  /** `data/domains.yaml` as rendered in the "Chainguard Hosts" table, in file order. */
  readonly chainguardHosts: readonly string[];
  /** `data/domains.yaml` commit that produced the host list, with its date. */
  readonly hostsDataFile: string;
  /** `data/ips.yaml`: the CIDR block, in file order. */
  readonly cidrs: readonly string[];
  /** `data/ips.yaml` commit that produced the CIDR block, with its date. */
  readonly cidrsDataFile: string;
  /** The "Third-party Hosts" table (inline in the page; the same four hosts in both editions). */
  readonly thirdPartyHosts: readonly string[];
  /**
   * The blob storage host behind `cgr.dev`, for editions whose host table lists `cgr.dev`: every layer download
   * is redirected there, so `cgr.dev` alone fails at the first layer. The 2023-11-29 page lists it under the
   * Images third-party hosts of the same page.
   * @default - none (the edition does not list cgr.dev)
   */
  readonly registryBlobHost?: string;
}

/** The R2 blob storage host behind cgr.dev, as Chainguard's pages list it (2023-11-29 page and today's page). */
export const CHAINGUARD_REGISTRY_BLOB_HOST = '9236a389bd48b984df91adc1bc924620.r2.cloudflarestorage.com';

const REPO = 'https://github.com/chainguard-dev/edu/blob';

/**
 * The title both editions carry. The page moved (a standalone Enforce page, then a consolidated page with an
 * Enforce section), but its title did not change; which page and commit an edition is lives in the URL and date.
 * Keeping edition-specific words out of the title keeps them out of any text that renders only the title.
 */
export const ENFORCE_PAGE_TITLE = 'Network Requirements (Chainguard Enforce)';

const THIRD_PARTY_HOSTS: readonly string[] = [
  'chainguard-cd-nvt30yluzzsmvk7t.edge.tenants.us.auth0.com',
  'googlecode.l.googleusercontent.com',
  'raw.githubusercontent.com',
  'storage.googleapis.com',
];

const SEED_CIDRS: readonly string[] = ['35.230.121.20/32', '34.132.193.40/32', '35.237.242.37/32'];

const SEED_HOSTS: readonly string[] = [
  'agentless-lifecycle.enforce.dev',
  'console-api.enforce.dev',
  'canary.enforce.dev',
  'console.enforce.dev',
  'cosigned-continuous-verification.enforce.dev',
  'cosigned-resolution.enforce.dev',
  'cosigned-verification.enforce.dev',
  'eots-omni.enforce.dev',
  'github.enforce.dev',
  'issuer.enforce.dev',
  'policy-compiler.enforce.dev',
  'policy-conversion.enforce.dev',
  'policy-defaulting.enforce.dev',
  'policy-distribution.enforce.dev',
  'policy-validation.enforce.dev',
  'registry.enforce.dev',
  'trustroot-compiler.chainops.dev',
  'tsa.enforce.dev',
  'webhook.enforce.dev',
];

/**
 * The seed list after the data-file commits up to 2023-11-29: a632e46d (2023-03-21) added cgr.dev, 44c5ffe0
 * (2023-03-23) renamed trustroot-compiler.chainops.dev to .enforce.dev and moved cgr.dev before
 * registry.enforce.dev, feb0aa53 (2023-04-19) removed registry.enforce.dev.
 */
const NOVEMBER_2023_HOSTS: readonly string[] = [
  ...SEED_HOSTS.slice(0, SEED_HOSTS.indexOf('registry.enforce.dev')),
  'cgr.dev',
  'trustroot-compiler.enforce.dev',
  'tsa.enforce.dev',
  'webhook.enforce.dev',
];

/** The facts of every edition. */
export const ENFORCE_EDITION_DATA: Readonly<Record<EnforceEdition, EnforceEditionData>> = {
  [EnforceEdition.EDITION_2023_03_18]: {
    edition: EnforceEdition.EDITION_2023_03_18,
    document: {
      catalog: 'chainguard-enforce',
      title: ENFORCE_PAGE_TITLE,
      url: `${REPO}/a846c70f927a49a6b6c0e2d8b163068870d30389/content/chainguard/chainguard-enforce/chainguard-enforce-kubernetes/network-requirements.md`,
      date: '2023-03-18',
    },
    chainguardHosts: SEED_HOSTS,
    hostsDataFile: 'chainguard-dev/edu data/domains.yaml @ fbb8e2d6f8a41f46ef57aabbe91b4f231597b4d1 (2023-03-09)',
    cidrs: SEED_CIDRS,
    cidrsDataFile: 'chainguard-dev/edu data/ips.yaml @ 0cb2408832820669258c1c05b9d5be6f1765d0f5 (2023-02-17)',
    thirdPartyHosts: THIRD_PARTY_HOSTS,
  },
  [EnforceEdition.EDITION_2023_11_29]: {
    edition: EnforceEdition.EDITION_2023_11_29,
    document: {
      catalog: 'chainguard-enforce',
      title: ENFORCE_PAGE_TITLE,
      url: `${REPO}/d4cbcc902/content/chainguard/administration/network-requirements.md`,
      date: '2023-11-29',
    },
    chainguardHosts: NOVEMBER_2023_HOSTS,
    hostsDataFile: 'chainguard-dev/edu data/domains.yaml @ feb0aa53912c7409b597cd59482b3866e2fff31b (2023-04-19)',
    cidrs: [...SEED_CIDRS, '34.117.0.114/32', '34.107.162.32/32'],
    cidrsDataFile: 'chainguard-dev/edu data/ips.yaml @ e71950e58a065cf0a7ad1d25b21ee608754e661a (2023-06-30)',
    thirdPartyHosts: THIRD_PARTY_HOSTS,
    registryBlobHost: CHAINGUARD_REGISTRY_BLOB_HOST,
  },
};
