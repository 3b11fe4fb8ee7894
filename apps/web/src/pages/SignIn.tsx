import { useState } from 'react';
import { Button, Card, Form, Input, Segmented, Select, Space, Typography } from 'antd';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useLocation, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../api/client';
import { session } from '../auth/session';
import { ApiErrorAlert } from '../components/ApiErrorAlert';
import { beginOidcSignIn } from '../auth/oidc';

/** The demo users `npm run up` seeds (README), one per role. */
const DEMO_USERS = [
  'clerk.sgddt',
  'head.sgddt',
  'clerk.syt',
  'head.syt',
  'clerk.tanphu',
  'secretariat.officer',
  'secretariat.head',
  'council.chair',
  'council.member1',
  'council.member2',
  'unitcouncil.sgddt.1',
  'unitcouncil.sgddt.2',
  'chairman',
  'central.appraiser',
  'central.decider',
  'auditor',
  'admin',
];

/**
 * Embedded default: the local token issuer (POST /api/auth/token), pick a demo user, no password. Under AUTH_MODE=oidc
 * (GET /api/auth/config says so) one button leads to the provider's login (Authorization Code + PKCE, auth/oidc.ts).
 */
export function SignIn() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const from = (useLocation().state as { from?: string } | null)?.from;
  const [username, setUsername] = useState('');
  const config = useQuery({
    queryKey: ['auth-config'],
    staleTime: Infinity,
    queryFn: () => unwrap(api.GET('/api/auth/config')),
  });
  const oidc = useMutation({ mutationFn: () => beginOidcSignIn(config.data ?? { mode: 'oidc' }, from) });
  const signIn = useMutation({
    mutationFn: (name: string) => unwrap(api.POST('/api/auth/token', { body: { username: name } })),
    onSuccess: (token, name) => {
      session.signIn(token.accessToken, name, token.role, token.expiresAt);
      void navigate(from && from !== '/sign-in' ? from : '/tasks', { replace: true });
    },
  });
  return (
    <main style={{ minHeight: '100vh', display: 'grid', placeItems: 'center', background: '#f5f5f5' }}>
      <Card
        style={{ width: 420 }}
        title={t('app.title')}
        extra={
          <Segmented
            size="small"
            value={i18n.language.startsWith('en') ? 'en' : 'vi'}
            options={[
              { label: 'VI', value: 'vi' },
              { label: 'EN', value: 'en' },
            ]}
            onChange={(v) => void i18n.changeLanguage(String(v))}
          />
        }
      >
        <Typography.Title level={1} style={{ fontSize: 20 }}>
          {t('signIn.title')}
        </Typography.Title>
        {config.data?.mode === 'oidc' ? (
          <>
            <Typography.Paragraph type="secondary">{t('oidc.subtitle')}</Typography.Paragraph>
            <ApiErrorAlert error={oidc.error} />
            <Button
              type="primary"
              block
              data-testid="oidc-sign-in"
              loading={oidc.isPending || oidc.isSuccess}
              onClick={() => oidc.mutate()}
            >
              {t('oidc.signIn')}
            </Button>
          </>
        ) : config.isLoading ? (
          <Card loading />
        ) : (
          <>
            <Typography.Paragraph type="secondary">{t('signIn.subtitle')}</Typography.Paragraph>
            <ApiErrorAlert error={signIn.error} />
            <Form layout="vertical" onFinish={() => signIn.mutate(username.trim())}>
              <Form.Item label={t('signIn.pick')} htmlFor="demo-user">
                <Select
                  id="demo-user"
                  showSearch
                  value={DEMO_USERS.includes(username) ? username : undefined}
                  options={DEMO_USERS.map((u) => ({ value: u, label: u }))}
                  onChange={setUsername}
                  placeholder={t('signIn.pick')}
                />
              </Form.Item>
              <Form.Item label={t('signIn.username')} htmlFor="username">
                <Input
                  id="username"
                  name="username"
                  value={username}
                  onChange={(e) => setUsername(e.target.value)}
                  autoComplete="username"
                />
              </Form.Item>
              <Space>
                <Button type="primary" htmlType="submit" loading={signIn.isPending} disabled={!username.trim()}>
                  {t('signIn.submit')}
                </Button>
              </Space>
            </Form>
          </>
        )}
      </Card>
    </main>
  );
}
