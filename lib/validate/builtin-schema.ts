import { ArgumentKind, ProviderSchema } from './provider-schema';

/** Source address of Terraform's built-in provider (`terraform_remote_state`, `terraform_data`). */
export const BUILTIN_SOURCE = 'builtin/terraform';

const ANY = { required: false, kind: ArgumentKind.ATTRIBUTE, type: 'any' } as const;

/**
 * Terraform's built-in provider: cdktf writes `data.terraform_remote_state` for cross-stack references.
 * Arguments from the Terraform language documentation (terraform_remote_state, terraform_data).
 */
export const BUILTIN_SCHEMA: ProviderSchema = {
  source: BUILTIN_SOURCE,
  version: 'unknown',
  origin: 'terraform built-in provider',
  resources: {
    terraform_data: {
      arguments: { input: ANY, triggers_replace: ANY },
      attributes: ['id', 'output'],
    },
  },
  dataSources: {
    terraform_remote_state: {
      arguments: {
        backend: { required: true, kind: ArgumentKind.ATTRIBUTE, type: 'string' },
        config: ANY,
        defaults: ANY,
        workspace: { required: false, kind: ArgumentKind.ATTRIBUTE, type: 'string' },
      },
      attributes: ['outputs'],
    },
  },
};
