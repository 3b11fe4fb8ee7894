import { useState } from 'react';
import { Alert, App, Button, DatePicker, Form, Input, Modal, Select, Space, Table, Tag } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { api, unwrap, type Schemas } from '../../api/client';
import type { User } from '../../api/admin';
import { ApiErrorAlert, fieldErrors } from '../../components/ApiErrorAlert';
import { formatDate } from '../../format';
import { HistoryDrawer } from './History';
import { hasEnded, useUnits } from './Units';

export const ROLES = [
  'UNIT_CLERK',
  'UNIT_HEAD',
  'SECRETARIAT_OFFICER',
  'SECRETARIAT_HEAD',
  'COUNCIL_MEMBER',
  'COUNCIL_CHAIR',
  'PROVINCIAL_DECIDER',
  'CENTRAL_APPRAISER',
  'CENTRAL_DECIDER',
  'AUDITOR',
  'ADMINISTRATOR',
] as const;

export const useUsers = (unitCode?: string) =>
  useQuery({
    queryKey: ['admin', 'users', unitCode ?? 'all'],
    queryFn: () => unwrap(api.GET('/api/admin/users', { params: { query: unitCode ? { unitCode } : {} } })),
  });

interface UserValues {
  userId?: string;
  username: string;
  fullName: string;
  role: User['role'];
  unitCode: string;
  oidcSub?: string;
  validFrom: Dayjs;
  validTo?: Dayjs | null;
}

/** People and their roles: list (by unit), add, change role or unit (a new version from a day), deactivate (never delete), history. */
export function Users() {
  const { t } = useTranslation();
  const [unitCode, setUnitCode] = useState<string | undefined>();
  const users = useUsers(unitCode);
  const units = useUnits();
  const [editing, setEditing] = useState<User | 'new' | null>(null);
  const [deactivating, setDeactivating] = useState<User | null>(null);
  const [history, setHistory] = useState<string | null>(null);
  const unitName = (code: string | null) => units.data?.find((u) => u.code === code)?.name ?? code ?? '—';
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Button type="primary" onClick={() => setEditing('new')} data-testid="user-create">
          {t('admin.user.create')}
        </Button>
        <Select
          allowClear
          showSearch
          aria-label={t('admin.user.filterUnit')}
          placeholder={t('admin.user.filterUnit')}
          optionFilterProp="label"
          style={{ width: 320 }}
          value={unitCode}
          onChange={setUnitCode}
          options={(units.data ?? []).map((u) => ({ value: u.code, label: `${u.name} (${u.code})` }))}
        />
      </Space>
      <ApiErrorAlert error={users.error} />
      <Table<User>
        size="small"
        rowKey="userId"
        data-testid="users"
        loading={users.isLoading}
        dataSource={users.data ?? []}
        pagination={{ pageSize: 50 }}
        scroll={{ x: true }}
        columns={[
          { title: t('admin.user.username'), dataIndex: 'username' },
          { title: t('admin.user.fullName'), dataIndex: 'fullName' },
          { title: t('admin.user.role'), dataIndex: 'role', render: (r: string) => t(`role.${r}`) },
          { title: t('admin.user.unit'), dataIndex: 'unitCode', render: (c: string | null) => unitName(c) },
          {
            title: t('admin.validity'),
            render: (_: unknown, u) =>
              `${u.validFrom ? formatDate(u.validFrom) : '…'} – ${u.validTo ? formatDate(u.validTo) : t('admin.open')}`,
          },
          {
            title: t('admin.user.status'),
            render: (_: unknown, u) =>
              u.active && !hasEnded(u.validTo) ? (
                <Tag color="green">{t('admin.user.active')}</Tag>
              ) : (
                <Tag>{t('admin.user.inactive')}</Tag>
              ),
          },
          {
            title: '',
            render: (_: unknown, u) => (
              <Space size="small">
                <Button
                  size="small"
                  disabled={!u.active}
                  onClick={() => setEditing(u)}
                  data-testid={`user-change-${u.userId}`}
                >
                  {t('admin.user.change')}
                </Button>
                <Button
                  size="small"
                  danger
                  disabled={!u.active}
                  onClick={() => setDeactivating(u)}
                  data-testid={`user-deactivate-${u.userId}`}
                >
                  {t('admin.user.deactivate')}
                </Button>
                <Button
                  size="small"
                  type="link"
                  onClick={() => setHistory(u.userId)}
                  data-testid={`user-history-${u.userId}`}
                >
                  {t('admin.history')}
                </Button>
              </Space>
            ),
          },
        ]}
      />
      {editing ? <UserForm user={editing === 'new' ? undefined : editing} onDone={() => setEditing(null)} /> : null}
      {deactivating ? <Deactivate user={deactivating} onDone={() => setDeactivating(null)} /> : null}
      <HistoryDrawer kind="users" id={history} onClose={() => setHistory(null)} />
    </Space>
  );
}

function UserForm({ user, onDone }: { user?: User; onDone: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const units = useUnits();
  const [form] = Form.useForm<UserValues>();
  const save = useMutation({
    mutationFn: (body: Schemas['RecordUserDto']) => unwrap(api.POST('/api/admin/users', { body })),
    onSuccess: async () => {
      void message.success(t('admin.saved'));
      await queryClient.invalidateQueries({ queryKey: ['admin', 'users'] });
      onDone();
    },
    onError: (e) => form.setFields(fieldErrors(e) as never),
  });
  const required = [{ required: true, message: t('form.required') }];
  const submit = (v: UserValues) =>
    save.mutate({
      userId: (v.userId ?? '').trim() || v.username.trim(),
      username: v.username.trim(),
      fullName: v.fullName.trim(),
      role: v.role,
      unitCode: v.unitCode,
      oidcSub: v.oidcSub?.trim() || null,
      validFrom: v.validFrom.format('YYYY-MM-DD'),
      validTo: v.validTo ? v.validTo.format('YYYY-MM-DD') : null,
    });
  return (
    <Modal
      open
      title={user ? t('admin.user.changeTitle', { id: user.userId }) : t('admin.user.createTitle')}
      onCancel={onDone}
      footer={null}
      destroyOnHidden
    >
      <ApiErrorAlert error={save.error} />
      <Form
        form={form}
        name="user"
        layout="vertical"
        onFinish={submit}
        initialValues={
          user
            ? {
                userId: user.userId,
                username: user.username,
                fullName: user.fullName,
                role: user.role,
                unitCode: user.unitCode ?? undefined,
                oidcSub: user.oidcSub ?? undefined,
                validFrom: dayjs(),
                validTo: user.validTo ? dayjs(user.validTo) : null,
              }
            : { validFrom: dayjs() }
        }
      >
        <Form.Item name="username" label={t('admin.user.username')} rules={required}>
          <Input disabled={!!user} autoComplete="off" />
        </Form.Item>
        <Form.Item name="userId" label={t('admin.user.userId')} extra={user ? undefined : t('admin.user.userIdHelp')}>
          <Input disabled={!!user} autoComplete="off" />
        </Form.Item>
        <Form.Item name="fullName" label={t('admin.user.fullName')} rules={required}>
          <Input />
        </Form.Item>
        <Form.Item name="role" label={t('admin.user.role')} rules={required}>
          <Select options={ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))} />
        </Form.Item>
        <Form.Item name="unitCode" label={t('admin.user.unit')} rules={required}>
          <Select
            showSearch
            optionFilterProp="label"
            options={(units.data ?? [])
              .filter((u) => !hasEnded(u.validTo))
              .map((u) => ({ value: u.code, label: `${u.name} (${u.code})` }))}
          />
        </Form.Item>
        <Form.Item name="oidcSub" label={t('admin.user.oidcSub')}>
          <Input autoComplete="off" />
        </Form.Item>
        <Space wrap>
          <Form.Item name="validFrom" label={t('admin.from')} rules={required}>
            <DatePicker format="DD/MM/YYYY" />
          </Form.Item>
          <Form.Item name="validTo" label={t('admin.to')}>
            <DatePicker format="DD/MM/YYYY" />
          </Form.Item>
        </Space>
        <Space>
          <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="user-save">
            {t('admin.save')}
          </Button>
          <Button onClick={onDone}>{t('admin.cancel')}</Button>
        </Space>
      </Form>
    </Modal>
  );
}

function Deactivate({ user, onDone }: { user: User; onDone: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ reason: string; on?: Dayjs | null }>();
  const save = useMutation({
    mutationFn: (v: { reason: string; on?: Dayjs | null }) =>
      unwrap(
        api.POST('/api/admin/users/{id}/deactivation', {
          params: { path: { id: user.userId } },
          body: { reason: v.reason.trim(), ...(v.on ? { on: v.on.format('YYYY-MM-DD') } : {}) },
        }),
      ),
    onSuccess: async () => {
      void message.success(t('admin.saved'));
      await queryClient.invalidateQueries({ queryKey: ['admin', 'users'] });
      onDone();
    },
    onError: (e) => form.setFields(fieldErrors(e) as never),
  });
  return (
    <Modal
      open
      title={t('admin.user.deactivateTitle', { id: user.userId })}
      onCancel={onDone}
      footer={null}
      destroyOnHidden
    >
      <Alert type="warning" showIcon title={t('admin.user.deactivateHelp')} style={{ marginBottom: 12 }} />
      <ApiErrorAlert error={save.error} />
      <Form form={form} name="deactivate" layout="vertical" onFinish={(v) => save.mutate(v)}>
        <Form.Item
          name="reason"
          label={t('admin.user.reason')}
          rules={[{ required: true, message: t('form.required') }]}
        >
          <Input />
        </Form.Item>
        <Form.Item name="on" label={t('admin.user.lastDay')}>
          <DatePicker format="DD/MM/YYYY" />
        </Form.Item>
        <Space>
          <Button
            type="primary"
            danger
            htmlType="submit"
            loading={save.isPending}
            data-testid="user-deactivate-confirm"
          >
            {t('admin.user.deactivate')}
          </Button>
          <Button onClick={onDone}>{t('admin.cancel')}</Button>
        </Space>
      </Form>
    </Modal>
  );
}
