import type { CentralActivities, CentralForwarding } from '@tdkt/workflows/src/messages';

/**
 * The central boundary of the state route (rules 3, 24, 25): every interaction between the province's engine and the
 * centre — the Ministry of Home Affairs (Ban TĐKT Trung ương), the Government Office, the Office of the President —
 * goes through this one interface, so a real integration with the Ministry's system can replace the in-process one
 * without touching the workflows, the domain or the API.
 *
 * The contract:
 * - `forward` hands over the chairman's signed tờ trình and the dossier package (rules 18, 19) once, idempotently by
 *   `requestId` (the central-stage workflow retries the activity), and answers the centre's own reference for it, which
 *   the stage records in its CentralStageOpened event.
 * - What the centre then does comes back as the central commands of the domain (RecordHiepY, CentralAppraise,
 *   RecordStandingReview, ProposeToPresident, DecideDossier with decidedBy) sent to the central-stage workflow
 *   (`central-<dossierId>`, update `dossierCommand`) by an actor with the role CENTRAL_APPRAISER or CENTRAL_DECIDER.
 *   With the in-process gateway those actors are people using this engine's API; a real integration would translate
 *   the Ministry's callbacks or polled status into the same commands, under a service account in those roles.
 * - Supplements the centre asks for are answered by the province's secretariat through the API
 *   (ProvideCentralSupplement); a real integration would also `forward` them (not yet part of this interface).
 */
export interface CentralGateway {
  forward(dossier: CentralForwarding): Promise<{ reference: string }>;
}

/**
 * The in-process centre: nothing leaves the engine. The reference is derived from the dossier, so a retried forward
 * answers the same; the central actors act through this engine's own API with their roles.
 */
export class InProcessCentralGateway implements CentralGateway {
  async forward(dossier: CentralForwarding): Promise<{ reference: string }> {
    return { reference: `in-process:${dossier.dossierId}` };
  }
}

/** The central stage's activities over a gateway. */
export function createCentralActivities(gateway: CentralGateway): CentralActivities {
  return { forwardToCentre: (input) => gateway.forward(input) };
}
