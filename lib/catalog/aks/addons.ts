import { Necessity } from '../../model/necessity';
import { Peer } from '../../model/peer';
import { Protocol } from '../../model/protocol';
import { Provenance } from '../../model/provenance';
import { Interpretation } from '../../model/requirement';
import { CatalogSection, RowOptions } from '../catalog-section';
import { AksAddon, aksAddonSection } from './addon';
import { AksCatalogTable, aksTable } from './catalog-table';
import { AKS_CLOUDS, AksCloud } from './cloud';
import { AksCondition } from './conditions';

// "AKS features, add-ons, and integrations" and "Cluster extensions". Rows that name one host per cloud
// ("login.microsoftonline.com / .us (Azure Government) / .cn (Azure operated by 21Vianet)") become one table
// per cloud, each holding that cloud's host.

const HTTPS = Protocol.HTTPS;
const PUBLIC = AksCloud.AZURE_PUBLIC;
const CHINA = AksCloud.AZURE_CHINA;
const US_GOV = AksCloud.AZURE_US_GOVERNMENT;

/** One host per cloud, as a multi-cloud row lists them. */
type PerCloud = Readonly<Record<AksCloud, string>>;

interface AddonTableProps {
  readonly addon: AksAddon;
  readonly clouds: readonly AksCloud[];
  readonly title: string;
  readonly anchorHeading: string;
  readonly rows: (s: CatalogSection) => void;
}

function addonTable(props: AddonTableProps): AksCatalogTable {
  return aksTable({ section: aksAddonSection(props.addon), ...props });
}

/** One table per cloud from a table whose rows list a host per cloud. */
function perCloudTables(
  addon: AksAddon,
  heading: string,
  rows: (s: CatalogSection, cloud: AksCloud) => void,
  clouds: readonly AksCloud[] = AKS_CLOUDS,
): AksCatalogTable[] {
  return clouds.map((cloud) => addonTable({ addon, clouds: [cloud], title: heading, anchorHeading: heading, rows: (s) => rows(s, cloud) }));
}

const ENTRA = 'Required for Microsoft Entra authentication.';

// --- Workload identity -------------------------------------------------------------------------------------

/** Workload identity required FQDN / application rules: one Entra host per cloud. */
export const WORKLOAD_IDENTITY_TABLES = perCloudTables(AksAddon.WORKLOAD_IDENTITY, 'Workload identity required FQDN / application rules', (s, cloud) => {
  // Listed as "login.microsoftonline.com or login.chinacloudapi.cn or login.microsoftonline.us".
  const login: PerCloud = { [PUBLIC]: 'login.microsoftonline.com', [CHINA]: 'login.chinacloudapi.cn', [US_GOV]: 'login.microsoftonline.us' };
  s.fqdns([login[cloud]], HTTPS, [443], ENTRA);
});

// --- Microsoft Defender for Containers ---------------------------------------------------------------------

/**
 * Microsoft Defender for Containers required FQDN / application rules. The 21Vianet hosts are transcribed as the
 * document lists them, but Defender is retired in Azure operated by 21Vianet (2026-08-18), so the profile refuses
 * the add-on there.
 */
export const DEFENDER_TABLES = perCloudTables(AksAddon.DEFENDER, 'Microsoft Defender for Containers required FQDN / application rules', (s, cloud) => {
  const suffix: PerCloud = { [PUBLIC]: 'com', [CHINA]: 'cn', [US_GOV]: 'us' };
  s.fqdns([`login.microsoftonline.${suffix[cloud]}`], HTTPS, [443], ENTRA);
  s.fqdns([`*.ods.opinsights.azure.${suffix[cloud]}`], HTTPS, [443], 'Required for Microsoft Defender to upload security events to the cloud.');
  s.fqdns([`*.oms.opinsights.azure.${suffix[cloud]}`], HTTPS, [443], 'Required to authenticate with Log Analytics workspaces.');
  // The one row without per-cloud variants.
  s.fqdns(['*.cloud.defender.microsoft.com'], HTTPS, [443], 'Required for Microsoft Defender to upload security events to the cloud.');
});

/** The date Microsoft Defender for Containers is retired in Azure operated by 21Vianet. */
export const DEFENDER_CHINA_RETIREMENT_DATE = '2026-08-18';

// --- Azure Key Vault provider for Secrets Store CSI Driver (reused by Istio and application routing) ---------

const KEY_VAULT_HEADING = 'Azure Key Vault provider for Secrets Store CSI Driver required FQDN / application rules';

/**
 * The Key Vault documentation that names the vaults' host names: "<vault-name>.vault.azure.net" on port 443 (Azure Key
 * Vault, "Access Azure Key Vault behind a firewall", MicrosoftDocs/azure-docs
 * articles/key-vault/general/access-behind-firewall.md at 019172f8849fb63e9e8dde83066bf165306d9a10, ms.date 04/15/2021).
 */
export const KEY_VAULT_HOSTS_SOURCE: Provenance = {
  catalog: 'azure-key-vault',
  section: 'access-behind-firewall',
  sectionTitle: 'Access Azure Key Vault behind a firewall',
  title: 'Azure Key Vault documentation',
  url: 'https://learn.microsoft.com/azure/key-vault/general/access-behind-firewall',
  date: '2021-04-15',
};

/**
 * The public row's literal name, `vault.azure.net`, matches no vault: Azure Firewall application rules match a name
 * exactly unless a wildcard is left-most (`www.contoso.com` matches only itself; `*.contoso.com` matches
 * `any.contoso.com`), and every vault is `<vault-name>.vault.azure.net`. The Government row of the same table already
 * reads `*.vault.usgovcloudapi.net`.
 */
const KEY_VAULT_INTERPRETATION: Interpretation = {
  literalPeer: Peer.fqdn('vault.azure.net'),
  reason:
    'Vaults are <vault-name>.vault.azure.net; an exact-match firewall rule for vault.azure.net matches none of them, so the row is ' +
    'rendered as *.vault.azure.net (the Azure Government row of the same table is *.vault.usgovcloudapi.net).',
  source: KEY_VAULT_HOSTS_SOURCE,
};

/**
 * The Key Vault rows. The document has a public row (literally `vault.azure.net`, without `*.`, interpreted as
 * `*.vault.azure.net`: see `KEY_VAULT_INTERPRETATION`) and an Azure Government row; it lists none for 21Vianet, so
 * the Key Vault add-ons have no 21Vianet table.
 */
const KEY_VAULT_ROWS: Partial<Record<AksCloud, { host: string; purpose: string; interpretation?: Interpretation }>> = {
  [PUBLIC]: {
    host: '*.vault.azure.net',
    purpose: 'Required for CSI Secret Store add-on pods to talk to Azure Key Vault server.',
    interpretation: KEY_VAULT_INTERPRETATION,
  },
  [US_GOV]: {
    host: '*.vault.usgovcloudapi.net',
    purpose: 'Required for CSI Secret Store add-on pods to talk to Azure Key Vault server in Azure Government.',
  },
};
const KEY_VAULT_CLOUDS = AKS_CLOUDS.filter((c) => KEY_VAULT_ROWS[c] !== undefined);

function keyVaultRow(s: CatalogSection, cloud: AksCloud, purposePrefix = '', options: RowOptions = {}): void {
  const row = KEY_VAULT_ROWS[cloud];
  if (row) s.fqdns([row.host], HTTPS, [443], purposePrefix + row.purpose, { ...options, ...(row.interpretation ? { interpretation: row.interpretation } : {}) });
}

/** Azure Key Vault provider for Secrets Store CSI Driver required FQDN / application rules. */
export const KEY_VAULT_TABLES = perCloudTables(AksAddon.KEY_VAULT_SECRETS_PROVIDER, KEY_VAULT_HEADING, (s, cloud) => keyVaultRow(s, cloud), KEY_VAULT_CLOUDS);

// --- Azure Monitor -----------------------------------------------------------------------------------------

const MONITOR = 'Azure Monitor - Managed Prometheus, Container Insights, and Azure Monitor Application Insights Autoinstrumentation';
const APP_INSIGHTS =
  'Application Insights Autoinstrumentation. To limit the scope, can be changed to only allow endpoints in connection strings for the destination resources';

function monitorFqdns(s: CatalogSection, rows: ReadonlyArray<[string, string]>): void {
  for (const [host, purpose] of rows) s.fqdns([host], HTTPS, [443], purpose);
}

/** Azure Monitor: the AzureMonitor service tag (every cloud) and one FQDN table per cloud. */
export const AZURE_MONITOR_TABLES: AksCatalogTable[] = [
  addonTable({
    addon: AksAddon.AZURE_MONITOR,
    clouds: AKS_CLOUDS,
    title: `${MONITOR} > Required network rules`,
    anchorHeading: MONITOR,
    rows: (s) =>
      s.row([Peer.serviceTag('AzureMonitor')], Protocol.TCP, [443], 'This endpoint is used to send metrics data and logs to Azure Monitor and Log Analytics.'),
  }),
  addonTable({
    addon: AksAddon.AZURE_MONITOR,
    clouds: [PUBLIC],
    title: `${MONITOR} > Azure public cloud required FQDN / application rules`,
    anchorHeading: 'Azure public cloud required FQDN / application rules',
    rows: (s) =>
      monitorFqdns(s, [
        ['*.ods.opinsights.azure.com', 'Data ingestion'],
        ['*.oms.opinsights.azure.com', 'Azure Monitor agent (AMA) onboarding'],
        ['dc.services.visualstudio.com', 'For agent telemetry that uses Azure Public Cloud Application Insights'],
        ['*.in.applicationinsights.azure.com', APP_INSIGHTS],
        ['*.monitoring.azure.com', 'Azure Monitor metrics ingestion endpoint'],
        ['login.microsoftonline.com', 'Required for Microsoft Entra authentication'],
        ['global.handler.control.monitor.azure.com', 'Access control service'],
        ['*.ingest.monitor.azure.com', 'Container Insights - logs ingestion endpoint (DCE)'],
        ['*.metrics.ingest.monitor.azure.com', 'Azure monitor managed service for Prometheus - metrics ingestion endpoint (DCE)'],
        ['<location>.handler.control.monitor.azure.com', 'Fetch data collection rules for specific cluster'],
      ]),
  }),
  addonTable({
    addon: AksAddon.AZURE_MONITOR,
    clouds: [CHINA],
    title: `${MONITOR} > Microsoft Azure operated by 21Vianet cloud required FQDN / application rules`,
    anchorHeading: 'Microsoft Azure operated by 21Vianet cloud required FQDN / application rules',
    rows: (s) =>
      monitorFqdns(s, [
        ['*.ods.opinsights.azure.cn', 'Data ingestion'],
        ['*.oms.opinsights.azure.cn', 'Azure Monitor agent (AMA) onboarding'],
        ['dc.services.visualstudio.com', 'For agent telemetry that uses Azure Public Cloud Application Insights'],
        ['*.in.applicationinsights.azure.com', APP_INSIGHTS],
        ['global.handler.control.monitor.azure.cn', 'Access control service'],
        ['<location>.handler.control.monitor.azure.cn', 'Fetch data collection rules for specific cluster'],
        ['*.ingest.monitor.azure.cn', 'Container Insights - logs ingestion endpoint (DCE)'],
        ['*.metrics.ingest.monitor.azure.cn', 'Azure monitor managed service for Prometheus - metrics ingestion endpoint (DCE)'],
      ]),
  }),
  addonTable({
    addon: AksAddon.AZURE_MONITOR,
    clouds: [US_GOV],
    title: `${MONITOR} > Azure Government cloud required FQDN / application rules`,
    anchorHeading: 'Azure Government cloud required FQDN / application rules',
    rows: (s) =>
      monitorFqdns(s, [
        ['*.ods.opinsights.azure.us', 'Data ingestion'],
        ['*.oms.opinsights.azure.us', 'Azure Monitor agent (AMA) onboarding'],
        ['dc.services.visualstudio.com', 'For agent telemetry that uses Azure Public Cloud Application Insights'],
        ['*.in.applicationinsights.azure.com', APP_INSIGHTS],
        ['global.handler.control.monitor.azure.us', 'Access control service'],
        ['<location>.handler.control.monitor.azure.us', 'Fetch data collection rules for specific cluster'],
        ['*.ingest.monitor.azure.us', 'Container Insights - logs ingestion endpoint (DCE)'],
        ['*.metrics.ingest.monitor.azure.us', 'Azure monitor managed service for Prometheus - metrics ingestion endpoint (DCE)'],
      ]),
  }),
];

// --- Azure Policy ------------------------------------------------------------------------------------------

const POLICIES = 'This address is used to pull the Kubernetes policies and to report cluster compliance status to policy service.';
const GATEKEEPER = 'This address is used to pull the Gatekeeper artifacts of built-in policies.';

/** Azure Policy: one table per cloud. The 21Vianet and US Government sub-headings repeat core headings, so they cite "Azure Policy". */
export const AZURE_POLICY_TABLES: AksCatalogTable[] = [
  addonTable({
    addon: AksAddon.AZURE_POLICY,
    clouds: [PUBLIC],
    title: 'Azure Policy required FQDN / application rules',
    anchorHeading: 'Azure Policy required FQDN / application rules',
    rows: (s) => {
      s.fqdns(['data.policy.core.windows.net'], HTTPS, [443], POLICIES);
      s.fqdns(['store.policy.core.windows.net'], HTTPS, [443], GATEKEEPER);
      s.fqdns(['dc.services.visualstudio.com'], HTTPS, [443], 'Azure Policy add-on that sends telemetry data to applications insights endpoint.');
    },
  }),
  addonTable({
    addon: AksAddon.AZURE_POLICY,
    clouds: [CHINA],
    title: 'Azure Policy > Microsoft Azure operated by 21Vianet required FQDN / application rules',
    anchorHeading: 'Azure Policy',
    rows: (s) => {
      s.fqdns(['data.policy.azure.cn'], HTTPS, [443], POLICIES);
      s.fqdns(['store.policy.azure.cn'], HTTPS, [443], GATEKEEPER);
    },
  }),
  addonTable({
    addon: AksAddon.AZURE_POLICY,
    clouds: [US_GOV],
    title: 'Azure Policy > Azure US Government required FQDN / application rules',
    anchorHeading: 'Azure Policy',
    rows: (s) => {
      s.fqdns(['data.policy.azure.us'], HTTPS, [443], POLICIES);
      s.fqdns(['store.policy.azure.us'], HTTPS, [443], GATEKEEPER);
    },
  }),
];

// --- AKS cost analysis add-on ------------------------------------------------------------------------------

/** AKS cost analysis add-on required FQDN / application rules: Azure API and Entra host per cloud. */
export const COST_ANALYSIS_TABLES = perCloudTables(AksAddon.COST_ANALYSIS, 'AKS cost analysis add-on required FQDN / application rules', (s, cloud) => {
  const management: PerCloud = { [PUBLIC]: 'management.azure.com', [CHINA]: 'management.chinacloudapi.cn', [US_GOV]: 'management.usgovcloudapi.net' };
  const login: PerCloud = { [PUBLIC]: 'login.microsoftonline.com', [CHINA]: 'login.microsoftonline.cn', [US_GOV]: 'login.microsoftonline.us' };
  s.fqdns([management[cloud]], HTTPS, [443], 'Required for Kubernetes operations against the Azure API.');
  s.fqdns([login[cloud]], HTTPS, [443], ENTRA);
});

// --- Cluster extensions ------------------------------------------------------------------------------------

const EXTENSION_CONFIG =
  'This address is used to fetch configuration information from the Cluster Extensions service and report extension status to the service.';
const EXTENSION_IMAGES = 'This address is required to pull container images for installing cluster extension agents on AKS cluster.';
const MARKETPLACE_IMAGES = 'is required to pull container images for installing marketplace extensions on AKS cluster.';

/**
 * The marketplace registry's regional data endpoints, as the document lists them. They do not depend on the
 * cluster's location, so every one of them is a row.
 */
export const MARKETPLACE_DATA_ENDPOINTS: ReadonlyArray<{ readonly region: string; readonly name: string }> = [
  { region: 'centralindia', name: 'Central India' },
  { region: 'japaneast', name: 'Japan East' },
  { region: 'westus2', name: 'West US 2' },
  { region: 'westeurope', name: 'West Europe' },
  { region: 'eastus', name: 'East US' },
];

/** Cluster extensions: Azure Global and Azure US Government tables (the document has none for 21Vianet). */
export const CLUSTER_EXTENSIONS_TABLES: AksCatalogTable[] = [
  addonTable({
    addon: AksAddon.CLUSTER_EXTENSIONS,
    clouds: [PUBLIC],
    title: 'Cluster extensions required FQDN / application rules',
    anchorHeading: 'Cluster extensions required FQDN / application rules',
    rows: (s) => {
      s.fqdns(['<location>.dp.kubernetesconfiguration.azure.com'], HTTPS, [443], EXTENSION_CONFIG);
      s.fqdns(['mcr.microsoft.com', '*.data.mcr.microsoft.com'], HTTPS, [443], EXTENSION_IMAGES);
      s.fqdns(['arcmktplaceprod.azurecr.io'], HTTPS, [443], `This address ${MARKETPLACE_IMAGES}`);
      for (const { region, name } of MARKETPLACE_DATA_ENDPOINTS) {
        s.fqdns([`arcmktplaceprod.${region}.data.azurecr.io`], HTTPS, [443], `This address is for the ${name} regional data endpoint and ${MARKETPLACE_IMAGES}`);
      }
      s.fqdns(['*.ingestion.msftcloudes.com', '*.microsoftmetrics.com'], HTTPS, [443], 'This address is used to send agents metrics data to Azure.');
      s.fqdns(['marketplaceapi.microsoft.com'], HTTPS, [443], 'This address is used to send custom meter-based usage to the commerce metering API.');
    },
  }),
  addonTable({
    addon: AksAddon.CLUSTER_EXTENSIONS,
    clouds: [US_GOV],
    title: 'Cluster extensions > Azure US Government required FQDN / application rules',
    anchorHeading: 'Cluster extensions',
    rows: (s) => {
      s.fqdns(['<location>.dp.kubernetesconfiguration.azure.us'], HTTPS, [443], EXTENSION_CONFIG);
      s.fqdns(['mcr.microsoft.com', '*.data.mcr.microsoft.com'], HTTPS, [443], EXTENSION_IMAGES);
    },
  }),
];

// --- Istio and application routing: no rows of their own; they point to the Key Vault provider's rows ---------

const ISTIO_HEADING = 'Istio-based service mesh add-on';

/** Istio-based service mesh add-on: the Key Vault provider rows, needed for a plug-in CA or secure ingress gateways. */
export const ISTIO_TABLES = perCloudTables(
  AksAddon.ISTIO,
  ISTIO_HEADING,
  (s, cloud) =>
    keyVaultRow(s, cloud, 'Istio plug-in CA or secure ingress gateways use the Azure Key Vault provider for Secrets Store CSI Driver. ', {
      necessity: Necessity.conditional(
        AksCondition.ISTIO_USES_KEY_VAULT,
        'If setting up Istio with a plug-in certificate authority (CA) or secure ingress gateways.',
      ),
    }),
  KEY_VAULT_CLOUDS,
);

const APPLICATION_ROUTING_HEADING = 'Application routing add-on';

/** Application routing add-on: the Key Vault provider rows, for SSL termination with Key Vault certificates. */
export const APPLICATION_ROUTING_TABLES = perCloudTables(
  AksAddon.APPLICATION_ROUTING,
  APPLICATION_ROUTING_HEADING,
  (s, cloud) =>
    keyVaultRow(s, cloud, 'Application routing SSL termination with certificates stored in Azure Key Vault. ', {
      necessity: Necessity.conditional(
        AksCondition.APPLICATION_ROUTING_USES_KEY_VAULT,
        'If terminating SSL at the ingress with certificates stored in Azure Key Vault.',
      ),
    }),
  KEY_VAULT_CLOUDS,
);

/** Every add-on table, in document order. */
export const AKS_ADDON_TABLES: readonly AksCatalogTable[] = [
  ...WORKLOAD_IDENTITY_TABLES,
  ...DEFENDER_TABLES,
  ...KEY_VAULT_TABLES,
  ...AZURE_MONITOR_TABLES,
  ...AZURE_POLICY_TABLES,
  ...COST_ANALYSIS_TABLES,
  ...CLUSTER_EXTENSIONS_TABLES,
  ...ISTIO_TABLES,
  ...APPLICATION_ROUTING_TABLES,
];
