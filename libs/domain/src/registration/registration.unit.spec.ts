import type { Actor } from '../shared/actor';
import { RULE_SET_2025 } from '../rule-set/rule-sets';
import { applyOverride, validateProvinceRuleSets } from '../rule-set/override';
import { assessEligibility } from '../eligibility/eligibility';
import {
  decideRegistration,
  evolveRegistrationAll,
  findRegistration,
  initialRegistrationState,
  registrationDeadline,
  type RegistrationCommand,
  type RegistrationEvent,
} from './registration';

const rule = RULE_SET_2025.registration!;
const clerk: Actor = { userId: 'c', role: 'UNIT_CLERK', unitCode: 'SYT' };
const secretariat: Actor = { userId: 's', role: 'SECRETARIAT_OFFICER' };
const given = (...events: RegistrationEvent[]) => evolveRegistrationAll(initialRegistrationState('r1'), events);
const when = (events: RegistrationEvent[], command: RegistrationCommand, actor: Actor, today = '2026-01-10') =>
  decideRegistration(given(...events), command, { actor, today, rule });
const submit: RegistrationCommand = {
  type: 'SubmitRegistration',
  data: {
    unitCode: 'SYT',
    provinceCode: 'P',
    year: 2026,
    subjects: [
      { kind: 'INDIVIDUAL', name: 'Nguyễn Văn An', awardCode: 'CSTD_CO_SO' },
      { kind: 'COLLECTIVE', name: 'Sở Y tế', awardCode: 'CO_TD_TINH' },
    ],
  },
};
const subjectsOf = (c: RegistrationCommand) => (c.type === 'SubmitRegistration' ? c.data : undefined)!;
const submitted: RegistrationEvent = {
  type: 'RegistrationSubmitted',
  data: { ...subjectsOf(submit), deadline: registrationDeadline(2026, rule), submittedOn: '2026-01-10' },
};

describe('registering for annual titles (đăng ký thi đua)', () => {
  it('a unit registers its collectives and individuals by the deadline (20 working days into the year, [U])', () => {
    expect(registrationDeadline(2026, rule)).toBe('2026-01-29');
    const r = when([], submit, clerk);
    expect(r.ok && r.value[0]).toEqual(submitted);
  });
  it('after the deadline a first registration is refused; a returned one may be sent again', () => {
    expect(
      !when([], submit, clerk, '2026-02-02').ok &&
        (when([], submit, clerk, '2026-02-02') as { rejection: { rule: string } }).rejection.rule,
    ).toBe('registration.deadline');
    const returned: RegistrationEvent = {
      type: 'RegistrationReturned',
      data: { on: '2026-01-20', reason: 'Thiếu danh sách' },
    };
    expect(when([submitted, returned], submit, clerk, '2026-02-02').ok).toBe(true);
  });
  it('a title not on the list, a kind the award does not go to, another unit: refused', () => {
    const bad = (subjects: unknown) =>
      when([], { type: 'SubmitRegistration', data: { ...submit.data, subjects } } as RegistrationCommand, clerk);
    expect(bad([{ kind: 'INDIVIDUAL', name: 'A', awardCode: 'BK_TINH' }]).ok).toBe(false);
    expect(bad([{ kind: 'COLLECTIVE', name: 'A', awardCode: 'CSTD_CO_SO' }]).ok).toBe(false);
    expect(when([], submit, { ...clerk, unitCode: 'SGDDT' }).ok).toBe(false);
  });
  it('the secretariat accepts, or returns with a reason', () => {
    expect(when([submitted], { type: 'ReviewRegistration', data: { accept: true } }, secretariat).ok).toBe(true);
    const noReason = when([submitted], { type: 'ReviewRegistration', data: { accept: false } }, secretariat);
    expect(!noReason.ok && noReason.rejection.rule).toBe('registration.return-reason');
    expect(when([submitted], { type: 'ReviewRegistration', data: { accept: true } }, clerk).ok).toBe(false);
  });
});

describe('a proposal without registration: WARNING or REFUSE as the rule set says', () => {
  const entries = [
    {
      kind: 'INDIVIDUAL' as const,
      name: 'Nguyễn Văn An',
      awardCode: 'CSTD_CO_SO',
      year: 2025,
      status: 'ACCEPTED' as const,
    },
  ];
  const assess = (
    registration: ReturnType<typeof findRegistration>,
    ruleSetVersion = RULE_SET_2025.version,
    ruleSets = [RULE_SET_2025],
  ) =>
    assessEligibility(
      {
        awardCode: 'CSTD_CO_SO',
        subjectKind: 'INDIVIDUAL',
        evaluationYear: 2025,
        ruleSetVersion,
        history: { subjectId: 'x', ratings: [], awards: [], initiatives: [], collectiveYears: [] },
        registration,
      },
      ruleSets,
    ).criteria.find((c) => c.id === 'registration.registered');
  it('a registered (accepted) nominee passes; the name matches whatever its spacing and case', () => {
    expect(
      findRegistration(entries, { kind: 'INDIVIDUAL', fullName: '  nguyễn  văn an ' }, 'CSTD_CO_SO', 2025),
    ).toEqual({ year: 2025, registered: true });
    expect(
      assess(findRegistration(entries, { kind: 'INDIVIDUAL', fullName: 'Nguyễn Văn An' }, 'CSTD_CO_SO', 2025))?.passed,
    ).toBe(true);
  });
  it('an unregistered nominee gets a WARNING by default', () => {
    expect(
      assess(findRegistration(entries, { kind: 'INDIVIDUAL', fullName: 'Trần Thị Bình' }, 'CSTD_CO_SO', 2025)),
    ).toMatchObject({ passed: false, severity: 'WARNING' });
  });
  it('a province that sets REFUSE blocks it; its file may set only missing and the deadline', () => {
    const file = {
      provinceCode: 'P',
      overrides: [
        {
          baseVersion: RULE_SET_2025.version,
          adoptedBy: 'QĐ 1/2026',
          registration: { missing: 'REFUSE', deadlineWorkingDays: 30 },
        },
      ],
    };
    const v = validateProvinceRuleSets(file, [RULE_SET_2025]);
    expect(v.ok).toBe(true);
    const strict = applyOverride(RULE_SET_2025, 'P', file.overrides[0] as never);
    expect(strict.registration).toMatchObject({ missing: 'REFUSE', deadlineWorkingDays: 30, titles: rule.titles });
    expect(
      assess({ year: 2025, registered: false }, RULE_SET_2025.version, [
        { ...RULE_SET_2025, registration: strict.registration! },
      ]),
    ).toMatchObject({ passed: false, severity: 'BLOCK' });
    const bad = validateProvinceRuleSets(
      { ...file, overrides: [{ ...file.overrides[0], registration: { missing: 'MAYBE', titles: [] } }] },
      [RULE_SET_2025],
    );
    expect(bad.ok).toBe(false);
  });
  it('without a lookup (commands recorded before registration existed) nothing is added', () => {
    expect(assess(undefined as never)).toBeUndefined();
  });
});
