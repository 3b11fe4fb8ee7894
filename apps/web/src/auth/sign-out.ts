import { api, unwrap } from '../api/client';
import { endOidcSession } from './oidc';
import { session } from './session';

/**
 * Signs out of the app (the token and every cached answer go); after an OIDC sign-in, also out of the provider, whose
 * end-session page comes back to /sign-in — otherwise the next sign-in would pass through without asking anyone.
 */
export async function signOut(clearCaches: () => void): Promise<void> {
  const idToken = session.idToken();
  session.signOut();
  clearCaches();
  if (!idToken) return;
  const config = await unwrap(api.GET('/api/auth/config'));
  if (config.mode === 'oidc') await endOidcSession(config, idToken);
}
