import { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { GatewayAuthentication } from '../identity/gateway-authentication';

export interface GatewayDoorOptions {
  graphqlPath: string;
  authentication: GatewayAuthentication;
  maxRequestBytes: number;
}

/**
 * What every GraphQL request passes before the runtime sees it: a body no larger than the limit
 * (its length declared up front, so nothing is read to find out), and an access token that
 * verifies. Health and readiness checks, and CORS preflights, need neither.
 */
export function gatewayRequestListener(runtime: RequestListener, options: GatewayDoorOptions): RequestListener {
  return (request, response) => {
    const pathname = (request.url ?? '/').split('?')[0];
    if (pathname !== options.graphqlPath || request.method === 'OPTIONS') return void runtime(request, response);
    const tooLarge = bodyRefusal(request, options.maxRequestBytes);
    if (tooLarge) return answer(response, tooLarge.status, tooLarge.code, tooLarge.message);
    options.authentication.authenticateRequest(request.headers).then(
      (refused) => {
        if (!refused) return void runtime(request, response);
        answer(response, 401, 'UNAUTHENTICATED', refused.message, { 'www-authenticate': 'Bearer realm="gridcare"' }, { reason: refused.reason });
      },
      () => answer(response, 500, 'INTERNAL_SERVER_ERROR', 'Unexpected error.'),
    );
  };
}

function bodyRefusal(request: IncomingMessage, maxBytes: number): { status: number; code: string; message: string } | undefined {
  if (request.method !== 'POST') return undefined;
  const declared = request.headers['content-length'];
  if (declared === undefined) {
    return request.headers['transfer-encoding']
      ? { status: 411, code: 'LENGTH_REQUIRED', message: 'send the request body with a Content-Length' }
      : undefined;
  }
  if (Number(declared) > maxBytes) {
    return { status: 413, code: 'REQUEST_TOO_LARGE', message: `request body of ${declared} bytes is over the limit of ${maxBytes}` };
  }
  return undefined;
}

function answer(
  response: ServerResponse,
  status: number,
  code: string,
  message: string,
  headers: Record<string, string> = {},
  extensions: Record<string, unknown> = {},
): void {
  // The request body is not read: close the connection rather than leave it half-consumed.
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', connection: 'close', ...headers });
  response.end(JSON.stringify({ errors: [{ message, extensions: { code, ...extensions } }] }));
}
