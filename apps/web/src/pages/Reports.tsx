import { useState } from 'react';
import { Button, Card, Col, Form, Input, InputNumber, Row, Select, Space, Statistic, Table, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { api, ApiError, unwrap, type ErrorBody } from '../api/client';
import type { components } from '../api/schema';
import { session } from '../auth/session';
import { ApiErrorAlert } from '../components/ApiErrorAlert';
import { awardName } from '../awards';
import { AwardsByMovement } from './AwardsByMovement';
import { PriorityReport } from './PriorityReport';

/** The reports' JSON shapes, generated from the served OpenAPI (a changed DTO breaks this build, not the page). */
type FiveYear = components['schemas']['FiveYearReportDto'];
type Awards = components['schemas']['AwardsReportDto'];
type Times = components['schemas']['ProcessingTimesReportDto'];
type FiveYearRow = FiveYear['rows'][number];
type AwardRow = Awards['rows'][number];
type StageTime = Times['stages'][number];

interface Period {
  provinceCode?: string;
  /** The movement (phong trào thi đua) the dossiers come from; all when absent. */
  movementId?: string;
  fromYear: number;
  toYear: number;
}

async function report<T>(
  path: string,
  p: Period,
  format?: 'csv',
  extra: Record<string, string> = {},
): Promise<T | Blob> {
  const qs = new URLSearchParams({
    fromYear: String(p.fromYear),
    toYear: String(p.toYear),
    ...(p.provinceCode ? { provinceCode: p.provinceCode } : {}),
    ...(p.movementId ? { movementId: p.movementId } : {}),
    ...(format ? { format } : {}),
    ...extra,
  });
  const res = await fetch(`/api/reports/${path}?${qs}`, {
    headers: { authorization: `Bearer ${session.token() ?? ''}` },
  });
  if (!res.ok) throw new ApiError(res.status, ((await res.json().catch(() => ({}))) ?? {}) as Partial<ErrorBody>);
  return format ? res.blob() : ((await res.json()) as T);
}

async function downloadCsv(path: string, p: Period, name: string, extra: Record<string, string> = {}): Promise<void> {
  const blob = (await report(path, p, 'csv', extra)) as Blob;
  const url = URL.createObjectURL(blob);
  Object.assign(document.createElement('a'), { href: url, download: `${name}-${p.fromYear}-${p.toYear}.csv` }).click();
  URL.revokeObjectURL(url);
}

/** A chart with its caption; the numbers are also in the table beside it (screen readers read the table). */
function Chart({ caption, children }: { caption: string; children: React.ReactElement }) {
  return (
    <figure style={{ margin: 0 }} aria-label={caption}>
      <figcaption>
        <Typography.Text strong>{caption}</Typography.Text>
      </figcaption>
      <div style={{ width: '100%', height: 280 }}>
        <ResponsiveContainer>{children}</ResponsiveContainer>
      </div>
    </figure>
  );
}

const thisYear = new Date().getFullYear();

/**
 * Reports: the province's five-year commendation report (the seed article's table) and the statistics (awards by
 * year and form, processing time per stage), each as a table and a chart, with a CSV download.
 */
export function Reports() {
  const { t, i18n } = useTranslation();
  const [period, setPeriod] = useState<Period>({ fromYear: thisYear - 4, toYear: thisYear });
  const movements = useQuery({ queryKey: ['movements'], queryFn: () => unwrap(api.GET('/api/movements', {})) });
  const fiveYear = useQuery({
    queryKey: ['reports', 'five-year', period],
    enabled: !!period.provinceCode,
    queryFn: () => report<FiveYear>('five-year', period) as Promise<FiveYear>,
  });
  const awards = useQuery({
    queryKey: ['reports', 'awards', period],
    queryFn: () => report<Awards>('awards', period) as Promise<Awards>,
  });
  const times = useQuery({
    queryKey: ['reports', 'times', period],
    queryFn: () => report<Times>('processing-times', period) as Promise<Times>,
  });
  const byYear = new Map<number, { year: number; individuals: number; collectives: number; households: number }>();
  for (const r of awards.data?.rows ?? []) {
    const y = byYear.get(r.year) ?? { year: r.year, individuals: 0, collectives: 0, households: 0 };
    y.individuals += r.individuals;
    y.collectives += r.collectives;
    y.households += r.households;
    byYear.set(r.year, y);
  }
  const yearly = [...byYear.values()].sort((a, b) => a.year - b.year);
  const share = awards.data?.directWorkers.share;
  const kinds = [
    { key: 'individuals', label: t('reports.individuals'), fill: '#b71c1c' },
    { key: 'collectives', label: t('reports.collectives'), fill: '#0958d9' },
    { key: 'households', label: t('reports.households'), fill: '#874d00' },
  ];
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Card
        title={
          <Typography.Title level={1} style={{ margin: 0, fontSize: 22 }}>
            {t('reports.title')}
          </Typography.Title>
        }
      >
        <Form
          layout="inline"
          initialValues={period}
          onFinish={(v: Period) =>
            setPeriod({
              fromYear: v.fromYear,
              toYear: v.toYear,
              ...(v.provinceCode?.trim() ? { provinceCode: v.provinceCode.trim() } : {}),
              ...(v.movementId ? { movementId: v.movementId } : {}),
            })
          }
          style={{ rowGap: 8 }}
        >
          <Form.Item name="provinceCode" htmlFor="report-province" label={t('reports.province')}>
            <Input id="report-province" style={{ width: 160 }} />
          </Form.Item>
          <Form.Item name="movementId" htmlFor="report-movement" label={t('reports.movement')}>
            <Select
              id="report-movement"
              data-testid="report-movement"
              allowClear
              showSearch
              optionFilterProp="label"
              placeholder={t('reports.allMovements')}
              style={{ width: 280 }}
              loading={movements.isLoading}
              options={(movements.data ?? []).map((m) => ({ value: m.movementId, label: m.name }))}
            />
          </Form.Item>
          <Form.Item
            name="fromYear"
            htmlFor="report-from"
            label={t('reports.fromYear')}
            rules={[{ required: true, message: t('form.required') }]}
          >
            <InputNumber id="report-from" min={1945} max={2100} />
          </Form.Item>
          <Form.Item
            name="toYear"
            htmlFor="report-to"
            label={t('reports.toYear')}
            rules={[{ required: true, message: t('form.required') }]}
          >
            <InputNumber id="report-to" min={1945} max={2100} />
          </Form.Item>
          <Button type="primary" htmlType="submit" data-testid="report-show">
            {t('audit.show')}
          </Button>
        </Form>
      </Card>

      <Card
        title={
          <Typography.Title level={2} style={{ margin: 0, fontSize: 18 }}>
            {t('reports.fiveYear', { from: period.fromYear, to: period.toYear })}
          </Typography.Title>
        }
        extra={
          fiveYear.data ? (
            <Button
              data-testid="five-year-csv"
              onClick={() => void downloadCsv('five-year', period, `bao-cao-khen-thuong-${period.provinceCode ?? ''}`)}
            >
              {t('reports.csv')}
            </Button>
          ) : null
        }
      >
        <ApiErrorAlert error={fiveYear.error} />
        {!period.provinceCode ? <Typography.Text type="secondary">{t('reports.needProvince')}</Typography.Text> : null}
        {fiveYear.data ? (
          <Row gutter={[16, 16]}>
            <Col xs={24} lg={14}>
              <Table<FiveYearRow>
                data-testid="five-year"
                size="small"
                rowKey="key"
                pagination={false}
                scroll={{ x: true }}
                dataSource={fiveYear.data.rows}
                columns={[
                  { title: t('reports.no'), dataIndex: 'no', width: 50 },
                  { title: t('reports.category'), dataIndex: 'label' },
                  { title: t('reports.total'), dataIndex: 'count', align: 'right' },
                  { title: t('reports.individuals'), dataIndex: 'individuals', align: 'right' },
                  { title: t('reports.collectives'), dataIndex: 'collectives', align: 'right' },
                  { title: t('reports.households'), dataIndex: 'households', align: 'right' },
                ]}
              />
            </Col>
            <Col xs={24} lg={10}>
              <Chart caption={t('reports.fiveYearChart')}>
                <BarChart data={fiveYear.data.rows} layout="vertical" margin={{ left: 24 }}>
                  <CartesianGrid strokeDasharray="3 3" />
                  <XAxis type="number" allowDecimals={false} />
                  <YAxis type="category" dataKey="no" width={30} />
                  <Tooltip
                    labelFormatter={(no) => fiveYear.data.rows.find((r) => r.no === Number(no))?.label ?? String(no)}
                  />
                  <Bar dataKey="count" name={t('reports.total')} fill="#b71c1c" />
                </BarChart>
              </Chart>
            </Col>
          </Row>
        ) : null}
      </Card>

      <Card
        title={
          <Typography.Title level={2} style={{ margin: 0, fontSize: 18 }}>
            {t('reports.awards')}
          </Typography.Title>
        }
        extra={
          <Button data-testid="awards-csv" onClick={() => void downloadCsv('awards', period, 'khen-thuong')}>
            {t('reports.csv')}
          </Button>
        }
      >
        <ApiErrorAlert error={awards.error} />
        <Row gutter={[16, 16]}>
          <Col xs={24} lg={10}>
            <Chart caption={t('reports.byYear')}>
              <BarChart data={yearly}>
                <CartesianGrid strokeDasharray="3 3" />
                <XAxis dataKey="year" />
                <YAxis allowDecimals={false} />
                <Tooltip />
                <Legend />
                {kinds.map((k) => (
                  <Bar key={k.key} dataKey={k.key} name={k.label} stackId="kind" fill={k.fill} />
                ))}
              </BarChart>
            </Chart>
            <Statistic title={t('reports.directShare')} value={share == null ? '—' : `${(share * 100).toFixed(1)} %`} />
          </Col>
          <Col xs={24} lg={14}>
            <Table<AwardRow>
              data-testid="awards"
              size="small"
              rowKey={(r) => `${r.year}-${r.awardCode}-${r.unitCode}`}
              pagination={{ pageSize: 10 }}
              scroll={{ x: true }}
              dataSource={awards.data?.rows ?? []}
              loading={awards.isLoading}
              columns={[
                { title: t('draft.year'), dataIndex: 'year' },
                {
                  title: t('dossier.award'),
                  dataIndex: 'awardCode',
                  render: (c: string) => awardName(c, i18n.language),
                },
                { title: t('tasks.unit'), dataIndex: 'unitName', render: (n: string | null, r) => n ?? r.unitCode },
                { title: t('reports.total'), dataIndex: 'total', align: 'right' },
              ]}
            />
          </Col>
        </Row>
      </Card>

      <AwardsByMovement
        rows={awards.data?.byMovement ?? []}
        loading={awards.isLoading}
        onCsv={() => void downloadCsv('awards', period, 'khen-thuong-theo-phong-trao', { groupBy: 'movement' })}
      />

      <PriorityReport {...period} />

      <Card
        title={
          <Typography.Title level={2} style={{ margin: 0, fontSize: 18 }}>
            {t('reports.times')}
          </Typography.Title>
        }
        extra={
          <Button
            data-testid="times-csv"
            onClick={() => void downloadCsv('processing-times', period, 'thoi-gian-xu-ly')}
          >
            {t('reports.csv')}
          </Button>
        }
      >
        <ApiErrorAlert error={times.error} />
        <Row gutter={[16, 16]}>
          <Col xs={24} lg={12}>
            <Table<StageTime>
              data-testid="times"
              size="small"
              rowKey="stage"
              pagination={false}
              dataSource={times.data?.stages ?? []}
              loading={times.isLoading}
              columns={[
                { title: t('reports.stage'), dataIndex: 'label' },
                { title: t('reports.count'), dataIndex: 'count', align: 'right' },
                {
                  title: t('reports.median'),
                  dataIndex: 'medianDays',
                  align: 'right',
                  render: (d: number | null) => d ?? '—',
                },
                {
                  title: t('reports.p90'),
                  dataIndex: 'p90Days',
                  align: 'right',
                  render: (d: number | null) => d ?? '—',
                },
              ]}
            />
          </Col>
          <Col xs={24} lg={12}>
            <Chart caption={t('reports.timesChart')}>
              <BarChart data={times.data?.stages ?? []}>
                <CartesianGrid strokeDasharray="3 3" />
                <XAxis dataKey="stage" />
                <YAxis />
                <Tooltip />
                <Legend />
                <Bar dataKey="medianDays" name={t('reports.median')} fill="#0958d9" />
                <Bar dataKey="p90Days" name={t('reports.p90')} fill="#b71c1c" />
              </BarChart>
            </Chart>
          </Col>
        </Row>
      </Card>
    </Space>
  );
}
