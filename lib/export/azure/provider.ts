import { ExportProvider } from '../module';

/**
 * hashicorp/azurerm from 3.0 up to (not including) 5.0. Every argument the Azure modules use exists across the range:
 * `azurerm_firewall_policy_rule_collection_group` with `destination_fqdns`, `destination_fqdn_tags`,
 * `destination_addresses` and `source_ip_groups` predates 3.0, and the rules' `description` arrived in 2.76.0
 * (provider CHANGELOG, #13190); the bindings this library is built with are 4.55.0. 5.x is left out until it exists
 * and has been checked.
 */
export const AZURERM_PROVIDER: ExportProvider = { name: 'azurerm', source: 'hashicorp/azurerm', version: '>= 3.0, < 5.0' };

/** A Terraform resource key for a name: letters, digits, `_` and `-`, starting with a letter or `_`. */
export function terraformKey(name: string): string {
  const key = name.replace(/[^A-Za-z0-9_-]/g, '_');
  return /^[A-Za-z_]/.test(key) ? key : `_${key}`;
}
