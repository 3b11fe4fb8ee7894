/**
 * RevocationService on the run's Postgres and Temporal dev server, without HTTP: where a revocation command can reach
 * the workflow (refused here otherwise, naming the statuses it needs), and the bonus recovery carrying what the award
 * fund ledger records as paid, so the domain refuses recovering more (Luật Điều 90).
 */
import { randomUUID } from 'node:crypto';
import { vietnamDate, type RevocationCommand } from '@tdkt/domain';
import { AwardFundService } from '../award-fund/award-fund.service';
import { DossierCommandsService } from './dossier-commands.service';
import { RevocationService } from './revocation.service';
import {
  driveDossier,
  refusalOf,
  seedProvince,
  startServices,
  type Province,
  type ServiceWorld,
} from '../../../../test/support/services';

let world: ServiceWorld;
let revocation: RevocationService;
let commands: DossierCommandsService;
let fund: AwardFundService;
let p: Province;

beforeAll(async () => {
  world = await startServices([DossierCommandsService, RevocationService, AwardFundService]);
  revocation = world.module.get(RevocationService);
  commands = world.module.get(DossierCommandsService);
  fund = world.module.get(AwardFundService);
  p = await seedProvince(world.directory);
}, 120_000);
afterAll(async () => world?.stop());

const revoke: RevocationCommand = {
  type: 'RevokeAward',
  data: {
    ground: 'FALSE_INFORMATION_OR_FORGERY',
    reason: 'Hồ sơ kê khai thành tích không đúng sự thật, đã được cơ quan có thẩm quyền kết luận.',
    decisionRef: '123/QĐ-UBND',
  },
};
const recoverBonus = (amountVnd: number): RevocationCommand => ({
  type: 'RecordRecovery',
  data: { item: 'BONUS', amountVnd, note: 'Giấy nộp tiền vào ngân sách' },
});

it('refuses a revocation command where it cannot reach the workflow, naming the statuses it needs', async () => {
  const id = await driveDossier(commands, p, 2);
  const early = await refusalOf(revocation.execute(p.as.chairman, id, revoke));
  expect(early).toMatchObject({ by: 'service', code: 'WRONG_STATE' });
  expect(early.message).toContain('while the dossier is APPRAISAL; expected AWARDED');
  const recovery = await refusalOf(revocation.execute(p.as.secretariat, id, recoverBonus(1)));
  expect(recovery).toMatchObject({ by: 'service', code: 'WRONG_STATE' });
  expect(recovery.message).toContain('while the dossier is APPRAISAL; expected REVOKED or RECOVERY_PENDING');
  expect(await refusalOf(revocation.execute(p.as.chairman, randomUUID(), revoke))).toMatchObject({
    by: 'service',
    code: 'NOT_FOUND',
  });
  expect(await refusalOf(revocation.tasks(p.as.otherClerk, id))).toMatchObject({ by: 'service', code: 'FORBIDDEN' });
  expect((await commands.mustFind(id)).status).toBe('APPRAISAL');
}, 60_000);

it('recovers at most what the ledger records as paid: the paid amount travels in the command', async () => {
  const id = await driveDossier(commands, p);
  const paid = 500_000;
  await fund.pay(p.as.secretariat, id, {
    amountVnd: paid,
    paidOn: vietnamDate(Date.now()),
    source: 'STATE_BUDGET',
    voucherRef: `PC-${randomUUID().slice(0, 6)}`,
  });
  const revoked = await revocation.execute(p.as.chairman, id, revoke);
  expect(revoked.status).toBe('RECOVERY_PENDING');
  expect((await revocation.tasks(p.as.secretariat, id)).map((t) => [t.item, t.recoveredOn])).toEqual([
    ['AWARD_OBJECT', null],
    ['BONUS', null],
  ]);

  const more = await refusalOf(revocation.execute(p.as.secretariat, id, recoverBonus(paid + 1)));
  expect(more).toMatchObject({
    by: 'workflow',
    code: 'RULE_VIOLATION',
    rule: 'recovery.within-paid',
    details: { amountVnd: paid + 1, paidVnd: paid },
  });
  const recovered = await revocation.execute(p.as.secretariat, id, recoverBonus(paid));
  expect(recovered.status).toBe('RECOVERY_PENDING');
  const bonus = (await revocation.tasks(p.as.secretariat, id)).find((t) => t.item === 'BONUS');
  expect(bonus).toMatchObject({ recoveredAmountVnd: paid, recordedBy: p.as.secretariat.userId });
  const events = await world.events.readStream(id);
  expect(events.filter((e) => e.type === 'RecoveryRecorded').map((e) => e.data)).toEqual([
    expect.objectContaining({ item: 'BONUS', amountVnd: paid }),
  ]);

  // The award objects close the recovery; nothing travels with them.
  const closed = await revocation.execute(p.as.secretariat, id, {
    type: 'RecordRecovery',
    data: { item: 'AWARD_OBJECT' },
  });
  expect(closed.status).toBe('CLOSED');
}, 90_000);

it('with nothing paid, any bonus amount is more than the ledger records', async () => {
  const id = await driveDossier(commands, p);
  await revocation.execute(p.as.chairman, id, revoke);
  const refused = await refusalOf(revocation.execute(p.as.secretariat, id, recoverBonus(1)));
  expect(refused).toMatchObject({ rule: 'recovery.within-paid', details: { amountVnd: 1, paidVnd: 0 } });
  // Without an amount the ledger is not consulted: the recovery is recorded as it stands.
  const recorded = await revocation.execute(p.as.secretariat, id, { type: 'RecordRecovery', data: { item: 'BONUS' } });
  expect(recorded.status).toBe('RECOVERY_PENDING');
  expect((await revocation.tasks(p.as.secretariat, id)).find((t) => t.item === 'BONUS')?.recoveredOn).not.toBeNull();
}, 90_000);
