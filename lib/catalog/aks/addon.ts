/** The AKS features, add-ons and integrations the document has rules for. */
export enum AksAddon {
  WORKLOAD_IDENTITY = 'workload-identity',
  /** Microsoft Defender for Containers. */
  DEFENDER = 'defender',
  /** Azure Key Vault provider for Secrets Store CSI Driver. */
  KEY_VAULT_SECRETS_PROVIDER = 'key-vault-secrets-provider',
  /** Managed Prometheus, Container Insights and Application Insights autoinstrumentation. */
  AZURE_MONITOR = 'azure-monitor',
  AZURE_POLICY = 'azure-policy',
  COST_ANALYSIS = 'cost-analysis',
  CLUSTER_EXTENSIONS = 'cluster-extensions',
  /** Istio-based service mesh add-on (plug-in CA or secure ingress gateways use the Key Vault provider). */
  ISTIO = 'istio',
  /** Application routing add-on (SSL termination with Key Vault certificates). */
  APPLICATION_ROUTING = 'application-routing',
  /** The Azure Backup for AKS extension (its own document, not the AKS egress page). */
  BACKUP = 'backup',
}

/** Every add-on, in document order. */
export const AKS_ADDONS: readonly AksAddon[] = [
  AksAddon.WORKLOAD_IDENTITY,
  AksAddon.DEFENDER,
  AksAddon.KEY_VAULT_SECRETS_PROVIDER,
  AksAddon.AZURE_MONITOR,
  AksAddon.AZURE_POLICY,
  AksAddon.COST_ANALYSIS,
  AksAddon.CLUSTER_EXTENSIONS,
  AksAddon.ISTIO,
  AksAddon.APPLICATION_ROUTING,
  AksAddon.BACKUP,
];

/** The add-ons whose Key Vault rows apply only when the user says the feature uses Key Vault (`addonsUsingKeyVault`). */
export const AKS_KEY_VAULT_FEATURE_ADDONS: readonly AksAddon[] = [AksAddon.ISTIO, AksAddon.APPLICATION_ROUTING];

/** The section key (`Provenance.section`) of an add-on's rows, e.g. `addon-azure-monitor`. */
export function aksAddonSection(addon: AksAddon): string {
  return `addon-${addon}`;
}
