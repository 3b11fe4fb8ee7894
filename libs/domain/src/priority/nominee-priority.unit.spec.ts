import type { Actor } from '../shared/actor';
import {
  decideNomineePriority,
  evolveNomineePriority,
  type NomineePriority,
  type NomineePriorityState,
} from './nominee-priority';

const dossier = { dossierId: 'd1', unitCode: 'SGDDT', nomineeKind: 'INDIVIDUAL' };
const clerk: Actor = { userId: 'c1', role: 'UNIT_CLERK', unitCode: 'SGDDT' };
const when = (state: NomineePriorityState, p: NomineePriority, actor: Actor = clerk, facts = dossier) =>
  decideNomineePriority(state, p, { actor, today: '2026-05-10', dossier: facts });
const empty: NomineePriorityState = { dossierId: 'd1' };

describe('a nominee’s priority facts (Luật Điều 5): optional, for reports only', () => {
  it('the dossier’s unit records any of them; absent fields stay absent', () => {
    const r = when(empty, { occupationGroup: 'TEACHER', ethnicMinority: true });
    expect(r).toEqual({
      ok: true,
      value: [
        {
          type: 'NomineePriorityRecorded',
          data: {
            dossierId: 'd1',
            priority: { occupationGroup: 'TEACHER', ethnicMinority: true },
            recordedOn: '2026-05-10',
          },
        },
      ],
    });
  });
  it('nothing is mandatory: an empty record is accepted (it clears what was recorded)', () => {
    const before = evolveNomineePriority(empty, {
      type: 'NomineePriorityRecorded',
      data: { dossierId: 'd1', priority: { gender: 'FEMALE' }, recordedOn: '2026-05-01' },
    });
    const r = when(before, {});
    expect(r.ok && r.value[0].data.priority).toEqual({});
  });
  it('recording the same facts again appends nothing', () => {
    const before = evolveNomineePriority(empty, {
      type: 'NomineePriorityRecorded',
      data: { dossierId: 'd1', priority: { gender: 'FEMALE', areaClass: 'BORDER' }, recordedOn: '2026-05-01' },
    });
    expect(when(before, { areaClass: 'BORDER', gender: 'FEMALE' })).toEqual({ ok: true, value: [] });
  });
  it('gender and ethnic minority describe a person, not a collective', () => {
    const r = when(empty, { gender: 'MALE' }, clerk, { ...dossier, nomineeKind: 'COLLECTIVE' });
    expect(!r.ok && r.rejection.rule).toBe('priority.person-only');
    expect(
      when(empty, { areaClass: 'ISLAND', occupationGroup: 'WORKER' }, clerk, { ...dossier, nomineeKind: 'COLLECTIVE' })
        .ok,
    ).toBe(true);
  });
  it('another unit may not; the secretariat may; unknown values are refused', () => {
    const other = when(empty, { gender: 'MALE' }, { userId: 'c2', role: 'UNIT_CLERK', unitCode: 'SYT' });
    expect(!other.ok && other.rejection.code).toBe('FORBIDDEN');
    expect(when(empty, { gender: 'MALE' }, { userId: 's', role: 'SECRETARIAT_OFFICER' }).ok).toBe(true);
    const bad = when(empty, { areaClass: 'MOUNTAIN' as never });
    expect(!bad.ok && bad.rejection.rule).toBe('priority.area-class');
  });
});
