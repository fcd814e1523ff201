export * from './connection';
export * from './events';
