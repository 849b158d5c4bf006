/**
 * What a ValidatingEventStore needs from the event contracts. Declared here, structurally,
 * so the event store never depends on a schema library: `EventContractRegistry` from
 * `@gridcare/event-contracts` fits as it is.
 */
export interface EventValidator {
  /** Throws when the event may not be written (unknown type, old version, invalid data). */
  validateForAppend(type: string, schemaVersion: number, data: unknown): void;
  /** The stored event as the reader's current version; throws when it cannot be read as one. */
  upcast(type: string, schemaVersion: number, data: unknown): { readonly schemaVersion: number; readonly data: unknown };
}
