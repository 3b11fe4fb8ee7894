import { Button, Card, Space, Table, Typography } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api, unwrap, type Schemas } from '../../../api/client';
import { session } from '../../../auth/session';
import { awardName } from '../../../awards';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { OrNone, type BlockYearState } from '../shared';
import { stateOf, unitLabel, type BlockYear } from './model';

type Recorded = NonNullable<BlockYearState['proposalDossiers']>[number];
type Created = Schemas['ProposalDossierDto'];

/**
 * The proposals as nomination dossiers: a proposed unit's clerk creates its Cờ thi đua draft(s), pre-filled by the API
 * from the ranking and the meeting minutes (again: the same dossiers); everybody sees which dossier each proposal
 * became, with its link.
 */
export function ProposalDossiers({ y }: { y: BlockYear }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const s = stateOf(y);
  const me = session.me();
  const id = y.blockYearId;
  const create = useMutation({
    mutationFn: () => unwrap(api.POST('/api/block-years/{id}/proposals/dossiers', { params: { path: { id } } })),
    onSuccess: (r) => queryClient.setQueryData(['block-year', id], r.blockYear),
  });
  const p = s.proposals;
  if (!p) return null;
  const recorded = s.proposalDossiers ?? [];
  const unit = me?.role === 'UNIT_CLERK' ? me.unitCode : undefined;
  const ownFlags = unit
    ? [...(p.provincial.includes(unit) ? ['PROVINCIAL'] : []), ...(p.government.includes(unit) ? ['GOVERNMENT'] : [])]
    : [];
  const mayCreate =
    y.phase === 'PROPOSED' && ownFlags.some((f) => !recorded.some((d) => d.unitCode === unit && d.flag === f));
  const link = (d: Created | Recorded) => (
    <Link to={`/dossiers/${d.dossierId}`} data-testid="proposal-dossier-link" data-unit={d.unitCode}>
      {t('emulation.openDossier')}: {awardName(d.awardCode, i18n.language)}
    </Link>
  );
  return (
    <Card title={t('emulation.blockYear.proposalDossiers')} size="small" data-testid="proposal-dossiers">
      <ApiErrorAlert error={create.error} />
      {mayCreate ? (
        <Space direction="vertical" style={{ marginBottom: 12 }}>
          <Typography.Text type="secondary">{t('emulation.blockYear.createDossiersHelp')}</Typography.Text>
          <Button
            type="primary"
            data-testid="create-proposal-dossiers"
            loading={create.isPending}
            onClick={() => create.mutate()}
          >
            {t('emulation.blockYear.createDossiers')}
          </Button>
        </Space>
      ) : null}
      {create.data ? (
        <Typography.Paragraph strong data-testid="created-proposal-dossiers">
          {t('emulation.blockYear.dossiersCreated')}{' '}
          {create.data.dossiers.map((d, i) => (
            <span key={d.dossierId}>
              {i ? ', ' : null}
              {link(d)}
            </span>
          ))}
        </Typography.Paragraph>
      ) : null}
      <OrNone rows={recorded} none={t('emulation.blockYear.noProposalDossiers')}>
        <Table<Recorded>
          size="small"
          rowKey="dossierId"
          pagination={false}
          dataSource={recorded}
          columns={[
            { title: t('emulation.unit'), dataIndex: 'unitCode', render: (u: string) => unitLabel(y, u) },
            {
              title: t('emulation.blockYear.award'),
              dataIndex: 'flag',
              render: (f: string) => t(`emulation.blockYear.flag.${f}`),
            },
            { title: t('emulation.blockYear.dossier'), dataIndex: 'dossierId', render: (_: string, d) => link(d) },
          ]}
        />
      </OrNone>
    </Card>
  );
}
