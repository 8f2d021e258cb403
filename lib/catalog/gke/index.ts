export * from './documents';
export * from './regions';
export * from './conditions';
export * from './firewall-rules';
export * from './google-apis';
export * from './profile';
