import {
  App,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Form,
  Input,
  InputNumber,
  List,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Dayjs } from 'dayjs';
import { Link, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api, unwrap, type Schemas } from '../../api/client';
import { ApiErrorAlert, fieldErrors } from '../../components/ApiErrorAlert';
import { AWARDS, awardName } from '../../awards';
import { formatDate } from '../../format';
import { MovementCeremonies } from './MovementCeremonies';
import {
  DownloadButton,
  isSecretariat,
  isUnitStaff,
  lines,
  OrNone,
  type MovementState,
  type ModelState,
} from './shared';

type Movement = Schemas['MovementViewDto'];
const NEXT: Record<string, string | undefined> = {
  LAUNCHED: 'IN_PROGRESS',
  IN_PROGRESS: 'REVIEWED',
  REVIEWED: 'CLOSED',
};

/** Phong trào thi đua: the list (rounds included, as thematic movements) and, for the secretariat, the launch form. */
export function Movements() {
  const { t } = useTranslation();
  const movements = useQuery({ queryKey: ['movements'], queryFn: () => unwrap(api.GET('/api/movements', {})) });
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      {isSecretariat() ? <Launch /> : null}
      <Card
        title={
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t('emulation.movements')}
          </Typography.Title>
        }
      >
        <ApiErrorAlert error={movements.error} />
        <Table<Movement>
          rowKey="movementId"
          loading={movements.isLoading}
          dataSource={movements.data ?? []}
          pagination={{ pageSize: 20 }}
          scroll={{ x: true }}
          columns={[
            {
              title: t('emulation.name'),
              dataIndex: 'name',
              render: (name: string, m) => <Link to={`/movements/${m.movementId}`}>{name}</Link>,
            },
            { title: t('emulation.kindLabel'), dataIndex: 'kind', render: (k: string) => t(`emulation.kind.${k}`) },
            {
              title: t('emulation.period'),
              render: (_: unknown, m) => `${formatDate(m.periodFrom)} – ${formatDate(m.periodTo)}`,
            },
            {
              title: t('emulation.status'),
              dataIndex: 'status',
              render: (s: string) => <Tag data-testid="movement-status">{t(`emulation.movementStatus.${s}`)}</Tag>,
            },
          ]}
        />
      </Card>
    </Space>
  );
}

interface LaunchValues {
  name: string;
  kind: 'REGULAR' | 'THEMATIC';
  scopeLevel: 'PROVINCE' | 'BLOCK' | 'UNIT';
  scopeCode: string;
  period: [Dayjs, Dayjs];
  objectives: string;
  criteria: string;
  number: string;
  date: Dayjs;
  signer: string;
  coOrganisers?: string;
  awardCodes?: string[];
  quotas?: { awardCode?: string; max?: number }[];
  midTermReview?: Dayjs;
  finalReview: Dayjs;
}

function Launch() {
  const { t, i18n } = useTranslation();
  const [form] = Form.useForm<LaunchValues>();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const launch = useMutation({
    mutationFn: (v: LaunchValues) =>
      unwrap(
        api.POST('/api/movements', {
          body: {
            name: v.name.trim(),
            kind: v.kind,
            scope: { level: v.scopeLevel, code: v.scopeCode.trim() },
            period: { from: v.period[0].format('YYYY-MM-DD'), to: v.period[1].format('YYYY-MM-DD') },
            objectives: lines(v.objectives),
            criteria: lines(v.criteria),
            launchDecision: { number: v.number.trim(), date: v.date.format('YYYY-MM-DD'), signer: v.signer.trim() },
            coOrganisers: lines(v.coOrganisers),
            awardCodes: v.awardCodes ?? [],
            ...(v.quotas?.length
              ? { quotas: v.quotas.map((q) => ({ awardCode: q.awardCode ?? '', max: q.max ?? 0 })) }
              : {}),
            milestones: {
              ...(v.midTermReview ? { midTermReview: v.midTermReview.format('YYYY-MM-DD') } : {}),
              finalReview: v.finalReview.format('YYYY-MM-DD'),
            },
          } as never,
        }),
      ),
    onSuccess: async (m) => {
      void message.success(t('emulation.launched'));
      await queryClient.invalidateQueries({ queryKey: ['movements'] });
      void navigate(`/movements/${m.movementId}`);
    },
    onError: (e) => form.setFields(fieldErrors(e) as never),
  });
  const required = [{ required: true, message: t('form.required') }];
  return (
    <Card title={t('emulation.launchTitle')} size="small">
      <ApiErrorAlert error={launch.error} />
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) => launch.mutate(v)}
        initialValues={{ kind: 'REGULAR', scopeLevel: 'PROVINCE' }}
      >
        <Form.Item name="name" label={t('emulation.name')} rules={required}>
          <Input />
        </Form.Item>
        <Space wrap>
          <Form.Item name="kind" label={t('emulation.kindLabel')}>
            <Select
              style={{ width: 200 }}
              options={['REGULAR', 'THEMATIC'].map((k) => ({ value: k, label: t(`emulation.kind.${k}`) }))}
            />
          </Form.Item>
          <Form.Item name="scopeLevel" label={t('emulation.scope')}>
            <Select
              style={{ width: 180 }}
              options={['PROVINCE', 'BLOCK', 'UNIT'].map((k) => ({ value: k, label: t(`emulation.scopeLevel.${k}`) }))}
            />
          </Form.Item>
          <Form.Item name={['scopeCode']} label={t('emulation.scopeCode')} rules={required}>
            <Input style={{ width: 200 }} />
          </Form.Item>
          <Form.Item name="period" label={t('emulation.period')} rules={required}>
            <DatePicker.RangePicker format="DD/MM/YYYY" />
          </Form.Item>
        </Space>
        <Form.Item name="objectives" label={t('emulation.objectives')} rules={required}>
          <Input.TextArea rows={2} />
        </Form.Item>
        <Form.Item name="criteria" label={t('emulation.criteria')} rules={required}>
          <Input.TextArea rows={2} />
        </Form.Item>
        <Space wrap>
          <Form.Item name="number" label={t('emulation.decisionNumber')} rules={required}>
            <Input style={{ width: 180 }} />
          </Form.Item>
          <Form.Item name="date" label={t('emulation.decisionDate')} rules={required}>
            <DatePicker format="DD/MM/YYYY" />
          </Form.Item>
          <Form.Item name="signer" label={t('emulation.signer')} rules={required}>
            <Input style={{ width: 240 }} />
          </Form.Item>
          <Form.Item name="midTermReview" label={t('emulation.midTermReview')}>
            <DatePicker format="DD/MM/YYYY" />
          </Form.Item>
          <Form.Item name="finalReview" label={t('emulation.finalReview')} rules={required}>
            <DatePicker format="DD/MM/YYYY" />
          </Form.Item>
        </Space>
        <Form.Item name="coOrganisers" label={t('emulation.coOrganisers')}>
          <Input.TextArea rows={2} />
        </Form.Item>
        <Form.Item name="awardCodes" label={t('emulation.awards')}>
          <Select
            mode="multiple"
            optionFilterProp="label"
            options={AWARDS.map((a) => ({ value: a.code, label: awardName(a.code, i18n.language) }))}
          />
        </Form.Item>
        <Form.Item label={t('emulation.quotas')} extra={t('emulation.quotasHelp')}>
          <Form.List name="quotas">
            {(fields, { add, remove }) => (
              <Space direction="vertical" style={{ width: '100%' }}>
                {fields.map((f) => (
                  <Space key={f.key} wrap data-testid="quota-row">
                    <Form.Item name={[f.name, 'awardCode']} label={t('emulation.quotaAward')} rules={required}>
                      <Select
                        style={{ width: 320 }}
                        showSearch
                        optionFilterProp="label"
                        options={AWARDS.map((a) => ({ value: a.code, label: awardName(a.code, i18n.language) }))}
                      />
                    </Form.Item>
                    <Form.Item name={[f.name, 'max']} label={t('emulation.quotaMax')} rules={required}>
                      <InputNumber min={1} precision={0} />
                    </Form.Item>
                    <Button onClick={() => remove(f.name)}>{t('emulation.removeQuota')}</Button>
                  </Space>
                ))}
                <Button data-testid="add-quota" onClick={() => add()}>
                  {t('emulation.addQuota')}
                </Button>
              </Space>
            )}
          </Form.List>
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={launch.isPending}>
          {t('emulation.launch')}
        </Button>
      </Form>
    </Card>
  );
}

/**
 * A movement: its definition, status (the secretariat moves it forward), review reports and ceremonies, dossiers,
 * exemplary models.
 */
export function MovementPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const movement = useQuery({
    queryKey: ['movement', id],
    queryFn: () => unwrap(api.GET('/api/movements/{id}', { params: { path: { id } } })),
  });
  const models = useQuery({
    queryKey: ['models', { movementId: id }],
    queryFn: () => unwrap(api.GET('/api/exemplary-models', { params: { query: { movementId: id } } })),
  });
  const advance = useMutation({
    mutationFn: (to: string) =>
      unwrap(api.POST('/api/movements/{id}/status', { params: { path: { id } }, body: { to } as never })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['movement', id] }),
  });
  const m = movement.data;
  if (!m)
    return (
      <Card loading={movement.isLoading}>
        <ApiErrorAlert error={movement.error} />
      </Card>
    );
  const state = m.state as unknown as MovementState;
  const d = state.definition;
  const next = NEXT[m.status];
  const year = m.periodFrom.slice(0, 4);
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Card
        title={
          <Typography.Title level={3} style={{ margin: 0 }} data-testid="movement-name">
            {m.name}
          </Typography.Title>
        }
        extra={
          <Space wrap>
            {isUnitStaff() ? (
              <Button
                type="primary"
                data-testid="register-for-movement"
                onClick={() => void navigate(`/registrations?year=${year}`)}
              >
                {t('emulation.registerForMovement')}
              </Button>
            ) : null}
            {isSecretariat() && next ? (
              <Button onClick={() => advance.mutate(next)} loading={advance.isPending}>
                {t('emulation.nextStatus', { status: t(`emulation.movementStatus.${next}`) })}
              </Button>
            ) : null}
          </Space>
        }
      >
        <ApiErrorAlert error={advance.error} />
        <Descriptions column={1} size="small" bordered>
          <Descriptions.Item label={t('emulation.status')}>
            <Tag data-testid="movement-status">{t(`emulation.movementStatus.${m.status}`)}</Tag>
          </Descriptions.Item>
          <Descriptions.Item label={t('emulation.kindLabel')}>{t(`emulation.kind.${m.kind}`)}</Descriptions.Item>
          <Descriptions.Item label={t('emulation.period')}>
            {formatDate(m.periodFrom)} – {formatDate(m.periodTo)}
          </Descriptions.Item>
          {d?.launchDecision ? (
            <Descriptions.Item label={t('emulation.launchDecision')}>
              {d.launchDecision.number}, {formatDate(d.launchDecision.date)}, {d.launchDecision.signer}
            </Descriptions.Item>
          ) : null}
          <Descriptions.Item label={t('emulation.objectives')}>{(d?.objectives ?? []).join('; ')}</Descriptions.Item>
          <Descriptions.Item label={t('emulation.criteria')}>{(d?.criteria ?? []).join('; ')}</Descriptions.Item>
          <Descriptions.Item label={t('emulation.coOrganisers')}>
            {(d?.coOrganisers ?? []).join('; ')}
          </Descriptions.Item>
          <Descriptions.Item label={t('emulation.awards')}>
            {(d?.awardCodes ?? []).map((c) => awardName(c, i18n.language)).join('; ')}
          </Descriptions.Item>
          <Descriptions.Item label={t('emulation.quotas')}>
            {m.quotaUse.length === 0 ? (
              t('emulation.noQuotas')
            ) : (
              <Space direction="vertical" size={2}>
                {m.quotaUse.map((q) => (
                  <span key={q.awardCode} data-testid="movement-quota" data-award={q.awardCode}>
                    {awardName(q.awardCode, i18n.language)}: {t('emulation.quotaUse', { taken: q.taken, max: q.max })}{' '}
                    {q.taken >= q.max ? <Tag color="orange">{t('emulation.quotaFull')}</Tag> : null}
                  </span>
                ))}
              </Space>
            )}
          </Descriptions.Item>
          <Descriptions.Item label={t('emulation.midTermReview')}>
            {formatDate(d?.milestones.midTermReview)}
          </Descriptions.Item>
          <Descriptions.Item label={t('emulation.finalReview')}>
            {formatDate(d?.milestones.finalReview)}
          </Descriptions.Item>
        </Descriptions>
        <Space wrap style={{ marginTop: 16 }}>
          {(['MID_TERM', 'FINAL'] as const).map((kind) => (
            <Space key={kind}>
              <DownloadButton
                path={`/api/movements/${id}/review-report.xlsx?kind=${kind}`}
                filename={`bao-cao-${kind === 'FINAL' ? 'tong-ket' : 'so-ket'}.xlsx`}
                label={t('emulation.reportXlsx', { kind: t(`emulation.reviewKind.${kind}`) })}
                testId={`report-xlsx-${kind}`}
              />
              <DownloadButton
                path={`/api/movements/${id}/review-report.pdf?kind=${kind}`}
                filename={`bao-cao-${kind === 'FINAL' ? 'tong-ket' : 'so-ket'}.pdf`}
                label={t('emulation.reportPdf', { kind: t(`emulation.reviewKind.${kind}`) })}
              />
            </Space>
          ))}
        </Space>
      </Card>
      <MovementCeremonies movementId={id} state={state} closed={m.status === 'CLOSED'} />
      <Card title={t('emulation.dossiers')} size="small">
        <OrNone rows={m.dossiers} none={t('emulation.none')}>
          <Table
            size="small"
            rowKey={(r) => `${r.awardCode}-${r.status}`}
            pagination={false}
            dataSource={m.dossiers}
            columns={[
              { title: t('dossier.award'), dataIndex: 'awardCode', render: (c: string) => awardName(c, i18n.language) },
              { title: t('dossier.status'), dataIndex: 'status', render: (s: string) => t(`status.${s}`) },
              { title: t('emulation.count'), dataIndex: 'count' },
            ]}
          />
        </OrNone>
      </Card>
      <Card title={t('emulation.models')} size="small">
        <OrNone rows={models.data} none={t('emulation.none')}>
          <List
            dataSource={models.data ?? []}
            renderItem={(x) => (
              <List.Item>
                <Link to={`/exemplary-models/${x.modelId}`}>{x.title}</Link> — {x.subjectName}{' '}
                <Tag>{t(`emulation.stages.${x.stage}`)}</Tag>{' '}
                {(x.state as unknown as ModelState).replications.length
                  ? `(${(x.state as unknown as ModelState).replications.length} ${t('emulation.replications').toLowerCase()})`
                  : ''}
              </List.Item>
            )}
          />
        </OrNone>
      </Card>
    </Space>
  );
}
