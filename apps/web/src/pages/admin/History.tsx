import { Drawer, Table } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import type { HistoryEntry } from '../../api/admin';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { formatDateTime } from '../../format';

/** The directory stream of a unit, user or council term: every change, who made it, when, and from which file row. */
export function HistoryDrawer({
  kind,
  id,
  onClose,
}: {
  kind: 'units' | 'users' | 'council-terms';
  id: string | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const history = useQuery({
    queryKey: ['admin', kind, id, 'history'],
    enabled: id !== null,
    queryFn: async () => {
      const path = id ?? '';
      if (kind === 'units') return unwrap(api.GET('/api/admin/units/{id}/history', { params: { path: { id: path } } }));
      if (kind === 'users') return unwrap(api.GET('/api/admin/users/{id}/history', { params: { path: { id: path } } }));
      return unwrap(api.GET('/api/admin/council-terms/{id}/history', { params: { path: { id: path } } }));
    },
  });
  return (
    <Drawer open={id !== null} onClose={onClose} size="large" title={t('admin.historyTitle', { key: id ?? '' })}>
      <ApiErrorAlert error={history.error} />
      <Table<HistoryEntry>
        size="small"
        rowKey="seq"
        data-testid="history"
        loading={history.isLoading}
        dataSource={history.data ?? []}
        pagination={false}
        columns={[
          { title: '#', dataIndex: 'seq' },
          {
            title: t('admin.change'),
            dataIndex: 'type',
            render: (type: string) => t(`admin.event.${type}`, { defaultValue: type }),
          },
          { title: t('admin.by'), dataIndex: 'actorId' },
          { title: t('admin.at'), dataIndex: 'occurredAt', render: (v: string) => formatDateTime(v) },
          {
            title: t('admin.source'),
            dataIndex: 'requestId',
            render: (r: string) => {
              const row = /^directory-import:[0-9a-f]+:\w+:(\d+)$/.exec(r)?.[1];
              return row ? t('admin.fromImport', { row }) : t('admin.byHand');
            },
          },
        ]}
      />
    </Drawer>
  );
}
