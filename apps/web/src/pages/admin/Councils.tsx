import { useState } from 'react';
import { App, Button, Card, DatePicker, Empty, Form, Input, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import type { CouncilTerm } from '../../api/admin';
import { ApiErrorAlert, fieldErrors } from '../../components/ApiErrorAlert';
import { formatDate } from '../../format';
import { HistoryDrawer } from './History';
import { hasEnded, useUnits } from './Units';
import { useUsers } from './Users';

const SEAT_ROLES = ['CHAIR', 'VICE_CHAIR', 'STANDING_MEMBER', 'MEMBER', 'SECRETARY'] as const;
type Seat = CouncilTerm['seats'][number];

/**
 * The emulation councils (Hội đồng TĐKT): the provincial council sits at the PROVINCE unit, a unit's own council at the
 * unit. Terms (nhiệm kỳ) never overlap; members have a council role; a session takes the composition of its day.
 */
export function Councils() {
  const { t } = useTranslation();
  const units = useUnits();
  const [picked, setPicked] = useState<string | undefined>();
  const unitCode = picked ?? units.data?.find((u) => u.kind === 'PROVINCE' && !hasEnded(u.validTo))?.code;
  const terms = useQuery({
    queryKey: ['admin', 'council-terms', unitCode],
    enabled: !!unitCode,
    queryFn: () =>
      unwrap(api.GET('/api/admin/council-terms', { params: { query: { councilUnitCode: unitCode ?? '' } } })),
  });
  const [history, setHistory] = useState<string | null>(null);
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Typography.Text>{t('admin.council.unit')}</Typography.Text>
        <Select
          showSearch
          id="council-unit-select"
          aria-label={t('admin.council.pickUnit')}
          optionFilterProp="label"
          style={{ width: 360 }}
          value={unitCode}
          onChange={setPicked}
          options={(units.data ?? []).map((u) => ({ value: u.code, label: `${u.name} (${u.code})` }))}
        />
      </Space>
      {unitCode ? <OpenTerm unitCode={unitCode} /> : null}
      <ApiErrorAlert error={terms.error} />
      {terms.data && terms.data.length === 0 ? <Empty description={t('admin.council.noTerms')} /> : null}
      {(terms.data ?? []).map((term) => (
        <Card
          key={term.termId}
          size="small"
          data-testid="council-term"
          title={`${term.name} (${formatDate(term.from)} – ${formatDate(term.to)})`}
          extra={
            <Button size="small" type="link" onClick={() => setHistory(term.termId)}>
              {t('admin.history')}
            </Button>
          }
        >
          <TermSeats term={term} />
        </Card>
      ))}
      <HistoryDrawer kind="council-terms" id={history} onClose={() => setHistory(null)} />
    </Space>
  );
}

function useRefresh() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: ['admin', 'council-terms'] });
}

function OpenTerm({ unitCode }: { unitCode: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const refresh = useRefresh();
  const [form] = Form.useForm<{ name: string; from: Dayjs; to: Dayjs }>();
  const open = useMutation({
    mutationFn: (v: { name: string; from: Dayjs; to: Dayjs }) =>
      unwrap(
        api.POST('/api/admin/council-terms', {
          body: {
            councilUnitCode: unitCode,
            name: v.name.trim(),
            from: v.from.format('YYYY-MM-DD'),
            to: v.to.format('YYYY-MM-DD'),
          },
        }),
      ),
    onSuccess: async () => {
      void message.success(t('admin.saved'));
      form.resetFields();
      await refresh();
    },
    onError: (e) => form.setFields(fieldErrors(e) as never),
  });
  const required = [{ required: true, message: t('form.required') }];
  return (
    <Card size="small" title={t('admin.council.openTerm')}>
      <ApiErrorAlert error={open.error} />
      <Form form={form} name="term" layout="inline" onFinish={(v) => open.mutate(v)}>
        <Form.Item name="name" label={t('admin.council.termName')} rules={required}>
          <Input placeholder="Nhiệm kỳ 2026–2031" />
        </Form.Item>
        <Form.Item name="from" label={t('admin.from')} rules={required}>
          <DatePicker format="DD/MM/YYYY" />
        </Form.Item>
        <Form.Item name="to" label={t('admin.to')} rules={required}>
          <DatePicker format="DD/MM/YYYY" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={open.isPending} data-testid="term-open">
          {t('admin.council.openTerm')}
        </Button>
      </Form>
    </Card>
  );
}

function TermSeats({ term }: { term: CouncilTerm }) {
  const { t } = useTranslation();
  const users = useUsers();
  const [adding, setAdding] = useState(false);
  const [ending, setEnding] = useState<Seat | null>(null);
  const nameOf = (id: string) => users.data?.find((u) => u.userId === id)?.fullName ?? id;
  const today = dayjs().format('YYYY-MM-DD');
  return (
    <>
      <Table<Seat>
        size="small"
        rowKey="userId"
        pagination={false}
        locale={{ emptyText: t('admin.council.noSeats') }}
        dataSource={term.seats}
        columns={[
          { title: t('admin.council.member'), dataIndex: 'userId', render: (id: string) => `${nameOf(id)} (${id})` },
          {
            title: t('admin.council.councilRole'),
            dataIndex: 'councilRole',
            render: (r: string) => <Tag>{t(`admin.seatRole.${r}`)}</Tag>,
          },
          { title: t('admin.validity'), render: (_: unknown, s) => `${formatDate(s.from)} – ${formatDate(s.to)}` },
          {
            title: '',
            render: (_: unknown, s) => (
              <Button size="small" danger disabled={s.to < today} onClick={() => setEnding(s)}>
                {t('admin.council.endSeat')}
              </Button>
            ),
          },
        ]}
      />
      <Button size="small" style={{ marginTop: 8 }} onClick={() => setAdding(true)} data-testid="seat-add">
        {t('admin.council.addSeat')}
      </Button>
      {adding ? <AddSeat term={term} onDone={() => setAdding(false)} /> : null}
      {ending ? (
        <EndSeat term={term} seat={ending} name={nameOf(ending.userId)} onDone={() => setEnding(null)} />
      ) : null}
    </>
  );
}

function AddSeat({ term, onDone }: { term: CouncilTerm; onDone: () => void }) {
  const { t } = useTranslation();
  const refresh = useRefresh();
  const users = useUsers();
  const [form] = Form.useForm<{
    userId: string;
    councilRole: (typeof SEAT_ROLES)[number];
    from: Dayjs;
    to?: Dayjs | null;
  }>();
  const add = useMutation({
    mutationFn: (v: { userId: string; councilRole: (typeof SEAT_ROLES)[number]; from: Dayjs; to?: Dayjs | null }) =>
      unwrap(
        api.POST('/api/admin/council-terms/{id}/seats', {
          params: { path: { id: term.termId } },
          body: {
            userId: v.userId,
            councilRole: v.councilRole,
            from: v.from.format('YYYY-MM-DD'),
            ...(v.to ? { to: v.to.format('YYYY-MM-DD') } : {}),
          },
        }),
      ),
    onSuccess: async () => {
      await refresh();
      onDone();
    },
    onError: (e) => form.setFields(fieldErrors(e) as never),
  });
  const required = [{ required: true, message: t('form.required') }];
  const candidates = (users.data ?? []).filter(
    (u) => u.active && (u.role === 'COUNCIL_MEMBER' || u.role === 'COUNCIL_CHAIR'),
  );
  return (
    <Modal open title={`${t('admin.council.addSeat')} — ${term.name}`} onCancel={onDone} footer={null} destroyOnHidden>
      <Typography.Paragraph type="secondary">{t('admin.council.seatHelp')}</Typography.Paragraph>
      <ApiErrorAlert error={add.error} />
      <Form
        form={form}
        name="seat"
        layout="vertical"
        initialValues={{ from: dayjs(term.from).isAfter(dayjs()) ? dayjs(term.from) : dayjs() }}
        onFinish={(v) => add.mutate(v)}
      >
        <Form.Item name="userId" label={t('admin.council.member')} rules={required}>
          <Select
            showSearch
            optionFilterProp="label"
            options={candidates.map((u) => ({
              value: u.userId,
              label: `${u.fullName} (${u.username}) — ${t(`role.${u.role}`)}`,
            }))}
          />
        </Form.Item>
        <Form.Item name="councilRole" label={t('admin.council.councilRole')} rules={required}>
          <Select options={SEAT_ROLES.map((r) => ({ value: r, label: t(`admin.seatRole.${r}`) }))} />
        </Form.Item>
        <Space wrap>
          <Form.Item name="from" label={t('admin.from')} rules={required}>
            <DatePicker format="DD/MM/YYYY" />
          </Form.Item>
          <Form.Item name="to" label={t('admin.to')}>
            <DatePicker format="DD/MM/YYYY" />
          </Form.Item>
        </Space>
        <Space>
          <Button type="primary" htmlType="submit" loading={add.isPending} data-testid="seat-save">
            {t('admin.save')}
          </Button>
          <Button onClick={onDone}>{t('admin.cancel')}</Button>
        </Space>
      </Form>
    </Modal>
  );
}

function EndSeat({ term, seat, name, onDone }: { term: CouncilTerm; seat: Seat; name: string; onDone: () => void }) {
  const { t } = useTranslation();
  const refresh = useRefresh();
  const [form] = Form.useForm<{ reason: string; on?: Dayjs | null }>();
  const end = useMutation({
    mutationFn: (v: { reason: string; on?: Dayjs | null }) =>
      unwrap(
        api.POST('/api/admin/council-terms/{id}/seat-endings', {
          params: { path: { id: term.termId } },
          body: { userId: seat.userId, reason: v.reason.trim(), ...(v.on ? { on: v.on.format('YYYY-MM-DD') } : {}) },
        }),
      ),
    onSuccess: async () => {
      await refresh();
      onDone();
    },
    onError: (e) => form.setFields(fieldErrors(e) as never),
  });
  return (
    <Modal open title={t('admin.council.endSeatTitle', { user: name })} onCancel={onDone} footer={null} destroyOnHidden>
      <ApiErrorAlert error={end.error} />
      <Form form={form} name="endSeat" layout="vertical" onFinish={(v) => end.mutate(v)}>
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
          <Button type="primary" danger htmlType="submit" loading={end.isPending}>
            {t('admin.council.endSeat')}
          </Button>
          <Button onClick={onDone}>{t('admin.cancel')}</Button>
        </Space>
      </Form>
    </Modal>
  );
}
