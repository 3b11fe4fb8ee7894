import { Card, Empty, Space, Table, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api, unwrap, type Schemas } from '../api/client';
import { ApiErrorAlert } from '../components/ApiErrorAlert';
import { Deadline } from '../components/Deadline';
import { asNumber, asText, formatDate } from '../format';

type Task = Schemas['InboxTaskDto'];

/** Overdue first, then by due date (none last). */
const byUrgency = (a: Task, b: Task) => Number(b.overdue) - Number(a.overdue) || String(a.due ?? '9999').localeCompare(String(b.due ?? '9999'));

export function Tasks() {
  const { t } = useTranslation();
  const inbox = useQuery({ queryKey: ['me', 'tasks'], queryFn: () => unwrap(api.GET('/api/me/tasks')) });
  const tasks = [...(inbox.data?.tasks ?? [])].sort(byUrgency);
  const counts = new Map<string, number>();
  for (const task of tasks) counts.set(task.kind, (counts.get(task.kind) ?? 0) + 1);
  const overdue = tasks.filter((x) => x.overdue).length;
  return (
    <Card title={<Typography.Title level={3} style={{ margin: 0 }}>{t('tasks.title')}</Typography.Title>} extra={inbox.data ? <span>{t('tasks.today')}: {formatDate(inbox.data.today)}</span> : null}>
      <ApiErrorAlert error={inbox.error} />
      <Space wrap style={{ marginBottom: 16 }} data-testid="task-counts">
        <Tag>{t('tasks.all')}: {tasks.length}</Tag>
        {overdue ? <Tag color="red">{t('tasks.overdue')}: {overdue}</Tag> : null}
        {[...counts].map(([kind, n]) => <Tag key={kind} color="blue">{t(`taskKind.${kind}`)}: {n}</Tag>)}
      </Space>
      <Table<Task>
        rowKey={(r) => `${r.dossierId}:${r.kind}`}
        loading={inbox.isLoading}
        dataSource={tasks}
        pagination={false}
        locale={{ emptyText: <Empty description={t('tasks.empty')} /> }}
        rowClassName={(r) => (r.overdue ? 'task-overdue' : '')}
        columns={[
          { title: t('tasks.kind'), dataIndex: 'kind', render: (k: string, r) => <Tag color={r.overdue ? 'red' : 'blue'}>{t(`taskKind.${k}`)}</Tag> },
          { title: t('tasks.dossier'), dataIndex: 'title', render: (title: string, r) => <Link to={`/dossiers/${r.dossierId}`}>{title}</Link> },
          { title: t('tasks.status'), dataIndex: 'status', render: (s: string) => t(`status.${s}`) },
          { title: t('tasks.due'), render: (_: unknown, r) => <Deadline date={asText(r.due)} daysLeft={asNumber(r.daysLeft)} overdue={r.overdue} /> },
          { title: t('tasks.unit'), dataIndex: 'unitCode' },
        ]}
      />
    </Card>
  );
}
