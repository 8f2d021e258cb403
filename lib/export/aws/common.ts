import { terraformTextMap } from '../../model/terraform-text';
import { ExportProvider } from '../module';

export { terraformArguments as snakeKeys } from '../define-target';

/** hashicorp/aws: every resource and argument the AWS targets write exists from 5.0 on, and 6.x keeps them. */
export const AWS_PROVIDER: ExportProvider = { name: 'aws', source: 'hashicorp/aws', version: '>= 5.0, < 7.0' };


/** `tags` as a Terraform JSON argument (keys and values escaped: Terraform reads both as templates), or nothing when there are none. */
export function tagsArgument(tags: Record<string, string> | undefined): { tags?: Record<string, string> } {
  return tags && Object.keys(tags).length > 0 ? { tags: terraformTextMap(tags) } : {};
}
