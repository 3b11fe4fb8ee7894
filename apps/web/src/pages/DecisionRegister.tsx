import { useState } from 'react';
import { App, Button, Card, Form, Input, InputNumber, Modal, Space, Table, Tag, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api, unwrap, type Schemas } from '../api/client';
import { session } from '../auth/session';
import { ApiErrorAlert, fieldErrors } from '../components/ApiErrorAlert';
import { formatDate, formatDateTime } from '../format';

type Register = Schemas['RegisterDto'];
type Entry = Register['entries'][number];

/** Roles that may void a number (the API checks the series: a provincial chairman his own province's only). */
const VOIDERS = ['PROVINCIAL_DECIDER', 'ADMINISTRATOR'];

/**
 * The decision register (sổ quyết định) of one issuing authority's series and year: every allocated number, the
 * dossiers its decision awarded, and voided numbers with their reason. A chairman or an administrator voids a number
 * no decision carries (an abandoned signing): an event in the register's stream, the number stays used.
 */
export function DecisionRegisterCard() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const year = Number(params.get('year')) || undefined;
  const authority = params.get('authority') ?? undefined;
  const query = authority && year ? { authority, year } : undefined;
  const [voiding, setVoiding] = useState<Entry>();
  const role = session.me()?.role ?? '';
  const register = useQuery({
    queryKey: ['decisions', query],
    enabled: !!query,
    queryFn: () => unwrap(api.GET('/api/decisions', { params: { query: query ?? { authority: '', year: 0 } } })),
  });
  const show = (v: { authority: string; year: number }) =>
    setParams((p) => ({ ...Object.fromEntries(p), authority: v.authority.trim(), year: String(v.year) }), {
      replace: true,
    });
  return (
    <Card
      title={
        <Typography.Title level={2} style={{ margin: 0, fontSize: 18 }}>
          {t('audit.register')}
        </Typography.Title>
      }
    >
      <Form
        layout="inline"
        initialValues={{ year: year ?? new Date().getFullYear(), authority }}
        onFinish={show}
        style={{ marginBottom: 16, rowGap: 8 }}
      >
        <Form.Item
          name="authority"
          htmlFor="register-authority"
          label={t('audit.authority')}
          rules={[{ required: true, message: t('form.required') }]}
        >
          <Input id="register-authority" placeholder="PROVINCIAL_CHAIRMAN:HN" style={{ width: 260 }} />
        </Form.Item>
        <Form.Item
          name="year"
          htmlFor="register-year"
          label={t('draft.year')}
          rules={[{ required: true, message: t('form.required') }]}
        >
          <InputNumber id="register-year" min={2000} max={2200} />
        </Form.Item>
        <Button type="primary" htmlType="submit" data-testid="register-show">
          {t('audit.show')}
        </Button>
      </Form>
      <ApiErrorAlert error={register.error} />
      {register.data ? (
        <Table<Entry>
          data-testid="register"
          size="small"
          rowKey="number"
          pagination={false}
          scroll={{ x: true }}
          dataSource={register.data.entries}
          columns={[
            { title: t('session.decisionNumber'), dataIndex: 'formatted', render: (f: string) => <b>{f}</b> },
            { title: t('audit.allocatedAt'), dataIndex: 'allocatedAt', render: (d: string) => formatDateTime(d) },
            {
              title: t('audit.dossiers'),
              dataIndex: 'dossiers',
              render: (ds: Entry['dossiers']) => (
                <Space direction="vertical" size={0}>
                  {ds.map((d) => (
                    <span key={d.dossierId}>
                      <Link to={`/dossiers/${d.dossierId}`}>{d.dossierId.slice(0, 8)}</Link> — {formatDate(d.signedOn)}
                      {d.status ? ` (${t(`status.${d.status}`, { defaultValue: d.status })})` : ''}
                    </span>
                  ))}
                </Space>
              ),
            },
            {
              title: t('audit.voided'),
              dataIndex: 'voided',
              render: (v: Entry['voided'], e) =>
                v ? (
                  <Tag color="red" data-testid={`voided-${e.number}`}>
                    {t('audit.voidedOn', { date: formatDate(v.voidedAt) })}: {v.reason}
                  </Tag>
                ) : VOIDERS.includes(role) && !e.dossiers.length ? (
                  <Button size="small" danger data-testid={`void-${e.number}`} onClick={() => setVoiding(e)}>
                    {t('register.void')}
                  </Button>
                ) : (
                  '—'
                ),
            },
          ]}
        />
      ) : null}
      {voiding && query ? (
        <VoidNumber
          entry={voiding}
          authority={query.authority}
          year={query.year}
          onClose={() => setVoiding(undefined)}
        />
      ) : null}
    </Card>
  );
}

function VoidNumber({
  entry,
  authority,
  year,
  onClose,
}: {
  entry: Entry;
  authority: string;
  year: number;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ reason: string }>();
  const [key] = useState(() => crypto.randomUUID());
  const run = useMutation({
    mutationFn: (v: { reason: string }) =>
      unwrap(
        api.POST('/api/decisions/void', {
          params: { header: { 'Idempotency-Key': key } },
          body: { authority, year, number: entry.number, reason: v.reason.trim() },
        }),
      ),
    onSuccess: async (register) => {
      queryClient.setQueryData(['decisions', { authority, year }], register);
      void message.success(t('register.voidedDone', { number: entry.formatted }));
      onClose();
    },
    onError: (e) => form.setFields(fieldErrors(e) as Parameters<typeof form.setFields>[0]),
  });
  return (
    <Modal
      open
      title={t('register.voidTitle', { number: entry.formatted })}
      okText={t('register.void')}
      okButtonProps={{ danger: true, id: 'void-send' }}
      cancelText={t('dossier.cancel')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={run.isPending}
    >
      <Typography.Paragraph>{t('register.voidExplain')}</Typography.Paragraph>
      <ApiErrorAlert error={run.error} />
      <Form form={form} layout="vertical" onFinish={(v) => run.mutate(v)}>
        <Form.Item
          name="reason"
          htmlFor="void-reason"
          label={t('form.reason')}
          rules={[{ required: true, min: 3, message: t('form.required') }]}
        >
          <Input.TextArea id="void-reason" rows={3} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** The register as a page of its own (secretariat, chairman, auditor, administrator). */
export function DecisionRegisterPage() {
  return <DecisionRegisterCard />;
}
