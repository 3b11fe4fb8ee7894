import type { Actor } from '../shared/actor';
import type { Decision } from '../shared/errors';
import { thenEvents, thenRejected } from '../shared/given-when-then';
import {
  decideExemplaryModel,
  dossierDraftFromModel,
  evolveExemplaryModelAll,
  initialExemplaryModelState,
  type ExemplaryModelCommand,
  type ExemplaryModelEvent,
  type ExemplaryModelState,
  type ModelDefinition,
} from './exemplary-model';

// given events / when a command / then events or a rejection.
const given = (...events: ExemplaryModelEvent[]): ExemplaryModelState =>
  evolveExemplaryModelAll(initialExemplaryModelState('m1'), events);
const when = (
  state: ExemplaryModelState,
  command: ExemplaryModelCommand,
  actor: Actor = clerk,
  today = '2026-05-10',
): Decision<ExemplaryModelEvent[]> => decideExemplaryModel(state, command, { actor, today });

const clerk: Actor = { userId: 'c1', role: 'UNIT_CLERK', unitCode: 'SGDDT' };
const head: Actor = { userId: 'h1', role: 'UNIT_HEAD', unitCode: 'SGDDT' };
const otherClerk: Actor = { userId: 'c2', role: 'UNIT_CLERK', unitCode: 'SYT' };
const secretariat: Actor = { userId: 's1', role: 'SECRETARIAT_OFFICER', unitCode: 'UBND' };
const definition: ModelDefinition = {
  title: 'Mô hình "Lớp học hạnh phúc" ở vùng cao',
  summary: 'Cô giáo đưa phương pháp lớp học hạnh phúc vào trường bán trú, tỷ lệ chuyên cần tăng từ 82% lên 99%.',
  subject: { kind: 'INDIVIDUAL', name: 'Hà Thị Yến', position: 'Giáo viên tiểu học', unitCode: 'SGDDT' },
  field: 'EDUCATION',
  movementId: 'mv-1',
  foundOn: '2026-03-01',
  evidence: [{ title: 'Báo cáo sơ kết học kỳ I', ref: '15/BC-SGDDT' }],
};
const registered: ExemplaryModelEvent = { type: 'ExemplaryModelRegistered', data: definition };
const advanced = (
  from: 'FOUND' | 'FOSTERED' | 'REPLICATED',
  to: 'FOSTERED' | 'REPLICATED' | 'HONOURED',
): ExemplaryModelEvent => ({ type: 'ExemplaryModelStageAdvanced', data: { from, to, on: '2026-04-01' } });
const replicated: ExemplaryModelEvent = {
  type: 'ExemplaryModelReplicationRecorded',
  data: { unitCode: 'SYT', unitName: 'Sở Y tế', on: '2026-04-15' },
};

describe('registering an exemplary model (Luật Điều 13, 17(4))', () => {
  it('the model’s own unit registers it with subject, field, movement and evidence; it starts FOUND', () => {
    expect(thenEvents(when(given(), { type: 'RegisterModel', data: definition }))).toEqual([registered]);
    expect(given(registered)).toMatchObject({ stage: 'FOUND', definition });
  });
  it('the secretariat may register a model of any unit; another unit may not', () => {
    expect(thenEvents(when(given(), { type: 'RegisterModel', data: definition }, secretariat))).toHaveLength(1);
    expect(thenRejected(when(given(), { type: 'RegisterModel', data: definition }, otherClerk)).code).toBe('FORBIDDEN');
  });
  it('a model found in the future, with an unknown field or evidence without a reference is refused', () => {
    expect(
      thenRejected(when(given(), { type: 'RegisterModel', data: { ...definition, foundOn: '2026-06-01' } })).rule,
    ).toBe('model.found-on');
    expect(
      thenRejected(when(given(), { type: 'RegisterModel', data: { ...definition, field: 'ASTROLOGY' as never } })).rule,
    ).toBe('model.field');
    expect(
      thenRejected(
        when(given(), { type: 'RegisterModel', data: { ...definition, evidence: [{ title: 'Ảnh', ref: ' ' }] } }),
      ).rule,
    ).toBe('model.evidence');
  });
  it('a collective carries no position; a model is registered once', () => {
    const collective = thenEvents(
      when(given(), {
        type: 'RegisterModel',
        data: { ...definition, subject: { kind: 'COLLECTIVE', name: 'Tổ Toán', position: 'x', unitCode: 'SGDDT' } },
      }),
    );
    expect(collective[0].data).toMatchObject({ subject: { kind: 'COLLECTIVE', name: 'Tổ Toán', unitCode: 'SGDDT' } });
    expect(collective[0].data).not.toHaveProperty('subject.position');
    expect(thenRejected(when(given(registered), { type: 'RegisterModel', data: definition })).rule).toBe(
      'model.registered-once',
    );
  });
});

describe('stages: FOUND → FOSTERED → REPLICATED → HONOURED', () => {
  it('goes one step at a time, by the unit head or the secretariat, not the clerk', () => {
    expect(thenEvents(when(given(registered), { type: 'AdvanceModelStage', data: { to: 'FOSTERED' } }, head))).toEqual([
      { type: 'ExemplaryModelStageAdvanced', data: { from: 'FOUND', to: 'FOSTERED', on: '2026-05-10' } },
    ]);
    expect(
      thenRejected(when(given(registered), { type: 'AdvanceModelStage', data: { to: 'REPLICATED' } }, head)).rule,
    ).toBe('model.stage-order');
    expect(
      thenRejected(when(given(registered), { type: 'AdvanceModelStage', data: { to: 'FOSTERED' } }, clerk)).code,
    ).toBe('FORBIDDEN');
  });
  it('replicated only once another unit applies it', () => {
    const fostered = given(registered, advanced('FOUND', 'FOSTERED'));
    expect(
      thenRejected(when(fostered, { type: 'AdvanceModelStage', data: { to: 'REPLICATED' } }, secretariat)).rule,
    ).toBe('model.replicated-needs-units');
    expect(
      thenEvents(
        when(
          given(registered, advanced('FOUND', 'FOSTERED'), replicated),
          { type: 'AdvanceModelStage', data: { to: 'REPLICATED' } },
          secretariat,
        ),
      ),
    ).toHaveLength(1);
  });
  it('honoured with a note saying how, or after a proposal for an award; then final', () => {
    const replicatedState = given(
      registered,
      advanced('FOUND', 'FOSTERED'),
      replicated,
      advanced('FOSTERED', 'REPLICATED'),
    );
    expect(
      thenRejected(when(replicatedState, { type: 'AdvanceModelStage', data: { to: 'HONOURED' } }, secretariat)).rule,
    ).toBe('model.honoured-how');
    expect(
      thenEvents(
        when(
          replicatedState,
          {
            type: 'AdvanceModelStage',
            data: { to: 'HONOURED', note: 'Tuyên dương tại Hội nghị điển hình tiên tiến tỉnh' },
          },
          secretariat,
        ),
      ),
    ).toHaveLength(1);
    const proposed = given(registered, advanced('FOUND', 'FOSTERED'), replicated, advanced('FOSTERED', 'REPLICATED'), {
      type: 'ExemplaryModelProposed',
      data: { dossierId: 'd1', awardCode: 'BK_TINH', on: '2026-05-01' },
    });
    expect(
      thenEvents(when(proposed, { type: 'AdvanceModelStage', data: { to: 'HONOURED' } }, secretariat)),
    ).toHaveLength(1);
    const honoured = given(
      registered,
      advanced('FOUND', 'FOSTERED'),
      replicated,
      advanced('FOSTERED', 'REPLICATED'),
      advanced('REPLICATED', 'HONOURED'),
    );
    expect(
      thenRejected(when(honoured, { type: 'AdvanceModelStage', data: { to: 'HONOURED' } }, secretariat)).rule,
    ).toBe('model.stage-order');
  });
  it('an unknown model refuses every command', () => {
    expect(thenRejected(when(given(), { type: 'AdvanceModelStage', data: { to: 'FOSTERED' } }, secretariat)).rule).toBe(
      'model.known',
    );
  });
});

describe('replicating units and evidence', () => {
  it('a unit records that it replicates a fostered model, once; not the model’s own unit, not before fostering', () => {
    expect(
      thenRejected(
        when(
          given(registered),
          { type: 'RecordReplication', data: { unitCode: 'SYT', unitName: 'Sở Y tế' } },
          otherClerk,
        ),
      ).rule,
    ).toBe('model.replicate-fostered');
    const fostered = given(registered, advanced('FOUND', 'FOSTERED'));
    expect(
      thenEvents(
        when(
          fostered,
          {
            type: 'RecordReplication',
            data: { unitCode: 'SYT', unitName: 'Sở Y tế', note: 'Áp dụng tại 5 trạm y tế' },
          },
          otherClerk,
        ),
      )[0],
    ).toEqual({
      type: 'ExemplaryModelReplicationRecorded',
      data: { unitCode: 'SYT', unitName: 'Sở Y tế', on: '2026-05-10', note: 'Áp dụng tại 5 trạm y tế' },
    });
    expect(
      thenRejected(
        when(fostered, { type: 'RecordReplication', data: { unitCode: 'SGDDT', unitName: 'Sở GD&ĐT' } }, secretariat),
      ).rule,
    ).toBe('model.replication-other-unit');
    expect(
      thenRejected(when(fostered, { type: 'RecordReplication', data: { unitCode: 'SYT', unitName: 'Sở Y tế' } }, clerk))
        .code,
    ).toBe('FORBIDDEN');
    expect(
      thenRejected(
        when(
          given(registered, advanced('FOUND', 'FOSTERED'), replicated),
          { type: 'RecordReplication', data: { unitCode: 'SYT', unitName: 'Sở Y tế' } },
          otherClerk,
        ),
      ).rule,
    ).toBe('model.replication-once');
  });
  it('evidence is added to the model’s list', () => {
    const more = thenEvents(
      when(given(registered), {
        type: 'AddModelEvidence',
        data: { evidence: [{ title: 'Phóng sự truyền hình', ref: 'https://example.vn/ps' }] },
      }),
    );
    expect(given(registered, ...more).definition?.evidence.map((e) => e.ref)).toEqual([
      '15/BC-SGDDT',
      'https://example.vn/ps',
    ]);
    expect(thenRejected(when(given(registered), { type: 'AddModelEvidence', data: { evidence: [] } })).rule).toBe(
      'model.evidence',
    );
  });
});

describe('proposing a model for an ad-hoc award in one step', () => {
  const fostered = given(registered, advanced('FOUND', 'FOSTERED'), replicated);
  it('the unit clerk proposes a fostered model; the proposal names the dossier; once per award', () => {
    const events = thenEvents(
      when(fostered, { type: 'ProposeModelForAward', data: { awardCode: 'BK_TINH', dossierId: 'd1' } }),
    );
    expect(events).toEqual([
      { type: 'ExemplaryModelProposed', data: { dossierId: 'd1', awardCode: 'BK_TINH', on: '2026-05-10' } },
    ]);
    const again = thenRejected(
      when(given(registered, advanced('FOUND', 'FOSTERED'), ...events), {
        type: 'ProposeModelForAward',
        data: { awardCode: 'BK_TINH', dossierId: 'd2' },
      }),
    );
    expect([again.rule, again.details]).toEqual(['model.proposed-once', { dossierId: 'd1' }]);
  });
  it('not a model just found, not an award the subject cannot receive, not by the secretariat or another unit', () => {
    expect(
      thenRejected(
        when(given(registered), { type: 'ProposeModelForAward', data: { awardCode: 'BK_TINH', dossierId: 'd1' } }),
      ).rule,
    ).toBe('model.propose-fostered');
    expect(
      thenRejected(when(fostered, { type: 'ProposeModelForAward', data: { awardCode: 'CO_TD_TINH', dossierId: 'd1' } }))
        .rule,
    ).toBe('model.award');
    expect(
      thenRejected(
        when(fostered, { type: 'ProposeModelForAward', data: { awardCode: 'BK_TINH', dossierId: 'd1' } }, secretariat),
      ).code,
    ).toBe('FORBIDDEN');
    expect(
      thenRejected(
        when(fostered, { type: 'ProposeModelForAward', data: { awardCode: 'BK_TINH', dossierId: 'd1' } }, otherClerk),
      ).code,
    ).toBe('FORBIDDEN');
  });
  it('the draft dossier is pre-filled from the model: ad-hoc, nominee, achievements with evidence and replication, movement', () => {
    expect(dossierDraftFromModel(fostered, 'BK_TINH', '2026-05-01')).toEqual({
      awardCode: 'BK_TINH',
      title: 'Đề nghị tặng Bằng khen của Chủ tịch UBND tỉnh (khen thưởng đột xuất) cho Hà Thị Yến',
      nominee: { kind: 'INDIVIDUAL', fullName: 'Hà Thị Yến', position: 'Giáo viên tiểu học' },
      achievements: expect.stringContaining('Minh chứng:\n- Báo cáo sơ kết học kỳ I (15/BC-SGDDT)'),
      commendationType: 'AD_HOC',
      achievementDate: '2026-05-01',
      movementId: 'mv-1',
    });
    expect(dossierDraftFromModel(fostered, 'BK_TINH', '2026-05-01')?.achievements).toContain(
      'Được nhân rộng tại: Sở Y tế.',
    );
    expect(dossierDraftFromModel(given(), 'BK_TINH', '2026-05-01')).toBeUndefined();
  });
});
