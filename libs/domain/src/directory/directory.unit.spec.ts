import type { Actor } from '../shared/actor';
import {
  decideAssignSeat,
  decideDeactivateUser,
  decideEndSeat,
  decideOpenTerm,
  decideRecordUnit,
  decideRecordUser,
  levelOfKind,
  type CouncilSeat,
  type CouncilTerm,
  type UnitRecord,
} from './directory';
import { streamKindOf } from '../shared/streams';

/** Given the directory's facts / when an administrator changes it / then an event, or the rule that refuses it. */
const admin: Actor = { userId: 'admin', role: 'ADMINISTRATOR' };
const clerk: Actor = { userId: 'clerk', role: 'UNIT_CLERK', unitCode: 'SGDDT' };
const unit = (over: Partial<UnitRecord> = {}): UnitRecord => ({
  code: 'SGDDT',
  name: 'Sở Giáo dục và Đào tạo',
  kind: 'DEPARTMENT',
  parentCode: 'UBND',
  provinceCode: 'HN',
  validFrom: '2020-01-01',
  validTo: null,
  ...over,
});
const term = (over: Partial<CouncilTerm> = {}): CouncilTerm => ({
  termId: 't1',
  councilUnitCode: 'UBND',
  name: 'Nhiệm kỳ 2021–2026',
  from: '2021-06-01',
  to: '2026-05-31',
  ...over,
});
const seat = (over: Partial<CouncilSeat> = {}): CouncilSeat => ({
  termId: 't1',
  userId: 'u1',
  councilRole: 'MEMBER',
  from: '2021-06-01',
  to: '2026-05-31',
  ...over,
});

it('a unit is recorded under a known parent of the same province; a province has no parent; the level follows the kind', () => {
  expect(
    decideRecordUnit(unit(), { parent: { code: 'UBND', provinceCode: 'HN', validTo: null } }, admin),
  ).toMatchObject({ ok: true, value: [{ type: 'DirectoryUnitRecorded' }] });
  expect(decideRecordUnit(unit({ code: 'UBND', kind: 'PROVINCE', parentCode: null }), {}, admin).ok).toBe(true);
  expect(decideRecordUnit(unit(), {}, admin)).toMatchObject({
    ok: false,
    rejection: { code: 'INVALID', rule: 'unit.parent', details: { field: 'parentCode' } },
  });
  expect(decideRecordUnit(unit({ parentCode: null }), {}, admin)).toMatchObject({
    ok: false,
    rejection: { rule: 'unit.parent' },
  });
  expect(
    decideRecordUnit(unit(), { parent: { code: 'UBND', provinceCode: 'HCM', validTo: null } }, admin),
  ).toMatchObject({ ok: false, rejection: { rule: 'unit.province' } });
  expect(
    decideRecordUnit(
      unit({ validTo: '2019-01-01' }),
      { parent: { code: 'UBND', provinceCode: 'HN', validTo: null } },
      admin,
    ),
  ).toMatchObject({ ok: false, rejection: { rule: 'unit.valid-to' } });
  expect(decideRecordUnit(unit(), {}, clerk)).toMatchObject({ ok: false, rejection: { code: 'FORBIDDEN' } });
  expect([
    levelOfKind('DISTRICT'),
    levelOfKind('SCHOOL'),
    levelOfKind('MASS_ORGANISATION'),
    levelOfKind('PROVINCE'),
  ]).toEqual(['COMMUNE', 'AGENCY', 'AGENCY', 'PROVINCE']);
});

it('a user without a unit is refused as a bad field (400), a deactivated user is never changed again', () => {
  const user = {
    userId: 'u1',
    username: 'gv.lan',
    fullName: 'Nguyễn Thị Lan',
    role: 'UNIT_CLERK' as const,
    unitCode: null,
    oidcSub: null,
    validFrom: '2025-01-01',
    validTo: null,
  };
  expect(decideRecordUser(user, {}, admin)).toMatchObject({
    ok: false,
    rejection: { code: 'INVALID', rule: 'user.unit', details: { field: 'unitCode' } },
  });
  expect(decideRecordUser({ ...user, unitCode: 'X' }, {}, admin)).toMatchObject({
    ok: false,
    rejection: { code: 'INVALID', rule: 'user.unit' },
  });
  expect(
    decideRecordUser({ ...user, unitCode: 'SGDDT' }, { unit: { code: 'SGDDT', validTo: null } }, admin),
  ).toMatchObject({ ok: true, value: [{ type: 'DirectoryUserRecorded' }] });
  expect(
    decideRecordUser(
      { ...user, unitCode: 'SGDDT' },
      { unit: { code: 'SGDDT', validTo: null }, current: { active: false, username: 'gv.lan' } },
      admin,
    ),
  ).toMatchObject({ ok: false, rejection: { code: 'WRONG_STATE', rule: 'user.deactivated' } });
  expect(
    decideRecordUser({ ...user, unitCode: 'SGDDT' }, { unit: { code: 'SGDDT', validTo: '2024-12-31' } }, admin),
  ).toMatchObject({ ok: false, rejection: { rule: 'user.unit-ended' } });
});

it('deactivation needs a reason, happens once, and not while the person still sits on a council', () => {
  const d = { userId: 'u1', on: '2026-01-01', reason: 'Nghỉ hưu' };
  expect(decideDeactivateUser({ exists: true, active: true, openSeats: 0 }, d, admin)).toMatchObject({
    ok: true,
    value: [{ type: 'DirectoryUserDeactivated' }],
  });
  expect(decideDeactivateUser({ exists: true, active: false, openSeats: 0 }, d, admin)).toMatchObject({
    ok: false,
    rejection: { code: 'WRONG_STATE' },
  });
  expect(decideDeactivateUser({ exists: true, active: true, openSeats: 1 }, d, admin)).toMatchObject({
    ok: false,
    rejection: { rule: 'council.seat-open' },
  });
  expect(
    decideDeactivateUser({ exists: true, active: true, openSeats: 0 }, { ...d, reason: ' ' }, admin),
  ).toMatchObject({ ok: false, rejection: { code: 'INVALID' } });
});

it("a council's terms never overlap (409); the next term may start the day after the last ends", () => {
  const facts = { councilUnit: { kind: 'PROVINCE' as const }, otherTerms: [term()] };
  expect(decideOpenTerm(term({ termId: 't2', from: '2026-05-31', to: '2031-05-31' }), facts, admin)).toMatchObject({
    ok: false,
    rejection: { code: 'WRONG_STATE', rule: 'council.term-overlap', details: { termId: 't1' } },
  });
  expect(decideOpenTerm(term({ termId: 't2', from: '2026-06-01', to: '2031-05-31' }), facts, admin).ok).toBe(true);
  expect(
    decideOpenTerm(term({ termId: 't2', councilUnitCode: 'SGDDT' }), { ...facts, otherTerms: [term()] }, admin).ok,
  ).toBe(true);
  expect(decideOpenTerm(term({ to: '2020-01-01' }), facts, admin)).toMatchObject({
    ok: false,
    rejection: { code: 'INVALID' },
  });
});

it('who may sit on a council: an active person with a council role, inside the term, once, one chair', () => {
  const member = { active: true, role: 'COUNCIL_MEMBER' as const, validTo: null };
  const given = (over = {}) => ({ term: term(), user: member, seats: [] as CouncilSeat[], ...over });
  expect(decideAssignSeat(seat(), given(), admin)).toMatchObject({
    ok: true,
    value: [{ type: 'DirectoryCouncilSeatAssigned', data: { to: '2026-05-31' } }],
  });
  expect(decideAssignSeat(seat(), given({ user: { ...member, active: false } }), admin)).toMatchObject({
    ok: false,
    rejection: { rule: 'council.member-active' },
  });
  expect(decideAssignSeat(seat(), given({ user: { ...member, role: 'UNIT_CLERK' } }), admin)).toMatchObject({
    ok: false,
    rejection: { rule: 'council.member-role' },
  });
  expect(decideAssignSeat(seat({ councilRole: 'CHAIR' }), given(), admin)).toMatchObject({
    ok: false,
    rejection: { rule: 'council.member-role' },
  });
  expect(
    decideAssignSeat(
      seat({ councilRole: 'CHAIR' }),
      given({ user: { ...member, role: 'COUNCIL_CHAIR' }, seats: [seat({ userId: 'u0', councilRole: 'CHAIR' })] }),
      admin,
    ),
  ).toMatchObject({ ok: false, rejection: { rule: 'council.one-chair' } });
  expect(decideAssignSeat(seat(), given({ seats: [seat()] }), admin)).toMatchObject({
    ok: false,
    rejection: { code: 'WRONG_STATE', rule: 'council.seat-once' },
  });
  expect(decideAssignSeat(seat({ from: '2020-01-01' }), given(), admin)).toMatchObject({
    ok: false,
    rejection: { rule: 'council.seat-within-term' },
  });
});

it('a member with open ballots keeps the seat (409); without, the seat ends on the day given', () => {
  const d = { termId: 't1', userId: 'u1', on: '2025-03-01', reason: 'Chuyển công tác' };
  expect(decideEndSeat({ seat: seat(), openBallots: 2 }, d, admin)).toMatchObject({
    ok: false,
    rejection: { code: 'WRONG_STATE', rule: 'council.open-ballots', details: { openBallots: 2 } },
  });
  expect(decideEndSeat({ seat: seat(), openBallots: 0 }, d, admin)).toMatchObject({
    ok: true,
    value: [{ type: 'DirectoryCouncilSeatEnded', data: { on: '2025-03-01' } }],
  });
  expect(decideEndSeat({ openBallots: 0 }, d, admin)).toMatchObject({
    ok: false,
    rejection: { rule: 'council.seat-exists' },
  });
});

it('directory events are their own stream kind', () => {
  expect(streamKindOf('DirectoryUserRecorded')).toBe('DIRECTORY');
  expect(streamKindOf('AwardImported')).toBe('AWARD_IMPORT');
  expect(streamKindOf('AwardRevoked')).toBe('DOSSIER');
});
