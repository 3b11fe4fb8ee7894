import { Button, Card, Form, Input, InputNumber, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../../api/client';
import { ApiErrorAlert, fieldErrors } from '../../../components/ApiErrorAlert';
import { formatDate } from '../../../format';
import { lines } from '../shared';
import { mayAct, membersOf, reached, stateOf, unitLabel, useStep, type BlockYear } from './model';

interface AssessmentValues {
  scores: { points: number; evidence?: string }[];
  bonus: number;
  penalty: number;
  bonusReason?: string;
  penaltyReason?: string;
}

/**
 * Self-assessment (tự chấm điểm): the block's officers open it with its working-day deadline, each member's clerk or
 * head scores the unit against the template (evidence where the criterion requires it), the secretariat may close it
 * before the deadline (the engine closes it at the deadline); everyone sees who has sent what.
 */
export function SelfAssessmentStep({ y }: { y: BlockYear }) {
  const { t } = useTranslation();
  const s = stateOf(y);
  const may = mayAct(y);
  const id = y.blockYearId;
  const open = useStep(y, (workingDays: number) =>
    unwrap(
      api.POST('/api/block-years/{id}/self-assessment-opening', { params: { path: { id } }, body: { workingDays } }),
    ),
  );
  const close = useStep(y, () =>
    unwrap(api.POST('/api/block-years/{id}/self-assessment-closing', { params: { path: { id } } })),
  );
  if (!reached(y, 'SELF_ASSESSMENT') && !may.openSelfAssessment) return null;
  const rows = membersOf(y).map((m) => {
    const a = s.assessments.find((x) => x.unitCode === m.unitCode);
    return {
      unitCode: m.unitCode,
      submittedOn: a?.submittedOn,
      criteriaPoints: a ? a.scores.reduce((sum, x) => sum + x.points, 0) : undefined,
      bonus: a?.bonus,
      penalty: a?.penalty,
      reasons: [
        a?.bonusReason ? `${t('emulation.blockYear.bonus')}: ${a.bonusReason}` : '',
        a?.penaltyReason ? `${t('emulation.blockYear.penalty')}: ${a.penaltyReason}` : '',
      ].filter(Boolean),
    };
  });
  return (
    <Card title={t('emulation.blockYear.selfAssessment')} size="small" data-testid="block-self-assessment">
      <ApiErrorAlert error={open.error ?? close.error} />
      {may.openSelfAssessment ? (
        <Form
          layout="inline"
          initialValues={{ workingDays: 10 }}
          onFinish={(v: { workingDays: number }) => open.mutate(v.workingDays)}
        >
          <Form.Item name="workingDays" label={t('emulation.blockYear.workingDays')} htmlFor="self-assessment-days">
            <InputNumber id="self-assessment-days" min={1} max={60} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={open.isPending} data-testid="open-self-assessment">
            {t('emulation.blockYear.openSelfAssessment')}
          </Button>
        </Form>
      ) : null}
      {y.selfAssessmentDeadline ? (
        <Typography.Paragraph>
          {t('emulation.blockYear.selfAssessmentDeadline')}:{' '}
          <b data-testid="self-assessment-deadline">{formatDate(y.selfAssessmentDeadline)}</b>
        </Typography.Paragraph>
      ) : null}
      {may.selfAssessFor ? <AssessmentForm y={y} unitCode={may.selfAssessFor} /> : null}
      {reached(y, 'SELF_ASSESSMENT') ? (
        <Table
          size="small"
          rowKey="unitCode"
          pagination={false}
          dataSource={rows}
          data-testid="assessments"
          style={{ marginTop: 12 }}
          columns={[
            { title: t('emulation.unit'), dataIndex: 'unitCode', render: (u: string) => unitLabel(y, u) },
            {
              title: t('emulation.blockYear.submittedOn'),
              dataIndex: 'submittedOn',
              render: (d?: string) => (d ? formatDate(d) : <Tag>{t('emulation.blockYear.notAssessed')}</Tag>),
            },
            { title: t('emulation.blockYear.criteriaPoints'), dataIndex: 'criteriaPoints', align: 'right' },
            { title: t('emulation.blockYear.bonus'), dataIndex: 'bonus', align: 'right' },
            { title: t('emulation.blockYear.penalty'), dataIndex: 'penalty', align: 'right' },
            {
              title: t('emulation.blockYear.pointReasons'),
              dataIndex: 'reasons',
              render: (reasons: string[]) => reasons.map((r) => <div key={r}>{r}</div>),
            },
          ]}
        />
      ) : null}
      {s.missingAssessments.length ? (
        <Typography.Paragraph style={{ marginTop: 8 }}>
          {t('emulation.blockYear.missing', { units: s.missingAssessments.map((u) => unitLabel(y, u)).join(', ') })}
        </Typography.Paragraph>
      ) : null}
      {may.closeSelfAssessment ? (
        <Button
          style={{ marginTop: 12 }}
          data-testid="close-self-assessment"
          loading={close.isPending}
          onClick={() => close.mutate(undefined)}
        >
          {t('emulation.blockYear.closeSelfAssessment')}
        </Button>
      ) : null}
    </Card>
  );
}

/** One member's self-assessment: a score per criterion of the template, evidence where required, bonus and penalty. */
function AssessmentForm({ y, unitCode }: { y: BlockYear; unitCode: string }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<AssessmentValues>();
  const s = stateOf(y);
  const criteria = s.template?.criteria ?? [];
  const sent = s.assessments.find((a) => a.unitCode === unitCode);
  const id = y.blockYearId;
  const submit = useStep(y, (v: AssessmentValues) =>
    unwrap(
      api.POST('/api/block-years/{id}/self-assessments', {
        params: { path: { id } },
        body: {
          unitCode,
          scores: criteria.map((c, i) => ({
            criterionCode: c.code,
            points: v.scores[i]?.points ?? 0,
            evidence: lines(v.scores[i]?.evidence),
          })),
          bonus: v.bonus,
          penalty: v.penalty,
          ...(v.bonusReason?.trim() ? { bonusReason: v.bonusReason.trim() } : {}),
          ...(v.penaltyReason?.trim() ? { penaltyReason: v.penaltyReason.trim() } : {}),
        },
      }),
    ),
  );
  const initial: AssessmentValues = {
    scores: criteria.map((c) => {
      const prior = sent?.scores.find((x) => x.criterionCode === c.code);
      return { points: prior?.points ?? 0, evidence: prior?.evidence.join('\n') ?? '' };
    }),
    bonus: sent?.bonus ?? 0,
    penalty: sent?.penalty ?? 0,
    bonusReason: sent?.bonusReason ?? '',
    penaltyReason: sent?.penaltyReason ?? '',
  };
  return (
    <Card
      type="inner"
      size="small"
      title={t('emulation.blockYear.selfAssessmentOf', { unit: unitLabel(y, unitCode) })}
      data-testid="assessment-form"
    >
      <ApiErrorAlert error={submit.error} />
      {sent ? <Typography.Paragraph>{t('emulation.blockYear.resubmitHelp')}</Typography.Paragraph> : null}
      <Form
        form={form}
        name="assessment"
        layout="vertical"
        initialValues={initial}
        onFinish={(v) => submit.mutate(v, { onError: (e) => form.setFields(fieldErrors(e) as never) })}
      >
        {criteria.map((c, i) => (
          <Space key={c.code} wrap align="start">
            <Form.Item
              name={['scores', i, 'points']}
              label={`${c.code}. ${c.title} (≤ ${c.maxPoints})`}
              rules={[{ required: true, message: t('form.required') }]}
            >
              <InputNumber min={0} max={c.maxPoints} step={0.5} />
            </Form.Item>
            <Form.Item
              name={['scores', i, 'evidence']}
              label={t('emulation.blockYear.evidence')}
              dependencies={[['scores', i, 'points']]}
              rules={[
                ({ getFieldValue }) => ({
                  validator: (_, value: string | undefined) =>
                    c.evidenceRequired && Number(getFieldValue(['scores', i, 'points'])) > 0 && !lines(value).length
                      ? Promise.reject(new Error(t('emulation.blockYear.evidenceNeeded')))
                      : Promise.resolve(),
                }),
              ]}
            >
              <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} style={{ width: 360 }} />
            </Form.Item>
          </Space>
        ))}
        <Space wrap>
          <Form.Item name="bonus" label={t('emulation.blockYear.bonus')}>
            <InputNumber min={0} max={s.template?.maxBonus} step={0.5} />
          </Form.Item>
          <Form.Item name="penalty" label={t('emulation.blockYear.penalty')}>
            <InputNumber min={0} max={s.template?.maxPenalty} step={0.5} />
          </Form.Item>
        </Space>
        <Space wrap align="start">
          <Form.Item name="bonusReason" label={t('emulation.blockYear.bonusReason')} rules={[{ max: 500 }]}>
            <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} style={{ width: 360 }} maxLength={500} />
          </Form.Item>
          <Form.Item name="penaltyReason" label={t('emulation.blockYear.penaltyReason')} rules={[{ max: 500 }]}>
            <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} style={{ width: 360 }} maxLength={500} />
          </Form.Item>
        </Space>
        <div>
          <Button type="primary" htmlType="submit" loading={submit.isPending} data-testid="submit-assessment">
            {t('emulation.blockYear.submitAssessment')}
          </Button>
        </div>
      </Form>
    </Card>
  );
}
