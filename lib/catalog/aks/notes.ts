import { Provenance } from '../../model/provenance';
import { learnAnchor } from './catalog-table';
import { AKS_DOCUMENT } from './document';

/** A statement of the AKS document that is worth showing next to the rules but is not itself a rule. */
export interface AksNote {
  /** Stable key, e.g. `managed-disks-traffic`. */
  readonly key: string;
  /** Hosts or host patterns the note names (empty when it names none). */
  readonly hosts: readonly string[];
  /** The note, in plain words. */
  readonly text: string;
  /** Why the library does not emit it as a requirement (or what it changes about the rules). */
  readonly handling: string;
  /** The section of the document it comes from. */
  readonly source: Provenance;
}

function source(section: string, heading: string): Provenance {
  return {
    catalog: AKS_DOCUMENT.catalog,
    section,
    sectionTitle: heading,
    title: AKS_DOCUMENT.title,
    url: `${AKS_DOCUMENT.url}#${learnAnchor(heading)}`,
    date: AKS_DOCUMENT.date,
  };
}

const REQUIRED = source('required-outbound', 'Required outbound network rules and FQDNs for AKS clusters');

/**
 * Notes of the AKS document (newest edition). The two "you might notice traffic" bullets are deliberately not
 * rules: the document does not ask to allow them (blocking md-* "should not cause any issues"), and their
 * patterns put the wildcard inside a label (`md-*`, `umsa*`), which FQDN firewall rules cannot express.
 */
export const AKS_NOTES: readonly AksNote[] = [
  {
    key: 'managed-disks-traffic',
    hosts: ['md-*.blob.storage.azure.net'],
    text: 'Nodes may send traffic to md-*.blob.storage.azure.net, used by internal components of Azure Managed Disks. Blocking it should not cause any issues.',
    handling: 'Not emitted: the document does not require it, and a wildcard inside a label cannot be written as a firewall FQDN.',
    source: REQUIRED,
  },
  {
    key: 'vm-agent-manifests-traffic',
    hosts: ['umsa*.blob.core.windows.net'],
    text: 'Nodes may send traffic to umsa*.blob.core.windows.net, where the Azure Linux VM Agent and Extensions manifests are stored and regularly checked for new versions.',
    handling: 'Not emitted: the document only says the traffic may be seen, and a wildcard inside a label cannot be written as a firewall FQDN.',
    source: REQUIRED,
  },
  {
    key: 'api-server-ip-may-change',
    hosts: [],
    text: 'The API server IP can change during a maintenance operation; planned changes are announced in advance.',
    handling:
      'Rules built from apiServerPublicIp must be updated when it changes. Pods can avoid the IP rule through the kubernetes.azure.com/set-kube-service-host-fqdn annotation with a layer 7 firewall.',
    source: REQUIRED,
  },
  {
    key: 'os-updates-when-blocked',
    hosts: ['security.ubuntu.com', 'azure.archive.ubuntu.com', 'changelogs.ubuntu.com', 'snapshot.ubuntu.com'],
    text: 'Without the optional OS-update rules (and the Windows Server rules), nodes receive OS updates only through a node image upgrade or a cluster upgrade.',
    handling: 'The optional rules are emitted only with includeRecommended.',
    source: source('optional-recommended', 'Optional recommended FQDN / application rules for AKS clusters'),
  },
  {
    key: 'key-vault-apex',
    hosts: ['vault.azure.net'],
    text: 'The Key Vault provider row is written as vault.azure.net, without a leading *.; vaults themselves are addressed as subdomains of it.',
    handling:
      'Rendered as *.vault.azure.net (a sourced interpretation that keeps the literal row as its vendor row): an exact-match rule for vault.azure.net would match no vault. The Azure Government row is already *.vault.usgovcloudapi.net.',
    source: source('addon-key-vault-secrets-provider', 'Azure Key Vault provider for Secrets Store CSI Driver'),
  },
  {
    key: 'defender-21vianet-retired',
    hosts: [],
    text: 'Microsoft Defender for Containers is retired in Microsoft Azure operated by 21Vianet (2026-08-18).',
    handling: 'The 21Vianet Defender rows are kept in the catalog, but the profile refuses the defender add-on for azure-china.',
    source: source('addon-defender', 'Microsoft Defender for Containers'),
  },
  {
    key: 'other-addons',
    hosts: [],
    text: "For any add-ons that aren't explicitly stated in the document, the core requirements cover them.",
    handling: 'Add-ons the document does not name have no add-on option.',
    source: source('addon-cluster-extensions', 'Cluster extensions'),
  },
];
