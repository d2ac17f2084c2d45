export * from './exchange.ts';
export * from './features.ts';
export * from './format.ts';
export * from './migrate.ts';
export * from './validate.ts';
