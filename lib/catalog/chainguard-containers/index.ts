export * from './hosts';
export * from './profile';
