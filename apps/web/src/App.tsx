import { useSyncExternalStore } from 'react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider, Grid, Layout, Menu, Segmented, Space, Typography, Button } from 'antd';
import viVN from 'antd/locale/vi_VN';
import enUS from 'antd/locale/en_US';
import { BrowserRouter, Link, Navigate, Route, Routes, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { session } from './auth/session';
import { SignIn } from './pages/SignIn';
import { Tasks } from './pages/Tasks';
import { DossierPage } from './pages/DossierPage';
import { DraftForm } from './pages/DraftForm';
import { Board } from './pages/Board';
import { SESSION_READERS, Sessions } from './pages/Sessions';
import { SessionMinutes, SessionPage } from './pages/SessionPage';
import { Audit } from './pages/Audit';

const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false } } });

/**
 * What the query and mutation caches hold, as JSON: the browser test reads it after a secret ballot to check that no
 * choice is kept (it holds only what the signed-in person was already sent).
 */
Object.defineProperty(window, '__tdktCacheSnapshot', {
  value: () =>
    JSON.stringify({
      queries: queryClient.getQueryCache().getAll().map((q) => ({ key: q.queryKey, data: q.state.data })),
      mutations: queryClient.getMutationCache().getAll().map((m) => ({ key: m.options.mutationKey, variables: m.state.variables, data: m.state.data })),
    }),
});

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
    ...(['SECRETARIAT_OFFICER', 'SECRETARIAT_HEAD', 'PROVINCIAL_DECIDER', 'AUDITOR', 'ADMINISTRATOR'].includes(me.role) ? [{ key: '/board', label: <Link to="/board">{t('app.board')}</Link> }] : []),
    ...(SESSION_READERS.includes(me.role) ? [{ key: '/council-sessions', label: <Link to="/council-sessions">{t('app.sessions')}</Link> }] : []),
    ...(['AUDITOR', 'SECRETARIAT_HEAD', 'ADMINISTRATOR'].includes(me.role) ? [{ key: '/audit', label: <Link to="/audit">{t('app.audit')}</Link> }] : []),
    ...(me.role === 'UNIT_CLERK' ? [{ key: '/dossiers/new', label: <Link to="/dossiers/new">{t('app.newDossier')}</Link> }] : []),
  ];
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header style={{ display: 'flex', alignItems: 'center', gap: wide ? 24 : 8, flexWrap: wide ? 'nowrap' : 'wrap', height: 'auto', minHeight: 64, paddingInline: wide ? 50 : 12 }}>
        <Typography.Text strong style={{ color: '#fff', fontSize: 16, whiteSpace: 'nowrap' }}>{t('app.title')}</Typography.Text>
        <Menu theme="dark" mode="horizontal" selectedKeys={[location.pathname]} items={items} style={{ flex: 1, minWidth: 0 }} />
        <Space>
          <Segmented
            data-testid="language"
            size="small"
            value={i18n.language.startsWith('en') ? 'en' : 'vi'}
            options={[{ label: 'VI', value: 'vi' }, { label: 'EN', value: 'en' }]}
            onChange={(v) => void i18n.changeLanguage(String(v))}
          />
          <Typography.Text style={{ color: '#fff', display: wide ? undefined : 'none' }} data-testid="me">
            {me.name} · {t(`role.${me.role}`)}
          </Typography.Text>
          <Button size="small" onClick={() => { session.signOut(); queryClient.clear(); }}>{t('app.signOut')}</Button>
        </Space>
      </Layout.Header>
      <Layout.Content style={{ padding: wide ? 24 : 8, maxWidth: 1200, width: '100%', margin: '0 auto' }}>
        <Routes>
          <Route path="/tasks" element={<Tasks />} />
          <Route path="/board" element={<Board />} />
          <Route path="/council-sessions" element={<Sessions />} />
          <Route path="/council-sessions/:id" element={<SessionPage />} />
          <Route path="/council-sessions/:id/minutes" element={<SessionMinutes />} />
          <Route path="/audit" element={<Audit />} />
          <Route path="/dossiers/new" element={<DraftForm />} />
          <Route path="/dossiers/:id/edit" element={<DraftForm />} />
          <Route path="/dossiers/:id" element={<DossierPage />} />
          <Route path="*" element={<Navigate to="/tasks" replace />} />
        </Routes>
      </Layout.Content>
    </Layout>
  );
}

export function App() {
  const { i18n } = useTranslation();
  return (
    <ConfigProvider locale={i18n.language.startsWith('en') ? enUS : viVN} theme={{ token: { colorPrimary: '#b71c1c' } }}>
      <AntApp>
        <QueryClientProvider client={queryClient}>
          <BrowserRouter>
            <Routes>
              <Route path="/sign-in" element={<SignIn />} />
              <Route path="*" element={<Shell />} />
            </Routes>
          </BrowserRouter>
        </QueryClientProvider>
      </AntApp>
    </ConfigProvider>
  );
}
