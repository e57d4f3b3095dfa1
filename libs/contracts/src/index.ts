export * from './common';
export * from './errors';
export * from './users';
export * from './auth';
export * from './organisations';
export * from './notifications';
export * from './realtime';
export * from './health';
