import type { Actor } from '../shared/actor';
import { decideVoidNumber, isRegisterEventType, mayVoidSeries, type NumberFacts } from './register';

/** Given what the register knows of a number / when someone voids it / then an event or the rule that refuses it. */
const decider: Actor = { userId: 'chair', role: 'PROVINCIAL_DECIDER' };
const admin: Actor = { userId: 'admin', role: 'ADMINISTRATOR' };
const facts = (over: Partial<NumberFacts> = {}): NumberFacts => ({
  authority: 'PROVINCIAL_CHAIRMAN:HN',
  year: 2026,
  number: 13,
  formatted: '13/QĐ-UBND',
  carriedBy: [],
  ...over,
});

it('an allocated number no decision carries is voided by an event with its reason; nothing else changes', () => {
  const d = decideVoidNumber(facts(), '  Quyết định không ban hành ', decider);
  expect(d).toEqual({
    ok: true,
    value: [
      {
        type: 'DecisionNumberVoided',
        data: {
          authority: 'PROVINCIAL_CHAIRMAN:HN',
          year: 2026,
          number: 13,
          formatted: '13/QĐ-UBND',
          reason: 'Quyết định không ban hành',
        },
      },
    ],
  });
  expect(isRegisterEventType('DecisionNumberVoided')).toBe(true);
  expect(isRegisterEventType('DossierAwarded')).toBe(false);
});

it('a number never allocated, or already voided, is refused with a clear message', () => {
  const never = decideVoidNumber(facts({ formatted: undefined as unknown as string }), 'lý do', decider);
  expect(never).toMatchObject({ ok: false, rejection: { code: 'RULE_VIOLATION', rule: 'register.void-allocated' } });
  expect(!never.ok && never.rejection.message).toMatch(/never allocated/);
  const twice = decideVoidNumber(facts({ voided: { reason: 'nhầm số', by: 'chair' } }), 'lý do', decider);
  expect(twice).toMatchObject({ ok: false, rejection: { code: 'WRONG_STATE', rule: 'register.void-once' } });
  expect(!twice.ok && twice.rejection.message).toMatch(/already voided by chair: nhầm số/);
});

it('the number of an awarded dossier is not voided: revocation is the path, and the error says so', () => {
  const d = decideVoidNumber(facts({ carriedBy: [{ dossierId: 'd-1', status: 'AWARDED' }] }), 'lý do', decider);
  expect(d).toMatchObject({ ok: false, rejection: { code: 'WRONG_STATE', rule: 'register.void-unused' } });
  expect(!d.ok && d.rejection.message).toMatch(
    /awarded dossier d-1.*revoked \(POST \/api\/dossiers\/d-1\/revocation\)/,
  );
  const revoked = decideVoidNumber(facts({ carriedBy: [{ dossierId: 'd-2', status: 'REVOKED' }] }), 'lý do', admin);
  expect(revoked).toMatchObject({ ok: false, rejection: { rule: 'register.void-unused' } });
});

it('a provincial decider voids the provincial series only; an administrator any decision series, never a tờ trình number', () => {
  expect(mayVoidSeries(decider, 'PROVINCIAL_CHAIRMAN:HN')).toBe(true);
  expect(decideVoidNumber(facts({ authority: 'SGDDT' }), 'lý do', decider)).toMatchObject({
    ok: false,
    rejection: { code: 'FORBIDDEN' },
  });
  expect(decideVoidNumber(facts({ authority: 'SGDDT' }), 'lý do', admin).ok).toBe(true);
  expect(decideVoidNumber(facts({ authority: 'PROVINCIAL_CHAIRMAN:HN:TTr' }), 'lý do', admin)).toMatchObject({
    ok: false,
    rejection: { rule: 'register.decisions-only' },
  });
  expect(decideVoidNumber(facts(), ' ', admin)).toMatchObject({ ok: false, rejection: { code: 'INVALID' } });
});
