export * from './accounts';
export * from './workspaces';
export * from './documents';
export * from './comments';
export * from './notifications';
