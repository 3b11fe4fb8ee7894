import { Card, Table, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, unwrap, type Schemas } from '../api/client';
import { ApiErrorAlert } from '../components/ApiErrorAlert';

type Row = Schemas['PriorityShareRowDto'];
const AREAS = ['BORDER', 'ISLAND', 'ESPECIALLY_DIFFICULT'] as const;

const percent = (share: number | undefined) => (share === undefined ? '—' : `${(share * 100).toFixed(1)}\u00a0%`);
/** "count (share %)". */
const countShare = (count: number | undefined, share: number | undefined) => `${count ?? 0}\u00a0(${percent(share)})`;

/**
 * The priority shares (GET /api/reports/priority, Luật Điều 5): per decision year and award level, the awards to
 * direct workers, women, ethnic minorities, each area class and occupation group, so the province can show whether
 * its priorities were kept.
 */
export function PriorityReport({
  fromYear,
  toYear,
  provinceCode,
  movementId,
}: {
  fromYear: number;
  toYear: number;
  provinceCode?: string | undefined;
  movementId?: string | undefined;
}) {
  const { t } = useTranslation();
  const query = {
    fromYear,
    toYear,
    ...(provinceCode ? { provinceCode } : {}),
    ...(movementId ? { movementId } : {}),
  };
  const report = useQuery({
    queryKey: ['reports', 'priority', query],
    queryFn: () => unwrap(api.GET('/api/reports/priority', { params: { query } })),
  });
  return (
    <Card
      title={
        <Typography.Title level={2} style={{ margin: 0, fontSize: 18 }}>
          {t('priority.report')}
        </Typography.Title>
      }
    >
      <ApiErrorAlert error={report.error} />
      <Typography.Paragraph type="secondary">{t('priority.sharesHelp')}</Typography.Paragraph>
      <Table<Row>
        data-testid="priority-report"
        size="small"
        rowKey={(r) => `${r.year}-${r.level}`}
        pagination={false}
        scroll={{ x: true }}
        loading={report.isLoading}
        dataSource={report.data ?? []}
        onRow={(r) => ({ 'data-row': `${r.year}-${r.level}` }) as React.HTMLAttributes<HTMLElement>}
        expandable={{
          expandedRowRender: (r) => (
            <span>
              <b>{t('priority.occupationShares')}:</b>{' '}
              {Object.entries(r.occupation)
                .filter(([, n]) => n > 0)
                .map(([o, n]) => `${t(`priority.occupations.${o}`)} ${countShare(n, r.shares.occupation[o])}`)
                .join('; ') || '—'}
            </span>
          ),
        }}
        columns={[
          { title: t('priority.year'), dataIndex: 'year' },
          { title: t('priority.level'), dataIndex: 'level', render: (l: string) => t(`priority.levels.${l}`) },
          { title: t('priority.awards'), dataIndex: 'awards', align: 'right' },
          { title: t('priority.recorded'), dataIndex: 'recorded', align: 'right' },
          {
            title: t('priority.directWorker'),
            align: 'right',
            render: (_: unknown, r) => countShare(r.directWorker, r.shares.directWorker),
          },
          {
            title: t('priority.female'),
            align: 'right',
            render: (_: unknown, r) => <span data-testid="share-female">{countShare(r.female, r.shares.female)}</span>,
          },
          {
            title: t('priority.ethnicMinority'),
            align: 'right',
            render: (_: unknown, r) => countShare(r.ethnicMinority, r.shares.ethnicMinority),
          },
          ...AREAS.map((a) => ({
            title: t(`priority.areas.${a}`),
            align: 'right' as const,
            render: (_: unknown, r: Row) => countShare(r.area[a], r.shares.area[a]),
          })),
        ]}
      />
    </Card>
  );
}
