/**
 * A block year on the web side: its view from GET /api/block-years/:id, who may take which step (the domain's
 * `decideBlockYear` checks again on every call; these only decide what the page offers), and one mutation shape for
 * every step.
 */
import { App } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '../../../api/client';
import { session, type Me } from '../../../auth/session';
import { SECRETARIAT, type BlockYearState } from '../shared';
import { BLOCK_YEAR_PHASES } from '../../../../../../libs/domain/src/emulation/block-year-phases';

export type BlockYear = Schemas['BlockYearViewDto'];
export type Phase = BlockYear['phase'];

/** The open `state` object of the view, read as the domain's state (the OpenAPI types it as an open object). */
export const stateOf = (y: BlockYear): BlockYearState => y.state as unknown as BlockYearState;

export const membersOf = (y: BlockYear) => stateOf(y).opening?.members ?? [];

/** "Name (CODE)" of a member unit, or the code when the block does not list it. */
export const unitLabel = (y: BlockYear, unitCode: string): string => {
  const m = membersOf(y).find((x) => x.unitCode === unitCode);
  return m ? `${m.name} (${m.unitCode})` : unitCode;
};

const isSecretariat = (me: Me | undefined) => SECRETARIAT.includes(me?.role ?? '');
/** The head (or, where `clerks`, the clerk) of this unit. */
const actsFor = (me: Me | undefined, unitCode: string, clerks = false) =>
  !!me && (me.role === 'UNIT_HEAD' || (clerks && me.role === 'UNIT_CLERK')) && me.unitCode === unitCode;

/** Who may take each step of the year, mirroring the domain's rules: the phase first, then the person. */
export function mayAct(y: BlockYear, me: Me | undefined = session.me()) {
  const leads = isSecretariat(me) || actsFor(me, y.headUnit);
  const member = membersOf(y).some((m) => m.unitCode === me?.unitCode);
  /** The head does not cross-review its own unit: the deputy does. */
  const reviewerOf = (unitCode: string) => (unitCode === y.headUnit ? y.deputyUnit : y.headUnit);
  const phase = y.phase;
  return {
    adoptTemplate: (phase === 'TEMPLATE_PENDING' || phase === 'TEMPLATE_ADOPTED') && leads,
    approveTemplate: phase === 'TEMPLATE_ADOPTED' && isSecretariat(me),
    signPledge: (unitCode: string) => phase === 'PLEDGING' && (isSecretariat(me) || actsFor(me, unitCode)),
    /** Sơ kết 6 tháng: after every pledge, before the self-assessment; again replaces it. */
    recordMidYearCheck: phase === 'IN_PROGRESS' && leads,
    openSelfAssessment: phase === 'IN_PROGRESS' && leads,
    /** The unit the person self-assesses for (its clerk or head), when a member. */
    selfAssessFor:
      phase === 'SELF_ASSESSMENT' && member && actsFor(me, me?.unitCode ?? '', true) ? me?.unitCode : undefined,
    closeSelfAssessment: phase === 'SELF_ASSESSMENT' && isSecretariat(me),
    adjust: (unitCode: string) => phase === 'CROSS_REVIEW' && (isSecretariat(me) || actsFor(me, reviewerOf(unitCode))),
    rank: phase === 'CROSS_REVIEW' && leads,
    propose: phase === 'RANKED' && leads,
    close: phase === 'PROPOSED' && isSecretariat(me),
  };
}

/**
 * A step of the block year: the call, then the page shows the answer (the API answers from the read model the append
 * already updated) and the block's list of years is refreshed.
 */
export function useStep<V>(y: BlockYear, call: (v: V) => Promise<BlockYear>, onDone?: () => void) {
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const { t } = useTranslation();
  return useMutation({
    mutationFn: call,
    onSuccess: async (view) => {
      queryClient.setQueryData(['block-year', y.blockYearId], view);
      void message.success(t('emulation.blockYear.done'));
      onDone?.();
      await queryClient.invalidateQueries({ queryKey: ['block', y.blockId] });
    },
  });
}

/** Whether the year has reached `phase` (is in it or past it). */
export const reached = (y: BlockYear, phase: Phase): boolean =>
  BLOCK_YEAR_PHASES.indexOf(y.phase) >= BLOCK_YEAR_PHASES.indexOf(phase);
