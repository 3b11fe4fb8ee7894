import { useState } from 'react';
import {
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Form,
  Input,
  Modal,
  Popconfirm,
  Result,
  Row,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api, ApiError, unwrap } from '../api/client';
import { castBallot, type ItemTally, type SessionHistoryEntry, type SessionView } from '../api/sessions';
import { session as auth } from '../auth/session';
import { ApiErrorAlert } from '../components/ApiErrorAlert';
import { DocumentLinks } from '../components/DocumentLinks';
import { awardName } from '../awards';
import { formatDate, formatDateTime } from '../format';
import { sessionStatusTag } from './Sessions';

type Attendance = 'PRESENT' | 'ABSENT' | 'WRITTEN_VOTE';
const ATTENDANCE: Attendance[] = ['PRESENT', 'ABSENT', 'WRITTEN_VOTE'];
const SECRETARIAT = ['SECRETARIAT_OFFICER', 'SECRETARIAT_HEAD'];

/** What the stream says about ballots: who took part in each item, and the open choices (open ballots only). */
function ballotsOf(history: SessionHistoryEntry[]) {
  const tookPart = new Map<string, Set<string>>();
  const open = new Map<string, boolean>();
  for (const e of history) {
    const dossierId = String(e.data.dossierId ?? '');
    const memberId = String(e.data.memberId ?? '');
    if (e.type === 'SessionOpenVoteCast' || e.type === 'SessionSecretBallotTakenPart') {
      tookPart.set(dossierId, (tookPart.get(dossierId) ?? new Set()).add(memberId));
    }
    if (e.type === 'SessionOpenVoteCast') open.set(`${dossierId}:${memberId}`, e.data.approve === true);
  }
  return { tookPart, open };
}

/**
 * The council session room: agenda, attendance, conflicts, open and secret ballots, closing by the chair, then the
 * tallies, the minutes and (the provincial chairman) the session's one decision.
 */
export function SessionPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const me = auth.me();
  const role = me?.role ?? '';
  const path = { params: { path: { id } } };
  const view = useQuery({
    queryKey: ['session', id],
    queryFn: async () => unwrap(api.GET('/api/council-sessions/{id}', path)),
  });
  const history = useQuery({
    queryKey: ['session', id, 'history'],
    enabled: view.isSuccess,
    queryFn: async () => unwrap(api.GET('/api/council-sessions/{id}/history', path)),
  });
  // Only WHICH item is being voted on is kept while the call runs, never the choice.
  const [voting, setVoting] = useState<string>();
  const [voteError, setVoteError] = useState<unknown>();
  const [conflictFor, setConflictFor] = useState<string>();
  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: ['session', id] });
    await queryClient.invalidateQueries({ queryKey: ['me'] });
    await queryClient.invalidateQueries({ queryKey: ['sessions'] });
  };
  const attendance = useMutation({
    mutationFn: (b: { memberId: string; attendance: Attendance }) =>
      unwrap(api.POST('/api/council-sessions/{id}/attendance', { ...path, body: b })),
    onSuccess: refresh,
  });
  const close = useMutation({
    mutationFn: () => unwrap(api.POST('/api/council-sessions/{id}/close', path)),
    onSuccess: refresh,
  });

  if (view.error instanceof ApiError && [403, 404].includes(view.error.status))
    return <Result status="404" title={t('session.notVisible')} data-testid="not-visible" />;
  if (view.error) return <ApiErrorAlert error={view.error} />;
  const s = view.data;
  if (!s || !me) return <Card loading />;

  const isMember = s.members.some((m) => m.userId === me.userId);
  const isChair = isMember && role === 'COUNCIL_CHAIR';
  const mayRecordAll = SECRETARIAT.includes(role) || isChair;
  const { tookPart, open } = ballotsOf(history.data ?? []);
  const name = (userId: string) => s.members.find((m) => m.userId === userId)?.fullName ?? userId;

  const vote = async (dossierId: string, approve: boolean) => {
    setVoting(dossierId);
    setVoteError(undefined);
    try {
      await castBallot(s.id, dossierId, approve);
      void message.success(t('session.ballotRecorded'));
    } catch (e) {
      setVoteError(e);
    } finally {
      setVoting(undefined);
      await refresh();
    }
  };

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Card
        title={
          <Typography.Title level={3} style={{ margin: 0, whiteSpace: 'normal' }} data-testid="session-title">
            {s.title}
          </Typography.Title>
        }
        extra={sessionStatusTag(s, t)}
      >
        <Descriptions column={{ xs: 1, md: 2 }} size="small" bordered>
          <Descriptions.Item label={t('session.deadline')}>{formatDate(s.deadline)}</Descriptions.Item>
          <Descriptions.Item label={t('session.convenedAt')}>{formatDateTime(s.convenedAt)}</Descriptions.Item>
          <Descriptions.Item label={t('session.members')}>{s.members.length}</Descriptions.Item>
          {s.closedAt ? (
            <Descriptions.Item label={t('session.closedAt')}>{formatDateTime(s.closedAt)}</Descriptions.Item>
          ) : null}
          {s.decisionNumber ? (
            <Descriptions.Item label={t('session.decisionNumber')}>
              <b data-testid="session-decision-number">{s.decisionNumber}</b>
            </Descriptions.Item>
          ) : null}
        </Descriptions>
        <Space wrap style={{ marginTop: 16 }}>
          {s.status === 'OPEN' && (isChair || SECRETARIAT.includes(role)) ? (
            <Popconfirm
              title={t('session.closeConfirm')}
              okText={t('dossier.confirm')}
              cancelText={t('dossier.cancel')}
              onConfirm={() => close.mutate()}
              okButtonProps={{ id: 'close-confirm' }}
            >
              <Button danger type="primary" loading={close.isPending} data-testid="close-session">
                {t('session.close')}
              </Button>
            </Popconfirm>
          ) : null}
          {s.status === 'CLOSED' ? (
            <Link to={`/council-sessions/${s.id}/minutes`} data-testid="minutes-link">
              <Button>{t('session.minutes')}</Button>
            </Link>
          ) : null}
        </Space>
        <div style={{ marginTop: 16 }}>
          <ApiErrorAlert error={close.error ?? attendance.error} />
        </div>
      </Card>

      {s.status === 'CLOSED' ? <DocumentLinks subject="session" id={s.id} /> : null}

      <Card title={t('session.attendanceTitle')} data-testid="attendance">
        <Table
          size="small"
          rowKey="userId"
          pagination={false}
          dataSource={s.members}
          scroll={{ x: true }}
          columns={[
            { title: t('session.member'), dataIndex: 'fullName' },
            { title: t('tasks.unit'), dataIndex: 'unitCode', render: (u: string | null) => u ?? '—' },
            {
              title: t('session.attendanceTitle'),
              render: (_: unknown, m: SessionView['members'][number]) => {
                const now = s.attendance[m.userId];
                if (s.status === 'OPEN' && mayRecordAll) {
                  return (
                    <Select<Attendance>
                      size="small"
                      style={{ minWidth: 160 }}
                      data-testid={`attendance-${m.userId}`}
                      aria-label={`${t('session.attendanceTitle')}: ${m.fullName}`}
                      placeholder={t('session.notRecorded')}
                      value={now}
                      options={ATTENDANCE.map((a) => ({ value: a, label: t(`session.attendance.${a}`) }))}
                      onChange={(a) => attendance.mutate({ memberId: m.userId, attendance: a })}
                    />
                  );
                }
                if (s.status === 'OPEN' && m.userId === me.userId && !now) {
                  return (
                    <Button
                      size="small"
                      type="primary"
                      data-testid="attend-self"
                      loading={attendance.isPending}
                      onClick={() => attendance.mutate({ memberId: m.userId, attendance: 'PRESENT' })}
                    >
                      {t('session.iAmPresent')}
                    </Button>
                  );
                }
                return now ? (
                  <Tag color={now === 'PRESENT' ? 'green' : now === 'ABSENT' ? 'default' : 'gold'}>
                    {t(`session.attendance.${now}`)}
                  </Tag>
                ) : (
                  <Typography.Text type="secondary">{t('session.notRecorded')}</Typography.Text>
                );
              },
            },
          ]}
        />
      </Card>

      <Card title={t('session.agenda')} data-testid="agenda">
        <ApiErrorAlert error={voteError} />
        <Row gutter={[16, 16]}>
          {s.agenda.map((item) => {
            const recusal = s.recusals.find((r) => r.memberId === me.userId && r.dossierId === item.dossierId);
            const took = tookPart.get(item.dossierId) ?? new Set<string>();
            const mine = took.has(me.userId);
            const myOpenChoice = open.get(`${item.dossierId}:${me.userId}`);
            const tallyOf = s.tallies?.find((x) => x.dossierId === item.dossierId);
            return (
              <Col xs={24} md={12} key={item.dossierId}>
                <Card
                  size="small"
                  data-testid={`item-${item.dossierId}`}
                  data-ballot={item.ballot}
                  title={<Link to={`/dossiers/${item.dossierId}`}>{item.nomineeName}</Link>}
                  extra={
                    <Tag color={item.ballot === 'SECRET' ? 'purple' : 'blue'}>{t(`session.ballot.${item.ballot}`)}</Tag>
                  }
                >
                  <p style={{ margin: '0 0 8px' }}>
                    {awardName(item.awardCode, i18n.language)} — {item.unitCode}
                  </p>
                  <p style={{ margin: '0 0 8px' }}>
                    {t('session.ballotsIn')}: {took.size} / {s.members.length}
                  </p>
                  {s.recusals
                    .filter((r) => r.dossierId === item.dossierId)
                    .map((r) => (
                      <p key={r.memberId} style={{ margin: '0 0 8px' }}>
                        <Tag color="orange">{t('session.recused')}</Tag>
                        {name(r.memberId)}: {t(`session.recusal.${r.reason}`, { defaultValue: r.reason })}
                        {r.detail ? ` — ${r.detail}` : ''}
                      </p>
                    ))}
                  {tallyOf ? <TallyLine tally={tallyOf} /> : null}
                  {isMember && s.status === 'OPEN' ? (
                    recusal ? (
                      <Typography.Text type="secondary">{t('session.youAreRecused')}</Typography.Text>
                    ) : mine ? (
                      item.ballot === 'SECRET' ? (
                        <Typography.Text type="success" data-testid="secret-cast">
                          {t('session.secretCast')}
                        </Typography.Text>
                      ) : (
                        <Typography.Text type="success" data-testid="open-cast">
                          {t('session.openCast')}: {myOpenChoice ? t('form.agree') : t('form.disagree')}
                        </Typography.Text>
                      )
                    ) : (
                      <Space wrap>
                        <Popconfirm
                          title={item.ballot === 'SECRET' ? t('session.secretConfirm') : t('session.voteConfirm')}
                          okText={t('dossier.confirm')}
                          cancelText={t('dossier.cancel')}
                          onConfirm={() => vote(item.dossierId, true)}
                          okButtonProps={{ className: 'vote-confirm' }}
                        >
                          <Button type="primary" loading={voting === item.dossierId} data-testid="vote-approve">
                            {t('form.agree')}
                          </Button>
                        </Popconfirm>
                        <Popconfirm
                          title={item.ballot === 'SECRET' ? t('session.secretConfirm') : t('session.voteConfirm')}
                          okText={t('dossier.confirm')}
                          cancelText={t('dossier.cancel')}
                          onConfirm={() => vote(item.dossierId, false)}
                          okButtonProps={{ className: 'vote-confirm' }}
                        >
                          <Button danger loading={voting === item.dossierId} data-testid="vote-reject">
                            {t('form.disagree')}
                          </Button>
                        </Popconfirm>
                        <Button
                          type="link"
                          data-testid="declare-conflict"
                          onClick={() => setConflictFor(item.dossierId)}
                        >
                          {t('session.declareConflict')}
                        </Button>
                      </Space>
                    )
                  ) : null}
                </Card>
              </Col>
            );
          })}
        </Row>
      </Card>

      {s.status === 'CLOSED' ? <Tallies s={s} /> : null}
      {s.status === 'CLOSED' && (role === 'PROVINCIAL_DECIDER' || s.decision) ? (
        <SessionDecisionCard s={s} onDone={refresh} />
      ) : null}
      {conflictFor ? (
        <ConflictForm
          sessionId={s.id}
          dossierId={conflictFor}
          onClose={() => setConflictFor(undefined)}
          onDone={() => {
            setConflictFor(undefined);
            void refresh();
          }}
        />
      ) : null}
    </Space>
  );
}

function TallyLine({ tally }: { tally: ItemTally }) {
  const { t } = useTranslation();
  return (
    <p style={{ margin: '0 0 8px' }}>
      <Tag color={tally.passed ? 'green' : 'red'}>{tally.passed ? t('session.passed') : t('session.notPassed')}</Tag>
      {t('session.approvals')}: {tally.approvals} · {t('session.rejections')}: {tally.rejections}
    </p>
  );
}

function Tallies({ s }: { s: SessionView }) {
  const { t, i18n } = useTranslation();
  const item = (dossierId: string) => s.agenda.find((a) => a.dossierId === dossierId);
  return (
    <Card title={t('session.tallies')} data-testid="tallies">
      <Table<ItemTally>
        size="small"
        rowKey="dossierId"
        pagination={false}
        scroll={{ x: true }}
        dataSource={s.tallies ?? []}
        columns={[
          {
            title: t('session.item'),
            render: (_: unknown, x) => (
              <Link to={`/dossiers/${x.dossierId}`}>{item(x.dossierId)?.nomineeName ?? x.dossierId}</Link>
            ),
          },
          {
            title: t('dossier.award'),
            render: (_: unknown, x) => awardName(item(x.dossierId)?.awardCode ?? '', i18n.language),
          },
          { title: t('session.ballotLabel'), dataIndex: 'ballot', render: (b: string) => t(`session.ballot.${b}`) },
          { title: t('session.members'), dataIndex: 'members' },
          { title: t('session.present'), dataIndex: 'present' },
          { title: t('session.approvals'), dataIndex: 'approvals' },
          { title: t('session.rejections'), dataIndex: 'rejections' },
          { title: t('session.recused'), dataIndex: 'recused' },
          {
            title: t('session.result'),
            dataIndex: 'passed',
            render: (p: boolean, x) => (
              <Tag color={p ? 'green' : 'red'}>
                {p ? t('session.passed') : x.quorumMet ? t('session.notPassed') : t('session.noQuorum')}
              </Tag>
            ),
          },
        ]}
      />
    </Card>
  );
}

/** The provincial chairman signs one decision for the session's passed dossiers; the number shows once signed. */
function SessionDecisionCard({ s, onDone }: { s: SessionView; onDone: () => Promise<void> }) {
  const { t } = useTranslation();
  const [basis, setBasis] = useState('');
  const [key] = useState(() => crypto.randomUUID());
  const sign = useMutation({
    mutationFn: async () => {
      const legalBasis = basis
        .split('\n')
        .map((x) => x.trim())
        .filter(Boolean);
      return unwrap(
        api.POST('/api/council-sessions/{id}/decision', {
          params: { path: { id: s.id }, header: { 'Idempotency-Key': key } },
          body: legalBasis.length ? { legalBasis } : {},
        }),
      );
    },
    onSuccess: onDone,
  });
  const d = s.decision ?? sign.data;
  const name = (id: string) => s.agenda.find((a) => a.dossierId === id)?.nomineeName ?? id;
  return (
    <Card title={t('session.decisionTitle')} data-testid="session-decision">
      <ApiErrorAlert error={sign.error} />
      {d ? (
        <Descriptions column={1} size="small" bordered>
          <Descriptions.Item label={t('session.decisionNumber')}>
            <b data-testid="decision-number">{d.number}</b>
          </Descriptions.Item>
          <Descriptions.Item label={t('session.signedOn')}>{formatDate(d.signedOn)}</Descriptions.Item>
          <Descriptions.Item label={t('dossier.legalBasis')}>{d.legalBasis.join('; ') || '—'}</Descriptions.Item>
          <Descriptions.Item label={t('session.awarded')}>{d.dossierIds.map(name).join(', ') || '—'}</Descriptions.Item>
          {d.refused.length ? (
            <Descriptions.Item label={t('session.refusedItems')}>
              {d.refused.map((r) => `${name(r.dossierId)}: ${r.reason}`).join('; ')}
            </Descriptions.Item>
          ) : null}
        </Descriptions>
      ) : (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Typography.Text>{t('session.decisionHelp')}</Typography.Text>
          <Input.TextArea
            id="decision-basis"
            aria-label={t('session.legalBasisPlaceholder')}
            rows={3}
            placeholder={t('session.legalBasisPlaceholder')}
            value={basis}
            onChange={(e) => setBasis(e.target.value)}
          />
          <Popconfirm
            title={t('session.signConfirm')}
            okText={t('dossier.confirm')}
            cancelText={t('dossier.cancel')}
            onConfirm={() => sign.mutate()}
            okButtonProps={{ id: 'sign-confirm' }}
          >
            <Button type="primary" loading={sign.isPending} data-testid="sign-decision">
              {t('session.sign')}
            </Button>
          </Popconfirm>
        </Space>
      )}
    </Card>
  );
}

function ConflictForm({
  sessionId,
  dossierId,
  onClose,
  onDone,
}: {
  sessionId: string;
  dossierId: string;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason: string }>();
  const declare = useMutation({
    mutationFn: (v: { reason: string }) =>
      unwrap(
        api.POST('/api/council-sessions/{id}/conflicts', {
          params: { path: { id: sessionId } },
          body: { dossierId, reason: v.reason.trim() },
        }),
      ),
    onSuccess: onDone,
  });
  return (
    <Modal
      open
      title={t('session.declareConflict')}
      okText={t('form.send')}
      cancelText={t('dossier.cancel')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={declare.isPending}
      okButtonProps={{ id: 'conflict-send' }}
      destroyOnHidden
    >
      <ApiErrorAlert error={declare.error} />
      <Form form={form} layout="vertical" onFinish={(v) => declare.mutate(v)}>
        <Form.Item
          name="reason"
          htmlFor="conflict-reason"
          label={t('form.reason')}
          rules={[{ required: true, min: 3, message: t('form.required') }]}
        >
          <Input.TextArea id="conflict-reason" rows={3} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** The minutes (biên bản) as the API writes them, in a printable page. */
export function SessionMinutes() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const minutes = useQuery({
    queryKey: ['session', id, 'minutes'],
    queryFn: async () =>
      String(
        await unwrap(api.GET('/api/council-sessions/{id}/minutes', { params: { path: { id } }, parseAs: 'text' })),
      ),
  });
  return (
    <Card
      className="printable"
      title={
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('session.minutes')}
        </Typography.Title>
      }
      extra={
        <Space className="no-print">
          <Link to={`/council-sessions/${id}`}>{t('session.back')}</Link>
          <Button type="primary" onClick={() => window.print()}>
            {t('session.print')}
          </Button>
        </Space>
      }
    >
      <style>
        {
          '@media print { .ant-layout-header, .no-print { display: none !important; } .printable { border: none !important; } }'
        }
      </style>
      <ApiErrorAlert error={minutes.error} />
      <pre
        data-testid="minutes"
        style={{ whiteSpace: 'pre-wrap', fontFamily: '"Times New Roman", serif', fontSize: 15, margin: 0 }}
      >
        {minutes.data ?? ''}
      </pre>
    </Card>
  );
}
