import { Button, Card, Descriptions, List, Space, Table, Tag, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api, unwrap, type Schemas } from '../../api/client';
import { session } from '../../auth/session';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { formatDate } from '../../format';
import { isSecretariat, type BlockYearState } from './shared';

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

/** A block's year: leadership, pledges (a member's head or the secretariat signs), ranking once made. */
export function BlockYearPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const year = useQuery({
    queryKey: ['block-year', id],
    queryFn: () => unwrap(api.GET('/api/block-years/{id}', { params: { path: { id } } })),
  });
  const pledge = useMutation({
    mutationFn: (unitCode: string) =>
      unwrap(api.POST('/api/block-years/{id}/pledges', { params: { path: { id } }, body: { unitCode } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['block-year', id] }),
  });
  const y = year.data;
  if (!y)
    return (
      <Card loading={year.isLoading}>
        <ApiErrorAlert error={year.error} />
      </Card>
    );
  const state = y.state as unknown as BlockYearState;
  const me = session.me();
  const members = state.opening?.members ?? [];
  const maySign = (unitCode: string) =>
    y.phase === 'PLEDGING' && (isSecretariat() || (me?.role === 'UNIT_HEAD' && me.unitCode === unitCode));
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Card
        title={
          <Typography.Title level={3} style={{ margin: 0 }}>
            {y.year}
          </Typography.Title>
        }
      >
        <ApiErrorAlert error={pledge.error} />
        <Descriptions column={1} size="small" bordered>
          <Descriptions.Item label={t('emulation.phase')}>
            <Tag>{t(`emulation.blockPhase.${y.phase}`)}</Tag>
          </Descriptions.Item>
          <Descriptions.Item label={t('emulation.head')}>{y.headUnit}</Descriptions.Item>
          <Descriptions.Item label={t('emulation.deputy')}>{y.deputyUnit}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Card title={t('emulation.pledges')} size="small">
        <Table
          size="small"
          rowKey="unitCode"
          pagination={false}
          dataSource={members}
          columns={[
            { title: t('emulation.unit'), render: (_: unknown, m) => `${m.name} (${m.unitCode})` },
            {
              title: t('emulation.status'),
              render: (_: unknown, m) => {
                const signed = state.pledges.find((p) => p.unitCode === m.unitCode);
                return signed ? (
                  <Tag color="green">
                    {t('emulation.pledged')} {formatDate(signed.signedOn)}
                  </Tag>
                ) : (
                  <Tag>{t('emulation.notPledged')}</Tag>
                );
              },
            },
            {
              title: '',
              render: (_: unknown, m) =>
                !state.pledges.some((p) => p.unitCode === m.unitCode) && maySign(m.unitCode) ? (
                  <Button size="small" onClick={() => pledge.mutate(m.unitCode)}>
                    {t('emulation.signPledge')}
                  </Button>
                ) : null,
            },
          ]}
        />
      </Card>
      {state.ranking?.length ? (
        <Card title={t('emulation.ranking')} size="small">
          <Table
            size="small"
            rowKey="unitCode"
            pagination={false}
            dataSource={state.ranking}
            columns={[
              { title: t('emulation.rank'), dataIndex: 'rank' },
              { title: t('emulation.unit'), dataIndex: 'unitCode' },
              { title: t('emulation.total'), dataIndex: 'total' },
            ]}
          />
        </Card>
      ) : null}
    </Space>
  );
}
