import { Button, Card, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { components } from '../api/schema';

type Row = components['schemas']['MovementAwardCountRowDto'];

/**
 * The awards report grouped by the movement (phong trào thi đua) the dossiers come from: a row per movement with its
 * name, and the awards of no movement last. The rows come with the awards report (its `byMovement`).
 */
export function AwardsByMovement({ rows, loading, onCsv }: { rows: Row[]; loading: boolean; onCsv: () => void }) {
  const { t } = useTranslation();
  return (
    <Card
      title={
        <Typography.Title level={2} style={{ margin: 0, fontSize: 18 }}>
          {t('reports.byMovement')}
        </Typography.Title>
      }
      extra={
        <Button data-testid="by-movement-csv" onClick={onCsv}>
          {t('reports.csv')}
        </Button>
      }
    >
      <Table<Row>
        data-testid="awards-by-movement"
        size="small"
        rowKey={(r) => r.movementId ?? 'none'}
        pagination={false}
        scroll={{ x: true }}
        loading={loading}
        dataSource={rows}
        columns={[
          {
            title: t('reports.movement'),
            dataIndex: 'movementName',
            render: (name: string, r) => (r.movementId === null ? t('reports.noMovement') : name),
          },
          { title: t('reports.total'), dataIndex: 'total', align: 'right' },
          { title: t('reports.levels.STATE'), dataIndex: 'state', align: 'right' },
          { title: t('reports.levels.PROVINCIAL'), dataIndex: 'provincial', align: 'right' },
          { title: t('reports.levels.GRASSROOTS'), dataIndex: 'grassroots', align: 'right' },
          { title: t('reports.individuals'), dataIndex: 'individuals', align: 'right' },
          { title: t('reports.collectives'), dataIndex: 'collectives', align: 'right' },
          { title: t('reports.households'), dataIndex: 'households', align: 'right' },
        ]}
      />
    </Card>
  );
}
