import { useState } from 'react';
import {
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Result,
  Row,
  Space,
  Table,
  Tag,
  Timeline,
  Tooltip,
  Typography,
} from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api, ApiError, unwrap } from '../api/client';
import type { DossierAction } from '../api/actions';
import { ApiErrorAlert } from '../components/ApiErrorAlert';
import { DocumentLinks } from '../components/DocumentLinks';
import { Deadline } from '../components/Deadline';
import { awardName } from '../awards';
import { asText, formatDate, formatDateTime } from '../format';
import { refusalMessage } from '../i18n/rules';
import { ActionForm } from './ActionForm';
import { DossierFiles } from './DossierFiles';
import { NomineePriority } from './NomineePriority';

/** One event of the dossier's stream as GET /api/dossiers/:id/history gives it. */
interface HistoryEntry {
  seq: number;
  type: string;
  data: Record<string, unknown>;
  actor: { userId: string; role: string };
  occurredAt: string;
  ruleSetVersion?: string | null;
}
interface Part {
  kind: string;
  ref?: string;
  copy?: string;
  confirmedBySubmittingLevel?: boolean;
}
interface Criterion {
  id: string;
  rule: string;
  passed: boolean;
  severity: string;
  explanation: string;
  legalBasis?: string;
}

/** The latest parts the stream carries (creation, edits, supplements), and the assessment kept in DossierSubmitted. */
function fromHistory(history: HistoryEntry[]) {
  let parts: Part[] = [];
  let criteria: Criterion[] | undefined;
  for (const e of history) {
    if (
      Array.isArray(e.data.parts) &&
      ['DossierCreated', 'DossierContentUpdated', 'SupplementProvided'].includes(e.type)
    )
      parts = e.data.parts as Part[];
    const eligibility = e.data.eligibility as { criteria?: Criterion[] } | undefined;
    if (e.type === 'DossierSubmitted' && eligibility?.criteria) criteria = eligibility.criteria;
  }
  return { parts, criteria };
}

export function DossierPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [open, setOpen] = useState<DossierAction>();
  const path = { params: { path: { id } } };
  const dossier = useQuery({ queryKey: ['dossier', id], queryFn: () => unwrap(api.GET('/api/dossiers/{id}', path)) });
  const visible = dossier.isSuccess;
  const history = useQuery({
    queryKey: ['dossier', id, 'history'],
    enabled: visible,
    queryFn: async () => (await unwrap(api.GET('/api/dossiers/{id}/history', path))) as unknown as HistoryEntry[],
  });
  const actions = useQuery({
    queryKey: ['dossier', id, 'actions'],
    enabled: visible,
    queryFn: () => unwrap(api.GET('/api/dossiers/{id}/actions', path)),
  });

  if (dossier.error instanceof ApiError && [403, 404].includes(dossier.error.status)) {
    return <Result status="404" title={t('dossier.notVisible')} data-testid="not-visible" />;
  }
  if (dossier.error) return <ApiErrorAlert error={dossier.error} />;
  const d = dossier.data;
  if (!d) return <Card loading />;
  const { parts, criteria } = fromHistory(history.data ?? []);
  const done = async () => {
    setOpen(undefined);
    void message.success(t('dossier.done'));
    await queryClient.invalidateQueries({ queryKey: ['dossier', id] });
    await queryClient.invalidateQueries({ queryKey: ['me'] });
  };
  const onAction = (a: DossierAction) =>
    a.command === 'UpdateDossierContent' ? void navigate(`/dossiers/${id}/edit`) : setOpen(a);

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Card
        title={
          <Typography.Title level={3} style={{ margin: 0 }} data-testid="dossier-title">
            {d.title}
          </Typography.Title>
        }
        extra={
          <Tag
            color={d.status === 'AWARDED' ? 'green' : d.status === 'REJECTED' ? 'red' : 'blue'}
            data-testid="dossier-status"
            data-status={d.status}
          >
            {t(`status.${d.status}`)}
          </Tag>
        }
      >
        <Descriptions column={{ xs: 1, md: 2 }} size="small" bordered>
          <Descriptions.Item label={t('dossier.nominee')}>
            {d.nomineeName} ({t(`draft.${d.nomineeKind}`)})
          </Descriptions.Item>
          <Descriptions.Item label={t('dossier.award')}>{awardName(d.awardCode, i18n.language)}</Descriptions.Item>
          <Descriptions.Item label={t('dossier.status')}>{t(`status.${d.status}`)}</Descriptions.Item>
          <Descriptions.Item label={t('dossier.heldBy')}>
            {asText(d.heldBy) ? t(`role.${asText(d.heldBy)}`) : '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('dossier.unit')}>{d.unitCode}</Descriptions.Item>
          <Descriptions.Item label={t('dossier.deadline')}>
            {asText(d.deadline) ? <Deadline date={asText(d.deadline)} overdue={d.overdue} /> : '—'}
          </Descriptions.Item>
          {d.votesCast ? (
            <Descriptions.Item label={t('dossier.votes')}>
              {d.votesCast} / {d.councilMembers.length}
            </Descriptions.Item>
          ) : null}
          {asText(d.decisionNumber) ? (
            <Descriptions.Item label={t('dossier.decision')}>
              {asText(d.decisionNumber)} — {formatDate(asText(d.decidedOn))}
            </Descriptions.Item>
          ) : null}
          {asText(d.reason) ? (
            <Descriptions.Item label={t('dossier.reason')}>{asText(d.reason)}</Descriptions.Item>
          ) : null}
          {asText(d.ruleSetVersion) ? (
            <Descriptions.Item label={t('dossier.ruleSet')}>{asText(d.ruleSetVersion)}</Descriptions.Item>
          ) : null}
        </Descriptions>
      </Card>

      <DocumentLinks subject="dossier" id={d.id} />

      <Card title={t('dossier.actions')} data-testid="actions">
        {actions.data?.actions.length ? (
          <Space wrap>
            {actions.data.actions.map((a) => (
              <Space key={a.path} direction="vertical" size={0}>
                <Button
                  type={a.expectedRefusal ? 'default' : 'primary'}
                  danger={['WithdrawDossier', 'ReturnDossier', 'RevokeAward'].includes(a.command)}
                  data-command={a.command}
                  onClick={() => onAction(a)}
                >
                  {t(`command.${a.command}`)}
                </Button>
                {a.expectedRefusal ? (
                  <Tooltip title={a.expectedRefusal.message}>
                    <Typography.Text type="warning" style={{ fontSize: 12 }}>
                      {t('dossier.willBeRefused')}:{' '}
                      {refusalMessage(a.expectedRefusal.rule, a.expectedRefusal.message, i18n.language)}
                    </Typography.Text>
                  </Tooltip>
                ) : null}
              </Space>
            ))}
          </Space>
        ) : (
          <Typography.Text type="secondary">{actions.isLoading ? '…' : t('dossier.noActions')}</Typography.Text>
        )}
      </Card>

      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Card title={t('dossier.parts')} style={{ height: '100%' }}>
            {parts.length ? (
              <ul style={{ paddingLeft: 18, margin: 0 }} data-testid="parts">
                {parts.map((p, i) => (
                  <li key={i}>
                    <b>{t(`part.${p.kind}`)}</b>
                    {p.ref ? ` — ${p.ref}` : ''}
                    {p.copy ? ` (${t(`copyKind.${p.copy}`)})` : ''}
                  </li>
                ))}
              </ul>
            ) : (
              <Empty description={t('dossier.noParts')} />
            )}
          </Card>
        </Col>
        <Col xs={24} md={12}>
          <Card title={t('dossier.timeline')} style={{ height: '100%' }}>
            <Timeline
              data-testid="timeline"
              items={(history.data ?? []).map((e) => ({
                color:
                  e.type === 'DossierRejected' || e.type === 'DossierReturned'
                    ? 'red'
                    : e.type === 'DossierAwarded'
                      ? 'green'
                      : 'blue',
                content: (
                  <span>
                    <b>{t(`event.${e.type}`, { defaultValue: e.type })}</b> — {formatDateTime(e.occurredAt)}{' '}
                    {t('dossier.by')} {t(`role.${e.actor.role}`, { defaultValue: e.actor.role })}
                  </span>
                ),
              }))}
            />
          </Card>
        </Col>
      </Row>

      <DossierFiles dossierId={id} />
      <NomineePriority dossier={d} />

      <Card title={t('dossier.eligibility')}>
        {criteria ? (
          <Table<Criterion>
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={criteria}
            columns={[
              { title: t('dossier.rule'), dataIndex: 'rule', width: 80 },
              { title: t('dossier.criterion'), dataIndex: 'explanation' },
              { title: t('dossier.legalBasis'), dataIndex: 'legalBasis', render: (v?: string) => v ?? '—' },
              {
                title: '',
                dataIndex: 'passed',
                width: 110,
                render: (ok: boolean, c) => (
                  <Tag color={ok ? 'green' : c.severity === 'WARNING' ? 'orange' : 'red'}>
                    {ok ? t('dossier.passed') : c.severity === 'WARNING' ? t('dossier.warning') : t('dossier.failed')}
                  </Tag>
                ),
              },
            ]}
          />
        ) : (
          <Typography.Text type="secondary">{t('dossier.noEligibility')}</Typography.Text>
        )}
      </Card>
      {open ? <ActionForm action={open} onClose={() => setOpen(undefined)} onDone={() => void done()} /> : null}
    </Space>
  );
}
