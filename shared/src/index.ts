export * from './capabilities';
export * from './constants';
export * from './schemas/index';
export * from './types';
