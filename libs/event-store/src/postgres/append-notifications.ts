import { Client, Pool } from 'pg';
import { AppendWaker } from './append-waker';

/**
 * Cross-process wake-ups through LISTEN/NOTIFY. Appenders send NOTIFY after their commit
 * (coalesced over a few milliseconds), outside the append's transaction, because a
 * NOTIFY inside it would serialise every commit on PostgreSQL's notification queue lock.
 * If a NOTIFY is ever lost, subscriptions still wake on their fallback timer.
 */
const NOTIFY_WINDOW_MS = 3;

export class AppendNotifications {
  private pending?: NodeJS.Timeout;
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

  /**
   * Called after a successful append. Local subscriptions wake at once; other processes get
   * one NOTIFY per short window, whatever the append rate, so wake-ups never cost the
   * appenders a round trip each.
   */
  appended(): void {
    this.waker.wake();
    if (this.pending || this.closed) return;
    this.pending = setTimeout(() => void this.send(), NOTIFY_WINDOW_MS);
  }

  private async send(): Promise<void> {
    try {
      await this.pool.query('SELECT pg_notify($1, $2)', [this.channel, '']);
    } catch {
      // The fallback timer covers a lost wake-up; an append is never failed by this.
    } finally {
      this.pending = undefined;
    }
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
    if (this.pending) clearTimeout(this.pending);
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    await this.listening?.catch(() => undefined);
    await this.listener?.end().catch(() => undefined);
    this.waker.wake();
  }
}
