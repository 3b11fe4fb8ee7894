import { Alert, Button, Card, Form, Input, Segmented, Space, Table, Typography } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api, unwrap, type Schemas } from '../api/client';
import { ApiErrorAlert, fieldErrors } from '../components/ApiErrorAlert';
import { awardName } from '../awards';
import { formatDate } from '../format';

type Row = Schemas['AwardHistoryRowDto'];
type By = 'citizenId' | 'name';
interface Values {
  citizenId?: string;
  name?: string;
  unitCode?: string;
}

/**
 * Award lookup (tra cứu khen thưởng): the awards a person or collective received, by citizen id — sent in a POST body,
 * hashed by the API on arrival, never in a URL, stored or logged, and cleared from the form after the search — or by
 * name and unit. Unit staff see their own unit's people only.
 */
export function AwardLookup() {
  const { t, i18n } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [by, setBy] = useState<By>('citizenId');
  const search = useMutation({
    mutationFn: (v: Values) =>
      unwrap(
        api.POST('/api/award-history/search', {
          body: {
            limit: 200,
            ...(by === 'citizenId'
              ? { citizenId: (v.citizenId ?? '').trim() }
              : { name: (v.name ?? '').trim(), ...(v.unitCode?.trim() ? { unitCode: v.unitCode.trim() } : {}) }),
          },
        }),
      ),
    onSuccess: () => form.setFieldValue('citizenId', ''),
    onError: (e) => form.setFields(fieldErrors(e) as Parameters<typeof form.setFields>[0]),
  });
  return (
    <Card
      title={
        <Typography.Title level={1} style={{ margin: 0, fontSize: 22 }}>
          {t('lookup.title')}
        </Typography.Title>
      }
    >
      <Space direction="vertical" style={{ width: '100%' }}>
        <Segmented<By>
          data-testid="lookup-by"
          value={by}
          onChange={(v) => {
            setBy(v);
            search.reset();
          }}
          options={[
            { value: 'citizenId', label: t('lookup.byCitizenId') },
            { value: 'name', label: t('lookup.byName') },
          ]}
        />
        <Form form={form} layout="inline" onFinish={(v) => search.mutate(v)} style={{ rowGap: 8 }}>
          {by === 'citizenId' ? (
            <Form.Item
              name="citizenId"
              htmlFor="lookup-citizen-id"
              label={t('draft.citizenId')}
              rules={[{ required: true, pattern: /^\d{12}$/, message: t('lookup.citizenIdFormat') }]}
            >
              <Input
                id="lookup-citizen-id"
                inputMode="numeric"
                autoComplete="off"
                maxLength={12}
                style={{ width: 200 }}
              />
            </Form.Item>
          ) : (
            <>
              <Form.Item
                name="name"
                htmlFor="lookup-name"
                label={t('lookup.name')}
                rules={[{ required: true, min: 2, message: t('form.required') }]}
              >
                <Input id="lookup-name" style={{ width: 240 }} />
              </Form.Item>
              <Form.Item name="unitCode" htmlFor="lookup-unit" label={t('tasks.unit')}>
                <Input id="lookup-unit" style={{ width: 160 }} />
              </Form.Item>
            </>
          )}
          <Button type="primary" htmlType="submit" loading={search.isPending} data-testid="lookup-search">
            {t('lookup.search')}
          </Button>
        </Form>
        {by === 'citizenId' ? <Alert type="info" showIcon title={t('lookup.hashed')} /> : null}
        <ApiErrorAlert error={search.error} />
        {search.data ? (
          <Table<Row>
            data-testid="lookup-results"
            size="small"
            rowKey={(r) => `${r.dossierId}-${r.awardCode}-${r.year}`}
            pagination={{ pageSize: 20 }}
            scroll={{ x: true }}
            dataSource={search.data}
            locale={{ emptyText: t('lookup.none') }}
            columns={[
              { title: t('dossier.nominee'), dataIndex: 'fullName' },
              { title: t('dossier.award'), dataIndex: 'awardCode', render: (c: string) => awardName(c, i18n.language) },
              { title: t('draft.year'), dataIndex: 'year' },
              {
                title: t('dossier.decision'),
                dataIndex: 'decisionNumber',
                render: (n: string, r) => `${n} — ${formatDate(r.decidedOn)}`,
              },
              { title: t('tasks.unit'), dataIndex: 'unitCode' },
              {
                title: '',
                dataIndex: 'dossierId',
                render: (id: string) => <Link to={`/dossiers/${id}`}>{t('lookup.open')}</Link>,
              },
            ]}
          />
        ) : null}
      </Space>
    </Card>
  );
}
