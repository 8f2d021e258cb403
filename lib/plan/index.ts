export * from './flow-group';
export * from './limits';
export * from './naming';
export * from './control-plane-access';
export * from './user-cidrs';
export { assertNotAnyAddress } from './any-address';
