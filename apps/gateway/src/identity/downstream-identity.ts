/**
 * The one place that decides which identity the subgraphs are told about. For now the gateway
 * passes on the two headers the client sent; the authentication issue replaces this with the
 * identity from a verified token (and drops whatever the client claimed).
 */
export const ACTOR_ID_HEADER = 'x-gridcare-actor-id';
export const ACTOR_ROLE_HEADER = 'x-gridcare-actor-role';

export function downstreamIdentityHeaders(request: Request): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const name of [ACTOR_ID_HEADER, ACTOR_ROLE_HEADER]) {
    const value = request.headers.get(name);
    if (value) headers[name] = value;
  }
  return headers;
}
