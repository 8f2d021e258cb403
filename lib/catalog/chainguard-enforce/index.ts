export * from './edition';
export * from './sections';
export * from './profile';
