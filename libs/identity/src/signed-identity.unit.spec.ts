import { generateKeyPair, SignJWT } from 'jose';
import { issueAccessToken } from './access-tokens';
import { Identity, IdentityRefused } from './identity';
import { IdentityAssertions } from './identity-assertions';
import { IdentityVerifier } from './identity-verifier';
import { accessTokenSigningKey, accessTokenVerificationKey, ACCESS_TOKEN_AUDIENCE, DEFAULT_TOKEN_ISSUER, gatewaySigningKey } from './key-configuration';
import { maySeePersonalData } from './roles';

const DESK: Identity = { actorId: 'desk-3', role: 'referral_desk', jurisdiction: { level: 'city' }, facilityId: 'f-tertiary-1', name: 'Desk of Ward 3' };

async function refusalOf(promise: Promise<unknown>): Promise<IdentityRefused> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof IdentityRefused) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('signed identities', () => {
  it('come back from an access token exactly as issued', async () => {
    const verifier = await IdentityVerifier.forAccessTokens({});
    expect(await verifier.identityOf(await issueAccessToken(DESK, { environment: {} }))).toEqual(DESK);
  });

  it('refuse claims that are not an identity: an unknown role, a desk without its facility', async () => {
    const key = await accessTokenSigningKey({});
    const token = (claims: Record<string, unknown>) =>
      new SignJWT(claims).setProtectedHeader({ alg: 'EdDSA' }).setIssuer(DEFAULT_TOKEN_ISSUER).setAudience(ACCESS_TOKEN_AUDIENCE).setSubject('x-1').setExpirationTime('1h').sign(key);
    const verifier = new IdentityVerifier(await accessTokenVerificationKey({}), { issuer: DEFAULT_TOKEN_ISSUER, audience: ACCESS_TOKEN_AUDIENCE });
    const superuser = await refusalOf(verifier.verify(await token({ role: 'superuser', jurisdiction: { level: 'city' } })));
    expect(superuser.reason).toBe('bad-claims');
    const desk = await refusalOf(verifier.verify(await token({ role: 'referral_desk', jurisdiction: { level: 'city' } })));
    expect(desk.message).toMatch(/facilityId/);
  });

  it('refuse an HMAC token signed with the public key as secret (algorithm confusion)', async () => {
    const verifier = await IdentityVerifier.forAccessTokens({});
    const secret = new TextEncoder().encode('the public key as a secret');
    const hmac = await new SignJWT({ role: 'administrator', jurisdiction: { level: 'city' } })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer(DEFAULT_TOKEN_ISSUER)
      .setAudience(ACCESS_TOKEN_AUDIENCE)
      .setSubject('mallory')
      .setExpirationTime('1h')
      .sign(secret);
    expect((await refusalOf(verifier.verify(hmac))).reason).toBe('invalid-signature');
  });

  it('are remembered by the verifier only until they expire', async () => {
    let now = Date.now();
    const verifier = new IdentityVerifier(await accessTokenVerificationKey({}), { issuer: DEFAULT_TOKEN_ISSUER, audience: ACCESS_TOKEN_AUDIENCE }, () => now);
    const token = await issueAccessToken(DESK, { expiresInSeconds: 60, environment: {} });
    await verifier.verify(token);
    now += 61_000;
    // The cached entry is stale: the token is verified again, and jose (on the real clock) still
    // accepts it, so the answer is the same identity; the cache never outlives the token's exp.
    expect((await verifier.verify(token)).identity).toEqual(DESK);
    const expired = await issueAccessToken(DESK, { expiresInSeconds: -1, environment: {} });
    expect((await refusalOf(verifier.verify(expired))).reason).toBe('expired');
  });

  it("are asserted to subgraphs once per token while fresh, and never beyond the token's life", async () => {
    let now = Date.now();
    const assertions = new IdentityAssertions(await gatewaySigningKey({}), () => now);
    const nowSeconds = () => Math.floor(now / 1000);
    const first = await assertions.assertionFor(DESK, 'token-a', nowSeconds() + 3600);
    expect(await assertions.assertionFor(DESK, 'token-a', nowSeconds() + 3600)).toBe(first);
    now += 241_000;
    expect(await assertions.assertionFor(DESK, 'token-a', nowSeconds() + 3600)).not.toBe(first);
    const subgraphs = await IdentityVerifier.forGatewayAssertions({});
    const onRealClock = new IdentityAssertions(await gatewaySigningKey({}));
    const shortLived = await subgraphs.verify(await onRealClock.assertionFor(DESK, 'token-b', Math.floor(Date.now() / 1000) + 30));
    expect(shortLived.expiresAt).toBeLessThanOrEqual(Math.floor(Date.now() / 1000) + 31);
  });

  it('are refused in production without configured keys', async () => {
    await expect(gatewaySigningKey({ NODE_ENV: 'production' })).rejects.toThrow(/GRIDCARE_GATEWAY_SIGNING_KEY is not set/);
    await expect(IdentityVerifier.forAccessTokens({ NODE_ENV: 'production' })).rejects.toThrow(/GRIDCARE_TOKEN_PUBLIC_KEY/);
  });

  it('take configured keys, one-line PEM included', async () => {
    const { privateKey, publicKey } = await generateKeyPair('EdDSA', { extractable: true });
    const { exportPKCS8, exportSPKI } = await import('jose');
    const environment = {
      NODE_ENV: 'production',
      GRIDCARE_TOKEN_ISSUER: 'https://id.city.example',
      GRIDCARE_TOKEN_SIGNING_KEY: (await exportPKCS8(privateKey)).replace(/\n/g, '\\n'),
      GRIDCARE_TOKEN_PUBLIC_KEY: await exportSPKI(publicKey),
    };
    const token = await issueAccessToken(DESK, { environment });
    expect(await (await IdentityVerifier.forAccessTokens(environment)).identityOf(token)).toEqual(DESK);
    // The development verifier does not accept it.
    expect((await refusalOf((await IdentityVerifier.forAccessTokens({})).verify(token))).reason).toMatch(/invalid-signature|wrong-issuer/);
  });
});

describe('personal data', () => {
  it('is for those who call, treat and vaccinate residents, and administrators', () => {
    expect(['community_worker', 'family_doctor', 'vaccination_team', 'administrator'].every((role) => maySeePersonalData(role as never))).toBe(true);
    expect(['referral_desk', 'volunteer_coordinator', 'command_centre', 'auditor'].some((role) => maySeePersonalData(role as never))).toBe(false);
  });
});
