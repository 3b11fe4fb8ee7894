import { Card, List, Table, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api, unwrap, type Schemas } from '../../api/client';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';

type Block = Schemas['BlockViewDto'];

/** Khối, cụm thi đua: every block of the province with its members. */
export function Blocks() {
  const { t } = useTranslation();
  const blocks = useQuery({ queryKey: ['blocks'], queryFn: () => unwrap(api.GET('/api/emulation-blocks', {})) });
  return (
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
    </Card>
  );
}
