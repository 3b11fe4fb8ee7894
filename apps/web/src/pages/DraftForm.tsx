import { useEffect, useMemo } from 'react';
import {
  App,
  Button,
  Card,
  Checkbox,
  Col,
  DatePicker,
  Divider,
  Form,
  Input,
  InputNumber,
  Row,
  Select,
  Space,
  Typography,
} from 'antd';
import { MinusCircleOutlined } from './icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api, unwrap, type Schemas } from '../api/client';
import { ApiErrorAlert, fieldErrors } from '../components/ApiErrorAlert';
import { AWARDS } from '../awards';

type Create = Schemas['CreateDossierDto'];
type Record_ = Schemas['DeclaredRecordDto'];
type Part = Schemas['DossierPartDto'];
const RATINGS = ['HTXS', 'HTTNV', 'HTNV', 'KHTNV'];
const PART_KINDS = [
  'TO_TRINH',
  'BAO_CAO_THANH_TICH',
  'BIEN_BAN',
  'KET_QUA_BO_PHIEU_KIN',
  'ELECTRONIC_FILES',
  'EVIDENCE',
  'OBLIGATIONS_CONFIRMATION',
] as const;
const COPIES = ['ORIGINAL', 'CERTIFIED_COPY', 'PLAIN_COPY'] as const;

interface Values {
  awardCode: string;
  title: string;
  nominee: {
    kind: 'INDIVIDUAL' | 'COLLECTIVE' | 'HOUSEHOLD';
    fullName: string;
    position?: string;
    citizenId?: string;
    birthDate?: Dayjs;
  };
  achievements: string;
  evaluationYear: number;
  ratings: { year: number; rating: string }[];
  awards: { awardCode: string; year: number; decisionDate?: Dayjs }[];
  parts: { kind: Part['kind']; ref?: string; copy?: Part['copy']; confirmedBySubmittingLevel?: boolean }[];
}

const lastYear = new Date().getFullYear() - 1;
const DEFAULTS: Partial<Values> = {
  nominee: { kind: 'INDIVIDUAL', fullName: '' },
  evaluationYear: lastYear,
  ratings: [
    { year: lastYear - 1, rating: 'HTXS' },
    { year: lastYear, rating: 'HTXS' },
  ],
  awards: [],
  parts: [
    { kind: 'TO_TRINH', copy: 'ORIGINAL' },
    { kind: 'BAO_CAO_THANH_TICH', copy: 'ORIGINAL' },
    { kind: 'BIEN_BAN', copy: 'ORIGINAL' },
  ],
};

function recordOf(v: Values): Record_ {
  return {
    evaluationYear: v.evaluationYear,
    ratings: (v.ratings ?? []).map((r) => ({ year: r.year, rating: r.rating as 'HTXS' })),
    awards: (v.awards ?? []).map((a) => ({
      awardCode: a.awardCode as Create['awardCode'],
      year: a.year,
      decisionDate: a.decisionDate ? a.decisionDate.format('YYYY-MM-DD') : `${a.year}-12-31`,
      achievementId: `${a.awardCode}-${a.year}`,
    })),
    initiatives: [],
    collectiveYears: [],
  };
}
const partsOf = (v: Values): Part[] =>
  (v.parts ?? []).map((p) => ({
    kind: p.kind,
    ...(p.ref ? { ref: p.ref } : {}),
    ...(p.copy ? { copy: p.copy } : {}),
    ...(p.confirmedBySubmittingLevel ? { confirmedBySubmittingLevel: true } : {}),
  }));

/** A unit clerk's draft: create it, or edit one in DRAFT, RETURNED or SUPPLEMENT_REQUESTED. */
export function DraftForm() {
  const { id } = useParams();
  // One idempotency key per form: a retried save never creates a second dossier.
  const idempotencyKey = useMemo(() => crypto.randomUUID(), []);
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const editing = Boolean(id);
  const history = useQuery({
    queryKey: ['dossier', id, 'history'],
    enabled: editing,
    queryFn: async () =>
      (await unwrap(api.GET('/api/dossiers/{id}/history', { params: { path: { id: id ?? '' } } }))) as unknown as {
        type: string;
        data: Record<string, unknown>;
      }[],
  });
  useEffect(() => {
    if (!history.data) return;
    const v: Record<string, unknown> = {};
    for (const e of history.data)
      if (e.type === 'DossierCreated' || e.type === 'DossierContentUpdated')
        Object.assign(v, Object.fromEntries(Object.entries(e.data).filter(([, x]) => x !== undefined)));
    const record = (v.record ?? {}) as Record_;
    form.setFieldsValue({
      awardCode: v.awardCode as string,
      title: v.title as string,
      achievements: v.achievements as string,
      nominee: v.nominee as Values['nominee'],
      evaluationYear: record.evaluationYear ?? lastYear,
      ratings: record.ratings ?? [],
      awards: (record.awards ?? []).map((a) => ({
        awardCode: a.awardCode,
        year: a.year,
        decisionDate: dayjs(a.decisionDate),
      })),
      parts: (v.parts as Values['parts']) ?? [],
    });
  }, [history.data, form]);

  const save = useMutation({
    mutationFn: async (v: Values) => {
      if (editing && id) {
        return unwrap(
          api.PUT('/api/dossiers/{id}/content', {
            params: { path: { id }, header: { 'Idempotency-Key': idempotencyKey } },
            body: { title: v.title, achievements: v.achievements, record: recordOf(v), parts: partsOf(v) },
          }),
        );
      }
      const { birthDate, citizenId, position, ...nominee } = v.nominee;
      const body: Create = {
        awardCode: v.awardCode as Create['awardCode'],
        title: v.title,
        achievements: v.achievements,
        nominee: {
          ...nominee,
          ...(position ? { position } : {}),
          ...(citizenId ? { citizenId } : {}),
          ...(birthDate ? { birthDate: birthDate.format('YYYY-MM-DD') } : {}),
        },
        record: recordOf(v),
        parts: partsOf(v),
        commendationType: 'PERIODIC',
      };
      return unwrap(api.POST('/api/dossiers', { params: { header: { 'Idempotency-Key': idempotencyKey } }, body }));
    },
    onSuccess: async (d) => {
      void message.success(t('draft.saved'));
      await queryClient.invalidateQueries({ queryKey: ['dossier', d.id] });
      void navigate(`/dossiers/${d.id}`);
    },
    onError: (e) => form.setFields(fieldErrors(e) as Parameters<typeof form.setFields>[0]),
  });
  const awardOptions = useMemo(
    () => AWARDS.map((a) => ({ value: a.code, label: i18n.language.startsWith('vi') ? a.nameVi : a.nameEn })),
    [i18n.language],
  );
  const required = [{ required: true, message: t('form.required') }];

  return (
    <Card
      title={
        <Typography.Title level={3} style={{ margin: 0 }}>
          {editing ? t('draft.editTitle') : t('draft.createTitle')}
        </Typography.Title>
      }
    >
      <ApiErrorAlert error={save.error} />
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={DEFAULTS}
        onFinish={(v) => save.mutate(v)}
        scrollToFirstError
      >
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="awardCode" label={t('draft.award')} rules={required}>
              <Select
                showSearch
                optionFilterProp="label"
                options={awardOptions}
                disabled={editing}
                data-testid="award"
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="title" label={t('draft.title')} rules={required}>
              <Input />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col xs={24} md={6}>
            <Form.Item name={['nominee', 'kind']} label={t('draft.nomineeKind')}>
              <Select
                disabled={editing}
                options={(['INDIVIDUAL', 'COLLECTIVE', 'HOUSEHOLD'] as const).map((k) => ({
                  value: k,
                  label: t(`draft.${k}`),
                }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={6}>
            <Form.Item name={['nominee', 'fullName']} label={t('draft.fullName')} rules={required}>
              <Input disabled={editing} />
            </Form.Item>
          </Col>
          <Col xs={24} md={4}>
            <Form.Item name={['nominee', 'position']} label={t('draft.position')}>
              <Input disabled={editing} />
            </Form.Item>
          </Col>
          <Col xs={24} md={4}>
            <Form.Item name={['nominee', 'citizenId']} label={t('draft.citizenId')}>
              <Input disabled={editing} />
            </Form.Item>
          </Col>
          <Col xs={24} md={4}>
            <Form.Item name={['nominee', 'birthDate']} label={t('draft.birthDate')}>
              <DatePicker format="DD/MM/YYYY" disabled={editing} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="achievements" label={t('draft.achievements')} rules={required}>
          <Input.TextArea rows={3} />
        </Form.Item>

        <Divider titlePlacement="start">{t('draft.record')}</Divider>
        <Form.Item name="evaluationYear" label={t('draft.evaluationYear')}>
          <InputNumber min={1945} max={2100} />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} md={10}>
            <Typography.Text strong>{t('draft.ratings')}</Typography.Text>
            <Form.List name="ratings">
              {(fields, { add, remove }) => (
                <>
                  {fields.map((f) => (
                    <Space key={f.key} align="baseline">
                      <Form.Item name={[f.name, 'year']} rules={required}>
                        <InputNumber placeholder={t('draft.year')} />
                      </Form.Item>
                      <Form.Item name={[f.name, 'rating']} rules={required}>
                        <Select
                          aria-label={t('draft.ratings')}
                          style={{ width: 110 }}
                          options={RATINGS.map((r) => ({ value: r, label: r }))}
                        />
                      </Form.Item>
                      <MinusCircleOutlined onClick={() => remove(f.name)} />
                    </Space>
                  ))}
                  <Button type="dashed" onClick={() => add({ year: lastYear, rating: 'HTXS' })}>
                    {t('draft.add')}
                  </Button>
                </>
              )}
            </Form.List>
          </Col>
          <Col xs={24} md={14}>
            <Typography.Text strong>{t('draft.awards')}</Typography.Text>
            <Form.List name="awards">
              {(fields, { add, remove }) => (
                <>
                  {fields.map((f) => (
                    <Space key={f.key} align="baseline" wrap>
                      <Form.Item name={[f.name, 'awardCode']} rules={required}>
                        <Select
                          aria-label={t('draft.awards')}
                          style={{ width: 220 }}
                          showSearch
                          optionFilterProp="label"
                          options={awardOptions}
                        />
                      </Form.Item>
                      <Form.Item name={[f.name, 'year']} rules={required}>
                        <InputNumber placeholder={t('draft.year')} />
                      </Form.Item>
                      <Form.Item name={[f.name, 'decisionDate']}>
                        <DatePicker format="DD/MM/YYYY" placeholder={t('draft.decisionDate')} />
                      </Form.Item>
                      <MinusCircleOutlined onClick={() => remove(f.name)} />
                    </Space>
                  ))}
                  <Button
                    type="dashed"
                    data-testid="add-award"
                    onClick={() => add({ awardCode: 'CSTD_CO_SO', year: lastYear })}
                  >
                    {t('draft.add')}
                  </Button>
                </>
              )}
            </Form.List>
          </Col>
        </Row>

        <Divider titlePlacement="start">{t('draft.parts')}</Divider>
        <Form.List name="parts">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Space key={f.key} align="baseline" wrap>
                  <Form.Item name={[f.name, 'kind']} rules={required}>
                    <Select
                      aria-label={t('draft.parts')}
                      style={{ width: 240 }}
                      options={PART_KINDS.map((k) => ({ value: k, label: t(`part.${k}`) }))}
                    />
                  </Form.Item>
                  <Form.Item name={[f.name, 'ref']}>
                    <Input placeholder={t('draft.partRef')} style={{ width: 220 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'copy']}>
                    <Select
                      aria-label={t('draft.copy')}
                      style={{ width: 170 }}
                      placeholder={t('draft.copy')}
                      options={COPIES.map((c) => ({ value: c, label: t(`copyKind.${c}`) }))}
                    />
                  </Form.Item>
                  <Form.Item name={[f.name, 'confirmedBySubmittingLevel']} valuePropName="checked">
                    <Checkbox>{t('draft.confirmed')}</Checkbox>
                  </Form.Item>
                  <MinusCircleOutlined onClick={() => remove(f.name)} />
                </Space>
              ))}
              <div>
                <Button type="dashed" onClick={() => add({ kind: 'EVIDENCE', copy: 'ORIGINAL' })}>
                  {t('draft.add')}
                </Button>
              </div>
            </>
          )}
        </Form.List>
        <Divider />
        <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="save-draft">
          {t('draft.save')}
        </Button>
      </Form>
    </Card>
  );
}
