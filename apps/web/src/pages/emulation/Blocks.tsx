import { App, Button, Card, Form, Input, InputNumber, List, Select, Space, Table, Tag, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api, unwrap, type Schemas } from '../../api/client';
import { ApiErrorAlert, fieldErrors } from '../../components/ApiErrorAlert';
import { isSecretariat } from './shared';

type Block = Schemas['BlockViewDto'];

/** Khối, cụm thi đua: every block of the province with its members. */
export function Blocks() {
  const { t } = useTranslation();
  const blocks = useQuery({ queryKey: ['blocks'], queryFn: () => unwrap(api.GET('/api/emulation-blocks', {})) });
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      {isSecretariat() ? <FormBlock /> : null}
      <Card
        title={
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t('emulation.blocks')}
          </Typography.Title>
        }
      >
        <ApiErrorAlert error={blocks.error} />
        <Table<Block>
          rowKey="blockId"
          loading={blocks.isLoading}
          dataSource={blocks.data ?? []}
          pagination={{ pageSize: 20 }}
          columns={[
            {
              title: t('emulation.name'),
              dataIndex: 'name',
              render: (name: string, b) => <Link to={`/emulation-blocks/${b.blockId}`}>{name}</Link>,
            },
            { title: t('emulation.members'), render: (_: unknown, b) => b.members.map((m) => m.name).join(', ') },
          ]}
        />
      </Card>
    </Space>
  );
}

interface FormBlockValues {
  code: string;
  name: string;
  members: { unitCode: string; name: string }[];
}

/** The secretariat forms a block: code, name, member units in rotation order (the first leads first). */
function FormBlock() {
  const { t } = useTranslation();
  const [form] = Form.useForm<FormBlockValues>();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const formBlock = useMutation({
    mutationFn: (v: FormBlockValues) =>
      unwrap(
        api.POST('/api/emulation-blocks', {
          body: {
            code: v.code.trim(),
            name: v.name.trim(),
            members: v.members.map((m) => ({ unitCode: m.unitCode.trim(), name: m.name.trim() })),
          },
        }),
      ),
    onSuccess: async (b) => {
      void message.success(t('emulation.blockFormed'));
      await queryClient.invalidateQueries({ queryKey: ['blocks'] });
      void navigate(`/emulation-blocks/${b.blockId}`);
    },
    onError: (e) => form.setFields(fieldErrors(e) as never),
  });
  const required = [{ required: true, message: t('form.required') }];
  return (
    <Card title={t('emulation.formBlock')} size="small">
      <ApiErrorAlert error={formBlock.error} />
      <Form
        form={form}
        name="block"
        layout="vertical"
        onFinish={(v) => formBlock.mutate(v)}
        initialValues={{ members: [{}, {}] }}
      >
        <Space wrap>
          <Form.Item name="code" label={t('emulation.blockCode')} rules={required}>
            <Input style={{ width: 200 }} />
          </Form.Item>
          <Form.Item name="name" label={t('emulation.name')} rules={required}>
            <Input style={{ width: 420 }} />
          </Form.Item>
        </Space>
        <Typography.Text strong>{t('emulation.members')}</Typography.Text>
        <Form.List name="members">
          {(fields, { add, remove }) => (
            <Space direction="vertical" style={{ width: '100%', marginTop: 8 }}>
              {fields.map((f, i) => (
                <Space key={f.key} wrap align="start">
                  <Typography.Text style={{ display: 'inline-block', width: 24, paddingTop: 36 }}>
                    {i + 1}.
                  </Typography.Text>
                  <Form.Item name={[f.name, 'unitCode']} label={t('emulation.memberCode')} rules={required}>
                    <Input style={{ width: 180 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'name']} label={t('emulation.memberName')} rules={required}>
                    <Input style={{ width: 360 }} />
                  </Form.Item>
                  {fields.length > 2 ? (
                    <Button style={{ marginTop: 30 }} onClick={() => remove(f.name)}>
                      {t('emulation.removeMember')}
                    </Button>
                  ) : null}
                </Space>
              ))}
              <Button data-testid="add-member" onClick={() => add({})}>
                {t('emulation.addMember')}
              </Button>
            </Space>
          )}
        </Form.List>
        <Button type="primary" htmlType="submit" loading={formBlock.isPending} style={{ marginTop: 16 }}>
          {t('emulation.formBlockSubmit')}
        </Button>
      </Form>
    </Card>
  );
}

interface OpenYearValues {
  year: number;
  head?: string;
  deputy?: string;
  departureReason?: string;
}

/** The secretariat opens the block's year: head and deputy by rotation unless the block elected otherwise. */
function OpenYear({ blockId, members }: { blockId: string; members: { unitCode: string; name: string }[] }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<OpenYearValues>();
  const navigate = useNavigate();
  const openYear = useMutation({
    mutationFn: (v: OpenYearValues) =>
      unwrap(
        api.POST('/api/emulation-blocks/{id}/years', {
          params: { path: { id: blockId } },
          body: {
            year: v.year,
            ...(v.head ? { head: v.head } : {}),
            ...(v.deputy ? { deputy: v.deputy } : {}),
            ...(v.departureReason?.trim() ? { departureReason: v.departureReason.trim() } : {}),
          },
        }),
      ),
    onSuccess: (y) => void navigate(`/block-years/${y.blockYearId}`),
    onError: (e) => form.setFields(fieldErrors(e) as never),
  });
  const options = members.map((m) => ({ value: m.unitCode, label: `${m.name} (${m.unitCode})` }));
  return (
    <Card title={t('emulation.openYear')} size="small" style={{ marginTop: 16 }}>
      <Typography.Paragraph type="secondary">{t('emulation.openYearHelp')}</Typography.Paragraph>
      <ApiErrorAlert error={openYear.error} />
      <Form form={form} name="open-year" layout="vertical" onFinish={(v) => openYear.mutate(v)}>
        <Space wrap align="start">
          <Form.Item name="year" label={t('emulation.year')} rules={[{ required: true, message: t('form.required') }]}>
            <InputNumber min={2000} max={2100} precision={0} />
          </Form.Item>
          <Form.Item name="head" label={t('emulation.headByRotation')}>
            <Select allowClear style={{ width: 280 }} options={options} />
          </Form.Item>
          <Form.Item name="deputy" label={t('emulation.deputyByRotation')}>
            <Select allowClear style={{ width: 280 }} options={options} />
          </Form.Item>
        </Space>
        <Form.Item name="departureReason" label={t('emulation.departureReason')}>
          <Input.TextArea rows={2} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={openYear.isPending} data-testid="open-year">
          {t('emulation.openYearSubmit')}
        </Button>
      </Form>
    </Card>
  );
}

/** One block: its members in rotation order and its years. */
export function BlockPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const block = useQuery({
    queryKey: ['block', id],
    queryFn: () => unwrap(api.GET('/api/emulation-blocks/{id}', { params: { path: { id } } })),
  });
  const b = block.data;
  if (!b)
    return (
      <Card loading={block.isLoading}>
        <ApiErrorAlert error={block.error} />
      </Card>
    );
  return (
    <Card
      title={
        <Typography.Title level={3} style={{ margin: 0 }}>
          {b.name}
        </Typography.Title>
      }
    >
      <Typography.Title level={5}>{t('emulation.members')}</Typography.Title>
      <List
        size="small"
        dataSource={b.members}
        renderItem={(m, i) => (
          <List.Item>
            {i + 1}. {m.name} ({m.unitCode})
          </List.Item>
        )}
      />
      <Typography.Title level={5}>{t('emulation.blockYears')}</Typography.Title>
      <Table
        size="small"
        rowKey="blockYearId"
        pagination={false}
        dataSource={b.years}
        columns={[
          {
            title: t('emulation.year'),
            dataIndex: 'year',
            render: (y: number, r) => <Link to={`/block-years/${r.blockYearId}`}>{y}</Link>,
          },
          {
            title: t('emulation.phase'),
            dataIndex: 'phase',
            render: (p: string) => <Tag>{t(`emulation.blockPhase.${p}`)}</Tag>,
          },
          { title: t('emulation.head'), dataIndex: 'headUnit' },
          { title: t('emulation.deputy'), dataIndex: 'deputyUnit' },
        ]}
      />
      {isSecretariat() ? <OpenYear blockId={b.blockId} members={b.members} /> : null}
    </Card>
  );
}
