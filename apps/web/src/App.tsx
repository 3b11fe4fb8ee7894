import { lazy, Suspense, useSyncExternalStore, type ComponentType } from 'react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider, Grid, Layout, Menu, Segmented, Space, Typography, Button, Spin } from 'antd';
import viVN from 'antd/locale/vi_VN';
import enUS from 'antd/locale/en_US';
import { BrowserRouter, Link, Navigate, Route, Routes, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { session } from './auth/session';
import { signOut } from './auth/sign-out';
import { FUND_READERS, LOOKUP_USERS, REGISTER_READERS, REPORT_READERS, SESSION_READERS } from './roles';
import { nameSelectListboxes } from './a11y';
import './a11y.css';

/**
 * Route-level code splitting: each page is its own chunk, loaded when first visited (the initial bundle holds the
 * shell, the router, the query client, the i18n catalogue and the antd parts the shell uses). New pages: `page()`.
 */
function page<M extends Record<string, unknown>>(load: () => Promise<M>, name: keyof M & string) {
  return lazy(async () => ({ default: (await load())[name] as ComponentType }));
}
const SignIn = page(() => import('./pages/SignIn'), 'SignIn');
const OidcCallback = page(() => import('./pages/OidcCallback'), 'OidcCallback');
const Tasks = page(() => import('./pages/Tasks'), 'Tasks');
const DossierPage = page(() => import('./pages/DossierPage'), 'DossierPage');
const DraftForm = page(() => import('./pages/DraftForm'), 'DraftForm');
const Board = page(() => import('./pages/Board'), 'Board');
const Sessions = page(() => import('./pages/Sessions'), 'Sessions');
const SessionPage = page(() => import('./pages/SessionPage'), 'SessionPage');
const SessionMinutes = page(() => import('./pages/SessionPage'), 'SessionMinutes');
const Audit = page(() => import('./pages/Audit'), 'Audit');
const Administration = page(() => import('./pages/admin/Administration'), 'Administration');
const Reports = page(() => import('./pages/Reports'), 'Reports');
const AwardLookup = page(() => import('./pages/AwardLookup'), 'AwardLookup');
const DecisionRegisterPage = page(() => import('./pages/DecisionRegister'), 'DecisionRegisterPage');
const Movements = page(() => import('./pages/emulation/Movements'), 'Movements');
const MovementPage = page(() => import('./pages/emulation/Movements'), 'MovementPage');
const Registrations = page(() => import('./pages/emulation/Registrations'), 'Registrations');
const Blocks = page(() => import('./pages/emulation/Blocks'), 'Blocks');
const BlockPage = page(() => import('./pages/emulation/Blocks'), 'BlockPage');
const BlockYearPage = page(() => import('./pages/emulation/block-year/BlockYearPage'), 'BlockYearPage');
const AwardFund = page(() => import('./pages/fund/AwardFund'), 'AwardFund');
const ExemplaryModels = page(() => import('./pages/emulation/ExemplaryModels'), 'ExemplaryModels');
const ExemplaryModelPage = page(() => import('./pages/emulation/ExemplaryModels'), 'ExemplaryModelPage');
const loading = <Spin style={{ display: 'block', margin: '48px auto' }} />;

const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false } } });

/**
 * What the query and mutation caches hold, as JSON: the browser test reads it after a secret ballot to check that no
 * choice is kept. Kept in the production build on purpose (README "The web app"): the test must prove it of the
 * bundle people use, not of a test build, and it gives a script in the page nothing it could not already read (the
 * token in sessionStorage reaches the same API); it holds only what the signed-in person was already sent.
 */
Object.defineProperty(window, '__tdktCacheSnapshot', {
  value: () =>
    JSON.stringify({
      queries: queryClient
        .getQueryCache()
        .getAll()
        .map((q) => ({ key: q.queryKey, data: q.state.data })),
      mutations: queryClient
        .getMutationCache()
        .getAll()
        .map((m) => ({ key: m.options.mutationKey, variables: m.state.variables, data: m.state.data })),
    }),
});

/**
 * The brand colour, and secondary texts darker than antd's default (#8c8c8c on white is 3.4:1, placeholders 1.8:1, links
 * 4.1:1; WCAG AA asks 4.5:1, and axe-core checks it on every screen the browser tests visit).
 */
const THEME = {
  token: {
    colorPrimary: '#b71c1c',
    colorTextSecondary: 'rgba(0, 0, 0, 0.65)',
    colorTextTertiary: 'rgba(0, 0, 0, 0.6)',
    colorTextDescription: 'rgba(0, 0, 0, 0.65)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.56)',
    colorLink: '#0958d9',
    // Status colours dark enough for white text on them (danger buttons) and for text in them on white.
    colorError: '#cf1322',
    colorWarning: '#874d00',
    colorSuccess: '#237804',
  },
};
nameSelectListboxes();

const useMe = () => useSyncExternalStore(session.subscribe, () => sessionStorage.getItem('tdkt.session'));

function Shell() {
  const { t, i18n } = useTranslation();
  useMe();
  const me = session.me();
  const location = useLocation();
  // A phone: the header wraps and drops the person's name, the content loses its side padding.
  const wide = Grid.useBreakpoint().md !== false;
  if (!me) return <Navigate to="/sign-in" replace state={{ from: location.pathname }} />;
  const items = [
    { key: '/tasks', label: <Link to="/tasks">{t('app.tasks')}</Link> },
    ...(['SECRETARIAT_OFFICER', 'SECRETARIAT_HEAD', 'PROVINCIAL_DECIDER', 'AUDITOR', 'ADMINISTRATOR'].includes(me.role)
      ? [{ key: '/board', label: <Link to="/board">{t('app.board')}</Link> }]
      : []),
    ...(SESSION_READERS.includes(me.role)
      ? [{ key: '/council-sessions', label: <Link to="/council-sessions">{t('app.sessions')}</Link> }]
      : []),
    ...(['AUDITOR', 'SECRETARIAT_HEAD', 'ADMINISTRATOR'].includes(me.role)
      ? [{ key: '/audit', label: <Link to="/audit">{t('app.audit')}</Link> }]
      : []),
    ...(me.role === 'UNIT_CLERK'
      ? [{ key: '/dossiers/new', label: <Link to="/dossiers/new">{t('app.newDossier')}</Link> }]
      : []),
    ...(['ADMINISTRATOR', 'SECRETARIAT_HEAD'].includes(me.role)
      ? [{ key: '/admin', label: <Link to="/admin">{t('admin.menu')}</Link> }]
      : []),
    ...(REGISTER_READERS.includes(me.role)
      ? [{ key: '/decisions', label: <Link to="/decisions">{t('register.menu')}</Link> }]
      : []),
    ...(REPORT_READERS.includes(me.role)
      ? [{ key: '/reports', label: <Link to="/reports">{t('reports.menu')}</Link> }]
      : []),
    ...(LOOKUP_USERS.includes(me.role)
      ? [{ key: '/award-lookup', label: <Link to="/award-lookup">{t('lookup.menu')}</Link> }]
      : []),
    ...(FUND_READERS.includes(me.role)
      ? [{ key: '/award-fund', label: <Link to="/award-fund">{t('fund.menu')}</Link> }]
      : []),
    // Emulation (thi đua): every role reads it; the pages offer only what the person may do.
    {
      key: 'emulation',
      label: <span data-testid="menu-emulation">{t('emulation.menu')}</span>,
      children: [
        { key: '/movements', label: <Link to="/movements">{t('emulation.movements')}</Link> },
        { key: '/registrations', label: <Link to="/registrations">{t('emulation.registrations')}</Link> },
        { key: '/emulation-blocks', label: <Link to="/emulation-blocks">{t('emulation.blocks')}</Link> },
        { key: '/exemplary-models', label: <Link to="/exemplary-models">{t('emulation.models')}</Link> },
      ],
    },
  ];
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header
        style={{
          display: 'flex',
          alignItems: 'center',
          gap: wide ? 24 : 8,
          flexWrap: wide ? 'nowrap' : 'wrap',
          height: 'auto',
          minHeight: 64,
          paddingInline: wide ? 50 : 12,
        }}
      >
        <Typography.Text strong style={{ color: '#fff', fontSize: 16, whiteSpace: 'nowrap' }}>
          {t('app.title')}
        </Typography.Text>
        {/* No overflow menu: its hidden items stay focusable under aria-hidden (axe: aria-hidden-focus); the items wrap. */}
        <Menu
          theme="dark"
          mode="horizontal"
          disabledOverflow
          selectedKeys={[location.pathname]}
          items={items}
          style={{ flex: 1, minWidth: 0, flexWrap: 'wrap' }}
        />
        <Space>
          <Segmented
            data-testid="language"
            size="small"
            value={i18n.language.startsWith('en') ? 'en' : 'vi'}
            options={[
              { label: 'VI', value: 'vi' },
              { label: 'EN', value: 'en' },
            ]}
            onChange={(v) => void i18n.changeLanguage(String(v))}
          />
          <Typography.Text style={{ color: '#fff', display: wide ? undefined : 'none' }} data-testid="me">
            {me.name} · {t(`role.${me.role}`)}
          </Typography.Text>
          <Button size="small" data-testid="sign-out" onClick={() => void signOut(() => queryClient.clear())}>
            {t('app.signOut')}
          </Button>
        </Space>
      </Layout.Header>
      <Layout.Content style={{ padding: wide ? 24 : 8, maxWidth: 1200, width: '100%', margin: '0 auto' }}>
        <Suspense fallback={loading}>
          <Routes>
            <Route path="/tasks" element={<Tasks />} />
            <Route path="/board" element={<Board />} />
            <Route path="/council-sessions" element={<Sessions />} />
            <Route path="/council-sessions/:id" element={<SessionPage />} />
            <Route path="/council-sessions/:id/minutes" element={<SessionMinutes />} />
            <Route path="/audit" element={<Audit />} />
            <Route path="/admin" element={<Administration />} />
            <Route path="/decisions" element={<DecisionRegisterPage />} />
            <Route path="/reports" element={<Reports />} />
            <Route path="/award-lookup" element={<AwardLookup />} />
            <Route path="/award-fund" element={<AwardFund />} />
            <Route path="/movements" element={<Movements />} />
            <Route path="/movements/:id" element={<MovementPage />} />
            <Route path="/registrations" element={<Registrations />} />
            <Route path="/emulation-blocks" element={<Blocks />} />
            <Route path="/emulation-blocks/:id" element={<BlockPage />} />
            <Route path="/block-years/:id" element={<BlockYearPage />} />
            <Route path="/exemplary-models" element={<ExemplaryModels />} />
            <Route path="/exemplary-models/:id" element={<ExemplaryModelPage />} />
            <Route path="/dossiers/new" element={<DraftForm />} />
            <Route path="/dossiers/:id/edit" element={<DraftForm />} />
            <Route path="/dossiers/:id" element={<DossierPage />} />
            <Route path="*" element={<Navigate to="/tasks" replace />} />
          </Routes>
        </Suspense>
      </Layout.Content>
    </Layout>
  );
}

export function App() {
  const { i18n } = useTranslation();
  return (
    <ConfigProvider locale={i18n.language.startsWith('en') ? enUS : viVN} theme={THEME}>
      <AntApp>
        <QueryClientProvider client={queryClient}>
          <BrowserRouter>
            <Suspense fallback={loading}>
              <Routes>
                <Route path="/sign-in" element={<SignIn />} />
                <Route path="/auth/callback" element={<OidcCallback />} />
                <Route path="*" element={<Shell />} />
              </Routes>
            </Suspense>
          </BrowserRouter>
        </QueryClientProvider>
      </AntApp>
    </ConfigProvider>
  );
}
