// The plain-Terraform exporter (no cdktf): spec checking, the target registry, rendering and writing modules.
export * from './module';
export * from './spec';
export * from './spec-file';
export * from './registry';
export * from './render';
export * from './export-module';
export * from './write-module';
export * from './spec-data';
