/** Schema-qualified names of the event store's objects. */
export interface EventStoreTables {
  readonly events: string;
  /** Each stream's last revision and chain hash, written with every append (tail-removal evidence). */
  readonly heads: string;
  readonly notifyChannel: string;
}

export function eventStoreTables(schema: string): EventStoreTables {
  if (!/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`unsafe schema name: ${schema}`);
  return { events: `"${schema}"."events"`, heads: `"${schema}"."stream_heads"`, notifyChannel: `${schema}_appended` };
}
