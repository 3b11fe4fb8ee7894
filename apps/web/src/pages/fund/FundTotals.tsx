import { Card, Col, Row, Statistic, Table, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, unwrap, type Schemas } from '../../api/client';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { formatVnd } from '../../format';

type YearTotal = Schemas['FundYearTotalDto'];
type SourceTotal = Schemas['FundSourceTotalDto'];

/** Totals of the award fund (GET /api/award-fund/totals): by decision year, and by payment year and source. */
export function FundTotals({
  fromYear,
  toYear,
  provinceCode,
}: {
  fromYear: number;
  toYear: number;
  provinceCode?: string;
}) {
  const { t } = useTranslation();
  const query = { fromYear, toYear, ...(provinceCode ? { provinceCode } : {}) };
  const totals = useQuery({
    queryKey: ['fund', 'totals', query],
    queryFn: () => unwrap(api.GET('/api/award-fund/totals', { params: { query } })),
  });
  const byYear = totals.data?.byYear ?? [];
  const sum = (pick: (r: YearTotal) => number) => byYear.reduce((s, r) => s + pick(r), 0);
  const money = (n: number) => formatVnd(n);
  return (
    <Card
      title={
        <Typography.Title level={2} style={{ margin: 0, fontSize: 18 }}>
          {t('fund.totals', { from: fromYear, to: toYear })}
        </Typography.Title>
      }
      data-testid="fund-totals"
    >
      <ApiErrorAlert error={totals.error} />
      <Row gutter={16} style={{ marginBottom: 16 }}>
        <Col xs={24} md={8}>
          <Statistic title={t('fund.totalDue')} value={formatVnd(sum((r) => r.dueVnd))} data-testid="total-due" />
        </Col>
        <Col xs={24} md={8}>
          <Statistic title={t('fund.totalPaid')} value={formatVnd(sum((r) => r.paidVnd))} data-testid="total-paid" />
        </Col>
        <Col xs={24} md={8}>
          <Statistic title={t('fund.totalRecovered')} value={formatVnd(sum((r) => r.recoveredVnd))} />
        </Col>
      </Row>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Typography.Title level={3} style={{ fontSize: 16 }}>
            {t('fund.byYear')}
          </Typography.Title>
          <Table<YearTotal>
            size="small"
            rowKey="year"
            pagination={false}
            scroll={{ x: true }}
            loading={totals.isLoading}
            dataSource={byYear}
            data-testid="fund-by-year"
            columns={[
              { title: t('fund.year'), dataIndex: 'year' },
              { title: t('fund.decisions'), dataIndex: 'decisions', align: 'right' },
              { title: t('fund.withoutRate'), dataIndex: 'withoutRate', align: 'right' },
              { title: t('fund.due'), dataIndex: 'dueVnd', align: 'right', render: money },
              { title: t('fund.paid'), dataIndex: 'paidVnd', align: 'right', render: money },
              { title: t('fund.revokedCount'), dataIndex: 'revoked', align: 'right' },
              { title: t('fund.recovered'), dataIndex: 'recoveredVnd', align: 'right', render: money },
            ]}
          />
        </Col>
        <Col xs={24} lg={10}>
          <Typography.Title level={3} style={{ fontSize: 16 }}>
            {t('fund.bySource')}
          </Typography.Title>
          <Table<SourceTotal>
            size="small"
            rowKey={(r) => `${r.year}-${r.source}`}
            pagination={false}
            scroll={{ x: true }}
            loading={totals.isLoading}
            dataSource={totals.data?.bySource ?? []}
            data-testid="fund-by-source"
            columns={[
              { title: t('fund.year'), dataIndex: 'year' },
              { title: t('fund.source'), dataIndex: 'source', render: (s: string) => t(`fund.sources.${s}`) },
              { title: t('fund.paymentsCount'), dataIndex: 'payments', align: 'right' },
              { title: t('fund.paid'), dataIndex: 'paidVnd', align: 'right', render: money },
            ]}
          />
        </Col>
      </Row>
    </Card>
  );
}
