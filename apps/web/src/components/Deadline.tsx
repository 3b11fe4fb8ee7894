import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../format';

/** A legal deadline: its date, and the working days left when the API gives them. */
export function Deadline({
  date,
  daysLeft,
  overdue,
}: {
  date?: string | null;
  daysLeft?: number | null;
  overdue?: boolean;
}) {
  const { t } = useTranslation();
  if (!date) return null;
  const note = overdue
    ? t('deadline.overdueBy')
    : typeof daysLeft === 'number'
      ? daysLeft === 0
        ? t('deadline.today')
        : t('deadline.daysLeft', { count: daysLeft })
      : undefined;
  return (
    <span>
      {formatDate(date)}
      {note ? <Typography.Text type={overdue ? 'danger' : 'secondary'}> ({note})</Typography.Text> : null}
    </span>
  );
}
