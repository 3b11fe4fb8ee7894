import { Card, Tabs, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { session } from '../../auth/session';
import { Units } from './Units';
import { Users } from './Users';
import { Councils } from './Councils';
import { DirectoryImport } from './DirectoryImport';
import { AwardImport } from './AwardImport';

/** Who sees which tab: the directory is the administrator's; the award history import also the secretariat head's. */
const TABS = [
  { key: 'units', roles: ['ADMINISTRATOR'], element: <Units /> },
  { key: 'users', roles: ['ADMINISTRATOR'], element: <Users /> },
  { key: 'councils', roles: ['ADMINISTRATOR'], element: <Councils /> },
  { key: 'directoryImport', roles: ['ADMINISTRATOR'], element: <DirectoryImport /> },
  { key: 'awardImport', roles: ['ADMINISTRATOR', 'SECRETARIAT_HEAD'], element: <AwardImport /> },
] as const;

export const ADMINISTRATION_ROLES = ['ADMINISTRATOR', 'SECRETARIAT_HEAD'];

/** Quản trị: units, users, councils, and the imports (directory, award history); the tab is in the address (?tab=). */
export function Administration() {
  const { t } = useTranslation();
  const role = session.me()?.role ?? '';
  const [params, setParams] = useSearchParams();
  const tabs = TABS.filter((tab) => (tab.roles as readonly string[]).includes(role));
  const active = tabs.find((tab) => tab.key === params.get('tab'))?.key ?? tabs[0]?.key;
  return (
    <Card
      title={
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('admin.title')}
        </Typography.Title>
      }
    >
      <Tabs
        activeKey={active}
        onChange={(key) => setParams({ tab: key })}
        destroyOnHidden
        items={tabs.map((tab) => ({
          key: tab.key,
          label: <span data-testid={`tab-${tab.key}`}>{t(`admin.tabs.${tab.key}`)}</span>,
          children: tab.element,
        }))}
      />
    </Card>
  );
}
