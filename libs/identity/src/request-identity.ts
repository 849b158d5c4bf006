import { Identity, IdentityRefused } from './identity';
import { IDENTITY_ASSERTION_HEADER } from './identity-assertions';
import { IdentityVerifier } from './identity-verifier';

type Headers = Record<string, string | string[] | undefined>;

/** What a subgraph learned of a request's identity: the verified identity, or why there is none. */
export type RequestIdentity = { identity: Identity } | { refused: IdentityRefused };

/**
 * A subgraph's reading of the gateway's assertion on a request. Never throws: a request with
 * no or a bad assertion gets `refused`, and the operations that need an identity refuse it.
 */
export async function requestIdentity(verifier: IdentityVerifier, headers: Headers | undefined): Promise<RequestIdentity> {
  const raw = headers?.[IDENTITY_ASSERTION_HEADER];
  const assertion = Array.isArray(raw) ? raw[0] : raw;
  try {
    return { identity: await verifier.identityOf(assertion) };
  } catch (error) {
    if (error instanceof IdentityRefused) return { refused: error };
    throw error;
  }
}
