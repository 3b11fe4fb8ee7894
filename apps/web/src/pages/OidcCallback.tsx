import { useEffect, useState } from 'react';
import { Alert, Button, Card } from 'antd';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../api/client';
import { session } from '../auth/session';
import { finishOidcSignIn } from '../auth/oidc';

/** One exchange per page load, even when React runs the effect twice. */
let exchange: Promise<string> | undefined;

async function complete(query: URLSearchParams): Promise<string> {
  const config = await unwrap(api.GET('/api/auth/config'));
  const tokens = await finishOidcSignIn(config, query);
  // The API verifies the provider's token and says who it speaks for (its directory may map the subject to a user).
  const me = await unwrap(api.GET('/api/auth/me', { headers: { authorization: `Bearer ${tokens.accessToken}` } }));
  const idName = typeof tokens.idClaims.name === 'string' ? tokens.idClaims.name : undefined;
  const name = me.fullName ?? idName;
  session.signIn(tokens.accessToken, me.userId, me.role, tokens.expiresAt, {
    userId: me.userId,
    ...(name ? { name } : {}),
    ...(me.unitCode ? { unitCode: me.unitCode } : {}),
    ...(tokens.idToken ? { idToken: tokens.idToken } : {}),
  });
  return tokens.from && tokens.from !== '/sign-in' ? tokens.from : '/tasks';
}

/** Back from the OIDC provider at /auth/callback?code&state: the code becomes the session's token, then My tasks. */
export function OidcCallback() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [error, setError] = useState<string>();
  useEffect(() => {
    exchange ??= complete(new URLSearchParams(window.location.search));
    exchange.then(
      (to) => void navigate(to, { replace: true }),
      (e: unknown) => setError(e instanceof Error ? e.message : String(e)),
    );
  }, [navigate]);
  return (
    <main style={{ minHeight: '100vh', display: 'grid', placeItems: 'center', background: '#f5f5f5' }}>
      <Card style={{ width: 420 }} title={t('oidc.completing')} loading={!error}>
        {error ? (
          <>
            <Alert
              type="error"
              showIcon
              data-testid="oidc-error"
              title={t('oidc.failed')}
              description={error}
              style={{ marginBottom: 16 }}
            />
            <Button
              onClick={() => {
                exchange = undefined;
                void navigate('/sign-in', { replace: true });
              }}
            >
              {t('oidc.retry')}
            </Button>
          </>
        ) : null}
      </Card>
    </main>
  );
}
