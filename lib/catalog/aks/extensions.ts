import { Protocol } from '../../model/protocol';
import { SourceDocument } from '../catalog-section';
import { AksAddon, aksAddonSection } from './addon';
import { AksCatalogTable, aksTable } from './catalog-table';
import { AksCloud } from './cloud';

/**
 * "Quickstart: Install Azure Backup extension in an AKS cluster" (MicrosoftDocs/azure-docs
 * articles/backup/quick-install-backup-extension.md @ 122662ba, ms.date 2023-11-14): the FQDN / application rules a
 * cluster behind a firewall applies before installing the backup extension.
 */
export const AKS_BACKUP_EXTENSION_DOCUMENT: SourceDocument = {
  catalog: 'aks',
  title: 'Quickstart: Install Azure Backup extension in an AKS cluster',
  url: 'https://github.com/MicrosoftDocs/azure-docs/blob/122662bacce4cd046ffc4007293de7091e53c79b/articles/backup/quick-install-backup-extension.md',
  date: '2023-11-14',
};

const HEADING = 'Prerequisites';
const PURPOSE = 'Azure Backup extension (cluster in a private virtual network behind a firewall): FQDN / application rule of the prerequisites';

/** The names the prerequisites list, in their order; `*.core.windows.net` is the storage suffix of Azure Global. */
const NAMES = (storage: string) => ['*.microsoft.com', '*.azure.com', storage, '*.azmk8s.io', '*.digicert.com', '*.digicert.cn', '*.geotrust.com', '*.msocsp.com'];

/**
 * The Azure Backup extension's FQDN / application rules, one table per cloud that has them: Azure Global as the
 * quickstart lists them, and Azure operated by 21Vianet with `*.core.chinacloudapi.cn` in place of
 * `*.core.windows.net`. The 21Vianet variant is from the December 2026 catalog review; the stored quickstart
 * (ms.date 2023-11-14) lists the Global names only, so that table's row says so. The document names no Azure
 * Government variant: the add-on is refused there.
 */
export const BACKUP_TABLES: readonly AksCatalogTable[] = [
  aksTable({
    section: aksAddonSection(AksAddon.BACKUP),
    addon: AksAddon.BACKUP,
    clouds: [AksCloud.AZURE_PUBLIC],
    title: 'Install Azure Backup extension: Prerequisites (FQDN / application rules)',
    anchorHeading: HEADING,
    document: AKS_BACKUP_EXTENSION_DOCUMENT,
    rows: (s) => s.fqdns(NAMES('*.core.windows.net'), Protocol.HTTPS, [443], PURPOSE),
  }),
  aksTable({
    section: aksAddonSection(AksAddon.BACKUP),
    addon: AksAddon.BACKUP,
    clouds: [AksCloud.AZURE_CHINA],
    title: 'Install Azure Backup extension: Prerequisites (FQDN / application rules), Azure operated by 21Vianet',
    anchorHeading: HEADING,
    document: AKS_BACKUP_EXTENSION_DOCUMENT,
    rows: (s) =>
      s.fqdns(NAMES('*.core.chinacloudapi.cn'), Protocol.HTTPS, [443], PURPOSE, {
        metadata: {
          note: 'The 21Vianet storage suffix *.core.chinacloudapi.cn replaces *.core.windows.net; this variant is not in the stored edition of the quickstart (2023-11-14), which lists the Global names only.',
        },
      }),
  }),
];
