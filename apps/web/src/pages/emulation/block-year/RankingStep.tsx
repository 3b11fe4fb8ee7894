import { Button, Card, Descriptions, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { api, unwrap } from '../../../api/client';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { formatDate } from '../../../format';
import type { BlockMeetingVote, BlockYearState } from '../shared';
import { mayAct, stateOf, unitLabel, useStep, type BlockYear } from './model';
import { ProposalForm } from './ProposalForm';

type Ranked = NonNullable<BlockYearState['ranking']>[number];

/**
 * The ranking (computed by the domain: total, then fewer penalty points, then more criteria points; members still
 * equal share the rank), the block meeting's Cờ thi đua proposals with its vote, and the secretariat's closure.
 */
export function RankingStep({ y }: { y: BlockYear }) {
  const { t } = useTranslation();
  const s = stateOf(y);
  const may = mayAct(y);
  const id = y.blockYearId;
  const close = useStep(y, () => unwrap(api.POST('/api/block-years/{id}/closure', { params: { path: { id } } })));
  const ranking = s.ranking ?? [];
  if (!ranking.length) return null;
  const shared = (r: Ranked) => ranking.filter((x) => x.rank === r.rank).length > 1;
  const names = (units: string[]) => (units.length ? units.map((u) => unitLabel(y, u)).join(', ') : '—');
  return (
    <Card title={t('emulation.blockYear.ranking')} size="small" data-testid="block-ranking">
      <ApiErrorAlert error={close.error} />
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
          {s.proposals.vote ? voteItems(y, s.proposals.vote, t) : null}
        </Descriptions>
      ) : null}
      {may.propose ? <ProposalForm y={y} /> : null}
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

/**
 * The vote as the meeting recorded it: how, who was present (of how many members), the votes for each proposal. Items
 * of the proposals' Descriptions (a list, not a component: Descriptions reads its items' props).
 */
function voteItems(y: BlockYear, vote: BlockMeetingVote, t: TFunction) {
  const members = stateOf(y).opening?.members.length ?? 0;
  return [
    <Descriptions.Item key="method" label={t('emulation.blockYear.voteMethod')}>
      <span data-testid="vote-recorded-method">{t(`emulation.blockYear.voteMethods.${vote.method}`)}</span>
    </Descriptions.Item>,
    <Descriptions.Item key="present" label={t('emulation.blockYear.present')}>
      {t('emulation.blockYear.presentOf', { present: vote.present.length, members })}:{' '}
      {vote.present.map((u) => unitLabel(y, u)).join(', ')}
    </Descriptions.Item>,
    <Descriptions.Item key="tallies" label={t('emulation.blockYear.tallies')}>
      <ul style={{ margin: 0, paddingLeft: 18 }} data-testid="vote-tallies">
        {vote.tallies.map((x) => (
          <li key={`${x.flag}:${x.unitCode}`} data-unit={x.unitCode} data-flag={x.flag}>
            {t('emulation.blockYear.tally', {
              unit: unitLabel(y, x.unitCode),
              flag: t(`emulation.blockYear.flag.${x.flag}`),
              votesFor: x.votesFor,
              present: vote.present.length,
            })}
          </li>
        ))}
      </ul>
    </Descriptions.Item>,
  ];
}
