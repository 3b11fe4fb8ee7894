/** Messages between the API and the block-year workflow (one module, imported by both sides). */
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { Actor, BlockYearCommand, BlockYearEnvelope, BlockYearState, CalendarYear } from '@tdkt/domain';

export const blockYearWorkflowId = (blockYearId: string): string => `block-year-${blockYearId}`;

export interface BlockYearCommandRequest {
  command: BlockYearCommand;
  actor: Actor;
  requestId: string;
  /** The operator's holiday-calendar years, attached by the API like a dossier command's; the workflow keeps the last ones. */
  calendarYears?: CalendarYear[];
}

export const blockYearCommandUpdate = defineUpdate<BlockYearState, [BlockYearCommandRequest]>('blockYearCommand');
export const blockYearStateQuery = defineQuery<BlockYearState>('blockYearState');

/** The block-year workflow's activities; implemented in apps/worker. */
export interface EmulationActivities {
  appendBlockYearEvents(
    events: BlockYearEnvelope[],
  ): Promise<{ appended: number; duplicate: boolean; headHash: string }>;
}
