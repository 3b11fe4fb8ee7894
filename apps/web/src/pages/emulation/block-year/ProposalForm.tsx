import { Button, Checkbox, DatePicker, Form, Input, InputNumber, Radio, Select, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../../api/client';
import { ApiErrorAlert, fieldErrors } from '../../../components/ApiErrorAlert';
import { todayVn, type BlockMeetingVote, type FlagKind } from '../shared';
import { membersOf, stateOf, unitLabel, useStep, type BlockYear } from './model';

interface ProposalValues {
  provincial: string[];
  government: string[];
  meetingDate: Dayjs;
  minutesRef: string;
  method: BlockMeetingVote['method'];
  present: string[];
  /** Votes for, per flag and proposed unit. */
  votes?: Partial<Record<FlagKind, Record<string, number | null>>>;
}

const FLAGS: { flag: FlagKind; field: 'provincial' | 'government' }[] = [
  { flag: 'PROVINCIAL', field: 'provincial' },
  { flag: 'GOVERNMENT', field: 'government' },
];

/**
 * The block meeting's Cờ thi đua proposals with its vote (họp khối bình xét, suy tôn): whom it proposes for the
 * province's and the Government's flag, the meeting and its minutes, how it voted (openly or by secret ballot), the
 * member units present (all by default) and the votes for each proposed unit. The rule set's quorum and majority are
 * the API's to check; a refusal shows its rule in Vietnamese.
 */
export function ProposalForm({ y }: { y: BlockYear }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<ProposalValues>();
  const id = y.blockYearId;
  const members = membersOf(y);
  const proposed = {
    provincial: Form.useWatch('provincial', form) ?? [],
    government: Form.useWatch('government', form) ?? [],
  };
  const presentCount = (Form.useWatch('present', form) ?? []).length;
  const propose = useStep(y, (v: ProposalValues) =>
    unwrap(
      api.POST('/api/block-years/{id}/flag-proposals', {
        params: { path: { id } },
        body: {
          provincial: v.provincial,
          government: v.government,
          meetingDate: v.meetingDate.format('YYYY-MM-DD'),
          minutesRef: v.minutesRef.trim(),
          vote: {
            method: v.method,
            present: v.present,
            tallies: FLAGS.flatMap(({ flag, field }) =>
              v[field].map((unitCode) => ({ unitCode, flag, votesFor: v.votes?.[flag]?.[unitCode] ?? 0 })),
            ),
          },
        },
      }),
    ),
  );
  const options = (stateOf(y).ranking ?? []).map((r) => ({ value: r.unitCode, label: unitLabel(y, r.unitCode) }));
  const required = [{ required: true, message: t('form.required') }];
  const tallies = FLAGS.flatMap(({ flag, field }) => proposed[field].map((unitCode) => ({ flag, unitCode })));
  return (
    <Form
      form={form}
      name="proposals"
      layout="vertical"
      style={{ marginTop: 16 }}
      initialValues={{
        provincial: [],
        government: [],
        meetingDate: dayjs(todayVn()),
        method: 'OPEN',
        present: members.map((m) => m.unitCode),
      }}
      onFinish={(v) => propose.mutate(v, { onError: (e) => form.setFields(fieldErrors(e) as never) })}
    >
      <Typography.Title level={5}>{t('emulation.blockYear.proposals')}</Typography.Title>
      <ApiErrorAlert error={propose.error} />
      <Space wrap align="start">
        {FLAGS.map(({ flag, field }) => (
          <Form.Item key={flag} name={field} label={t(`emulation.blockYear.${field}`)}>
            <Select
              mode="multiple"
              style={{ width: 340 }}
              data-testid={`propose-${field}`}
              placeholder={t('emulation.blockYear.noneProposed')}
              options={options}
            />
          </Form.Item>
        ))}
      </Space>
      <Space wrap align="start">
        <Form.Item name="meetingDate" label={t('emulation.blockYear.meetingDate')} rules={required}>
          <DatePicker format="DD/MM/YYYY" />
        </Form.Item>
        <Form.Item name="minutesRef" label={t('emulation.blockYear.minutesRef')} rules={required}>
          <Input style={{ width: 240 }} />
        </Form.Item>
        <Form.Item name="method" label={t('emulation.blockYear.voteMethod')} rules={required}>
          <Radio.Group
            data-testid="vote-method"
            options={(['OPEN', 'SECRET'] as const).map((m) => ({
              value: m,
              label: t(`emulation.blockYear.voteMethods.${m}`),
            }))}
          />
        </Form.Item>
      </Space>
      <Form.Item
        name="present"
        label={t('emulation.blockYear.present')}
        extra={t('emulation.blockYear.presentHelp', { present: presentCount, members: members.length })}
      >
        <Checkbox.Group
          data-testid="vote-present"
          options={members.map((m) => ({ value: m.unitCode, label: unitLabel(y, m.unitCode) }))}
        />
      </Form.Item>
      {tallies.length ? (
        <>
          <Typography.Paragraph type="secondary">{t('emulation.blockYear.votesHelp')}</Typography.Paragraph>
          <Space wrap align="start">
            {tallies.map(({ flag, unitCode }) => (
              <Form.Item
                key={`${flag}:${unitCode}`}
                name={['votes', flag, unitCode]}
                rules={required}
                label={t('emulation.blockYear.votesFor', {
                  unit: unitLabel(y, unitCode),
                  flag: t(`emulation.blockYear.flag.${flag}`),
                })}
              >
                <InputNumber min={0} max={presentCount} precision={0} data-testid={`votes-${flag}-${unitCode}`} />
              </Form.Item>
            ))}
          </Space>
        </>
      ) : null}
      <div>
        <Button type="primary" htmlType="submit" loading={propose.isPending} data-testid="send-proposals">
          {t('emulation.blockYear.propose')}
        </Button>
      </div>
    </Form>
  );
}
