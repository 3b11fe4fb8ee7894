import { useMemo, useState } from 'react';
import { Alert, App, Button, DatePicker, Form, Input, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { api, unwrap, type Schemas } from '../../api/client';
import type { Unit } from '../../api/admin';
import { ApiErrorAlert, fieldErrors } from '../../components/ApiErrorAlert';
import { formatDate } from '../../format';
import { HistoryDrawer } from './History';

export const UNIT_KINDS = [
  'PROVINCE',
  'DEPARTMENT',
  'DISTRICT',
  'COMMUNE',
  'SCHOOL',
  'ENTERPRISE',
  'MASS_ORGANISATION',
] as const;
type Kind = (typeof UNIT_KINDS)[number];
type Node = Unit & { children?: Node[] };

export const useUnits = () =>
  useQuery({ queryKey: ['admin', 'units'], queryFn: () => unwrap(api.GET('/api/admin/units')) });

/** Ended on or before today (Asia/Ho_Chi_Minh is the browser's zone in the offices that use it). */
export const hasEnded = (validTo: string | null | undefined): boolean =>
  !!validTo && validTo < dayjs().format('YYYY-MM-DD');

/** The units as a tree under their parents (a unit whose parent is not listed is a root). */
function treeOf(units: readonly Unit[]): Node[] {
  const byCode = new Map<string, Node>(units.map((u) => [u.code, { ...u }]));
  const roots: Node[] = [];
  for (const node of byCode.values()) {
    const parent = node.parentCode ? byCode.get(node.parentCode) : undefined;
    if (parent && parent !== node) (parent.children ??= []).push(node);
    else roots.push(node);
  }
  return roots;
}

interface UnitValues {
  code: string;
  name: string;
  kind: Kind;
  parentCode?: string;
  provinceCode?: string;
  validFrom: Dayjs;
  validTo?: Dayjs | null;
}

/** The province's units as a tree (kind, code, validity); add, edit (a new version from a day), close (a last day), history. */
export function Units() {
  const { t } = useTranslation();
  const units = useUnits();
  const [editing, setEditing] = useState<Unit | 'new' | null>(null);
  const [closing, setClosing] = useState<Unit | null>(null);
  const [history, setHistory] = useState<string | null>(null);
  const tree = useMemo(() => treeOf(units.data ?? []), [units.data]);
  const allKeys = useMemo(() => (units.data ?? []).map((u) => u.code), [units.data]);
  const [collapsed, setCollapsed] = useState<string[]>([]);
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Button type="primary" onClick={() => setEditing('new')} data-testid="unit-create">
        {t('admin.unit.create')}
      </Button>
      <ApiErrorAlert error={units.error} />
      <Table<Node>
        size="small"
        rowKey="code"
        data-testid="units"
        loading={units.isLoading}
        dataSource={tree}
        pagination={false}
        scroll={{ x: true }}
        expandable={{
          expandedRowKeys: allKeys.filter((k) => !collapsed.includes(k)),
          onExpand: (open, row) =>
            setCollapsed(open ? collapsed.filter((k) => k !== row.code) : [...collapsed, row.code]),
        }}
        columns={[
          { title: t('admin.unit.name'), dataIndex: 'name' },
          {
            title: t('admin.unit.code'),
            dataIndex: 'code',
            render: (c: string) => <Typography.Text code>{c}</Typography.Text>,
          },
          {
            title: t('admin.unit.kind'),
            dataIndex: 'kind',
            render: (k: string | null) => (k ? t(`admin.kind.${k}`) : '—'),
          },
          { title: t('admin.unit.province'), dataIndex: 'provinceCode' },
          {
            title: t('admin.validity'),
            render: (_: unknown, u) =>
              `${u.validFrom ? formatDate(u.validFrom) : '…'} – ${u.validTo ? formatDate(u.validTo) : t('admin.open')}`,
          },
          {
            title: '',
            render: (_: unknown, u) =>
              hasEnded(u.validTo) ? (
                <Tag>{t('admin.unit.closed')}</Tag>
              ) : (
                <Tag color="green">{t('admin.unit.active')}</Tag>
              ),
          },
          {
            title: '',
            render: (_: unknown, u) => (
              <Space size="small">
                <Button size="small" onClick={() => setEditing(u)} data-testid={`unit-edit-${u.code}`}>
                  {t('admin.unit.edit')}
                </Button>
                <Button
                  size="small"
                  danger
                  disabled={!u.kind || hasEnded(u.validTo)}
                  onClick={() => setClosing(u)}
                  data-testid={`unit-close-${u.code}`}
                >
                  {t('admin.unit.close')}
                </Button>
                <Button size="small" type="link" onClick={() => setHistory(u.code)}>
                  {t('admin.history')}
                </Button>
              </Space>
            ),
          },
        ]}
      />
      {editing ? (
        <UnitForm
          unit={editing === 'new' ? undefined : editing}
          units={units.data ?? []}
          onDone={() => setEditing(null)}
        />
      ) : null}
      {closing ? <CloseUnit unit={closing} onDone={() => setClosing(null)} /> : null}
      <HistoryDrawer kind="units" id={history} onClose={() => setHistory(null)} />
    </Space>
  );
}

function useRecordUnit(onDone: () => void, onFieldErrors: (e: unknown) => void) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Schemas['RecordUnitDto']) => unwrap(api.POST('/api/admin/units', { body })),
    onSuccess: async () => {
      void message.success(t('admin.saved'));
      await queryClient.invalidateQueries({ queryKey: ['admin', 'units'] });
      onDone();
    },
    onError: onFieldErrors,
  });
}

/** Add a unit, or record a new version of one (renamed, moved, another kind) from a day. */
function UnitForm({ unit, units, onDone }: { unit?: Unit; units: readonly Unit[]; onDone: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<UnitValues>();
  const save = useRecordUnit(onDone, (e) => form.setFields(fieldErrors(e) as never));
  const kind = Form.useWatch('kind', form);
  const parentCode = Form.useWatch('parentCode', form);
  const parent = units.find((u) => u.code === parentCode);
  const required = [{ required: true, message: t('form.required') }];
  const submit = (v: UnitValues) =>
    save.mutate({
      code: v.code.trim(),
      name: v.name.trim(),
      kind: v.kind,
      ...(v.kind === 'PROVINCE' ? {} : { parentCode: v.parentCode ?? null }),
      provinceCode:
        v.kind === 'PROVINCE' ? (v.provinceCode ?? '').trim() : (parent?.provinceCode ?? v.provinceCode ?? ''),
      validFrom: v.validFrom.format('YYYY-MM-DD'),
      validTo: v.validTo ? v.validTo.format('YYYY-MM-DD') : null,
    });
  return (
    <Modal
      open
      title={unit ? t('admin.unit.editTitle', { code: unit.code }) : t('admin.unit.createTitle')}
      onCancel={onDone}
      footer={null}
      destroyOnHidden
    >
      {unit ? <Alert type="info" showIcon title={t('admin.unit.editHelp')} style={{ marginBottom: 12 }} /> : null}
      <ApiErrorAlert error={save.error} />
      <Form
        form={form}
        name="unit"
        layout="vertical"
        onFinish={submit}
        initialValues={
          unit
            ? {
                code: unit.code,
                name: unit.name,
                kind: (unit.kind ?? undefined) as Kind | undefined,
                parentCode: unit.parentCode ?? undefined,
                provinceCode: unit.provinceCode,
                validFrom: dayjs(),
                validTo: unit.validTo ? dayjs(unit.validTo) : null,
              }
            : { validFrom: dayjs() }
        }
      >
        <Form.Item name="code" label={t('admin.unit.code')} rules={required}>
          <Input disabled={!!unit} />
        </Form.Item>
        <Form.Item name="name" label={t('admin.unit.name')} rules={required}>
          <Input />
        </Form.Item>
        <Form.Item name="kind" label={t('admin.unit.kind')} rules={required}>
          <Select options={UNIT_KINDS.map((k) => ({ value: k, label: t(`admin.kind.${k}`) }))} />
        </Form.Item>
        {kind === 'PROVINCE' ? (
          <Form.Item
            name="provinceCode"
            label={t('admin.unit.province')}
            rules={required}
            extra={t('admin.unit.provinceHelp')}
          >
            <Input />
          </Form.Item>
        ) : (
          <Form.Item name="parentCode" label={t('admin.unit.parent')} rules={required}>
            <Select
              showSearch
              optionFilterProp="label"
              options={units
                .filter((u) => u.code !== unit?.code && !hasEnded(u.validTo))
                .map((u) => ({ value: u.code, label: `${u.name} (${u.code})` }))}
            />
          </Form.Item>
        )}
        <Space wrap>
          <Form.Item name="validFrom" label={t('admin.unit.validFrom')} rules={required}>
            <DatePicker format="DD/MM/YYYY" />
          </Form.Item>
          <Form.Item name="validTo" label={t('admin.unit.validTo')}>
            <DatePicker format="DD/MM/YYYY" />
          </Form.Item>
        </Space>
        <Space>
          <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="unit-save">
            {t('admin.save')}
          </Button>
          <Button onClick={onDone}>{t('admin.cancel')}</Button>
        </Space>
      </Form>
    </Modal>
  );
}

/** Close a unit (merger, split, abolition): the same unit recorded with its last day. */
function CloseUnit({ unit, onDone }: { unit: Unit; onDone: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ lastDay: Dayjs }>();
  const save = useRecordUnit(onDone, (e) =>
    form.setFields(fieldErrors(e).map((f) => ({ ...f, name: ['lastDay'] })) as never),
  );
  return (
    <Modal open title={t('admin.unit.closeTitle', { code: unit.code })} onCancel={onDone} footer={null} destroyOnHidden>
      <Typography.Paragraph>{t('admin.unit.closeHelp')}</Typography.Paragraph>
      <ApiErrorAlert error={save.error} />
      <Form
        form={form}
        name="closeUnit"
        layout="vertical"
        initialValues={{ lastDay: dayjs() }}
        onFinish={(v) =>
          save.mutate({
            code: unit.code,
            name: unit.name,
            kind: (unit.kind ?? 'DEPARTMENT') as Kind,
            parentCode: unit.parentCode,
            provinceCode: unit.provinceCode,
            validFrom: unit.validFrom ?? v.lastDay.format('YYYY-MM-DD'),
            validTo: v.lastDay.format('YYYY-MM-DD'),
          })
        }
      >
        <Form.Item
          name="lastDay"
          label={t('admin.unit.lastDay')}
          rules={[{ required: true, message: t('form.required') }]}
        >
          <DatePicker format="DD/MM/YYYY" />
        </Form.Item>
        <Space>
          <Button type="primary" danger htmlType="submit" loading={save.isPending} data-testid="unit-close-confirm">
            {t('admin.unit.close')}
          </Button>
          <Button onClick={onDone}>{t('admin.cancel')}</Button>
        </Space>
      </Form>
    </Modal>
  );
}
