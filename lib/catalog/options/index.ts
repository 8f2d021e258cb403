// Option tables: one declaration per option, and what is derived from it (see declare.ts).
export * from './declare';
export * from './read';
export * from './markdown';
export * from './profile';
