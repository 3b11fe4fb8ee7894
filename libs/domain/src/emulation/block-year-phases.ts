/**
 * A block year's phases, in the order a year goes through them. A module with no imports: the web app reads it too
 * (apps/web/src/pages/emulation/block-year/model.ts).
 */
export const BLOCK_YEAR_PHASES = [
  'NEW',
  'TEMPLATE_PENDING',
  'TEMPLATE_ADOPTED',
  'PLEDGING',
  'IN_PROGRESS',
  'SELF_ASSESSMENT',
  'CROSS_REVIEW',
  'RANKED',
  'PROPOSED',
  'CLOSED',
] as const;
export type BlockYearPhase = (typeof BLOCK_YEAR_PHASES)[number];
