export * from './format.ts';
export * from './graph.ts';
export * from './templates.ts';
export * from './validate.ts';
