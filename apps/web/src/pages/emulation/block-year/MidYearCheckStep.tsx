import { Button, Card, DatePicker, Descriptions, Form, Input, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../../api/client';
import { ApiErrorAlert, fieldErrors } from '../../../components/ApiErrorAlert';
import { formatDate } from '../../../format';
import { todayVn } from '../shared';
import { mayAct, membersOf, reached, stateOf, unitLabel, useStep, type BlockYear } from './model';

interface MidYearValues {
  heldOn: Dayjs;
  summary: string;
  /** A remark per member unit code, empty when none. */
  remarks?: Record<string, string | undefined>;
}

/**
 * The mid-year check (sơ kết 6 tháng), between the pledges and the self-assessment: the head unit's head or the
 * secretariat records it (the day held within the year, a summary, remarks on members) while the year is in progress,
 * again to correct it; everyone sees it as recorded, or that the block recorded none before the self-assessment (it
 * is optional).
 */
export function MidYearCheckStep({ y }: { y: BlockYear }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<MidYearValues>();
  const s = stateOf(y);
  const may = mayAct(y);
  const id = y.blockYearId;
  const check = s.midYearCheck;
  const record = useStep(y, (v: MidYearValues) =>
    unwrap(
      api.POST('/api/block-years/{id}/mid-year-check', {
        params: { path: { id } },
        body: {
          heldOn: v.heldOn.format('YYYY-MM-DD'),
          summary: v.summary.trim(),
          remarks: membersOf(y).flatMap((m) => {
            const remark = v.remarks?.[m.unitCode]?.trim();
            return remark ? [{ unitCode: m.unitCode, remark }] : [];
          }),
        },
      }),
    ),
  );
  if (!reached(y, 'IN_PROGRESS')) return null;
  const today = todayVn();
  // A day of the block's year, not after today: today when the year is the current one, else mid-year.
  const defaultDay = today.startsWith(`${y.year}-`) ? today : `${y.year}-06-30`;
  const outside = (d: Dayjs) => d.year() !== y.year || d.format('YYYY-MM-DD') > today;
  const required = [{ required: true, message: t('form.required') }];
  return (
    <Card title={t('emulation.blockYear.midYearCheck')} size="small" data-testid="block-mid-year-check">
      <ApiErrorAlert error={record.error} />
      {check ? (
        <Descriptions column={1} size="small" bordered data-testid="mid-year-recorded">
          <Descriptions.Item label={t('emulation.blockYear.heldOn')}>
            <span data-testid="mid-year-held-on">{formatDate(check.heldOn)}</span>{' '}
            <Typography.Text type="secondary">
              ({t('emulation.blockYear.midYearRecordedOn', { date: formatDate(check.recordedOn) })})
            </Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label={t('emulation.blockYear.midYearSummary')}>
            <span data-testid="mid-year-summary">{check.summary}</span>
          </Descriptions.Item>
          {check.remarks.length ? (
            <Descriptions.Item label={t('emulation.blockYear.midYearRemarks')}>
              <ul data-testid="mid-year-remarks" style={{ margin: 0, paddingInlineStart: 18 }}>
                {check.remarks.map((r) => (
                  <li key={r.unitCode} data-unit={r.unitCode}>
                    {unitLabel(y, r.unitCode)}: {r.remark}
                  </li>
                ))}
              </ul>
            </Descriptions.Item>
          ) : null}
        </Descriptions>
      ) : (
        <Typography.Paragraph data-testid="mid-year-none">
          {reached(y, 'SELF_ASSESSMENT')
            ? t('emulation.blockYear.midYearNotHeld')
            : t('emulation.blockYear.midYearNotYet')}
        </Typography.Paragraph>
      )}
      {may.recordMidYearCheck ? (
        <Form
          form={form}
          name="midYear"
          layout="vertical"
          style={{ marginTop: 16 }}
          initialValues={{
            heldOn: dayjs(check?.heldOn ?? defaultDay),
            summary: check?.summary ?? '',
            remarks: Object.fromEntries((check?.remarks ?? []).map((r) => [r.unitCode, r.remark])),
          }}
          onFinish={(v) => record.mutate(v, { onError: (e) => form.setFields(fieldErrors(e) as never) })}
        >
          <Typography.Paragraph type="secondary">{t('emulation.blockYear.midYearHelp')}</Typography.Paragraph>
          <Form.Item name="heldOn" label={t('emulation.blockYear.heldOn')} rules={required}>
            <DatePicker format="DD/MM/YYYY" disabledDate={outside} />
          </Form.Item>
          <Form.Item name="summary" label={t('emulation.blockYear.midYearSummary')} rules={required}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={5000} />
          </Form.Item>
          <Typography.Text strong>{t('emulation.blockYear.midYearRemarks')}</Typography.Text>
          {membersOf(y).map((m) => (
            <Form.Item key={m.unitCode} name={['remarks', m.unitCode]} label={unitLabel(y, m.unitCode)}>
              <Input maxLength={2000} placeholder={t('emulation.blockYear.remark')} />
            </Form.Item>
          ))}
          <Button type="primary" htmlType="submit" loading={record.isPending} data-testid="record-mid-year-check">
            {t('emulation.blockYear.recordMidYearCheck')}
          </Button>
        </Form>
      ) : null}
    </Card>
  );
}
