import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  decideFundPayment,
  evolveAwardFund,
  initialAwardFundState,
  vietnamDate,
  type Actor,
  type AwardFundEvent,
  type FundPayment,
  Refused,
} from '@tdkt/domain';
import { AwardFundQueries, EventStore, type FundEntry, type FundPaymentRow } from '@tdkt/persistence';
import { appendDecided } from '../platform/stream-append';

/** A decided dossier's fund stream id: derived from the dossier's, so each decision has one. */
export function fundStreamIdOf(dossierId: string): string {
  const h = createHash('sha256').update(`award-fund:${dossierId}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

const isUnitStaff = (a: Actor) => a.role === 'UNIT_CLERK' || a.role === 'UNIT_HEAD';

/** The award fund ledger: read what is due and paid; record a payment (plain stream, appended by the API). */
@Injectable()
export class AwardFundService {
  constructor(
    private readonly events: EventStore,
    private readonly fund: AwardFundQueries,
  ) {}

  /** Unit staff see their own unit's lines; the oversight roles all. */
  async entry(actor: Actor, dossierId: string): Promise<FundEntry & { payments: FundPaymentRow[] }> {
    const e = await this.fund.entry(dossierId);
    if (!e) throw Refused.notFound(`No decided dossier ${dossierId} in the award fund ledger`);
    if (isUnitStaff(actor) && actor.unitCode !== e.unitCode) throw Refused.forbidden("Another unit's award");
    return e;
  }

  async pay(
    actor: Actor,
    dossierId: string,
    payment: FundPayment,
  ): Promise<FundEntry & { payments: FundPaymentRow[] }> {
    await this.entry(actor, dossierId);
    const decision = await this.fund.fundedDecision(dossierId);
    if (!decision) throw Refused.notFound(`No decided dossier ${dossierId} in the award fund ledger`);
    const streamId = fundStreamIdOf(dossierId);
    const stream = await this.events.readStream(streamId);
    const state = stream.reduce(
      (s, e) => evolveAwardFund(s, { type: e.type, data: e.data } as AwardFundEvent),
      initialAwardFundState(dossierId),
    );
    const result = decideFundPayment(
      state,
      { type: 'RecordFundPayment', data: payment },
      { actor, today: vietnamDate(Date.now()), decision },
    );
    if (!result.ok) throw Refused.of(result.rejection);
    await appendDecided(this.events, streamId, stream, result.value, actor, {
      rule: 'fund.concurrent-change',
      message: 'Another payment was recorded meanwhile; reload and try again',
    });
    return this.entry(actor, dossierId);
  }
}
