import { Protocol } from '../../model/protocol';
import { CatalogSection, SourceDocument } from '../catalog-section';

/**
 * "Configure rules to access an Azure container registry behind a firewall" (MicrosoftDocs/azure-management-docs
 * articles/container-registry/container-registry-firewall-access-rules.md @ 064a6550, ms.date 2023-10-31): a client
 * reaches the registry's REST endpoint (the login server `<registry-name>.azurecr.io`, and `azurecr.io` for the
 * wildcard certificate) and its data endpoint: `<registry-name>.<region>.data.azurecr.io` in every region the
 * registry is located or replicated in when dedicated data endpoints are enabled, otherwise the storage accounts
 * behind `*.blob.core.windows.net`. Both on port 443. The page names the Azure public cloud's names only.
 */
export const ACR_FIREWALL_DOCUMENT: SourceDocument = {
  catalog: 'aks',
  title: 'Configure rules to access an Azure container registry behind a firewall (Azure Container Registry)',
  url: 'https://github.com/MicrosoftDocs/azure-management-docs/blob/064a6550eb2d8f5a38ef9944e872f38ed7fed334/articles/container-registry/container-registry-firewall-access-rules.md',
  date: '2023-10-31',
};

/** The user's own Azure Container Registries, as the AKS profile takes them. */
export interface AksContainerRegistryRows {
  /** Registry names (lower case), e.g. `contosoregistry`. */
  readonly registries: readonly string[];
  /** Regions of the dedicated data endpoints (the registry's region and its geo-replicas). */
  readonly dataEndpointRegions: readonly string[];
  /** Allow the shared storage endpoint `*.blob.core.windows.net` (registries without dedicated data endpoints). */
  readonly storageEndpoint: boolean;
}

/** The rows nodes need to pull from the user's registries (HTTPS 443 each). */
export function aksContainerRegistrySection(o: AksContainerRegistryRows): CatalogSection {
  const s = new CatalogSection(ACR_FIREWALL_DOCUMENT, 'container-registry', 'Allow access to REST and data endpoints', 'allow-access-to-rest-and-data-endpoints');
  for (const name of o.registries) {
    s.fqdns([`${name}.azurecr.io`], Protocol.HTTPS, [443], `Your Azure Container Registry ${name}: the registry REST API endpoint (login server: authentication, manifests)`);
  }
  if (o.registries.length === 0) return s;
  s.fqdns(['azurecr.io'], Protocol.HTTPS, [443], 'Azure Container Registry: the registry REST API endpoint for certificates (the wildcard TLS certificate of *.azurecr.io)');
  for (const name of o.registries) {
    for (const region of o.dataEndpointRegions) {
      s.fqdns([`${name}.${region}.data.azurecr.io`], Protocol.HTTPS, [443], `Your Azure Container Registry ${name}: the dedicated data endpoint in ${region} (image layers)`);
    }
  }
  if (o.storageEndpoint) {
    s.fqdns(['*.blob.core.windows.net'], Protocol.HTTPS, [443], 'Azure Container Registry without dedicated data endpoints: the storage (data) endpoint, every Azure blob storage account (image layers)', {
      metadata: { note: 'Any storage account of any tenant: prefer dedicated data endpoints (Premium tier), which scope the rule to your registry.' },
    });
  }
  return s;
}
