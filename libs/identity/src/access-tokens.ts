import { Identity } from './identity';
import { ACCESS_TOKEN_AUDIENCE, accessTokenSigningKey, tokenIssuer } from './key-configuration';
import { signIdentity } from './signed-identity';

/**
 * Issues an access token as the identity provider would. In production tokens come from the
 * city's identity provider; this serves the development key, the demo, tests and
 * `npm run token`. Refused under NODE_ENV=production unless GRIDCARE_TOKEN_SIGNING_KEY is set.
 */
export async function issueAccessToken(
  identity: Identity,
  options: { expiresInSeconds?: number; environment?: Record<string, string | undefined> } = {},
): Promise<string> {
  const environment = options.environment ?? process.env;
  return signIdentity(identity, await accessTokenSigningKey(environment), {
    issuer: tokenIssuer(environment),
    audience: ACCESS_TOKEN_AUDIENCE,
    expiresInSeconds: options.expiresInSeconds ?? 8 * 3600,
  });
}
