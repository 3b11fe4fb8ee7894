/**
 * Where a collective stands in its block for an emulation year, as eligibility for the Cờ thi đua reads it: the block,
 * the year, the rank (1 = leads, shared ranks possible) and how many members were ranked.
 */
export interface BlockStanding {
  blockId: string;
  blockName: string;
  year: number;
  rank: number;
  rankedMembers: number;
}
