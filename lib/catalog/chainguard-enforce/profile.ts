import { missingOption } from '../../model/errors';
import { RequirementSet } from '../../model/requirement-set';
import { CHAINGUARD_ENFORCE_LIFECYCLE } from '../lifecycle';
import { declareOptions } from '../options/declare';
import { cliProfile } from '../options/profile';
import { readOptions } from '../options/read';
import { OptionType, ProfileDefinition } from '../profile-definition';
import { DEFAULT_ENFORCE_EDITION, ENFORCE_EDITIONS, EnforceEdition } from './edition';
import { chainguardEnforceCatalog } from './sections';
import { BoundedCache } from '../../model/bounded-cache';

/** How Enforce connects to a cluster. */
export enum EnforceMode {
  /** The Enforce agent runs in the cluster (namespace `gulfstream`) and connects out to the Chainguard hosts. */
  AGENT = 'agent',
  /**
   * No agent: the Enforce SaaS reaches the cluster API endpoint and your registry from the Chainguard CIDR ranges.
   * There is no agent egress.
   */
  AGENTLESS = 'agentless',
}

/** Every mode. */
export const ENFORCE_MODES: readonly EnforceMode[] = [EnforceMode.AGENT, EnforceMode.AGENTLESS];

/** Options of the Chainguard Enforce profile. */
export interface ChainguardEnforceProfileOptions {
  /**
   * Agent or agentless.
   * - agent: egress HTTPS 443 to the Chainguard and third-party hosts, and ingress TCP 443 from the CIDR ranges
   *   (cluster and workload discovery; the page does not limit them to one mode).
   * - agentless: only the ingress rows from the CIDR ranges, for the cluster API endpoint and your registry.
   * @default EnforceMode.AGENT
   */
  readonly mode?: EnforceMode;
  /**
   * Which edition of the "Network Requirements" page to transcribe.
   * @default EnforceEdition.EDITION_2023_11_29 (the newest edition the catalog knows)
   */
  readonly edition?: EnforceEdition;
  /**
   * Chainguard Enforce for Kubernetes is retired (its documentation was turned down on 2024-04-10; see
   * `CHAINGUARD_ENFORCE_LIFECYCLE`): nobody vouches for its hosts and its five CIDR ranges today, and agent mode
   * admits those ranges on the cluster API endpoint. The profile refuses unless this is `true`: set it only for a
   * cluster that still runs the Enforce agent (or to audit rules built from the catalog). For pulls from
   * Chainguard's registry, use `chainguardContainersProfile()` instead.
   * @default false (the profile refuses)
   */
  readonly acknowledgeRetired?: boolean;
}

const PROFILE = 'chainguard-enforce';

/**
 * The Chainguard Enforce requirements for one cluster: a resolved set (the page has no placeholders).
 * Host rows are egress HTTPS 443 FQDNs; the CIDR rows are ingress TCP 443 CIDRs.
 */
export function chainguardEnforceProfile(options: ChainguardEnforceProfileOptions = {}): RequirementSet {
  const o = readOptions(CHAINGUARD_ENFORCE_OPTION_SPECS, options, { origin: `profile ${PROFILE}` });
  const mode = o.mode as EnforceMode;
  const edition = o.edition as EnforceEdition;
  // Checked after the other options, so that a misspelt mode is named as such; nothing is built without it.
  if (o.acknowledgeRetired !== true) throw retiredRefusal();
  // Requirement sets are immutable, so one set per mode and edition serves every cluster of a fleet.
  const key = `${mode}|${edition}`;
  let set = PROFILE_CACHE.get(key);
  if (!set) {
    const catalog = chainguardEnforceCatalog(edition);
    const sections =
      mode === EnforceMode.AGENT
        ? [catalog.chainguardHosts, catalog.registryBlobStorage, catalog.thirdPartyHosts, catalog.cidrRanges]
        : [catalog.cidrRanges, catalog.saasAccess]; // agentless: the API endpoint rows, and the registry rows
    set = RequirementSet.union(sections.map((s) => s.toSet())).assertResolved();
    PROFILE_CACHE.set(key, set);
  }
  return set;
}

const PROFILE_CACHE = new BoundedCache<RequirementSet>('Chainguard Enforce profiles');

/** The refusal without `acknowledgeRetired`: what was retired, the evidence, and both ways out. */
function retiredRefusal() {
  const lifecycle = CHAINGUARD_ENFORCE_LIFECYCLE;
  const turndown = lifecycle.evidence.find((e) => e.date === lifecycle.since);
  return missingOption(
    'acknowledgeRetired',
    `profile ${PROFILE}`,
    `${lifecycle.title} is retired since ${lifecycle.since}${turndown ? ` (${turndown.repository}@${turndown.commit}: ${turndown.change})` : ''}; ` +
      'nobody vouches for its hosts or its five CIDR ranges, which agent mode admits on the cluster API endpoint',
    'chainguardEnforceProfile({ acknowledgeRetired: true }) (CLI --acknowledge-retired) only for a cluster that still runs the Enforce agent; ' +
      `for pulls from cgr.dev use chainguardContainersProfile() (CLI list ${lifecycle.successor})`,
  );
}

/** The options of the Chainguard Enforce profile, one per `ChainguardEnforceProfileOptions` property. */
export const CHAINGUARD_ENFORCE_OPTION_SPECS = declareOptions<ChainguardEnforceProfileOptions>({
  mode: {
    type: OptionType.CHOICE,
    choices: ENFORCE_MODES,
    label: 'Enforce mode',
    defaultValue: EnforceMode.AGENT,
    description: 'agent: the in-cluster agent connects out; agentless: the SaaS reaches the cluster and registry from the CIDR ranges.',
  },
  edition: {
    type: OptionType.CHOICE,
    choices: ENFORCE_EDITIONS,
    label: 'Enforce edition',
    defaultValue: DEFAULT_ENFORCE_EDITION,
    description:
      'Edition of the Network Requirements page: 2023-11-29, the last page revision with an Enforce section (19 hosts, 5 CIDRs; its data files dropped 2 hosts on 2024-01-16), or 2023-03-18, the seed edition (19 hosts, 3 CIDRs).',
  },
  acknowledgeRetired: {
    type: OptionType.BOOLEAN,
    defaultValue: false,
    defaultText: 'false (the profile refuses)',
    description: 'Enforce is retired (2024-04-10): nobody vouches for its hosts and CIDR ranges. Give it only for a cluster that still runs the agent.',
  },
});

/** The Chainguard Enforce profile as the CLI sees it: `--mode agent|agentless`, `--edition 2023-03-18|2023-11-29`. */
export const CHAINGUARD_ENFORCE_PROFILE: ProfileDefinition = cliProfile({
  name: PROFILE,
  title: 'Chainguard Enforce',
  description:
    'RETIRED 2024-04-10, refused without --acknowledge-retired. Chainguard Enforce for Kubernetes: agent egress to the Chainguard and third-party hosts (HTTPS 443) and ingress from the Chainguard CIDR ranges to the cluster API endpoint (TCP 443). For cgr.dev pulls use chainguard-containers.',
  options: CHAINGUARD_ENFORCE_OPTION_SPECS,
  profile: (o) => chainguardEnforceProfile(o as ChainguardEnforceProfileOptions),
});
