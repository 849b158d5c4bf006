import { Client, Pool } from 'pg';
import { AppendWaker } from './append-waker';

/**
 * Cross-process wake-ups through LISTEN/NOTIFY. Appenders send one NOTIFY after their
 * commit (coalesced: at most one in flight), outside the append's transaction, because a
 * NOTIFY inside it would serialise every commit on PostgreSQL's notification queue lock.
 * If a NOTIFY is ever lost, subscriptions still wake on their fallback timer.
 */
export class AppendNotifications {
  private sending = false;
  private sendAgain = false;
  private listener?: Client;
  private listening?: Promise<void>;
  private closed = false;
  private reconnectTimer?: NodeJS.Timeout;

  constructor(
    private readonly pool: Pool,
    private readonly channel: string,
    private readonly connectionString: string | undefined,
    readonly waker: AppendWaker,
  ) {}

  /** Called after a successful append. */
  appended(): void {
    this.waker.wake();
    if (this.sending) {
      this.sendAgain = true;
      return;
    }
    this.sending = true;
    void this.send();
  }

  private async send(): Promise<void> {
    do {
      this.sendAgain = false;
      try {
        await this.pool.query('SELECT pg_notify($1, $2)', [this.channel, '']);
      } catch {
        // The fallback timer covers a lost wake-up; an append is never failed by this.
      }
    } while (this.sendAgain && !this.closed);
    this.sending = false;
  }

  /** Starts listening (once) for other processes' appends. */
  listen(): Promise<void> {
    if (!this.connectionString || this.closed) return Promise.resolve();
    this.listening ??= this.connect();
    return this.listening;
  }

  private async connect(): Promise<void> {
    const client = new Client({ connectionString: this.connectionString });
    client.on('notification', () => this.waker.wake());
    client.on('error', () => this.reconnectLater(client));
    client.on('end', () => this.reconnectLater(client));
    try {
      await client.connect();
      await client.query(`LISTEN "${this.channel}"`);
      this.listener = client;
      // Anything appended while we were not listening is picked up by this wake-up.
      this.waker.wake();
    } catch {
      this.reconnectLater(client);
    }
  }

  private reconnectLater(client: Client): void {
    if (this.closed || this.reconnectTimer) return;
    if (this.listener === client) this.listener = undefined;
    client.end().catch(() => undefined);
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = undefined;
      this.listening = this.connect();
    }, 1000);
    this.reconnectTimer.unref();
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    await this.listening?.catch(() => undefined);
    await this.listener?.end().catch(() => undefined);
    this.waker.wake();
  }
}
