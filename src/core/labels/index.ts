export * from './coco.ts';
export * from './format.ts';
export * from './geometry.ts';
export * from './migrate.ts';
export * from './summary.ts';
export * from './validate.ts';
