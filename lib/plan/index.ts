export * from './flow-group';
export * from './limits';
export * from './naming';
