import { Card, Empty, List, Space, Table, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api, unwrap, type Schemas } from '../api/client';
import { ApiErrorAlert } from '../components/ApiErrorAlert';
import { Deadline } from '../components/Deadline';
import { asNumber, asText, formatDate } from '../format';
import { session } from '../auth/session';
import { useSessions } from './Sessions';

type Task = Schemas['InboxTaskDto'];

/** Overdue first, then by due date (none last). */
const byUrgency = (a: Task, b: Task) =>
  Number(b.overdue) - Number(a.overdue) || String(a.due ?? '9999').localeCompare(String(b.due ?? '9999'));

export function Tasks() {
  const { t } = useTranslation();
  const inbox = useQuery({ queryKey: ['me', 'tasks'], queryFn: () => unwrap(api.GET('/api/me/tasks')) });
  const tasks = [...(inbox.data?.tasks ?? [])].sort(byUrgency);
  const counts = new Map<string, number>();
  for (const task of tasks) counts.set(task.kind, (counts.get(task.kind) ?? 0) + 1);
  const overdue = tasks.filter((x) => x.overdue).length;
  const role = session.me()?.role ?? '';
  // A member's and the secretariat's open sessions; the chairman's closed sessions still without their decision.
  const sessionRole = ['COUNCIL_MEMBER', 'COUNCIL_CHAIR', 'SECRETARIAT_OFFICER', 'SECRETARIAT_HEAD'].includes(role)
    ? 'OPEN'
    : role === 'PROVINCIAL_DECIDER'
      ? 'CLOSED'
      : undefined;
  const sessions = useSessions(sessionRole, sessionRole !== undefined);
  const shown = (sessions.data ?? []).filter((s) => sessionRole === 'OPEN' || !s.decision);
  const sessionOf = (dossierId: string) =>
    (sessions.data ?? []).find((s) => s.agenda.some((a) => a.dossierId === dossierId));
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      {shown.length ? (
        <Card
          title={
            <Typography.Title level={4} style={{ margin: 0 }}>
              {sessionRole === 'OPEN' ? t('session.openSessions') : t('session.awaitingDecision')}
            </Typography.Title>
          }
          data-testid="task-sessions"
        >
          <List
            dataSource={shown}
            renderItem={(s) => (
              <List.Item
                key={s.id}
                actions={[
                  <Link key="open" to={`/council-sessions/${s.id}`} data-testid="open-session">
                    {t('session.open')}
                  </Link>,
                ]}
              >
                <List.Item.Meta
                  title={<Link to={`/council-sessions/${s.id}`}>{s.title}</Link>}
                  description={`${t('session.deadline')}: ${formatDate(s.deadline)} · ${t('session.agenda')}: ${s.agenda.length}`}
                />
              </List.Item>
            )}
          />
        </Card>
      ) : null}
      <Card
        title={
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t('tasks.title')}
          </Typography.Title>
        }
        extra={
          inbox.data ? (
            <span>
              {t('tasks.today')}: {formatDate(inbox.data.today)}
            </span>
          ) : null
        }
      >
        <ApiErrorAlert error={inbox.error} />
        <Space wrap style={{ marginBottom: 16 }} data-testid="task-counts">
          <Tag>
            {t('tasks.all')}: {tasks.length}
          </Tag>
          {overdue ? (
            <Tag color="red">
              {t('tasks.overdue')}: {overdue}
            </Tag>
          ) : null}
          {[...counts].map(([kind, n]) => (
            <Tag key={kind} color="blue">
              {t(`taskKind.${kind}`)}: {n}
            </Tag>
          ))}
        </Space>
        <Table<Task>
          rowKey={(r) => `${r.dossierId}:${r.kind}`}
          loading={inbox.isLoading}
          dataSource={tasks}
          pagination={false}
          scroll={{ x: true }}
          locale={{ emptyText: <Empty description={t('tasks.empty')} /> }}
          rowClassName={(r) => (r.overdue ? 'task-overdue' : '')}
          columns={[
            {
              title: t('tasks.kind'),
              dataIndex: 'kind',
              render: (k: string, r) => <Tag color={r.overdue ? 'red' : 'blue'}>{t(`taskKind.${k}`)}</Tag>,
            },
            {
              title: t('tasks.dossier'),
              dataIndex: 'title',
              render: (title: string, r) => {
                const s = r.kind === 'VOTE' ? sessionOf(r.dossierId) : undefined;
                return (
                  <Space direction="vertical" size={0}>
                    <Link to={`/dossiers/${r.dossierId}`}>{title}</Link>
                    {s ? (
                      <Link to={`/council-sessions/${s.id}`}>
                        {t('session.open')}: {s.title}
                      </Link>
                    ) : null}
                  </Space>
                );
              },
            },
            { title: t('tasks.status'), dataIndex: 'status', render: (s: string) => t(`status.${s}`) },
            {
              title: t('tasks.due'),
              render: (_: unknown, r) => (
                <Deadline date={asText(r.due)} daysLeft={asNumber(r.daysLeft)} overdue={r.overdue} />
              ),
            },
            { title: t('tasks.unit'), dataIndex: 'unitCode' },
          ]}
        />
      </Card>
    </Space>
  );
}
