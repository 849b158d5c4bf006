import { LRUCache } from 'lru-cache';
import { Identity, IdentityRefused } from './identity';
import {
  ACCESS_TOKEN_AUDIENCE,
  accessTokenVerificationKey,
  GATEWAY_ISSUER,
  gatewayVerificationKey,
  SUBGRAPH_AUDIENCE,
  tokenIssuer,
  VerificationKey,
} from './key-configuration';
import { verifySignedIdentity, VerifiedIdentity } from './signed-identity';

/**
 * Verifies signed identities, remembering the ones it verified until they expire, so a client
 * sending the same token again costs a map lookup rather than a signature check.
 */
export class IdentityVerifier {
  private readonly verified = new LRUCache<string, VerifiedIdentity>({ max: 20_000 });

  constructor(
    private readonly key: VerificationKey,
    private readonly expected: { issuer: string; audience: string },
    private readonly now: () => number = () => Date.now(),
  ) {}

  /** Verifies access tokens from users, for the gateway. */
  static async forAccessTokens(environment: Record<string, string | undefined> = process.env): Promise<IdentityVerifier> {
    return new IdentityVerifier(await accessTokenVerificationKey(environment), { issuer: tokenIssuer(environment), audience: ACCESS_TOKEN_AUDIENCE });
  }

  /** Verifies the gateway's identity assertions, for a subgraph. */
  static async forGatewayAssertions(environment: Record<string, string | undefined> = process.env): Promise<IdentityVerifier> {
    return new IdentityVerifier(await gatewayVerificationKey(environment), { issuer: GATEWAY_ISSUER, audience: SUBGRAPH_AUDIENCE });
  }

  async verify(token: string | undefined): Promise<VerifiedIdentity> {
    if (!token) throw new IdentityRefused('missing', 'no token');
    const remembered = this.verified.get(token);
    if (remembered && remembered.expiresAt * 1000 > this.now()) return remembered;
    const verified = await verifySignedIdentity(token, this.key, this.expected);
    this.verified.set(token, verified);
    return verified;
  }

  async identityOf(token: string | undefined): Promise<Identity> {
    return (await this.verify(token)).identity;
  }
}
