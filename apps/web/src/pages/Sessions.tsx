import { App, Button, Card, Col, DatePicker, Form, Input, Row, Select, Space, Table, Tag, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Dayjs } from 'dayjs';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../api/client';
import type { SessionView } from '../api/sessions';
import { session } from '../auth/session';
import { ApiErrorAlert, fieldErrors } from '../components/ApiErrorAlert';
import { awardName } from '../awards';
import { formatDate } from '../format';

const CONVENERS = ['SECRETARIAT_OFFICER', 'SECRETARIAT_HEAD'];

/** Council sessions the person may see (a member: their own), newest first. */
export function useSessions(status?: 'OPEN' | 'CLOSED', enabled = true) {
  return useQuery({
    queryKey: ['sessions', status ?? 'all'],
    enabled,
    queryFn: async () => unwrap(api.GET('/api/council-sessions', { params: { query: status ? { status } : {} } })),
  });
}

export function sessionStatusTag(s: SessionView, t: (k: string) => string) {
  return (
    <Tag color={s.status === 'OPEN' ? 'blue' : 'default'} data-testid="session-status" data-status={s.status}>
      {t(`session.status.${s.status}`)}
    </Tag>
  );
}

/** The list of sessions, and (secretariat) the form that convenes one from dossiers under appraisal. */
export function Sessions() {
  const { t } = useTranslation();
  const role = session.me()?.role ?? '';
  const sessions = useSessions();
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      {CONVENERS.includes(role) ? <Convene /> : null}
      <Card
        title={
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t('session.listTitle')}
          </Typography.Title>
        }
      >
        <ApiErrorAlert error={sessions.error} />
        <Table<SessionView>
          rowKey="id"
          loading={sessions.isLoading}
          dataSource={sessions.data ?? []}
          pagination={false}
          scroll={{ x: true }}
          columns={[
            {
              title: t('session.title'),
              dataIndex: 'title',
              render: (title: string, s) => <Link to={`/council-sessions/${s.id}`}>{title}</Link>,
            },
            { title: t('session.statusLabel'), render: (_: unknown, s) => sessionStatusTag(s, t) },
            { title: t('session.deadline'), dataIndex: 'deadline', render: (d: string) => formatDate(d) },
            { title: t('session.agenda'), render: (_: unknown, s) => s.agenda.length },
            { title: t('session.decisionNumber'), dataIndex: 'decisionNumber', render: (n: string | null) => n ?? '—' },
          ]}
        />
      </Card>
    </Space>
  );
}

interface ConveneValues {
  title: string;
  deadline: Dayjs;
  dossierIds: string[];
}

function Convene() {
  const { t, i18n } = useTranslation();
  const [form] = Form.useForm<ConveneValues>();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const candidates = useQuery({
    queryKey: ['board', 'appraisal'],
    queryFn: () => unwrap(api.GET('/api/board', { params: { query: { status: ['APPRAISAL'], limit: 200 } } })),
  });
  const convene = useMutation({
    mutationFn: async (v: ConveneValues) =>
      unwrap(
        api.POST('/api/council-sessions', {
          body: { title: v.title.trim(), deadline: v.deadline.format('YYYY-MM-DD'), dossierIds: v.dossierIds },
        }),
      ),
    onSuccess: async (s) => {
      void message.success(t('session.convened'));
      await queryClient.invalidateQueries({ queryKey: ['sessions'] });
      await queryClient.invalidateQueries({ queryKey: ['board'] });
      void navigate(`/council-sessions/${s.id}`);
    },
    onError: (e) => form.setFields(fieldErrors(e) as never),
  });
  const required = [{ required: true, message: t('form.required') }];
  return (
    <Card
      title={
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('session.conveneTitle')}
        </Typography.Title>
      }
    >
      <ApiErrorAlert error={convene.error} />
      <Form form={form} layout="vertical" onFinish={(v) => convene.mutate(v)}>
        <Row gutter={16}>
          <Col xs={24} md={16}>
            <Form.Item name="title" htmlFor="session-title" label={t('session.title')} rules={required}>
              <Input id="session-title" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="deadline" htmlFor="session-deadline" label={t('session.deadline')} rules={required}>
              <DatePicker id="session-deadline" format="DD/MM/YYYY" style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="dossierIds" htmlFor="session-dossiers" label={t('session.pickDossiers')} rules={required}>
          <Select
            id="session-dossiers"
            mode="multiple"
            loading={candidates.isLoading}
            optionFilterProp="label"
            options={(candidates.data?.items ?? []).map((d) => ({
              value: d.id,
              label: `${d.nomineeName} — ${awardName(d.awardCode, i18n.language)} (${d.unitCode})`,
            }))}
          />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={convene.isPending} data-testid="convene">
          {t('session.convene')}
        </Button>
      </Form>
    </Card>
  );
}
