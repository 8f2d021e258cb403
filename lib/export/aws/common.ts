import { terraformTextMap } from '../../model/terraform-text';
import { ExportProvider } from '../module';

/** hashicorp/aws: every resource and argument the AWS targets write exists from 5.0 on, and 6.x keeps them. */
export const AWS_PROVIDER: ExportProvider = { name: 'aws', source: 'hashicorp/aws', version: '>= 5.0, < 7.0' };

/** A camelCase object tree (provider-binding structure) in Terraform JSON's snake_case; values are kept. */
export function snakeKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(snakeKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`), snakeKeys(v)]));
}

/** `tags` as a Terraform JSON argument (keys and values escaped: Terraform reads both as templates), or nothing when there are none. */
export function tagsArgument(tags: Record<string, string> | undefined): { tags?: Record<string, string> } {
  return tags && Object.keys(tags).length > 0 ? { tags: terraformTextMap(tags) } : {};
}
