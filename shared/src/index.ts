export * from './capabilities';
export * from './collation';
export * from './constants';
export * from './schemas/index';
export * from './types';
