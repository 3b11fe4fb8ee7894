/**
 * The register of exemplary models (điển hình tiên tiến, Luật Điều 13, 17(4)) through the API on the real database and
 * Temporal: a unit registers a model of its movement, its head fosters it, another unit replicates it, the clerk
 * proposes it for an ad-hoc award in one step (a draft AD_HOC dossier pre-filled from the model, created through the
 * dossier's own workflow), and the model is honoured; refusals change nothing.
 */
import { Workbook } from 'exceljs';
import { aMovement, http, seedCast, startSystem, tokensFor, type Cast, type TestSystem } from '../support/system';

let sys: TestSystem;
let cast: Cast;
let t: Record<string, string>;
let province: string;
let movementId: string;
const year = new Date().getUTCFullYear();
const today = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);

interface Model {
  modelId: string;
  stage: string;
  movementId: string | null;
  unitCode: string;
  state: {
    replications: { unitCode: string }[];
    proposals: { dossierId: string; awardCode: string }[];
    definition: { evidence: { ref: string }[] };
  };
}

beforeAll(async () => {
  sys = await startSystem();
  cast = await seedCast(sys);
  t = await tokensFor(sys, cast);
  province = (await sys.directory.provinceOf(cast.unitCode)) ?? '';
  const movement = await http<{ movementId: string }>(sys, 'POST', '/movements', {
    token: t.secretariat,
    body: aMovement(year, province, {
      name: `Phong trào thi đua "Dạy tốt, học tốt" năm ${year}`,
      objectives: ['Nâng cao chất lượng giáo dục'],
      criteria: ['Tỷ lệ học sinh chuyên cần'],
      launchDecision: { number: '3/QĐ-UBND' },
    }),
  });
  movementId = movement.body.movementId;
}, 120_000);
afterAll(async () => sys?.stop());

const aModel = (overrides: Record<string, unknown> = {}) => ({
  title: 'Mô hình "Lớp học hạnh phúc" ở vùng cao',
  summary: 'Cô giáo đưa phương pháp lớp học hạnh phúc vào trường bán trú; tỷ lệ chuyên cần tăng từ 82% lên 99%.',
  subject: { kind: 'INDIVIDUAL', name: 'Hà Thị Yến', position: 'Giáo viên tiểu học' },
  field: 'EDUCATION',
  movementId,
  foundOn: today,
  evidence: [{ title: 'Báo cáo sơ kết học kỳ I', ref: '15/BC-TRUONG' }],
  ...overrides,
});

describe('an exemplary model from found to honoured, proposed for an ad-hoc award in one step', () => {
  let id: string;

  it('the unit registers it (FOUND); bad input is 400 per field; another unit may not register it for this unit', async () => {
    const bad = await http<{ fields: Record<string, string[]> }>(sys, 'POST', '/exemplary-models', {
      token: t.clerk,
      body: aModel({ field: 'ASTROLOGY', foundOn: 'yesterday' }),
    });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.fields)).toEqual(expect.arrayContaining(['field', 'foundOn']));
    const noMovement = await http<{ fields: Record<string, string[]> }>(sys, 'POST', '/exemplary-models', {
      token: t.clerk,
      body: aModel({ movementId: '00000000-0000-4000-8000-000000000000' }),
    });
    expect([noMovement.status, Object.keys(noMovement.body.fields)]).toEqual([400, ['movementId']]);
    const foreign = await http(sys, 'POST', '/exemplary-models', {
      token: t.otherClerk,
      body: aModel({ subject: { kind: 'INDIVIDUAL', name: 'Hà Thị Yến', unitCode: cast.unitCode } }),
    });
    expect(foreign.status).toBe(403);
    expect((await http(sys, 'POST', '/exemplary-models', { token: t.member1, body: aModel() })).status).toBe(403);

    const created = await http<Model>(sys, 'POST', '/exemplary-models', { token: t.clerk, body: aModel() });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      stage: 'FOUND',
      movementId,
      unitCode: cast.unitCode,
      subjectKind: 'INDIVIDUAL',
      subjectName: 'Hà Thị Yến',
      field: 'EDUCATION',
    });
    id = created.body.modelId;
    const listed = await http<Model[]>(sys, 'GET', `/exemplary-models?movementId=${movementId}`, { token: t.auditor });
    expect(listed.body.map((m) => m.modelId)).toEqual([id]);
  }, 60_000);

  it('a model just found is neither replicated nor proposed; the head fosters it, one step at a time', async () => {
    expect(
      (
        await http<{ rule: string }>(sys, 'POST', `/exemplary-models/${id}/replications`, {
          token: t.otherClerk,
          body: {},
        })
      ).body.rule,
    ).toBe('model.replicate-fostered');
    expect(
      (
        await http<{ rule: string }>(sys, 'POST', `/exemplary-models/${id}/proposal`, {
          token: t.clerk,
          body: { awardCode: 'BK_TINH', achievementDate: today },
        })
      ).body.rule,
    ).toBe('model.propose-fostered');
    expect(
      (await http(sys, 'POST', `/exemplary-models/${id}/stage`, { token: t.clerk, body: { to: 'FOSTERED' } })).status,
    ).toBe(403);
    const skip = await http<{ rule: string }>(sys, 'POST', `/exemplary-models/${id}/stage`, {
      token: t.head,
      body: { to: 'REPLICATED' },
    });
    expect([skip.status, skip.body.rule]).toEqual([409, 'model.stage-order']);
    const fostered = await http<Model>(sys, 'POST', `/exemplary-models/${id}/stage`, {
      token: t.head,
      body: { to: 'FOSTERED', note: 'Tập huấn cho giáo viên toàn ngành' },
    });
    expect([fostered.status, fostered.body.stage]).toEqual([200, 'FOSTERED']);
  });

  it('another unit replicates it (once) and the unit adds evidence', async () => {
    const replicated = await http<Model>(sys, 'POST', `/exemplary-models/${id}/replications`, {
      token: t.otherClerk,
      body: { note: 'Áp dụng tại 5 trường' },
    });
    expect(replicated.status).toBe(200);
    expect(replicated.body.state.replications.map((r) => r.unitCode)).toEqual([cast.otherUnitCode]);
    expect(
      (
        await http<{ rule: string }>(sys, 'POST', `/exemplary-models/${id}/replications`, {
          token: t.otherClerk,
          body: {},
        })
      ).body.rule,
    ).toBe('model.replication-once');
    const withEvidence = await http<Model>(sys, 'POST', `/exemplary-models/${id}/evidence`, {
      token: t.clerk,
      body: { evidence: [{ title: 'Phóng sự truyền hình', ref: 'PTTH-2026-05' }] },
    });
    expect(withEvidence.body.state.definition.evidence.map((e) => e.ref)).toEqual(['15/BC-TRUONG', 'PTTH-2026-05']);
  });

  it('the clerk proposes it for an ad-hoc award: a draft AD_HOC dossier pre-filled from the model, recorded on the model, once', async () => {
    expect(
      (
        await http(sys, 'POST', `/exemplary-models/${id}/proposal`, {
          token: t.secretariat,
          body: { awardCode: 'BK_TINH', achievementDate: today },
        })
      ).status,
    ).toBe(403);
    const wrongAward = await http<{ rule: string }>(sys, 'POST', `/exemplary-models/${id}/proposal`, {
      token: t.clerk,
      body: { awardCode: 'CO_TD_TINH', achievementDate: today },
    });
    expect([wrongAward.status, wrongAward.body.rule]).toEqual([400, 'model.award']);
    const proposed = await http<{
      model: Model;
      dossier: {
        id: string;
        status: string;
        commendationType: string;
        nomineeName: string;
        movementId: string;
        awardCode: string;
        unitCode: string;
      };
    }>(sys, 'POST', `/exemplary-models/${id}/proposal`, {
      token: t.clerk,
      body: { awardCode: 'BK_TINH', achievementDate: today },
    });
    expect(proposed.status).toBe(201);
    expect(proposed.body.dossier).toMatchObject({
      status: 'DRAFT',
      commendationType: 'AD_HOC',
      nomineeName: 'Hà Thị Yến',
      movementId,
      awardCode: 'BK_TINH',
      unitCode: cast.unitCode,
    });
    expect(proposed.body.model.state.proposals).toEqual([
      expect.objectContaining({ dossierId: proposed.body.dossier.id, awardCode: 'BK_TINH' }),
    ]);
    const history = await http<{ type: string; data: { achievements: string; achievementDate: string } }[]>(
      sys,
      'GET',
      `/dossiers/${proposed.body.dossier.id}/history`,
      { token: t.clerk },
    );
    expect(history.body[0]).toMatchObject({ type: 'DossierCreated', data: { achievementDate: today } });
    expect(history.body[0].data.achievements).toContain('Minh chứng:');
    // Once per award: nothing more is created.
    const again = await http<{ rule: string }>(sys, 'POST', `/exemplary-models/${id}/proposal`, {
      token: t.clerk,
      body: { awardCode: 'BK_TINH', achievementDate: today },
    });
    expect([again.status, again.body.rule]).toEqual([409, 'model.proposed-once']);
    const drafts = await http<{ items: { id: string }[] }>(sys, 'GET', '/dossiers?commendationType=AD_HOC', {
      token: t.clerk,
    });
    expect(drafts.body.items.map((d) => d.id)).toEqual([proposed.body.dossier.id]);
  }, 60_000);

  it('replicated, then honoured (the proposal says how); the history is the model’s stream', async () => {
    expect(
      (
        await http<Model>(sys, 'POST', `/exemplary-models/${id}/stage`, {
          token: t.secretariat,
          body: { to: 'REPLICATED' },
        })
      ).body.stage,
    ).toBe('REPLICATED');
    expect(
      (
        await http<Model>(sys, 'POST', `/exemplary-models/${id}/stage`, {
          token: t.secretariat,
          body: { to: 'HONOURED' },
        })
      ).body.stage,
    ).toBe('HONOURED');
    const history = await http<{ type: string }[]>(sys, 'GET', `/exemplary-models/${id}/history`, { token: t.auditor });
    expect(history.body.map((e) => e.type)).toEqual([
      'ExemplaryModelRegistered',
      'ExemplaryModelStageAdvanced',
      'ExemplaryModelReplicationRecorded',
      'ExemplaryModelEvidenceAdded',
      'ExemplaryModelProposed',
      'ExemplaryModelStageAdvanced',
      'ExemplaryModelStageAdvanced',
    ]);
    expect(
      (await http(sys, 'GET', '/exemplary-models/00000000-0000-4000-8000-000000000000', { token: t.auditor })).status,
    ).toBe(404);
    expect((await http(sys, 'GET', '/exemplary-models/not-a-uuid', { token: t.auditor })).status).toBe(400);
  });
});

describe('the movement’s review report (sơ kết / tổng kết)', () => {
  it('as .xlsx: the summary, the dossiers by award and status, and the exemplary models with their stage, replication and proposal', async () => {
    const res = await fetch(`${sys.baseUrl}/movements/${movementId}/review-report.xlsx?kind=MID_TERM`, {
      headers: { authorization: `Bearer ${t.auditor}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('spreadsheetml');
    const wb = new Workbook();
    await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      'Tổng hợp',
      'Đơn vị tham gia',
      'Hồ sơ',
      'Khen thưởng',
      'Quyết định',
      'Ưu tiên',
      'Điển hình tiên tiến',
    ]);
    const summary = new Map<string, unknown>();
    wb.getWorksheet('Tổng hợp')?.eachRow((row) => summary.set(String(row.getCell(1).value), row.getCell(2).value));
    expect(summary.get('Báo cáo sơ kết phong trào thi đua')).toBeNull();
    expect(summary.get('Phong trào')).toBe(`Phong trào thi đua "Dạy tốt, học tốt" năm ${year}`);
    expect([
      summary.get('Số hồ sơ đề nghị'),
      summary.get('Số khen thưởng'),
      summary.get('Số điển hình tiên tiến'),
    ]).toEqual([1, 0, 1]);
    const dossiers = wb.getWorksheet('Hồ sơ')?.getRow(2).values as unknown[];
    expect(dossiers.slice(1)).toEqual(['Bằng khen của Chủ tịch UBND tỉnh', 'BK_TINH', 'DRAFT', 1]);
    const model = wb.getWorksheet('Điển hình tiên tiến')?.getRow(2).values as unknown[];
    expect(model.slice(1)).toEqual([
      'Mô hình "Lớp học hạnh phúc" ở vùng cao',
      'Hà Thị Yến',
      'Cá nhân',
      cast.unitCode,
      'Tôn vinh',
      `Sở ${cast.otherUnitCode.slice(2)}`,
      'Bằng khen của Chủ tịch UBND tỉnh',
    ]);
    expect(
      (
        await fetch(`${sys.baseUrl}/movements/${movementId}/review-report.xlsx?kind=WEEKLY`, {
          headers: { authorization: `Bearer ${t.auditor}` },
        })
      ).status,
    ).toBe(400);
    expect(
      (
        await fetch(`${sys.baseUrl}/movements/00000000-0000-4000-8000-000000000000/review-report.xlsx`, {
          headers: { authorization: `Bearer ${t.auditor}` },
        })
      ).status,
    ).toBe(404);
  });

  it('as PDF through the documents’ renderer', async () => {
    const res = await fetch(`${sys.baseUrl}/movements/${movementId}/review-report.pdf`, {
      headers: { authorization: `Bearer ${t.secretariat}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(
      Buffer.from(await res.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
  }, 60_000);
});
