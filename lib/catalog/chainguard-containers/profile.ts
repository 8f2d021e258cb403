import { invalidValue, unknownOption } from '../../model/errors';
import { describeValue } from '../../model/input';
import { RequirementSet } from '../../model/requirement-set';
import { declareOptions } from '../options/declare';
import { cliProfile } from '../options/profile';
import { readOptions } from '../options/read';
import { OptionType, ProfileDefinition } from '../profile-definition';
import { CHAINGUARD_BLOB_HOSTS, CHAINGUARD_ROLES, chainguardContainersCatalog, ChainguardBlobHost, ChainguardRole } from './hosts';
import { BoundedCache } from '../../model/bounded-cache';

/** Options of the Chainguard Containers profile. */
export interface ChainguardContainersProfileOptions {
  /**
   * Who reaches Chainguard: `pull` (nodes pulling images: cgr.dev, its blob storage host, registry authentication),
   * `packages` (build machines installing packages: the APK and Wolfi repositories and the blob host), `console`
   * (people using the Console and chainctl, and the support portal). Running containers call no Chainguard host.
   * @default [ChainguardRole.PULL]
   */
  readonly roles?: ChainguardRole[];
  /**
   * The blob storage host behind `*.cgr.dev`: the exact host today's page lists, or the `*.r2.cloudflarestorage.com`
   * wildcard the 2023-11-29 page allowed (it matches every Cloudflare R2 bucket, not only Chainguard's).
   * @default ChainguardBlobHost.EXACT
   */
  readonly blobHost?: ChainguardBlobHost;
  /**
   * Whether pulls authenticate with a workload identity exchanged for a registry token at Chainguard's token service
   * (adds `issuer.enforce.dev` to the pull role), rather than with a pull token.
   * @default false
   */
  readonly workloadIdentity?: boolean;
}

const PROFILE = 'chainguard-containers';
const ORIGIN = `profile ${PROFILE}`;

/**
 * What reaching Chainguard Containers (the registry `cgr.dev`) needs: egress HTTPS 443 to the hosts of the roles
 * picked, each citing the section of Chainguard's page that lists it. Every role that reaches a `*.cgr.dev` host gets
 * the blob storage host too. A resolved set (no placeholders).
 *
 * @example chainguardContainersProfile() // nodes pulling images
 * @example chainguardContainersProfile({ roles: [ChainguardRole.PULL, ChainguardRole.PACKAGES] })
 */
export function chainguardContainersProfile(options: ChainguardContainersProfileOptions = {}): RequirementSet {
  // Roles are checked here first (an empty list, a role named twice), then the table checks every option.
  const given = options !== null && typeof options === 'object' && Object.prototype.hasOwnProperty.call(options, 'roles') ? (options as Record<string, unknown>).roles : undefined;
  const roles = checkRoles(given);
  const o = readOptions(CHAINGUARD_CONTAINERS_OPTION_SPECS, options, { origin: ORIGIN });
  const blobHost = o.blobHost as ChainguardBlobHost;
  const workloadIdentity = o.workloadIdentity === true;
  const key = JSON.stringify([roles, blobHost, workloadIdentity]);
  let set = PROFILE_CACHE.get(key);
  if (!set) {
    const catalog = chainguardContainersCatalog({ roles, blobHost, workloadIdentity });
    set = RequirementSet.union([catalog.hosts.toSet(), catalog.thirdPartyHosts.toSet(), catalog.blobHostWildcard.toSet()]).assertResolved();
    PROFILE_CACHE.set(key, set);
  }
  return set;
}

const PROFILE_CACHE = new BoundedCache<RequirementSet>('Chainguard Containers profiles');

/** Roles in canonical order, each once; `all` (from the CLI) means every role. */
function checkRoles(value: unknown): ChainguardRole[] {
  if (value === undefined || value === null) return [ChainguardRole.PULL];
  const where = `${ORIGIN} option roles`;
  if (!Array.isArray(value)) {
    throw invalidValue('roles', describeValue(value), where, `Give roles as a list, e.g. ['${ChainguardRole.PULL}', '${ChainguardRole.PACKAGES}'].`, 'invalid-type');
  }
  if (value.length === 0) {
    throw invalidValue('roles', '[]', where, `Name at least one role (${CHAINGUARD_ROLES.join(', ')}), or leave roles out for ${ChainguardRole.PULL}.`, 'empty-value');
  }
  if (value.length === 1 && value[0] === 'all') return [...CHAINGUARD_ROLES];
  const seen = new Set<ChainguardRole>();
  value.forEach((role, i) => {
    if (typeof role !== 'string' || !(CHAINGUARD_ROLES as readonly string[]).includes(role)) {
      throw unknownOption('Chainguard role', describeValue(role), `${where}[${i}]`, CHAINGUARD_ROLES);
    }
    if (seen.has(role as ChainguardRole)) {
      throw invalidValue('roles', role, `${where}[${i}]`, `"${role}" is given twice; name each role once.`, 'repeated-value');
    }
    seen.add(role as ChainguardRole);
  });
  return CHAINGUARD_ROLES.filter((r) => seen.has(r));
}

/** The options of the Chainguard Containers profile, one per `ChainguardContainersProfileOptions` property. */
export const CHAINGUARD_CONTAINERS_OPTION_SPECS = declareOptions<ChainguardContainersProfileOptions>({
  roles: {
    type: OptionType.CHOICE_LIST,
    choices: CHAINGUARD_ROLES,
    label: 'Chainguard role',
    defaultValue: [ChainguardRole.PULL],
    defaultText: ChainguardRole.PULL,
    description: 'pull: nodes pulling images (cgr.dev, blob host, auth); packages: build machines installing packages; console: people using the Console and chainctl.',
  },
  blobHost: {
    type: OptionType.CHOICE,
    choices: CHAINGUARD_BLOB_HOSTS,
    label: 'blobHost',
    defaultValue: ChainguardBlobHost.EXACT,
    description: 'The blob storage host behind cgr.dev: the exact R2 host of the current page, or the *.r2.cloudflarestorage.com wildcard (every R2 bucket).',
  },
  workloadIdentity: {
    type: OptionType.BOOLEAN,
    defaultValue: false,
    description: 'Pulls exchange a workload identity for a registry token (adds issuer.enforce.dev to the pull role).',
  },
});

/** The Chainguard Containers profile for the CLI (`chainguard-containers`). */
export const CHAINGUARD_CONTAINERS_PROFILE: ProfileDefinition = cliProfile({
  name: PROFILE,
  title: 'Chainguard Containers',
  description:
    'Chainguard Containers, the registry cgr.dev: HTTPS 443 to the hosts of the roles picked (pull, packages, console); the blob storage host always comes with cgr.dev.',
  options: CHAINGUARD_CONTAINERS_OPTION_SPECS,
  profile: (o) => chainguardContainersProfile(o as ChainguardContainersProfileOptions),
});
