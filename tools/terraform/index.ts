/** Offline `terraform init` / `validate` / `plan` of synthesized stacks and plain root modules. */
export * from './check';
export * from './discovery';
export * from './prepare';
