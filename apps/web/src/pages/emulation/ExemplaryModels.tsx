import {
  App,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Form,
  Input,
  List,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api, unwrap, type Schemas } from '../../api/client';
import { session } from '../../auth/session';
import { ApiErrorAlert, fieldErrors } from '../../components/ApiErrorAlert';
import { AWARDS, awardName } from '../../awards';
import { formatDate } from '../../format';
import { isSecretariat, isUnitStaff, OrNone, todayVn, type ModelState } from './shared';

type Model = Schemas['ModelViewDto'];
const STAGES = ['FOUND', 'FOSTERED', 'REPLICATED', 'HONOURED'] as const;
const FIELDS = [
  'PRODUCTION_BUSINESS',
  'AGRICULTURE_RURAL',
  'EDUCATION',
  'HEALTH',
  'CULTURE_SOCIETY',
  'SCIENCE_TECHNOLOGY',
  'PUBLIC_ADMINISTRATION',
  'SECURITY_DEFENCE',
  'OTHER',
] as const;
const NEXT: Record<string, string | undefined> = { FOUND: 'FOSTERED', FOSTERED: 'REPLICATED', REPLICATED: 'HONOURED' };

/** Điển hình tiên tiến: the register (filter by stage), and the form a unit or the secretariat registers a model with. */
export function ExemplaryModels() {
  const { t } = useTranslation();
  const [stage, setStage] = useState<string | undefined>();
  const models = useQuery({
    queryKey: ['models', { stage }],
    queryFn: () => unwrap(api.GET('/api/exemplary-models', { params: { query: (stage ? { stage } : {}) as never } })),
  });
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      {isUnitStaff() || isSecretariat() ? <RegisterModel /> : null}
      <Card
        title={
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t('emulation.models')}
          </Typography.Title>
        }
        extra={
          <Select
            allowClear
            aria-label={t('emulation.stage')}
            style={{ width: 180 }}
            placeholder={t('emulation.stage')}
            value={stage}
            onChange={setStage}
            options={STAGES.map((s) => ({ value: s, label: t(`emulation.stages.${s}`) }))}
          />
        }
      >
        <ApiErrorAlert error={models.error} />
        <Table<Model>
          rowKey="modelId"
          loading={models.isLoading}
          dataSource={models.data ?? []}
          pagination={{ pageSize: 20 }}
          scroll={{ x: true }}
          columns={[
            {
              title: t('emulation.modelTitle'),
              dataIndex: 'title',
              render: (title: string, m) => <Link to={`/exemplary-models/${m.modelId}`}>{title}</Link>,
            },
            { title: t('emulation.subject'), dataIndex: 'subjectName' },
            { title: t('emulation.unit'), dataIndex: 'unitCode' },
            { title: t('emulation.field'), dataIndex: 'field', render: (f: string) => t(`emulation.fields.${f}`) },
            {
              title: t('emulation.stage'),
              dataIndex: 'stage',
              render: (s: string) => <Tag data-testid="model-stage">{t(`emulation.stages.${s}`)}</Tag>,
            },
            { title: t('emulation.foundOn'), dataIndex: 'foundOn', render: (d: string) => formatDate(d) },
          ]}
        />
      </Card>
    </Space>
  );
}

interface ModelValues {
  title: string;
  summary: string;
  kind: 'INDIVIDUAL' | 'COLLECTIVE';
  name: string;
  position?: string;
  unitCode?: string;
  field: string;
  movementId?: string;
  foundOn: Dayjs;
  evidence?: { title: string; ref: string }[];
}

function RegisterModel() {
  const { t } = useTranslation();
  const [form] = Form.useForm<ModelValues>();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const movements = useQuery({ queryKey: ['movements'], queryFn: () => unwrap(api.GET('/api/movements', {})) });
  const register = useMutation({
    mutationFn: (v: ModelValues) =>
      unwrap(
        api.POST('/api/exemplary-models', {
          body: {
            title: v.title.trim(),
            summary: v.summary.trim(),
            field: v.field as never,
            foundOn: v.foundOn.format('YYYY-MM-DD'),
            subject: {
              kind: v.kind,
              name: v.name.trim(),
              ...(v.position?.trim() && v.kind === 'INDIVIDUAL' ? { position: v.position.trim() } : {}),
              ...(v.unitCode?.trim() ? { unitCode: v.unitCode.trim() } : {}),
            },
            ...(v.movementId ? { movementId: v.movementId } : {}),
            evidence: (v.evidence ?? []).filter((e) => e?.title && e?.ref),
          },
        }),
      ),
    onSuccess: async (m) => {
      void message.success(t('emulation.registered'));
      await queryClient.invalidateQueries({ queryKey: ['models'] });
      void navigate(`/exemplary-models/${m.modelId}`);
    },
    onError: (e) => form.setFields(fieldErrors(e) as never),
  });
  const required = [{ required: true, message: t('form.required') }];
  const kind = Form.useWatch('kind', form);
  return (
    <Card title={t('emulation.registerModel')} size="small">
      <ApiErrorAlert error={register.error} />
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) => register.mutate(v)}
        initialValues={{ kind: 'INDIVIDUAL', field: 'EDUCATION', foundOn: dayjs(todayVn()) }}
      >
        <Form.Item name="title" label={t('emulation.modelTitle')} rules={required}>
          <Input data-testid="model-title" />
        </Form.Item>
        <Form.Item name="summary" label={t('emulation.summary')} rules={required}>
          <Input.TextArea rows={3} data-testid="model-summary" />
        </Form.Item>
        <Space wrap>
          <Form.Item name="kind" label={t('emulation.subject')}>
            <Select
              style={{ width: 130 }}
              options={['INDIVIDUAL', 'COLLECTIVE'].map((k) => ({ value: k, label: t(`emulation.subjectKind.${k}`) }))}
            />
          </Form.Item>
          <Form.Item name="name" label={t('emulation.subjectName')} rules={required}>
            <Input style={{ width: 260 }} data-testid="model-subject" />
          </Form.Item>
          {kind === 'INDIVIDUAL' ? (
            <Form.Item name="position" label={t('emulation.position')}>
              <Input style={{ width: 220 }} />
            </Form.Item>
          ) : null}
          {isSecretariat() ? (
            <Form.Item name="unitCode" label={t('emulation.unit')} rules={required}>
              <Input style={{ width: 160 }} />
            </Form.Item>
          ) : null}
        </Space>
        <Space wrap>
          <Form.Item name="field" label={t('emulation.field')}>
            <Select
              style={{ width: 240 }}
              options={FIELDS.map((f) => ({ value: f, label: t(`emulation.fields.${f}`) }))}
            />
          </Form.Item>
          <Form.Item name="movementId" label={t('emulation.movement')}>
            <Select
              allowClear
              style={{ width: 360 }}
              placeholder={t('emulation.noMovement')}
              data-testid="model-movement"
              options={(movements.data ?? []).map((m) => ({ value: m.movementId, label: m.name }))}
              optionFilterProp="label"
              showSearch
            />
          </Form.Item>
          <Form.Item name="foundOn" label={t('emulation.foundOn')} rules={required}>
            <DatePicker format="DD/MM/YYYY" />
          </Form.Item>
        </Space>
        <Form.List name="evidence">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Space key={f.key} wrap align="baseline">
                  <Form.Item name={[f.name, 'title']} rules={required}>
                    <Input
                      aria-label={t('emulation.evidenceTitle')}
                      placeholder={t('emulation.evidenceTitle')}
                      style={{ width: 260 }}
                    />
                  </Form.Item>
                  <Form.Item name={[f.name, 'ref']} rules={required}>
                    <Input
                      aria-label={t('emulation.evidenceRef')}
                      placeholder={t('emulation.evidenceRef')}
                      style={{ width: 260 }}
                    />
                  </Form.Item>
                  <Button onClick={() => remove(f.name)}>−</Button>
                </Space>
              ))}
              <Form.Item>
                <Button onClick={() => add()}>{t('emulation.addEvidence')}</Button>
              </Form.Item>
            </>
          )}
        </Form.List>
        <Button type="primary" htmlType="submit" loading={register.isPending} data-testid="model-save">
          {t('emulation.save')}
        </Button>
      </Form>
    </Card>
  );
}

/** One model: subject, evidence, replicating units, proposals; the stage, replication and proposal actions. */
export function ExemplaryModelPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [note, setNote] = useState('');
  const [proposal, setProposal] = useState<{ awardCode?: string; achievementDate: Dayjs }>({
    achievementDate: dayjs(todayVn()),
  });
  const model = useQuery({
    queryKey: ['model', id],
    queryFn: () => unwrap(api.GET('/api/exemplary-models/{id}', { params: { path: { id } } })),
  });
  const movementId = model.data?.movementId ?? '';
  const movement = useQuery({
    queryKey: ['movement', movementId],
    enabled: Boolean(movementId),
    queryFn: () => unwrap(api.GET('/api/movements/{id}', { params: { path: { id: movementId } } })),
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['model', id] });
  const advance = useMutation({
    mutationFn: (to: string) =>
      unwrap(
        api.POST('/api/exemplary-models/{id}/stage', {
          params: { path: { id } },
          body: { to: to as never, ...(note.trim() ? { note: note.trim() } : {}) },
        }),
      ),
    onSuccess: refresh,
  });
  const replicate = useMutation({
    mutationFn: () =>
      unwrap(api.POST('/api/exemplary-models/{id}/replications', { params: { path: { id } }, body: {} })),
    onSuccess: async () => {
      void message.success(t('emulation.replicated'));
      await refresh();
    },
  });
  const propose = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/exemplary-models/{id}/proposal', {
          params: { path: { id } },
          body: {
            awardCode: (proposal.awardCode ?? '') as never,
            achievementDate: proposal.achievementDate.format('YYYY-MM-DD'),
          },
        }),
      ),
    onSuccess: (r) => {
      void message.success(t('emulation.proposed'));
      void navigate(`/dossiers/${r.dossier.id}`);
    },
  });
  const m = model.data;
  if (!m)
    return (
      <Card loading={model.isLoading}>
        <ApiErrorAlert error={model.error} />
      </Card>
    );
  const s = m.state as unknown as ModelState;
  const me = session.me();
  const next = NEXT[m.stage];
  const mayAdvance = isSecretariat() || (me?.role === 'UNIT_HEAD' && me.unitCode === m.unitCode);
  const mayReplicate =
    isUnitStaff() &&
    me?.unitCode !== m.unitCode &&
    m.stage !== 'FOUND' &&
    !s.replications.some((r) => r.unitCode === me?.unitCode);
  const mayPropose = me?.role === 'UNIT_CLERK' && me.unitCode === m.unitCode && m.stage !== 'FOUND';
  const subjectAwards = AWARDS.filter((a) => a.subjects.includes(m.subjectKind as never));
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }} data-testid="model-page">
      <Card
        title={
          <Typography.Title level={3} style={{ margin: 0 }}>
            {m.title}
          </Typography.Title>
        }
      >
        <ApiErrorAlert error={advance.error ?? replicate.error ?? propose.error} />
        <Descriptions column={1} size="small" bordered>
          <Descriptions.Item label={t('emulation.stage')}>
            <Tag data-testid="model-stage">{t(`emulation.stages.${m.stage}`)}</Tag>
          </Descriptions.Item>
          <Descriptions.Item label={t('emulation.subject')}>
            {m.subjectName}
            {s.definition?.subject.position ? `, ${s.definition.subject.position}` : ''} (
            {t(`emulation.subjectKind.${m.subjectKind}`)}) — {m.unitCode}
          </Descriptions.Item>
          <Descriptions.Item label={t('emulation.field')}>{t(`emulation.fields.${m.field}`)}</Descriptions.Item>
          <Descriptions.Item label={t('emulation.movement')}>
            {m.movementId ? (
              <Link to={`/movements/${m.movementId}`}>{movement.data?.name ?? t('emulation.movement')}</Link>
            ) : (
              t('emulation.noMovement')
            )}
          </Descriptions.Item>
          <Descriptions.Item label={t('emulation.foundOn')}>{formatDate(m.foundOn)}</Descriptions.Item>
          <Descriptions.Item label={t('emulation.summary')}>{s.definition?.summary}</Descriptions.Item>
        </Descriptions>
        {mayAdvance && next ? (
          <Space wrap style={{ marginTop: 16 }}>
            <Input
              aria-label={t('emulation.stageNote')}
              style={{ width: 360 }}
              placeholder={t('emulation.stageNote')}
              value={note}
              onChange={(e) => setNote(e.target.value)}
            />
            <Button onClick={() => advance.mutate(next)} loading={advance.isPending} data-testid="model-advance">
              {t('emulation.advanceTo', { stage: t(`emulation.stages.${next}`) })}
            </Button>
          </Space>
        ) : null}
        {mayReplicate ? (
          <div style={{ marginTop: 16 }}>
            <Button onClick={() => replicate.mutate()} loading={replicate.isPending}>
              {t('emulation.replicate')}
            </Button>
          </div>
        ) : null}
      </Card>
      <Card title={t('emulation.evidence')} size="small">
        <OrNone rows={s.definition?.evidence} none={t('emulation.none')}>
          <List
            size="small"
            dataSource={s.definition?.evidence ?? []}
            renderItem={(e) => (
              <List.Item>
                {e.title} — {e.ref}
              </List.Item>
            )}
          />
        </OrNone>
      </Card>
      <Card title={t('emulation.replications')} size="small">
        <OrNone rows={s.replications} none={t('emulation.none')}>
          <List
            size="small"
            dataSource={s.replications}
            renderItem={(r) => (
              <List.Item>
                {r.unitName} ({formatDate(r.on)}){r.note ? ` — ${r.note}` : ''}
              </List.Item>
            )}
          />
        </OrNone>
      </Card>
      <Card title={t('emulation.proposals')} size="small">
        <OrNone rows={s.proposals} none={t('emulation.none')}>
          <List
            size="small"
            dataSource={s.proposals}
            renderItem={(p) => (
              <List.Item>
                {awardName(p.awardCode, i18n.language)} ({formatDate(p.on)}){' '}
                <Link to={`/dossiers/${p.dossierId}`}>{t('emulation.openDossier')}</Link>
              </List.Item>
            )}
          />
        </OrNone>
        {mayPropose ? (
          <Space direction="vertical" style={{ marginTop: 12 }}>
            <Typography.Text type="secondary">{t('emulation.proposeHelp')}</Typography.Text>
            <Space wrap>
              <Select
                aria-label={t('emulation.awards')}
                style={{ width: 320 }}
                placeholder={t('emulation.awards')}
                value={proposal.awardCode}
                onChange={(awardCode) => setProposal({ ...proposal, awardCode })}
                options={subjectAwards.map((a) => ({ value: a.code, label: awardName(a.code, i18n.language) }))}
              />
              <DatePicker
                aria-label={t('emulation.achievementDate')}
                format="DD/MM/YYYY"
                value={proposal.achievementDate}
                onChange={(d) => d && setProposal({ ...proposal, achievementDate: d })}
              />
              <Button
                type="primary"
                disabled={!proposal.awardCode}
                onClick={() => propose.mutate()}
                loading={propose.isPending}
              >
                {t('emulation.propose')}
              </Button>
            </Space>
          </Space>
        ) : null}
      </Card>
    </Space>
  );
}
