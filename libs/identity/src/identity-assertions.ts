import { LRUCache } from 'lru-cache';
import { Identity } from './identity';
import { GATEWAY_ISSUER, gatewaySigningKey, SigningKey, SUBGRAPH_AUDIENCE } from './key-configuration';
import { signIdentity } from './signed-identity';

/** The header that carries the gateway's signed identity assertion to a subgraph. */
export const IDENTITY_ASSERTION_HEADER = 'x-gridcare-identity';

/** An assertion lives five minutes; one is reused until a minute before it expires. */
const ASSERTION_LIFETIME_SECONDS = 300;
const REUSE_MARGIN_MS = 60_000;

/**
 * The gateway's signed statements to the subgraphs of who is acting: signed with the gateway's
 * key, for the subgraphs' audience, so a subgraph never has to trust a header a client wrote.
 * An assertion is made once per verified access token and reused while it is fresh.
 */
export class IdentityAssertions {
  private readonly issued = new LRUCache<string, { assertion: string; expiresAtMs: number }>({ max: 20_000 });

  constructor(
    private readonly key: SigningKey,
    private readonly now: () => number = () => Date.now(),
  ) {}

  static async fromEnvironment(environment: Record<string, string | undefined> = process.env): Promise<IdentityAssertions> {
    return new IdentityAssertions(await gatewaySigningKey(environment));
  }

  /** The assertion for `identity`; `cacheKey` (the access token it came from) lets it be reused. */
  async assertionFor(identity: Identity, cacheKey: string, tokenExpiresAt: number): Promise<string> {
    const remembered = this.issued.get(cacheKey);
    if (remembered && remembered.expiresAtMs - REUSE_MARGIN_MS > this.now()) return remembered.assertion;
    const lifetime = Math.max(1, Math.min(ASSERTION_LIFETIME_SECONDS, tokenExpiresAt - Math.floor(this.now() / 1000)));
    const assertion = await signIdentity(identity, this.key, { issuer: GATEWAY_ISSUER, audience: SUBGRAPH_AUDIENCE, expiresInSeconds: lifetime, now: this.now() });
    this.issued.set(cacheKey, { assertion, expiresAtMs: this.now() + lifetime * 1000 });
    return assertion;
  }
}
