import { App, Button, Card, DatePicker, Form, Select, Space, Table, Typography } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Dayjs } from 'dayjs';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api, ApiError, unwrap } from '../../api/client';
import { ApiErrorAlert, fieldErrors } from '../../components/ApiErrorAlert';
import { formatDate } from '../../format';
import { isSecretariat, OrNone, type MovementState } from './shared';

type Ceremony = NonNullable<MovementState['ceremonies']>[number];
type Milestone = Ceremony['milestone'];
type Decision = NonNullable<Ceremony['latestDecision']>;

interface CeremonyValues {
  milestone: Milestone;
  ceremonyDate: Dayjs;
}

/** The decision a refusal names (movement.ceremony-after-decisions: details.latestDecision), when it names one. */
function refusedBefore(error: unknown): Decision | undefined {
  if (!(error instanceof ApiError) || error.body.rule !== 'movement.ceremony-after-decisions') return undefined;
  const d = error.body.details?.latestDecision as Partial<Decision> | undefined;
  return d?.number && d.date && d.dossierId ? { dossierId: d.dossierId, number: d.number, date: d.date } : undefined;
}

/**
 * A movement's review ceremonies (lễ sơ kết, tổng kết): those set, each with the latest decision it follows, and the
 * secretariat's form. The API refuses a date before the latest decision on the movement's awarded dossiers and names
 * that decision, shown beside the rule's message.
 */
export function MovementCeremonies({
  movementId,
  state,
  closed,
}: {
  movementId: string;
  state: MovementState;
  /** A closed movement sets no ceremony (the domain refuses it): no form. */
  closed: boolean;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<CeremonyValues>();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const set = useMutation({
    mutationFn: (v: CeremonyValues) =>
      unwrap(
        api.POST('/api/movements/{id}/ceremonies', {
          params: { path: { id: movementId } },
          body: { milestone: v.milestone, ceremonyDate: v.ceremonyDate.format('YYYY-MM-DD') },
        }),
      ),
    onSuccess: async () => {
      void message.success(t('emulation.ceremonySet'));
      await queryClient.invalidateQueries({ queryKey: ['movement', movementId] });
    },
    onError: (e) => form.setFields(fieldErrors(e) as never),
  });
  const milestones: Milestone[] = state.definition?.milestones.midTermReview ? ['MID_TERM', 'FINAL'] : ['FINAL'];
  const before = refusedBefore(set.error);
  const decision = (d: Decision | undefined) =>
    d ? (
      <Link to={`/dossiers/${d.dossierId}`}>
        {t('emulation.decisionOn', { number: d.number, date: formatDate(d.date) })}
      </Link>
    ) : (
      '—'
    );
  const required = [{ required: true, message: t('form.required') }];
  return (
    <Card title={t('emulation.ceremonies')} size="small" data-testid="movement-ceremonies">
      <OrNone rows={state.ceremonies} none={t('emulation.noCeremony')}>
        <Table<Ceremony>
          size="small"
          rowKey="milestone"
          pagination={false}
          dataSource={state.ceremonies}
          onRow={(c) => ({ 'data-milestone': c.milestone }) as React.HTMLAttributes<HTMLElement>}
          columns={[
            {
              title: t('emulation.ceremonyMilestone'),
              dataIndex: 'milestone',
              render: (m: Milestone) => t(`emulation.ceremonyMilestones.${m}`),
            },
            { title: t('emulation.ceremonyDate'), dataIndex: 'ceremonyDate', render: (d: string) => formatDate(d) },
            {
              title: t('emulation.latestDecision'),
              dataIndex: 'latestDecision',
              render: (d: Decision | undefined) => decision(d),
            },
          ]}
        />
      </OrNone>
      {isSecretariat() && !closed ? (
        <Form
          form={form}
          name="ceremony"
          layout="vertical"
          style={{ marginTop: 16 }}
          initialValues={{ milestone: 'FINAL' }}
          onFinish={(v) => set.mutate(v)}
        >
          <Typography.Paragraph type="secondary">{t('emulation.ceremonyHelp')}</Typography.Paragraph>
          <ApiErrorAlert error={set.error} />
          {before ? (
            <Typography.Paragraph data-testid="ceremony-latest-decision">
              {t('emulation.ceremonyLatestDecision', { number: before.number, date: formatDate(before.date) })}
            </Typography.Paragraph>
          ) : null}
          <Space wrap align="start">
            <Form.Item name="milestone" label={t('emulation.ceremonyMilestone')} rules={required}>
              <Select
                style={{ width: 220 }}
                data-testid="ceremony-milestone"
                options={milestones.map((m) => ({ value: m, label: t(`emulation.ceremonyMilestones.${m}`) }))}
              />
            </Form.Item>
            <Form.Item name="ceremonyDate" label={t('emulation.ceremonyDate')} rules={required}>
              <DatePicker format="DD/MM/YYYY" />
            </Form.Item>
          </Space>
          <div>
            <Button type="primary" htmlType="submit" loading={set.isPending} data-testid="set-ceremony">
              {t('emulation.setCeremony')}
            </Button>
          </div>
        </Form>
      ) : null}
    </Card>
  );
}
