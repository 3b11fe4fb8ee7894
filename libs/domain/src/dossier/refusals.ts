import { refuse, reject } from '../shared/errors';
import type { DossierEvent } from './events';
import type { DossierState, DossierStatus } from './types';

/** The refusal of a command the dossier's status does not allow, naming the statuses that would. */
export const wrongState = (state: DossierState, command: string, expected: readonly DossierStatus[]) =>
  refuse<DossierEvent[]>(
    reject(
      'WRONG_STATE',
      `dossier.${command}.state`,
      `${command} is not allowed while the dossier is ${state.status}; expected ${expected.join(' or ')}`,
      {
        status: state.status,
      },
    ),
  );

export const inState = (state: DossierState, ...statuses: DossierStatus[]) => statuses.includes(state.status);
