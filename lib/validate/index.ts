export * from './provider-schema';
export * from './jsii-schema';
export * from './schema-file';
export * from './schema-store';
export * from './references';
export { checkType } from './argument-checker';
export { formatProblem, StackValidator } from './stack-validator';
export type { CheckCounts, ValidationProblem } from './stack-validator';
export * from './validate-directory';
