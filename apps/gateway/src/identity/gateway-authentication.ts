import { IncomingHttpHeaders } from 'node:http';
import { IDENTITY_ASSERTION_HEADER, IdentityAssertions, IdentityRefused, IdentityVerifier } from '@gridcare/identity';

export type Authentication = { assertion: string } | { refused: IdentityRefused };

/**
 * The gateway's door: verifies the client's bearer token (the identity provider's key) and
 * answers with the assertion the subgraphs will verify (the gateway's key).
 */
export class GatewayAuthentication {
  constructor(
    private readonly tokens: IdentityVerifier,
    private readonly assertions: IdentityAssertions,
  ) {}

  static async fromEnvironment(environment: Record<string, string | undefined> = process.env): Promise<GatewayAuthentication> {
    return new GatewayAuthentication(await IdentityVerifier.forAccessTokens(environment), await IdentityAssertions.fromEnvironment(environment));
  }

  async authenticate(authorization: string | undefined): Promise<Authentication> {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
    if (!match) return { refused: new IdentityRefused('missing', 'send an access token: Authorization: Bearer <token> (npm run token issues one for development)') };
    try {
      const { identity, expiresAt } = await this.tokens.verify(match[1]);
      return { assertion: await this.assertions.assertionFor(identity, match[1], expiresAt) };
    } catch (error) {
      if (error instanceof IdentityRefused) return { refused: error };
      throw error;
    }
  }

  /**
   * Authenticates a request in place: drops identity headers the client wrote, then puts the
   * gateway's assertion on it. Answers the refusal when the token does not verify.
   */
  async authenticateRequest(headers: IncomingHttpHeaders): Promise<IdentityRefused | undefined> {
    delete headers[IDENTITY_ASSERTION_HEADER];
    const authentication = await this.authenticate(headers.authorization);
    if ('refused' in authentication) return authentication.refused;
    headers[IDENTITY_ASSERTION_HEADER] = authentication.assertion;
    return undefined;
  }
}
