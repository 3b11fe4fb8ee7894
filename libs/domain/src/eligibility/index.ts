/** Eligibility and dossier completeness: pure, explained, versioned by rule set. */
export * from './history';
export * from './criteria';
export * from './eligibility';
export * from './dossier-parts';
export * from './initiatives';
