export * from './block';
export * from './scoring';
export * from './block-year';
