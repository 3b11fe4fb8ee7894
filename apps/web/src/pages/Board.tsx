import { useState } from 'react';
import { Button, Card, Checkbox, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api, unwrap, type Schemas } from '../api/client';
import { session } from '../auth/session';
import { ApiErrorAlert } from '../components/ApiErrorAlert';
import { download } from '../api/admin';
import { Deadline } from '../components/Deadline';
import { AWARDS, awardName } from '../awards';
import { asNumber, asText, formatDate } from '../format';

type Row = Schemas['BoardRowDto'];
type Filters = {
  status?: Row['status'];
  awardCode?: string;
  heldBy?: NonNullable<Row['heldBy']>;
  overdue?: boolean;
  unitCode?: string;
};
const STATUSES: Row['status'][] = [
  'UNIT_REVIEW',
  'APPRAISAL',
  'SUPPLEMENT_REQUESTED',
  'PUBLIC_POSTING',
  'COMPLAINT_REVIEW',
  'READY_FOR_COUNCIL',
  'COUNCIL_VOTING',
  'AWAITING_DECISION',
  'AWARDED',
  'REJECTED',
  'RETURNED',
  'WITHDRAWN',
];
const HOLDERS: NonNullable<Row['heldBy']>[] = [
  'UNIT_CLERK',
  'UNIT_HEAD',
  'SECRETARIAT_OFFICER',
  'SECRETARIAT_HEAD',
  'COUNCIL',
  'PROVINCIAL_DECIDER',
  'CENTRAL_APPRAISER',
  'CENTRAL_DECIDER',
];

/** The secretariat's board: every dossier with its legal deadline, filters, counts per status and a CSV export. */
export function Board() {
  const { t, i18n } = useTranslation();
  const [f, setF] = useState<Filters>({});
  const query = {
    ...(f.status ? { status: f.status } : {}),
    ...(f.awardCode ? { awardCode: f.awardCode } : {}),
    ...(f.heldBy ? { heldBy: f.heldBy } : {}),
    ...(f.overdue ? { overdue: 'true' } : {}),
    ...(f.unitCode ? { unitCode: f.unitCode } : {}),
  };
  const board = useQuery({
    queryKey: ['board', query],
    queryFn: () => unwrap(api.GET('/api/board', { params: { query: { ...query, limit: 100 } as never } })),
  });
  const counts = useQuery({
    queryKey: ['board', 'counts', query],
    queryFn: () => unwrap(api.GET('/api/board/counts', { params: { query: query as never } })),
  });
  const downloadCsv = async () => {
    const qs = new URLSearchParams({
      ...Object.fromEntries(Object.entries(query).map(([k, v]) => [k, String(v)])),
      format: 'csv',
    });
    const res = await fetch(`/api/board?${qs}`, { headers: { authorization: `Bearer ${session.token() ?? ''}` } });
    const url = URL.createObjectURL(await res.blob());
    const a = Object.assign(document.createElement('a'), { href: url, download: 'ho-so.csv' });
    a.click();
    URL.revokeObjectURL(url);
  };
  const byStatus = (counts.data?.byStatus ?? {}) as Record<string, number>;
  return (
    <Card
      title={
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('board.title')}
        </Typography.Title>
      }
      extra={
        <Space>
          <Button onClick={() => void downloadCsv()} data-testid="csv">
            {t('board.csv')}
          </Button>
          <Button
            onClick={() =>
              void download(
                `/api/board/export.xlsx?${new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)]))}`,
                'ho-so.xlsx',
              )
            }
            data-testid="xlsx"
          >
            {t('admin.xlsx')}
          </Button>
        </Space>
      }
    >
      <ApiErrorAlert error={board.error ?? counts.error} />
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          allowClear
          aria-label={t('board.filterStatus')}
          style={{ width: 200 }}
          placeholder={t('board.filterStatus')}
          value={f.status}
          onChange={(status) => setF({ ...f, status })}
          options={STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
        />
        <Select
          allowClear
          showSearch
          optionFilterProp="label"
          aria-label={t('board.filterAward')}
          style={{ width: 260 }}
          placeholder={t('board.filterAward')}
          value={f.awardCode}
          onChange={(awardCode) => setF({ ...f, awardCode })}
          options={AWARDS.map((a) => ({ value: a.code, label: awardName(a.code, i18n.language) }))}
        />
        <Select
          allowClear
          aria-label={t('board.filterHeldBy')}
          style={{ width: 200 }}
          placeholder={t('board.filterHeldBy')}
          value={f.heldBy}
          onChange={(heldBy) => setF({ ...f, heldBy })}
          options={HOLDERS.map((h) => ({ value: h, label: t(`role.${h}`) }))}
        />
        <Input.Search
          id="board-unit"
          allowClear
          aria-label={t('tasks.unit')}
          placeholder={t('tasks.unit')}
          style={{ width: 180 }}
          onSearch={(v) => setF({ ...f, unitCode: v.trim() || undefined })}
        />
        <Checkbox checked={f.overdue ?? false} onChange={(e) => setF({ ...f, overdue: e.target.checked })}>
          {t('board.overdueOnly')}
        </Checkbox>
      </Space>
      <Space wrap style={{ marginBottom: 16 }} data-testid="board-counts">
        <Tag>
          {t('board.total')}: {counts.data?.total ?? '…'}
        </Tag>
        {Object.entries(byStatus).map(([s, n]) => (
          <Tag
            key={s}
            color="blue"
            style={{ cursor: 'pointer' }}
            onClick={() => setF({ ...f, status: s as Row['status'] })}
          >
            {t(`status.${s}`)}: {n}
          </Tag>
        ))}
      </Space>
      <Table<Row>
        size="small"
        rowKey="id"
        loading={board.isLoading}
        dataSource={board.data?.items ?? []}
        pagination={{ pageSize: 20 }}
        columns={[
          {
            title: t('tasks.dossier'),
            dataIndex: 'title',
            render: (title: string, r) => <Link to={`/dossiers/${r.id}`}>{title}</Link>,
          },
          { title: t('dossier.nominee'), dataIndex: 'nomineeName' },
          { title: t('dossier.award'), dataIndex: 'awardCode', render: (c: string) => awardName(c, i18n.language) },
          { title: t('tasks.unit'), dataIndex: 'unitCode' },
          { title: t('dossier.status'), dataIndex: 'status', render: (s: string) => <Tag>{t(`status.${s}`)}</Tag> },
          {
            title: t('dossier.heldBy'),
            dataIndex: 'heldBy',
            render: (h?: string | null) => (h ? t(`role.${h}`) : '—'),
          },
          {
            title: t('dossier.deadline'),
            render: (_: unknown, r) => (
              <Deadline date={asText(r.deadline)} daysLeft={asNumber(r.daysLeft)} overdue={r.overdue} />
            ),
          },
          { title: t('board.decisionNumber'), dataIndex: 'decisionNumber', render: (n?: string | null) => n ?? '—' },
          { title: t('board.updated'), dataIndex: 'updatedAt', render: (v: string) => formatDate(v) },
        ]}
      />
    </Card>
  );
}
