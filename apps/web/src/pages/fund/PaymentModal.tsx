import { App, DatePicker, Form, Input, InputNumber, Modal, Select } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { api, unwrap, type Schemas } from '../../api/client';
import { ApiErrorAlert, fieldErrors } from '../../components/ApiErrorAlert';
import { todayVn } from '../emulation/shared';

type Entry = Schemas['FundEntryDto'];
type Source = Schemas['FundPaymentDto']['source'];
const SOURCES: Source[] = ['STATE_BUDGET', 'CONTRIBUTIONS', 'OTHER_LAWFUL'];

interface PaymentValues {
  amountVnd: number;
  paidOn: Dayjs;
  source: Source;
  voucherRef: string;
  note?: string;
}

/**
 * Records a payment against a decision's ledger line (POST /api/award-fund/entries/:id/payments): amount (the
 * outstanding amount offered), date, source of the fund, voucher. The domain refuses more than due, a date before the
 * decision or in the future, a revoked award; the refusal shows with its rule.
 */
export function PaymentModal({ entry, onClose }: { entry: Entry; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<PaymentValues>();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const pay = useMutation({
    mutationFn: (v: PaymentValues) =>
      unwrap(
        api.POST('/api/award-fund/entries/{id}/payments', {
          params: { path: { id: entry.dossierId } },
          body: {
            amountVnd: v.amountVnd,
            paidOn: v.paidOn.format('YYYY-MM-DD'),
            source: v.source,
            voucherRef: v.voucherRef.trim(),
            ...(v.note?.trim() ? { note: v.note.trim() } : {}),
          },
        }),
      ),
    onSuccess: async () => {
      void message.success(t('fund.recorded'));
      onClose();
      await queryClient.invalidateQueries({ queryKey: ['fund'] });
    },
    onError: (e) => form.setFields(fieldErrors(e) as never),
  });
  const required = [{ required: true, message: t('form.required') }];
  return (
    <Modal
      open
      title={t('fund.payTitle', { number: entry.decisionNumber })}
      okText={t('fund.save')}
      okButtonProps={{ id: 'payment-save', loading: pay.isPending }}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <ApiErrorAlert error={pay.error} />
      <Form
        form={form}
        name="payment"
        layout="vertical"
        initialValues={{
          amountVnd: entry.outstandingVnd ?? undefined,
          paidOn: dayjs(todayVn()),
          source: 'STATE_BUDGET',
        }}
        onFinish={(v) => pay.mutate(v)}
      >
        <Form.Item name="amountVnd" label={t('fund.amount')} rules={required}>
          <InputNumber min={1} precision={0} style={{ width: 220 }} />
        </Form.Item>
        <Form.Item name="paidOn" label={t('fund.paidOn')} rules={required}>
          <DatePicker format="DD/MM/YYYY" />
        </Form.Item>
        <Form.Item name="source" label={t('fund.source')} rules={required}>
          <Select options={SOURCES.map((s) => ({ value: s, label: t(`fund.sources.${s}`) }))} />
        </Form.Item>
        <Form.Item name="voucherRef" label={t('fund.voucher')} rules={required}>
          <Input />
        </Form.Item>
        <Form.Item name="note" label={t('fund.note')}>
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
