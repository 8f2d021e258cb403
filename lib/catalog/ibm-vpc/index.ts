export * from './documents';
export * from './registry';
export { IBM_MASTER_HOST_SUFFIX, IBM_MASTER_PORT_RANGES, IBM_MASTER_PORTS, IbmMasterPortRange, parseMasterEndpoint } from './master';
export type { IbmMasterEndpoint } from './master';
export { ibmWorkerAllowlist } from './worker-allowlist';
export type { IbmWorkerAllowlist, IbmWorkerAllowlistOptions } from './worker-allowlist';
export * from './profile';
export * from './control-plane-ips';
export * from './worker-egress';
