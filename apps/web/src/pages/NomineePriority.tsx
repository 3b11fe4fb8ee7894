import { App, Button, Card, Descriptions, Form, Select, Space, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, unwrap, type DossierView, type Schemas } from '../api/client';
import { session } from '../auth/session';
import { ApiErrorAlert, fieldErrors } from '../components/ApiErrorAlert';
import { formatDateTime } from '../format';

type Priority = Schemas['NomineePriorityDto'];
type Occupation = NonNullable<Priority['occupationGroup']>;
type Area = NonNullable<Priority['areaClass']>;
const OCCUPATIONS: Occupation[] = [
  'WORKER',
  'FARMER',
  'TEACHER',
  'HEALTH_WORKER',
  'SCIENTIST',
  'ARMED_FORCES',
  'CIVIL_SERVANT',
  'BUSINESS_OWNER',
  'OTHER',
];
const AREAS: Area[] = ['BORDER', 'ISLAND', 'ESPECIALLY_DIFFICULT', 'NONE'];

/** The form's values: a Select cannot hold `false` as "nothing chosen", so ethnic minority travels as a string. */
interface Values {
  occupationGroup?: Occupation;
  gender?: 'FEMALE' | 'MALE';
  ethnicMinority?: 'yes' | 'no';
  areaClass?: Area;
}

/** The dossier's unit (clerk or head) or the secretariat records the facts (the domain checks again). */
const mayWrite = (d: DossierView): boolean => {
  const me = session.me();
  if (!me) return false;
  if (me.role === 'SECRETARIAT_OFFICER' || me.role === 'SECRETARIAT_HEAD') return true;
  return (me.role === 'UNIT_CLERK' || me.role === 'UNIT_HEAD') && me.unitCode === d.unitCode;
};

/**
 * A nominee's optional priority facts (Luật Điều 5; PUT/GET /api/dossiers/:id/priority): occupation group, gender and
 * ethnic minority (a person only), area class. A form for who may record them, read-only for the others. They feed
 * the priority shares report and decide nothing.
 */
export function NomineePriority({ dossier }: { dossier: DossierView }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const path = { params: { path: { id: dossier.id } } };
  const person = dossier.nomineeKind === 'INDIVIDUAL';
  const priority = useQuery({
    queryKey: ['dossier', dossier.id, 'priority'],
    queryFn: () => unwrap(api.GET('/api/dossiers/{id}/priority', path)),
  });
  const save = useMutation({
    mutationFn: (v: Values) =>
      unwrap(
        api.PUT('/api/dossiers/{id}/priority', {
          ...path,
          body: {
            ...(v.occupationGroup ? { occupationGroup: v.occupationGroup } : {}),
            ...(person && v.gender ? { gender: v.gender } : {}),
            ...(person && v.ethnicMinority ? { ethnicMinority: v.ethnicMinority === 'yes' } : {}),
            ...(v.areaClass ? { areaClass: v.areaClass } : {}),
          },
        }),
      ),
    onSuccess: (view) => {
      queryClient.setQueryData(['dossier', dossier.id, 'priority'], view);
      void message.success(t('priority.saved'));
    },
    onError: (e) => form.setFields(fieldErrors(e) as never),
  });
  const p = priority.data;
  if (!p) return priority.error ? <ApiErrorAlert error={priority.error} /> : null;
  const yesNo = (b: boolean | undefined) =>
    b === undefined ? t('priority.notRecorded') : b ? t('priority.yes') : t('priority.no');
  const recordedAt = typeof p.recordedAt === 'string' ? p.recordedAt : null;
  return (
    <Card title={t('priority.title')} data-testid="priority">
      <Typography.Paragraph type="secondary">{t('priority.help')}</Typography.Paragraph>
      <ApiErrorAlert error={save.error} />
      {mayWrite(dossier) ? (
        <Form
          form={form}
          name="priority"
          layout="vertical"
          initialValues={{
            occupationGroup: p.occupationGroup,
            gender: p.gender,
            ethnicMinority: p.ethnicMinority === undefined ? undefined : p.ethnicMinority ? 'yes' : 'no',
            areaClass: p.areaClass,
          }}
          onFinish={(v) => save.mutate(v)}
        >
          <Space wrap align="start">
            <Form.Item name="occupationGroup" label={t('priority.occupationGroup')}>
              <Select
                allowClear
                style={{ width: 260 }}
                placeholder={t('priority.notRecorded')}
                options={OCCUPATIONS.map((o) => ({ value: o, label: t(`priority.occupations.${o}`) }))}
              />
            </Form.Item>
            {person ? (
              <>
                <Form.Item name="gender" label={t('priority.gender')}>
                  <Select
                    allowClear
                    style={{ width: 160 }}
                    placeholder={t('priority.notRecorded')}
                    options={(['FEMALE', 'MALE'] as const).map((g) => ({
                      value: g,
                      label: t(`priority.genders.${g}`),
                    }))}
                  />
                </Form.Item>
                <Form.Item name="ethnicMinority" label={t('priority.ethnicMinority')}>
                  <Select
                    allowClear
                    style={{ width: 160 }}
                    placeholder={t('priority.notRecorded')}
                    options={[
                      { value: 'yes', label: t('priority.yes') },
                      { value: 'no', label: t('priority.no') },
                    ]}
                  />
                </Form.Item>
              </>
            ) : null}
            <Form.Item name="areaClass" label={t('priority.areaClass')}>
              <Select
                allowClear
                style={{ width: 260 }}
                placeholder={t('priority.notRecorded')}
                options={AREAS.map((a) => ({ value: a, label: t(`priority.areas.${a}`) }))}
              />
            </Form.Item>
          </Space>
          <Space>
            <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="priority-save">
              {t('priority.save')}
            </Button>
            {recordedAt ? (
              <Typography.Text type="secondary">
                {t('priority.recordedAt', { at: formatDateTime(recordedAt) })}
              </Typography.Text>
            ) : null}
          </Space>
        </Form>
      ) : (
        <Descriptions column={{ xs: 1, md: 2 }} size="small" bordered data-testid="priority-facts">
          <Descriptions.Item label={t('priority.occupationGroup')}>
            {p.occupationGroup ? t(`priority.occupations.${p.occupationGroup}`) : t('priority.notRecorded')}
          </Descriptions.Item>
          {person ? (
            <>
              <Descriptions.Item label={t('priority.gender')}>
                {p.gender ? t(`priority.genders.${p.gender}`) : t('priority.notRecorded')}
              </Descriptions.Item>
              <Descriptions.Item label={t('priority.ethnicMinority')}>{yesNo(p.ethnicMinority)}</Descriptions.Item>
            </>
          ) : null}
          <Descriptions.Item label={t('priority.areaClass')}>
            {p.areaClass ? t(`priority.areas.${p.areaClass}`) : t('priority.notRecorded')}
          </Descriptions.Item>
        </Descriptions>
      )}
    </Card>
  );
}
