import type { EntityManager } from 'typeorm';
import type { DossierEvent, StoredEnvelope } from '@tdkt/domain';

/**
 * The decision register read model: each award decision's dossiers (from DossierAwarded) and each voided number (from
 * DecisionNumberVoided, in the register's own stream). The allocations themselves are the decision_number table.
 */
export async function projectDecisionRegister(m: EntityManager, e: StoredEnvelope): Promise<void> {
  if (e.type === 'DossierAwarded') {
    const { decision } = (e as { data: Extract<DossierEvent, { type: 'DossierAwarded' }>['data'] }).data;
    await m.query(
      `INSERT INTO decision_award (dossier_id, authority, year, formatted, signer_id, signed_on) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING`,
      [e.streamId, decision.authority, decision.year, decision.number, decision.signerId, decision.signedOn],
    );
  } else if (e.type === 'DecisionNumberVoided') {
    const d = e.data as { authority: string; year: number; number: number; formatted: string; reason: string };
    await m.query(
      `INSERT INTO decision_void (authority, year, number, formatted, reason, voided_by, voided_role, voided_at, request_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [d.authority, d.year, d.number, d.formatted, d.reason, e.actorId, e.actorRole, e.occurredAt, e.requestId],
    );
  }
}
