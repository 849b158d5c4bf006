import { IDENTITY_ASSERTION_HEADER } from '@gridcare/identity';

/**
 * What the subgraphs are told of who is acting: the gateway's own signed assertion, which the
 * gateway's HTTP layer put on the request after verifying the client's token (and after
 * dropping whatever the client had sent under that name). Nothing else a client sent is passed on.
 */
export function downstreamIdentityHeaders(request: Request): Record<string, string> {
  const assertion = request.headers.get(IDENTITY_ASSERTION_HEADER);
  return assertion ? { [IDENTITY_ASSERTION_HEADER]: assertion } : {};
}
