import { useState } from 'react';
import { Button, Card, Form, Input, InputNumber, Space, Table, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api, unwrap, type Schemas } from '../../api/client';
import { session } from '../../auth/session';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { awardName } from '../../awards';
import { formatDate, formatDateTime, formatVnd } from '../../format';
import { FUND_OVERSIGHT } from '../../roles';
import { FundTotals } from './FundTotals';
import { PaymentModal } from './PaymentModal';

type Entry = Schemas['FundEntryDto'];

interface Filters {
  fromYear: number;
  toYear: number;
  unitCode?: string;
  provinceCode?: string;
}

const SECRETARIAT = ['SECRETARIAT_OFFICER', 'SECRETARIAT_HEAD'];

/**
 * Who pays a line (the domain's `decideFundPayment` checks again): the secretariat for provincial and state awards,
 * the deciding unit's clerk or head for its grassroots titles; nothing after a revocation or once all is paid.
 */
function mayPay(e: Entry): boolean {
  const me = session.me();
  if (!me || e.revokedOn || (e.outstandingVnd !== null && e.outstandingVnd <= 0)) return false;
  return e.level === 'GRASSROOTS'
    ? ['UNIT_CLERK', 'UNIT_HEAD'].includes(me.role) && me.unitCode === e.unitCode
    : SECRETARIAT.includes(me.role);
}

const thisYear = new Date().getFullYear();

/**
 * Quỹ thi đua, khen thưởng (Luật Điều 90): the ledger per decision with filters, the totals per year and source for
 * the fund's oversight, and the payment form for whoever pays the line.
 */
export function AwardFund() {
  const { t, i18n } = useTranslation();
  const oversight = FUND_OVERSIGHT.includes(session.me()?.role ?? '');
  const [filters, setFilters] = useState<Filters>({ fromYear: thisYear, toYear: thisYear });
  const [paying, setPaying] = useState<Entry>();
  const query = {
    ...(filters.fromYear === filters.toYear ? { year: filters.fromYear } : {}),
    ...(filters.unitCode ? { unitCode: filters.unitCode } : {}),
    ...(filters.provinceCode ? { provinceCode: filters.provinceCode } : {}),
  };
  const entries = useQuery({
    queryKey: ['fund', 'entries', query],
    queryFn: () => unwrap(api.GET('/api/award-fund/entries', { params: { query } })),
  });
  const rows = (entries.data ?? []).filter((e) => e.year >= filters.fromYear && e.year <= filters.toYear);
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Card
        title={
          <Typography.Title level={1} style={{ margin: 0, fontSize: 22 }}>
            {t('fund.title')}
          </Typography.Title>
        }
      >
        <Typography.Paragraph type="secondary">{t('fund.help')}</Typography.Paragraph>
        <Form
          layout="inline"
          name="fund-filters"
          initialValues={filters}
          style={{ rowGap: 8 }}
          onFinish={(v: Filters) =>
            setFilters({
              fromYear: v.fromYear,
              toYear: v.toYear,
              ...(v.unitCode?.trim() ? { unitCode: v.unitCode.trim() } : {}),
              ...(v.provinceCode?.trim() ? { provinceCode: v.provinceCode.trim() } : {}),
            })
          }
        >
          <Form.Item
            name="fromYear"
            label={t('fund.fromYear')}
            rules={[{ required: true, message: t('form.required') }]}
          >
            <InputNumber min={2000} max={2100} />
          </Form.Item>
          <Form.Item name="toYear" label={t('fund.toYear')} rules={[{ required: true, message: t('form.required') }]}>
            <InputNumber min={2000} max={2100} />
          </Form.Item>
          {oversight ? (
            <>
              <Form.Item name="provinceCode" label={t('fund.provinceCode')}>
                <Input style={{ width: 150 }} />
              </Form.Item>
              <Form.Item name="unitCode" label={t('fund.unitCode')}>
                <Input style={{ width: 150 }} />
              </Form.Item>
            </>
          ) : null}
          <Button type="primary" htmlType="submit" data-testid="fund-show">
            {t('fund.show')}
          </Button>
        </Form>
      </Card>

      {oversight ? (
        <FundTotals fromYear={filters.fromYear} toYear={filters.toYear} provinceCode={filters.provinceCode} />
      ) : null}

      <Card>
        <ApiErrorAlert error={entries.error} />
        {!entries.isLoading && !rows.length ? <Typography.Text>{t('fund.none')}</Typography.Text> : null}
        <Table<Entry>
          rowKey="dossierId"
          size="small"
          loading={entries.isLoading}
          dataSource={rows}
          pagination={{ pageSize: 20 }}
          scroll={{ x: true }}
          data-testid="fund-entries"
          onRow={(e) => ({ 'data-dossier': e.dossierId }) as React.HTMLAttributes<HTMLElement>}
          expandable={{ expandedRowRender: (e) => <Payments dossierId={e.dossierId} /> }}
          columns={[
            {
              title: t('fund.decision'),
              dataIndex: 'decisionNumber',
              render: (n: string, e) => (
                <>
                  <Link to={`/dossiers/${e.dossierId}`}>{n}</Link>
                  <br />
                  {formatDate(e.decidedOn)}
                </>
              ),
            },
            { title: t('fund.award'), dataIndex: 'awardCode', render: (c: string) => awardName(c, i18n.language) },
            { title: t('fund.unit'), dataIndex: 'unitCode' },
            { title: t('fund.level'), dataIndex: 'level', render: (l: string) => t(`fund.levels.${l}`) },
            {
              title: t('fund.due'),
              dataIndex: 'dueVnd',
              align: 'right',
              render: (n: number | null) => (n === null ? t('fund.noRate') : formatVnd(n)),
            },
            {
              title: t('fund.paid'),
              dataIndex: 'paidVnd',
              align: 'right',
              render: (n: number) => <span data-testid="entry-paid">{formatVnd(n)}</span>,
            },
            {
              title: t('fund.outstanding'),
              dataIndex: 'outstandingVnd',
              align: 'right',
              render: (n: number | null) => formatVnd(n),
            },
            {
              title: t('fund.toRecover'),
              dataIndex: 'toRecoverVnd',
              align: 'right',
              render: (n: number | null, e) =>
                e.revokedOn ? (
                  <>
                    <Tag color="red">{t('fund.revoked', { date: formatDate(e.revokedOn) })}</Tag>
                    {formatVnd(n)}
                    {e.recoveredVnd !== null ? ` (${t('fund.recovered')}: ${formatVnd(e.recoveredVnd)})` : ''}
                  </>
                ) : (
                  '—'
                ),
            },
            {
              title: '',
              render: (_: unknown, e) =>
                mayPay(e) ? (
                  <Button size="small" data-testid="fund-pay" onClick={() => setPaying(e)}>
                    {t('fund.pay')}
                  </Button>
                ) : null,
            },
          ]}
        />
      </Card>
      {paying ? <PaymentModal entry={paying} onClose={() => setPaying(undefined)} /> : null}
    </Space>
  );
}

/** A line's payments (GET /api/award-fund/entries/:id), read when the row is opened. */
function Payments({ dossierId }: { dossierId: string }) {
  const { t } = useTranslation();
  const entry = useQuery({
    queryKey: ['fund', 'entry', dossierId],
    queryFn: () => unwrap(api.GET('/api/award-fund/entries/{id}', { params: { path: { id: dossierId } } })),
  });
  if (entry.error) return <ApiErrorAlert error={entry.error} />;
  const payments = entry.data?.payments ?? [];
  if (!entry.isLoading && !payments.length) return <Typography.Text>{t('fund.noPayments')}</Typography.Text>;
  return (
    <Table
      size="small"
      rowKey="seq"
      pagination={false}
      loading={entry.isLoading}
      dataSource={payments}
      data-testid="fund-payments"
      columns={[
        { title: t('fund.paidOn'), dataIndex: 'paidOn', render: (d: string) => formatDate(d) },
        { title: t('fund.amount'), dataIndex: 'amountVnd', align: 'right', render: (n: number) => formatVnd(n) },
        { title: t('fund.source'), dataIndex: 'source', render: (s: string) => t(`fund.sources.${s}`) },
        { title: t('fund.voucher'), dataIndex: 'voucherRef' },
        { title: t('fund.note'), dataIndex: 'note', render: (n?: string) => n ?? '' },
        {
          title: t('fund.recordedBy'),
          dataIndex: 'recordedBy',
          render: (by: string, p) => `${by} · ${formatDateTime(p.recordedAt)}`,
        },
      ]}
    />
  );
}
