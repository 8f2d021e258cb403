import { SourceDocument } from '../catalog-section';

/**
 * The AKS egress document, newest edition (content last changed 2026-06-18, ms.date 06/18/2026). It supersedes
 * the 2024-10-10 edition the catalog was first seeded from: that edition lacked packages.aks.azure.com, the
 * Mooncake MCR cache, workload identity, *.cloud.defender.microsoft.com and the current Azure Monitor tables.
 */
export const AKS_DOCUMENT: SourceDocument = {
  catalog: 'aks',
  title: 'Outbound network and FQDN rules for Azure Kubernetes Service (AKS) clusters',
  url: 'https://learn.microsoft.com/azure/aks/outbound-rules-control-egress',
  date: '2026-06-18',
};
