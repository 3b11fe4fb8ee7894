import {
  Button,
  Card,
  DatePicker,
  Descriptions,
  Form,
  Input,
  InputNumber,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../../api/client';
import { ApiErrorAlert, fieldErrors } from '../../../components/ApiErrorAlert';
import { formatDate } from '../../../format';
import { todayVn, type BlockYearState } from '../shared';
import { mayAct, membersOf, stateOf, unitLabel, useStep, type BlockYear } from './model';

type Ranked = NonNullable<BlockYearState['ranking']>[number];

interface ProposalValues {
  provincial: string[];
  government: string[];
  meetingDate: Dayjs;
  minutesRef: string;
  method: 'OPEN' | 'SECRET';
  present: string[];
  /** Votes for each proposal, keyed `${flag}:${unitCode}`. */
  votes?: Record<string, number>;
}

const FLAG_OF = { provincial: 'PROVINCIAL', government: 'GOVERNMENT' } as const;
/** The proposals the meeting votes on: each unit once per flag it is proposed for. */
const ballotItems = (v: Pick<ProposalValues, 'provincial' | 'government'>) =>
  (['provincial', 'government'] as const).flatMap((k) =>
    (v[k] ?? []).map((unitCode) => ({ unitCode, flag: FLAG_OF[k], key: `${FLAG_OF[k]}:${unitCode}` })),
  );

/**
 * The ranking (computed by the domain: total, then fewer penalty points, then more criteria points; members still
 * equal share the rank), the block meeting's Cờ thi đua proposals, and the secretariat's closure.
 */
export function RankingStep({ y }: { y: BlockYear }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<ProposalValues>();
  const s = stateOf(y);
  const may = mayAct(y);
  const id = y.blockYearId;
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
            tallies: ballotItems(v).map(({ unitCode, flag, key }) => ({
              unitCode,
              flag,
              votesFor: v.votes?.[key] ?? 0,
            })),
          },
        },
      }),
    ),
  );
  const close = useStep(y, () => unwrap(api.POST('/api/block-years/{id}/closure', { params: { path: { id } } })));
  const provincial = Form.useWatch('provincial', form) ?? [];
  const government = Form.useWatch('government', form) ?? [];
  const ranking = s.ranking ?? [];
  if (!ranking.length) return null;
  const shared = (r: Ranked) => ranking.filter((x) => x.rank === r.rank).length > 1;
  const options = ranking.map((r) => ({ value: r.unitCode, label: unitLabel(y, r.unitCode) }));
  const names = (units: string[]) => (units.length ? units.map((u) => unitLabel(y, u)).join(', ') : '—');
  return (
    <Card title={t('emulation.blockYear.ranking')} size="small" data-testid="block-ranking">
      <ApiErrorAlert error={propose.error ?? close.error} />
      <Typography.Paragraph type="secondary">{t('emulation.blockYear.rankingHelp')}</Typography.Paragraph>
      <Table<Ranked>
        size="small"
        rowKey="unitCode"
        pagination={false}
        dataSource={ranking}
        data-testid="ranking"
        onRow={(r) => ({ 'data-unit': r.unitCode, 'data-rank': r.rank }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          {
            title: t('emulation.rank'),
            dataIndex: 'rank',
            render: (rank: number, r) => (
              <Space size={4}>
                <b>{rank}</b>
                {shared(r) ? <Tag color="orange">{t('emulation.blockYear.tie')}</Tag> : null}
              </Space>
            ),
          },
          {
            title: t('emulation.unit'),
            dataIndex: 'unitCode',
            render: (u: string, r) => (
              <>
                {unitLabel(y, u)} {r.assessed ? null : <Tag>{t('emulation.blockYear.notAssessed')}</Tag>}
              </>
            ),
          },
          { title: t('emulation.blockYear.criteriaPoints'), dataIndex: 'criteriaPoints', align: 'right' },
          { title: t('emulation.blockYear.bonus'), dataIndex: 'bonus', align: 'right' },
          { title: t('emulation.blockYear.penalty'), dataIndex: 'penalty', align: 'right' },
          { title: t('emulation.total'), dataIndex: 'total', align: 'right', render: (n: number) => <b>{n}</b> },
        ]}
      />
      {s.proposals ? (
        <Descriptions
          column={1}
          size="small"
          bordered
          style={{ marginTop: 12 }}
          title={t('emulation.blockYear.proposals')}
          data-testid="proposals"
        >
          <Descriptions.Item label={t('emulation.blockYear.provincial')}>
            {names(s.proposals.provincial)}
          </Descriptions.Item>
          <Descriptions.Item label={t('emulation.blockYear.government')}>
            {names(s.proposals.government)}
          </Descriptions.Item>
          <Descriptions.Item label={t('emulation.blockYear.meetingDate')}>
            {formatDate(s.proposals.meetingDate)}
          </Descriptions.Item>
          <Descriptions.Item label={t('emulation.blockYear.minutesRef')}>{s.proposals.minutesRef}</Descriptions.Item>
        </Descriptions>
      ) : null}
      {may.propose ? (
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
            present: membersOf(y).map((m) => m.unitCode),
          }}
          onFinish={(v) => propose.mutate(v, { onError: (e) => form.setFields(fieldErrors(e) as never) })}
        >
          <Typography.Title level={5}>{t('emulation.blockYear.proposals')}</Typography.Title>
          <Space wrap align="start">
            <Form.Item name="provincial" label={t('emulation.blockYear.provincial')}>
              <Select
                mode="multiple"
                style={{ width: 340 }}
                data-testid="propose-provincial"
                placeholder={t('emulation.blockYear.noneProposed')}
                options={options}
              />
            </Form.Item>
            <Form.Item name="government" label={t('emulation.blockYear.government')}>
              <Select
                mode="multiple"
                style={{ width: 340 }}
                data-testid="propose-government"
                placeholder={t('emulation.blockYear.noneProposed')}
                options={options}
              />
            </Form.Item>
          </Space>
          <Space wrap align="start">
            <Form.Item
              name="meetingDate"
              label={t('emulation.blockYear.meetingDate')}
              rules={[{ required: true, message: t('form.required') }]}
            >
              <DatePicker format="DD/MM/YYYY" />
            </Form.Item>
            <Form.Item
              name="minutesRef"
              label={t('emulation.blockYear.minutesRef')}
              rules={[{ required: true, message: t('form.required') }]}
            >
              <Input style={{ width: 240 }} />
            </Form.Item>
          </Space>
          <Space wrap align="start">
            <Form.Item name="method" label={t('emulation.blockYear.voteMethod')}>
              <Select
                style={{ width: 220 }}
                data-testid="vote-method"
                options={[
                  { value: 'OPEN', label: t('emulation.blockYear.voteOpen') },
                  { value: 'SECRET', label: t('emulation.blockYear.voteSecret') },
                ]}
              />
            </Form.Item>
            <Form.Item name="present" label={t('emulation.blockYear.votePresent')}>
              <Select
                mode="multiple"
                style={{ width: 460 }}
                data-testid="vote-present"
                options={membersOf(y).map((m) => ({ value: m.unitCode, label: unitLabel(y, m.unitCode) }))}
              />
            </Form.Item>
          </Space>
          <Space wrap align="start">
            {ballotItems({ provincial, government }).map(({ unitCode, flag, key }) => (
              <Form.Item
                key={key}
                name={['votes', key]}
                label={t('emulation.blockYear.votesFor', {
                  unit: unitLabel(y, unitCode),
                  flag: t(flag === 'PROVINCIAL' ? 'emulation.blockYear.provincial' : 'emulation.blockYear.government'),
                })}
                rules={[{ required: true, message: t('form.required') }]}
              >
                <InputNumber min={0} data-testid={`votes-${flag}-${unitCode}`} />
              </Form.Item>
            ))}
          </Space>
          <div>
            <Button type="primary" htmlType="submit" loading={propose.isPending} data-testid="send-proposals">
              {t('emulation.blockYear.propose')}
            </Button>
          </div>
        </Form>
      ) : null}
      {may.close ? (
        <Button
          type="primary"
          style={{ marginTop: 12 }}
          data-testid="close-year"
          loading={close.isPending}
          onClick={() => close.mutate(undefined)}
        >
          {t('emulation.blockYear.closeYear')}
        </Button>
      ) : null}
      {y.phase === 'CLOSED' ? (
        <Typography.Paragraph strong>{t('emulation.blockYear.closed')}</Typography.Paragraph>
      ) : null}
    </Card>
  );
}
