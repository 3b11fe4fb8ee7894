import { Button, Card, Form, Input, InputNumber, Select, Space, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../../api/client';
import { ApiErrorAlert, fieldErrors } from '../../../components/ApiErrorAlert';
import { mayAct, membersOf, reached, stateOf, unitLabel, useStep, type BlockYear } from './model';

interface AdjustmentValues {
  unitCode: string;
  target: string;
  points: number;
  reason: string;
}

/**
 * Cross-review (chấm chéo): the reviewer (the head unit; the deputy for the head's own unit) or the secretariat sets a
 * member's points on a criterion, its bonus or its penalty, with a reason; then the block's officers rank it.
 */
export function CrossReviewStep({ y }: { y: BlockYear }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<AdjustmentValues>();
  const s = stateOf(y);
  const may = mayAct(y);
  const id = y.blockYearId;
  const adjust = useStep(
    y,
    (v: AdjustmentValues) =>
      unwrap(
        api.POST('/api/block-years/{id}/adjustments', {
          params: { path: { id } },
          body: { ...v, reason: v.reason.trim() },
        }),
      ),
    () => form.resetFields(),
  );
  const rank = useStep(y, () => unwrap(api.POST('/api/block-years/{id}/ranking', { params: { path: { id } } })));
  if (!reached(y, 'CROSS_REVIEW')) return null;
  const reviewable = membersOf(y).filter((m) => may.adjust(m.unitCode));
  const targetLabel = (target: string) =>
    target === 'BONUS'
      ? t('emulation.blockYear.targetBonus')
      : target === 'PENALTY'
        ? t('emulation.blockYear.targetPenalty')
        : `${target}. ${s.template?.criteria.find((c) => c.code === target)?.title ?? ''}`;
  const targets = [...(s.template?.criteria.map((c) => c.code) ?? []), 'BONUS', 'PENALTY'];
  const required = [{ required: true, message: t('form.required') }];
  return (
    <Card title={t('emulation.blockYear.crossReview')} size="small" data-testid="block-cross-review">
      <ApiErrorAlert error={adjust.error ?? rank.error} />
      {reviewable.length ? (
        <Form
          form={form}
          name="adjustment"
          layout="vertical"
          onFinish={(v) => adjust.mutate(v, { onError: (e) => form.setFields(fieldErrors(e) as never) })}
        >
          <Typography.Paragraph type="secondary">{t('emulation.blockYear.crossReviewHelp')}</Typography.Paragraph>
          <Space wrap align="start">
            <Form.Item name="unitCode" label={t('emulation.unit')} rules={required}>
              <Select
                style={{ width: 300 }}
                data-testid="adjust-unit"
                options={reviewable.map((m) => ({ value: m.unitCode, label: unitLabel(y, m.unitCode) }))}
              />
            </Form.Item>
            <Form.Item name="target" label={t('emulation.blockYear.target')} rules={required}>
              <Select
                style={{ width: 300 }}
                data-testid="adjust-target"
                options={targets.map((c) => ({ value: c, label: targetLabel(c) }))}
              />
            </Form.Item>
            <Form.Item name="points" label={t('emulation.blockYear.adjustedPoints')} rules={required}>
              <InputNumber min={0} max={1000} step={0.5} />
            </Form.Item>
          </Space>
          <Form.Item name="reason" label={t('emulation.blockYear.reason')} rules={required}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} />
          </Form.Item>
          <Button htmlType="submit" loading={adjust.isPending} data-testid="save-adjustment">
            {t('emulation.blockYear.adjust')}
          </Button>
        </Form>
      ) : null}
      {s.adjustments.length ? (
        <>
          <Typography.Title level={5} style={{ marginTop: 12 }}>
            {t('emulation.blockYear.adjustments')}
          </Typography.Title>
          <Table
            size="small"
            rowKey={(_, i) => String(i)}
            pagination={false}
            dataSource={s.adjustments}
            data-testid="adjustments"
            columns={[
              { title: t('emulation.unit'), dataIndex: 'unitCode', render: (u: string) => unitLabel(y, u) },
              { title: t('emulation.blockYear.target'), dataIndex: 'target', render: targetLabel },
              { title: t('emulation.blockYear.adjustedPoints'), dataIndex: 'points', align: 'right' },
              { title: t('emulation.blockYear.reason'), dataIndex: 'reason' },
            ]}
          />
        </>
      ) : null}
      {may.rank ? (
        <Button
          type="primary"
          style={{ marginTop: 12 }}
          data-testid="rank-block"
          loading={rank.isPending}
          onClick={() => rank.mutate(undefined)}
        >
          {t('emulation.blockYear.rank')}
        </Button>
      ) : null}
    </Card>
  );
}
