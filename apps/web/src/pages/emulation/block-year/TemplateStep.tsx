import { Button, Card, Checkbox, Form, Input, InputNumber, Space, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../../api/client';
import { ApiErrorAlert, fieldErrors } from '../../../components/ApiErrorAlert';
import { formatDate } from '../../../format';
import type { BlockYearState } from '../shared';
import { mayAct, stateOf, useStep, type BlockYear } from './model';

type Template = NonNullable<BlockYearState['template']>;

/**
 * The year's scoring template (bảng tiêu chí chấm điểm): the head unit's form while it may still change it, the
 * secretariat's approval once adopted, and the template as adopted for everyone afterwards.
 */
export function TemplateStep({ y }: { y: BlockYear }) {
  const { t } = useTranslation();
  const s = stateOf(y);
  const may = mayAct(y);
  const [form] = Form.useForm<Template>();
  const id = y.blockYearId;
  const adopt = useStep(y, (v: Template) =>
    unwrap(
      api.POST('/api/block-years/{id}/template', {
        params: { path: { id } },
        body: {
          criteria: v.criteria.map((c) => ({ ...c, code: c.code.trim(), title: c.title.trim() })),
          maxBonus: v.maxBonus,
          maxPenalty: v.maxPenalty,
        },
      }),
    ),
  );
  const approve = useStep(y, () =>
    unwrap(api.POST('/api/block-years/{id}/template-approval', { params: { path: { id } } })),
  );
  const required = [{ required: true, message: t('form.required') }];
  return (
    <Card title={t('emulation.blockYear.template')} size="small" data-testid="block-template">
      <ApiErrorAlert error={adopt.error ?? approve.error} />
      {s.template ? (
        <>
          <Table
            size="small"
            rowKey="code"
            pagination={false}
            dataSource={s.template.criteria}
            columns={[
              { title: t('emulation.blockYear.criterionCode'), dataIndex: 'code' },
              { title: t('emulation.blockYear.criterionTitle'), dataIndex: 'title' },
              { title: t('emulation.blockYear.maxPoints'), dataIndex: 'maxPoints', align: 'right' },
              {
                title: t('emulation.blockYear.evidenceRequired'),
                dataIndex: 'evidenceRequired',
                render: (r: boolean) => (r ? t('emulation.blockYear.yes') : t('emulation.blockYear.no')),
              },
            ]}
          />
          <Typography.Paragraph style={{ marginTop: 8 }}>
            {t('emulation.blockYear.maxBonus')}: {s.template.maxBonus} · {t('emulation.blockYear.maxPenalty')}:{' '}
            {s.template.maxPenalty}
            {' · '}
            <span data-testid="template-approval">
              {s.templateApproval
                ? t('emulation.blockYear.approvedOn', { date: formatDate(s.templateApproval.approvedOn) })
                : t('emulation.blockYear.awaitingApproval')}
            </span>
          </Typography.Paragraph>
        </>
      ) : (
        <Typography.Paragraph>{t('emulation.blockYear.noTemplate')}</Typography.Paragraph>
      )}
      {may.approveTemplate ? (
        <Button
          type="primary"
          data-testid="approve-template"
          loading={approve.isPending}
          onClick={() => approve.mutate(undefined)}
        >
          {t('emulation.blockYear.approveTemplate')}
        </Button>
      ) : null}
      {may.adoptTemplate ? (
        <Form
          form={form}
          name="template"
          layout="vertical"
          style={{ marginTop: 16 }}
          initialValues={
            s.template ?? {
              criteria: [{ code: 'TC1', title: '', maxPoints: 10, evidenceRequired: true }],
              maxBonus: 5,
              maxPenalty: 5,
            }
          }
          onFinish={(v) => adopt.mutate(v, { onError: (e) => form.setFields(fieldErrors(e) as never) })}
        >
          <Typography.Paragraph type="secondary">{t('emulation.blockYear.templateHelp')}</Typography.Paragraph>
          <Form.List name="criteria">
            {(fields, { add, remove }) => (
              <>
                {fields.map((f) => (
                  <Space key={f.key} wrap align="baseline">
                    <Form.Item name={[f.name, 'code']} rules={required}>
                      <Input aria-label={t('emulation.blockYear.criterionCode')} style={{ width: 90 }} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'title']} rules={required}>
                      <Input
                        aria-label={t('emulation.blockYear.criterionTitle')}
                        placeholder={t('emulation.blockYear.criterionTitle')}
                        style={{ width: 380 }}
                      />
                    </Form.Item>
                    <Form.Item name={[f.name, 'maxPoints']} rules={required}>
                      <InputNumber aria-label={t('emulation.blockYear.maxPoints')} min={0.5} max={1000} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'evidenceRequired']} valuePropName="checked">
                      <Checkbox>{t('emulation.blockYear.evidenceRequired')}</Checkbox>
                    </Form.Item>
                    {fields.length > 1 ? (
                      <Button aria-label={t('emulation.blockYear.removeCriterion')} onClick={() => remove(f.name)}>
                        −
                      </Button>
                    ) : null}
                  </Space>
                ))}
                <Form.Item>
                  <Button
                    data-testid="add-criterion"
                    onClick={() =>
                      add({ code: `TC${fields.length + 1}`, title: '', maxPoints: 10, evidenceRequired: false })
                    }
                  >
                    {t('emulation.blockYear.addCriterion')}
                  </Button>
                </Form.Item>
              </>
            )}
          </Form.List>
          <Space wrap>
            <Form.Item name="maxBonus" label={t('emulation.blockYear.maxBonus')} rules={required}>
              <InputNumber min={0} max={1000} />
            </Form.Item>
            <Form.Item name="maxPenalty" label={t('emulation.blockYear.maxPenalty')} rules={required}>
              <InputNumber min={0} max={1000} />
            </Form.Item>
          </Space>
          <div>
            <Button type="primary" htmlType="submit" loading={adopt.isPending} data-testid="save-template">
              {t('emulation.blockYear.saveTemplate')}
            </Button>
          </div>
        </Form>
      ) : null}
    </Card>
  );
}
