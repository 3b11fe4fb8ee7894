import { Button, Card, Descriptions, Space, Table, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../../api/client';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { formatDate } from '../../../format';
import { CrossReviewStep } from './CrossReviewStep';
import { MidYearCheckStep } from './MidYearCheckStep';
import { mayAct, membersOf, reached, stateOf, unitLabel, useStep, type BlockYear } from './model';
import { ProposalDossiers } from './ProposalDossiers';
import { RankingStep } from './RankingStep';
import { SelfAssessmentStep } from './SelfAssessmentStep';
import { TemplateStep } from './TemplateStep';

/**
 * A block's emulation year, step by step as its phase allows: the scoring template and its approval, the pledges, the
 * mid-year check, the self-assessment, the cross-review, the ranking with the Cờ thi đua proposals and the meeting's vote, the proposals'
 * dossiers, the closure. Each step shows its form only to whom may take it (the API checks again; a refusal shows its
 * rule in Vietnamese).
 */
export function BlockYearPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const year = useQuery({
    queryKey: ['block-year', id],
    queryFn: () => unwrap(api.GET('/api/block-years/{id}', { params: { path: { id } } })),
  });
  const y = year.data;
  if (!y)
    return (
      <Card loading={year.isLoading}>
        <ApiErrorAlert error={year.error} />
      </Card>
    );
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Card
        title={
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t('emulation.blockYear.title', { year: y.year })}
          </Typography.Title>
        }
        extra={<Link to={`/emulation-blocks/${y.blockId}`}>{t('emulation.back')}</Link>}
      >
        <Descriptions column={1} size="small" bordered>
          <Descriptions.Item label={t('emulation.phase')}>
            <Tag data-testid="block-year-phase" data-phase={y.phase}>
              {t(`emulation.blockPhase.${y.phase}`)}
            </Tag>
          </Descriptions.Item>
          <Descriptions.Item label={t('emulation.head')}>{unitLabel(y, y.headUnit)}</Descriptions.Item>
          <Descriptions.Item label={t('emulation.deputy')}>{unitLabel(y, y.deputyUnit)}</Descriptions.Item>
        </Descriptions>
      </Card>
      <TemplateStep y={y} />
      {reached(y, 'PLEDGING') ? <Pledges y={y} /> : null}
      <MidYearCheckStep y={y} />
      <SelfAssessmentStep y={y} />
      <CrossReviewStep y={y} />
      <RankingStep y={y} />
      <ProposalDossiers y={y} />
    </Space>
  );
}

/** Ký giao ước: a member's head (or the secretariat on its behalf) signs; the last signature starts the year's work. */
function Pledges({ y }: { y: BlockYear }) {
  const { t } = useTranslation();
  const s = stateOf(y);
  const may = mayAct(y);
  const id = y.blockYearId;
  const pledge = useStep(y, (unitCode: string) =>
    unwrap(api.POST('/api/block-years/{id}/pledges', { params: { path: { id } }, body: { unitCode } })),
  );
  return (
    <Card title={t('emulation.pledges')} size="small" data-testid="block-pledges">
      <ApiErrorAlert error={pledge.error} />
      <Table
        size="small"
        rowKey="unitCode"
        pagination={false}
        dataSource={membersOf(y)}
        columns={[
          { title: t('emulation.unit'), render: (_: unknown, m) => `${m.name} (${m.unitCode})` },
          {
            title: t('emulation.status'),
            render: (_: unknown, m) => {
              const signed = s.pledges.find((p) => p.unitCode === m.unitCode);
              return signed ? (
                <Tag color="green">
                  {t('emulation.pledged')} {formatDate(signed.signedOn)}
                </Tag>
              ) : (
                <Tag>{t('emulation.notPledged')}</Tag>
              );
            },
          },
          {
            title: '',
            render: (_: unknown, m) =>
              !s.pledges.some((p) => p.unitCode === m.unitCode) && may.signPledge(m.unitCode) ? (
                <Button
                  size="small"
                  data-testid={`pledge-${m.unitCode}`}
                  loading={pledge.isPending && pledge.variables === m.unitCode}
                  onClick={() => pledge.mutate(m.unitCode)}
                >
                  {t('emulation.signPledge')}
                </Button>
              ) : null,
          },
        ]}
      />
    </Card>
  );
}
