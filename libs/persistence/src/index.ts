export * from './data-source';
export * from './audit/chain';
export * from './event-store/event-store';
export * from './read-models/dossier-projection';
export * from './read-models/dossier-queries';
export * from './read-models/decision-numbers';
export * from './directory/directory';
export * from './audit/verifier';
