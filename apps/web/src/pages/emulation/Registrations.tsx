import { App, Button, Card, Form, Input, InputNumber, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap, type Schemas } from '../../api/client';
import { ApiErrorAlert, fieldErrors } from '../../components/ApiErrorAlert';
import { awardName } from '../../awards';
import { formatDate } from '../../format';
import { isSecretariat, isUnitStaff, type RegistrationState } from './shared';

type Registration = Schemas['RegistrationViewDto'];
/** The annual titles one registers for (the rule set's list; the API refuses others with a message per subject). */
const TITLES = ['LD_TIEN_TIEN', 'CSTD_CO_SO', 'CSTD_TINH', 'TT_LD_TIEN_TIEN', 'TT_LD_XUAT_SAC', 'CO_TD_TINH'];

/** Đăng ký thi đua: a unit registers its individuals and collectives for the year's titles; the secretariat reviews. */
export function Registrations() {
  const { t, i18n } = useTranslation();
  const [params] = useSearchParams();
  const year = Number(params.get('year')) || new Date().getFullYear();
  const list = useQuery({ queryKey: ['registrations'], queryFn: () => unwrap(api.GET('/api/registrations', {})) });
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      {isUnitStaff() ? <Register year={year} /> : null}
      <Card
        title={
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t('emulation.registrations')}
          </Typography.Title>
        }
      >
        <ApiErrorAlert error={list.error} />
        <Table<Registration>
          rowKey="registrationId"
          loading={list.isLoading}
          dataSource={list.data ?? []}
          pagination={{ pageSize: 20 }}
          scroll={{ x: true }}
          expandable={{
            expandedRowRender: (r) => (
              <ul style={{ margin: 0 }}>
                {(r.state as unknown as RegistrationState).subjects.map((s, i) => (
                  <li key={i}>
                    {s.name} ({t(`emulation.subjectKind.${s.kind}`)}) — {awardName(s.awardCode, i18n.language)}
                  </li>
                ))}
                {(r.state as unknown as RegistrationState).returns.map((x, i) => (
                  <li key={`r${i}`}>
                    {t('emulation.returnReason')}: {x.reason} ({formatDate(x.on)})
                  </li>
                ))}
              </ul>
            ),
          }}
          columns={[
            { title: t('emulation.unit'), dataIndex: 'unitCode' },
            { title: t('emulation.year'), dataIndex: 'year' },
            {
              title: t('emulation.subjects'),
              render: (_: unknown, r) => (r.state as unknown as RegistrationState).subjects.length,
            },
            { title: t('emulation.deadline'), dataIndex: 'deadline', render: (d: string) => formatDate(d) },
            {
              title: t('emulation.status'),
              dataIndex: 'status',
              render: (s: string, r: Registration) => {
                // A returned registration says why on its row (the latest return; all of them in the expanded row).
                const last = (r.state as unknown as RegistrationState).returns.at(-1);
                return (
                  <Space direction="vertical" size={0}>
                    <Tag
                      data-testid="registration-status"
                      color={s === 'ACCEPTED' ? 'green' : s === 'RETURNED' ? 'orange' : 'blue'}
                    >
                      {t(`emulation.registrationStatus.${s}`)}
                    </Tag>
                    {s === 'RETURNED' && last ? (
                      <Typography.Text type="warning" data-testid="registration-return-reason">
                        {t('emulation.returnReason')}: {last.reason}
                      </Typography.Text>
                    ) : null}
                  </Space>
                );
              },
            },
            ...(isSecretariat()
              ? [
                  {
                    title: '',
                    render: (_: unknown, r: Registration) =>
                      r.status === 'SUBMITTED' ? <Review id={r.registrationId} /> : null,
                  },
                ]
              : []),
          ]}
        />
      </Card>
    </Space>
  );
}

interface RegisterValues {
  year: number;
  subjects: { kind: 'INDIVIDUAL' | 'COLLECTIVE'; name: string; awardCode: string }[];
}

function Register({ year }: { year: number }) {
  const { t, i18n } = useTranslation();
  const [form] = Form.useForm<RegisterValues>();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const send = useMutation({
    mutationFn: (v: RegisterValues) =>
      unwrap(
        api.POST('/api/registrations', {
          body: { year: v.year, subjects: v.subjects.map((s) => ({ ...s, name: s.name.trim() })) as never },
        }),
      ),
    onSuccess: async () => {
      void message.success(t('emulation.sent'));
      form.resetFields();
      await queryClient.invalidateQueries({ queryKey: ['registrations'] });
    },
    onError: (e) => form.setFields(fieldErrors(e) as never),
  });
  const required = [{ required: true, message: t('form.required') }];
  return (
    <Card title={t('emulation.registerTitle', { year })} size="small">
      <ApiErrorAlert error={send.error} />
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) => send.mutate(v)}
        initialValues={{ year, subjects: [{ kind: 'INDIVIDUAL', awardCode: 'CSTD_CO_SO' }] }}
      >
        <Form.Item name="year" label={t('emulation.year')} rules={required}>
          <InputNumber min={2000} max={2100} />
        </Form.Item>
        <Form.List name="subjects">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Space key={f.key} wrap align="baseline">
                  <Form.Item name={[f.name, 'kind']} rules={required}>
                    <Select
                      aria-label={t('emulation.subjects')}
                      style={{ width: 130 }}
                      options={['INDIVIDUAL', 'COLLECTIVE'].map((k) => ({
                        value: k,
                        label: t(`emulation.subjectKind.${k}`),
                      }))}
                    />
                  </Form.Item>
                  <Form.Item name={[f.name, 'name']} rules={required}>
                    <Input
                      aria-label={t('emulation.subjectName')}
                      placeholder={t('emulation.subjectName')}
                      style={{ width: 280 }}
                      data-testid="registration-name"
                    />
                  </Form.Item>
                  <Form.Item name={[f.name, 'awardCode']} rules={required}>
                    <Select
                      aria-label={t('emulation.title')}
                      style={{ width: 300 }}
                      options={TITLES.map((c) => ({ value: c, label: awardName(c, i18n.language) }))}
                    />
                  </Form.Item>
                  {fields.length > 1 ? <Button onClick={() => remove(f.name)}>−</Button> : null}
                </Space>
              ))}
              <Form.Item>
                <Button onClick={() => add({ kind: 'INDIVIDUAL', awardCode: 'CSTD_CO_SO' })}>
                  {t('emulation.addSubject')}
                </Button>
              </Form.Item>
            </>
          )}
        </Form.List>
        <Button type="primary" htmlType="submit" loading={send.isPending} data-testid="registration-send">
          {t('emulation.send')}
        </Button>
      </Form>
    </Card>
  );
}

function Review({ id }: { id: string }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const review = useMutation({
    mutationFn: (accept: boolean) =>
      unwrap(
        api.POST('/api/registrations/{id}/review', {
          params: { path: { id } },
          body: accept ? { accept } : { accept, reason: reason.trim() },
        }),
      ),
    onSuccess: async () => {
      void message.success(t('emulation.reviewed'));
      await queryClient.invalidateQueries({ queryKey: ['registrations'] });
    },
  });
  return (
    <Space direction="vertical">
      <Space>
        <Button
          size="small"
          type="primary"
          onClick={() => review.mutate(true)}
          loading={review.isPending}
          data-testid="registration-accept"
        >
          {t('emulation.accept')}
        </Button>
        <Popconfirm
          title={t('emulation.returnTitle')}
          description={
            <Input.TextArea
              aria-label={t('emulation.returnReason')}
              placeholder={t('emulation.returnReason')}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              data-testid="registration-return-reason-input"
              autoSize={{ minRows: 2 }}
              style={{ width: 320 }}
            />
          }
          okText={t('emulation.return')}
          cancelText={t('emulation.cancel')}
          // A return says why: the button waits for a reason (the API refuses one without).
          okButtonProps={{ disabled: !reason.trim(), 'data-testid': 'registration-return-send' } as never}
          onConfirm={() => review.mutate(false)}
        >
          <Button size="small" data-testid="registration-return">
            {t('emulation.return')}
          </Button>
        </Popconfirm>
      </Space>
      <ApiErrorAlert error={review.error} />
    </Space>
  );
}
