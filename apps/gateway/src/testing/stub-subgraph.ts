import { createServer, IncomingHttpHeaders, Server } from 'node:http';
import { AddressInfo } from 'node:net';

export interface StubRequest {
  headers: IncomingHttpHeaders;
  body: { query: string; variables?: Record<string, unknown> };
}

/**
 * A subgraph stand-in for the gateway's own tests: records what the gateway sent and answers
 * what the test says (after `delayMs`, to try timeouts).
 */
export class StubSubgraph {
  readonly requests: StubRequest[] = [];
  delayMs = 0;
  private server?: Server;
  private readonly pending = new Set<NodeJS.Timeout>();

  constructor(private readonly respond: (request: StubRequest) => unknown) {}

  async start(): Promise<string> {
    this.server = createServer((request, response) => {
      let raw = '';
      request.on('data', (chunk) => (raw += chunk));
      request.on('end', () => {
        const received = { headers: request.headers, body: JSON.parse(raw) };
        this.requests.push(received);
        const answer = setTimeout(() => {
          this.pending.delete(answer);
          if (response.destroyed) return;
          response.writeHead(200, { 'content-type': 'application/json' });
          response.end(JSON.stringify(this.respond(received)));
        }, this.delayMs);
        this.pending.add(answer);
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}/graphql`;
  }

  async stop(): Promise<void> {
    for (const answer of this.pending) clearTimeout(answer);
    await new Promise<void>((resolve) => {
      this.server?.close(() => resolve());
      this.server?.closeAllConnections();
    });
  }
}
