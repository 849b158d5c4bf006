/** Schema-qualified names of the event store's objects. */
export interface EventStoreTables {
  readonly events: string;
  readonly notifyChannel: string;
}

export function eventStoreTables(schema: string): EventStoreTables {
  if (!/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`unsafe schema name: ${schema}`);
  return { events: `"${schema}"."events"`, notifyChannel: `${schema}_appended` };
}
