import { jwtVerify, SignJWT } from 'jose';
import { Identity, IdentityRefused, IdentitySchema } from './identity';
import { SigningKey, VerificationKey } from './key-configuration';

/**
 * An identity as a signed JWT (EdDSA): the subject is the actor; `role`, `jurisdiction`,
 * `facility_id` and `name` are claims. The same shape serves the access tokens users bring to
 * the gateway and the short-lived assertions the gateway hands the subgraphs; only issuer,
 * audience, key and lifetime differ.
 */
export interface SignedIdentityOptions {
  issuer: string;
  audience: string;
  /** Seconds from now. */
  expiresInSeconds: number;
  /** Milliseconds since the epoch; the system clock unless given. */
  now?: number;
}

export function signIdentity(identity: Identity, key: SigningKey, options: SignedIdentityOptions): Promise<string> {
  const claims: Record<string, unknown> = { role: identity.role, jurisdiction: identity.jurisdiction };
  if (identity.facilityId !== undefined) claims.facility_id = identity.facilityId;
  if (identity.name !== undefined) claims.name = identity.name;
  const now = Math.floor((options.now ?? Date.now()) / 1000);
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'EdDSA', typ: 'JWT' })
    .setIssuer(options.issuer)
    .setAudience(options.audience)
    .setSubject(identity.actorId)
    .setIssuedAt(now)
    .setExpirationTime(now + options.expiresInSeconds)
    .sign(key);
}

export interface VerifiedIdentity {
  identity: Identity;
  /** Seconds since the epoch. */
  expiresAt: number;
}

export async function verifySignedIdentity(
  token: string,
  key: VerificationKey,
  expected: { issuer: string; audience: string },
): Promise<VerifiedIdentity> {
  let payload;
  try {
    ({ payload } = await jwtVerify(token, key, { issuer: expected.issuer, audience: expected.audience, algorithms: ['EdDSA'], requiredClaims: ['sub', 'exp'] }));
  } catch (error) {
    throw refusalOf(error);
  }
  const parsed = IdentitySchema.safeParse({
    actorId: payload.sub,
    role: payload.role,
    jurisdiction: payload.jurisdiction,
    facilityId: payload.facility_id,
    name: payload.name,
  });
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new IdentityRefused('bad-claims', `token claims are not an identity: ${first.path.join('.') || 'claims'}: ${first.message}`);
  }
  return { identity: parsed.data, expiresAt: payload.exp as number };
}

/** jose's errors by their `code` (stable across builds, unlike `instanceof` across module copies). */
function refusalOf(error: unknown): IdentityRefused {
  const { code, claim, reason } = (error ?? {}) as { code?: string; claim?: string; reason?: string };
  switch (code) {
    case 'ERR_JWT_EXPIRED':
      return new IdentityRefused('expired', 'token expired');
    case 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED':
      return new IdentityRefused('invalid-signature', 'token signature does not verify');
    case 'ERR_JOSE_ALG_NOT_ALLOWED':
      return new IdentityRefused('invalid-signature', 'token algorithm not accepted (EdDSA only)');
    case 'ERR_JWT_CLAIM_VALIDATION_FAILED':
      if (claim === 'iss' || claim === 'aud') return new IdentityRefused('wrong-issuer', `token ${claim} is not accepted here`);
      return new IdentityRefused('bad-claims', `token claim ${claim}: ${reason}`);
    default:
      return new IdentityRefused('malformed', 'token is not a well-formed JWT');
  }
}
