/** The signed-in user: the bearer token in sessionStorage (gone with the tab), its claims decoded for the UI only. */
export interface Me {
  userId: string;
  username: string;
  name: string;
  role: string;
  unitCode?: string;
  expiresAt: string;
}

const KEY = 'tdkt.session';
const listeners = new Set<() => void>();

interface Stored {
  token: string;
  me: Me;
  /** The OIDC provider's ID token, kept to end the provider's session on sign-out (RP-initiated logout). */
  idToken?: string;
}

function read(): Stored | undefined {
  try {
    const raw = sessionStorage.getItem(KEY);
    return raw ? (JSON.parse(raw) as Stored) : undefined;
  } catch {
    return undefined;
  }
}

function claims(token: string): Record<string, unknown> {
  const payload = token.split('.')[1] ?? '';
  const json = atob(payload.replace(/-/g, '+').replace(/_/g, '/'));
  return JSON.parse(new TextDecoder().decode(Uint8Array.from(json, (c) => c.charCodeAt(0)))) as Record<string, unknown>;
}

export const session = {
  token: (): string | undefined => read()?.token,
  me: (): Me | undefined => read()?.me,
  idToken: (): string | undefined => read()?.idToken,
  /** `known`: what the API said of the token (GET /api/auth/me), preferred over the token's own claims. */
  signIn(
    token: string,
    username: string,
    role: string,
    expiresAt: string,
    known: { userId?: string; name?: string; unitCode?: string; idToken?: string } = {},
  ): void {
    const c = claims(token);
    // The local issuer's (and an OIDC provider's default) claim names: tdkt_unit, name.
    const unit = known.unitCode ?? (typeof c.tdkt_unit === 'string' ? c.tdkt_unit : undefined);
    const name = known.name ?? (typeof c.name === 'string' ? c.name : username);
    const me: Me = {
      userId: known.userId ?? String(c.sub ?? username),
      username,
      name,
      role,
      expiresAt,
      ...(unit ? { unitCode: unit } : {}),
    };
    sessionStorage.setItem(KEY, JSON.stringify({ token, me, ...(known.idToken ? { idToken: known.idToken } : {}) }));
    listeners.forEach((l) => l());
  },
  signOut(): void {
    sessionStorage.removeItem(KEY);
    listeners.forEach((l) => l());
  },
  subscribe(l: () => void): () => void {
    listeners.add(l);
    return () => listeners.delete(l);
  },
};
