import { Necessity } from '../../model/necessity';
import { Protocol } from '../../model/protocol';
import { AksCatalogTable, aksTable } from './catalog-table';
import { AKS_CLOUDS } from './cloud';

// Tables that apply in every cloud: the optional OS-update rules, GPU node pools, Windows Server node pools.

const OPTIONAL_HEADING = 'Optional recommended FQDN / application rules for AKS clusters';

/** Optional recommended FQDN / application rules (OS security updates for Linux nodes). */
export const OPTIONAL_RECOMMENDED_RULES: AksCatalogTable = aksTable({
  section: 'optional-recommended',
  clouds: AKS_CLOUDS,
  title: OPTIONAL_HEADING,
  anchorHeading: OPTIONAL_HEADING,
  rows: (s) => {
    const recommended = { necessity: Necessity.recommended() };
    s.fqdns(
      ['security.ubuntu.com', 'azure.archive.ubuntu.com', 'changelogs.ubuntu.com'],
      Protocol.HTTP,
      [80],
      'This address lets the Linux cluster nodes download the required security patches and updates.',
      recommended,
    );
    s.fqdns(
      ['snapshot.ubuntu.com'],
      Protocol.HTTPS,
      [443],
      'This address lets the Linux cluster nodes download the required security patches and updates from ubuntu snapshot service.',
      recommended,
    );
  },
});

const GPU_HEADING = 'GPU enabled AKS clusters required FQDN / application rules';

/** GPU enabled AKS clusters required FQDN / application rules. */
export const GPU_RULES: AksCatalogTable = aksTable({
  section: 'gpu',
  clouds: AKS_CLOUDS,
  title: GPU_HEADING,
  anchorHeading: GPU_HEADING,
  rows: (s) => {
    const purpose = 'This address is used for correct driver installation and operation on GPU-based nodes.';
    for (const host of ['nvidia.github.io', 'us.download.nvidia.com', 'download.docker.com']) {
      s.fqdns([host], Protocol.HTTPS, [443], purpose);
    }
  },
});

const WINDOWS_HEADING = 'Windows Server based node pools required FQDN / application rules';

/** Windows Server based node pools required FQDN / application rules. */
export const WINDOWS_RULES: AksCatalogTable = aksTable({
  section: 'windows',
  clouds: AKS_CLOUDS,
  title: WINDOWS_HEADING,
  anchorHeading: WINDOWS_HEADING,
  rows: (s) => {
    const purpose = 'To install Windows-related binaries';
    s.fqdns(['onegetcdn.azureedge.net', 'go.microsoft.com'], Protocol.HTTPS, [443], purpose);
    s.fqdns(['*.mp.microsoft.com', 'www.msftconnecttest.com', 'ctldl.windowsupdate.com'], Protocol.HTTP, [80], purpose);
  },
});
