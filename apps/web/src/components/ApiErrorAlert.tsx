import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { failedCriteriaMessages, refusalMessage } from '../i18n/rules';

/** A refused or failed call: the rule's message in the person's language (the API's message as fallback). */
export function ApiErrorAlert({ error }: { error: unknown }) {
  const { t, i18n } = useTranslation();
  if (!error) return null;
  const body = error instanceof ApiError ? error.body : {};
  const message = refusalMessage(
    body.rule,
    body.message ?? (error instanceof Error ? error.message : undefined),
    i18n.language,
  );
  const failed = body.rule === 'eligibility' ? failedCriteriaMessages(body.details, i18n.language) : [];
  const title =
    error instanceof ApiError && error.status === 400 && body.fields
      ? t('error.fields')
      : error instanceof ApiError && error.status >= 403 && error.status < 500
        ? t('error.refused')
        : t('error.generic');
  return (
    <Alert
      data-testid="refusal"
      type="error"
      showIcon
      title={title}
      description={
        <span>
          {message}
          {body.rule ? <code style={{ marginLeft: 8, color: 'rgba(0, 0, 0, 0.7)' }}>{body.rule}</code> : null}
          {failed.map((f) => (
            <span key={f} data-testid="refusal-criterion" style={{ display: 'block' }}>
              {f}
            </span>
          ))}
        </span>
      }
      style={{ marginBottom: 16 }}
    />
  );
}

/** Per-field messages of a 400, for Form.setFields. */
export function fieldErrors(error: unknown): { name: (string | number)[]; errors: string[] }[] {
  if (!(error instanceof ApiError) || !error.body.fields) return [];
  return Object.entries(error.body.fields).map(([path, errors]) => ({
    name: path.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p)),
    errors,
  }));
}
