import { useMemo } from 'react';
import { Checkbox, Form, Input, InputNumber, Modal, Radio, Select } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { callAction, type DossierAction } from '../api/actions';
import { ApiErrorAlert, fieldErrors } from '../components/ApiErrorAlert';

const PARTS = [
  'TO_TRINH',
  'BAO_CAO_THANH_TICH',
  'BIEN_BAN',
  'KET_QUA_BO_PHIEU_KIN',
  'ELECTRONIC_FILES',
  'EVIDENCE',
  'OBLIGATIONS_CONFIRMATION',
];

const GROUNDS = [
  'FRAUDULENT_DECLARATION',
  'FALSE_INFORMATION_OR_FORGERY',
  'UNLAWFUL_PROCEDURE',
  'VIOLATION_FOUND_BY_AUTHORITY',
];
const RECOVERY_ITEMS = ['AWARD_OBJECT', 'BONUS'];
/** Body schemas with a form of their own (anything else falls back to editing the JSON body). */
const FORMS = [
  'EmptyDto',
  'NoteDto',
  'SupplementDto',
  'ReasonDto',
  'VoteDto',
  'DecisionDto',
  'ProposalDto',
  'CentralDecisionDto',
  'SupplementRequestDto',
  'ObjectionDto',
  'ObjectionReviewDto',
  'HiepYDto',
  'CentralAppraisalDto',
  'StandingReviewDto',
  'RevocationDto',
  'RecoveryDto',
];

type Values = Record<string, unknown>;

/** The body of an action from the form's values, per the action's body schema. */
function bodyOf(action: DossierAction, v: Values): Record<string, unknown> {
  const text = (k: string) =>
    typeof v[k] === 'string' && (v[k] as string).trim() ? { [k]: (v[k] as string).trim() } : {};
  switch (action.bodySchema) {
    case 'EmptyDto':
      return {};
    case 'NoteDto':
    case 'SupplementDto':
      return text('note');
    case 'ReasonDto':
      return text('reason');
    case 'VoteDto':
      return { approve: v.approve === true };
    case 'DecisionDto':
    case 'ProposalDto':
    case 'CentralDecisionDto': {
      const basis =
        typeof v.legalBasis === 'string'
          ? v.legalBasis
              .split('\n')
              .map((s) => s.trim())
              .filter(Boolean)
          : [];
      return {
        approve: v.approve === true,
        ...text('reason'),
        ...(basis.length && action.bodySchema !== 'ProposalDto' ? { legalBasis: basis } : {}),
        ...(action.bodySchema === 'CentralDecisionDto' ? { decidedBy: action.placeholder.decidedBy } : {}),
      };
    }
    case 'SupplementRequestDto':
      return { missingParts: v.missingParts ?? [], ...text('reason') };
    case 'ObjectionDto':
      return { ...text('source'), ...text('text') };
    case 'ObjectionReviewDto':
      return { ...text('outcome'), upheld: v.upheld === true };
    // The central stage (Bộ Nội vụ, Hội đồng TĐKT Trung ương, Thủ tướng / Chủ tịch nước).
    case 'HiepYDto':
      return { ...text('agency'), agrees: v.agrees !== false, ...text('opinion') };
    case 'CentralAppraisalDto':
      return {
        outcome: v.outcome,
        ...(v.outcome === 'ACCEPT' ? {} : text('reason')),
        ...(v.outcome === 'REQUEST_SUPPLEMENT' ? { missingParts: v.missingParts ?? [] } : {}),
      };
    case 'StandingReviewDto':
      return { members: v.members, present: v.present, approvals: v.approvals, ...text('note') };
    case 'RevocationDto':
      return { ground: v.ground, ...text('reason'), ...text('decisionRef') };
    case 'RecoveryDto':
      return {
        item: v.item,
        ...text('note'),
        ...(v.item === 'BONUS' && typeof v.amountVnd === 'number' ? { amountVnd: v.amountVnd } : {}),
      };
    default:
      return JSON.parse(String(v.json ?? '{}')) as Record<string, unknown>;
  }
}

/** The form of one action: the fields its body schema has; the API's refusal or per-field messages beside them. */
export function ActionForm({
  action,
  onClose,
  onDone,
}: {
  action: DossierAction;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const key = useMemo(() => crypto.randomUUID(), []);
  const run = useMutation({
    mutationFn: (v: Values) => callAction(action, bodyOf(action, v), key),
    onSuccess: onDone,
    onError: (e) => form.setFields(fieldErrors(e)),
  });
  const s = action.bodySchema;
  const required = [{ required: true, message: t('form.required') }];
  const decision = s === 'DecisionDto' || s === 'ProposalDto' || s === 'CentralDecisionDto' || s === 'VoteDto';
  return (
    <Modal
      open
      title={t(`command.${action.command}`)}
      okText={t('form.send')}
      cancelText={t('dossier.cancel')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={run.isPending}
      okButtonProps={{ id: 'action-send' }}
      destroyOnHidden
    >
      <ApiErrorAlert error={run.error} />
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) => run.mutate(v)}
        initialValues={{
          approve: true,
          agrees: true,
          outcome: 'ACCEPT',
          item: 'AWARD_OBJECT',
          json: JSON.stringify(action.placeholder, null, 2),
        }}
      >
        {(s === 'NoteDto' || s === 'SupplementDto') && (
          <Form.Item name="note" label={t('form.note')}>
            <Input.TextArea rows={2} />
          </Form.Item>
        )}
        {decision && (
          <Form.Item name="approve" label={t('form.approve')}>
            <Radio.Group
              options={[
                { value: true, label: t('form.agree') },
                { value: false, label: t('form.disagree') },
              ]}
            />
          </Form.Item>
        )}
        {(s === 'ReasonDto' || s === 'SupplementRequestDto') && (
          <Form.Item name="reason" label={t('form.reason')} rules={required}>
            <Input.TextArea rows={3} />
          </Form.Item>
        )}
        {decision && s !== 'VoteDto' && (
          <Form.Item name="reason" label={t('form.reason')}>
            <Input.TextArea rows={2} />
          </Form.Item>
        )}
        {(s === 'DecisionDto' || s === 'CentralDecisionDto') && (
          <Form.Item name="legalBasis" label={t('form.legalBasis')}>
            <Input.TextArea rows={2} />
          </Form.Item>
        )}
        {s === 'SupplementRequestDto' && (
          <Form.Item name="missingParts" label={t('form.missingParts')} rules={required}>
            <Select mode="multiple" options={PARTS.map((p) => ({ value: p, label: t(`part.${p}`) }))} />
          </Form.Item>
        )}
        {s === 'ObjectionDto' && (
          <>
            <Form.Item name="source" label={t('form.source')} rules={required}>
              <Input />
            </Form.Item>
            <Form.Item name="text" label={t('form.text')} rules={required}>
              <Input.TextArea rows={3} />
            </Form.Item>
          </>
        )}
        {s === 'ObjectionReviewDto' && (
          <>
            <Form.Item name="outcome" label={t('form.outcome')} rules={required}>
              <Input.TextArea rows={3} />
            </Form.Item>
            <Form.Item name="upheld" valuePropName="checked">
              <Checkbox>{t('form.upheld')}</Checkbox>
            </Form.Item>
          </>
        )}
        <CentralFields schema={s} />
        {s === 'RevocationDto' && (
          <>
            <Form.Item name="ground" label={t('central.ground')} rules={required}>
              <Select options={GROUNDS.map((g) => ({ value: g, label: t(`central.grounds.${g}`) }))} />
            </Form.Item>
            <Form.Item
              name="reason"
              label={t('form.reason')}
              rules={[{ required: true, min: 10, message: t('central.reasonMin') }]}
            >
              <Input.TextArea rows={3} />
            </Form.Item>
            <Form.Item name="decisionRef" label={t('central.decisionRef')} rules={required}>
              <Input placeholder="45/QĐ-UBND" />
            </Form.Item>
          </>
        )}
        {s === 'RecoveryDto' && (
          <>
            <Form.Item name="item" label={t('central.item')} rules={required}>
              <Radio.Group options={RECOVERY_ITEMS.map((i) => ({ value: i, label: t(`central.items.${i}`) }))} />
            </Form.Item>
            <Form.Item name="note" label={t('form.note')}>
              <Input.TextArea rows={2} />
            </Form.Item>
            <Form.Item noStyle shouldUpdate={(a, b) => a.item !== b.item}>
              {({ getFieldValue }) =>
                getFieldValue('item') === 'BONUS' ? (
                  <Form.Item name="amountVnd" label={t('central.amountVnd')}>
                    <InputNumber min={0} max={2_000_000_000} style={{ width: 200 }} />
                  </Form.Item>
                ) : null
              }
            </Form.Item>
          </>
        )}
        {!FORMS.includes(s) && (
          <Form.Item name="json" label={t('form.body')}>
            <Input.TextArea rows={6} style={{ fontFamily: 'monospace' }} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

/** The central actors' forms: hiệp y, the Ministry's appraisal, the standing committee's review. */
function CentralFields({ schema }: { schema: string }) {
  const { t } = useTranslation();
  const required = [{ required: true, message: t('form.required') }];
  if (schema === 'HiepYDto') {
    return (
      <>
        <Form.Item name="agency" label={t('central.agency')} rules={required}>
          <Input placeholder={t('central.agencyExample')} />
        </Form.Item>
        <Form.Item name="agrees" label={t('form.approve')}>
          <Radio.Group
            options={[
              { value: true, label: t('central.agrees') },
              { value: false, label: t('central.disagrees') },
            ]}
          />
        </Form.Item>
        <Form.Item name="opinion" label={t('central.opinion')} rules={required}>
          <Input.TextArea rows={3} />
        </Form.Item>
      </>
    );
  }
  if (schema === 'CentralAppraisalDto') {
    return (
      <>
        <Form.Item name="outcome" label={t('form.outcome')} rules={required}>
          <Radio.Group
            options={['ACCEPT', 'REQUEST_SUPPLEMENT', 'REJECT'].map((o) => ({
              value: o,
              label: t(`central.outcomes.${o}`),
            }))}
          />
        </Form.Item>
        <Form.Item noStyle shouldUpdate={(a, b) => a.outcome !== b.outcome}>
          {({ getFieldValue }) =>
            getFieldValue('outcome') === 'ACCEPT' ? null : (
              <>
                <Form.Item name="reason" label={t('form.reason')} rules={required}>
                  <Input.TextArea rows={3} />
                </Form.Item>
                {getFieldValue('outcome') === 'REQUEST_SUPPLEMENT' ? (
                  <Form.Item name="missingParts" label={t('form.missingParts')} rules={required}>
                    <Select mode="multiple" options={PARTS.map((p) => ({ value: p, label: t(`part.${p}`) }))} />
                  </Form.Item>
                ) : null}
              </>
            )
          }
        </Form.Item>
      </>
    );
  }
  if (schema === 'StandingReviewDto') {
    return (
      <>
        <Form.Item name="members" label={t('central.members')} rules={required}>
          <InputNumber min={1} max={200} />
        </Form.Item>
        <Form.Item name="present" label={t('central.present')} rules={required}>
          <InputNumber min={0} max={200} />
        </Form.Item>
        <Form.Item name="approvals" label={t('central.approvals')} rules={required}>
          <InputNumber min={0} max={200} />
        </Form.Item>
        <Form.Item name="note" label={t('form.note')}>
          <Input.TextArea rows={2} />
        </Form.Item>
      </>
    );
  }
  return null;
}
