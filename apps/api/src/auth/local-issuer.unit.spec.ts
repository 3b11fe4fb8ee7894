import { randomBytes } from 'node:crypto';
import { SignJWT } from 'jose';
import type { Actor } from '@tdkt/domain';
import { LOCAL_AUDIENCE, LOCAL_ISSUER, LocalIssuer } from './local-issuer';

const clerk: Actor & { name: string } = {
  userId: 'u-clerk',
  role: 'UNIT_CLERK',
  unitCode: 'SOTC',
  name: 'Nguyễn Văn A',
};

const refusal = async (issuer: LocalIssuer, token: string) => {
  const result = await issuer.verify(token);
  if (result.ok) throw new Error(`expected a refusal, got ${JSON.stringify(result.actor)}`);
  return result.reason;
};

describe('LocalIssuer', () => {
  it('verifies its own token back to the actor it was issued for', async () => {
    const issuer = new LocalIssuer();
    const { token, expiresAt } = await issuer.issue(clerk);
    expect(await issuer.verify(token)).toEqual({
      ok: true,
      actor: { userId: 'u-clerk', role: 'UNIT_CLERK', unitCode: 'SOTC' },
    });
    expect(Date.parse(expiresAt)).toBeGreaterThan(Date.now() + 11 * 3600 * 1000);
  });

  it('issues a token without a unit for a role that has none', async () => {
    const issuer = new LocalIssuer();
    const { token } = await issuer.issue({ userId: 'u-auditor', role: 'AUDITOR', name: 'Kiểm toán' });
    expect(await issuer.verify(token)).toEqual({ ok: true, actor: { userId: 'u-auditor', role: 'AUDITOR' } });
  });

  it('refuses a token whose claims were edited after signing (role raised to ADMINISTRATOR)', async () => {
    const issuer = new LocalIssuer();
    const [header, payload, signature] = (await issuer.issue(clerk)).token.split('.');
    const claims = Buffer.from(payload, 'base64url').toString('utf8');
    expect(claims).toContain('"tdkt_role":"UNIT_CLERK"');
    const raised = Buffer.from(claims.replace('"UNIT_CLERK"', '"ADMINISTRATOR"')).toString('base64url');
    expect(await refusal(issuer, `${header}.${raised}.${signature}`)).toBe('The token signature does not verify');
  });

  it('refuses a token from another process (a key made at another start-up)', async () => {
    const { token } = await new LocalIssuer().issue(clerk);
    expect(await refusal(new LocalIssuer(), token)).toBe('The token signature does not verify');
  });

  it('refuses an expired token beyond the 30 s clock tolerance', async () => {
    const issuer = new LocalIssuer();
    const { token } = await issuer.issue(clerk, -60);
    expect(await refusal(issuer, token)).toBe('The token has expired');
  });

  it('refuses a token signed with its key but for another audience or issuer', async () => {
    const key = randomBytes(32);
    const issuer = new LocalIssuer(key);
    const signed = (iss: string, aud: string) =>
      new SignJWT({ tdkt_role: 'UNIT_CLERK' })
        .setProtectedHeader({ alg: 'HS256' })
        .setIssuer(iss)
        .setAudience(aud)
        .setSubject('u-clerk')
        .setExpirationTime('5m')
        .sign(key);
    expect((await issuer.verify(await signed(LOCAL_ISSUER, LOCAL_AUDIENCE))).ok).toBe(true);
    expect(await refusal(issuer, await signed(LOCAL_ISSUER, 'another-api'))).toMatch(/"aud" claim/);
    expect(await refusal(issuer, await signed('someone-else', LOCAL_AUDIENCE))).toMatch(/"iss" claim/);
  });

  it('refuses an unsigned ("alg": "none") token', async () => {
    const b64 = (v: object) => Buffer.from(JSON.stringify(v)).toString('base64url');
    const unsigned = `${b64({ alg: 'none' })}.${b64({ iss: LOCAL_ISSUER, aud: LOCAL_AUDIENCE, sub: 'u', tdkt_role: 'ADMINISTRATOR', exp: 9999999999 })}.`;
    expect((await new LocalIssuer().verify(unsigned)).ok).toBe(false);
  });
});
