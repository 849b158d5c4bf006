import { randomUUID } from 'node:crypto';
import { Actor, EventMetadata } from '@gridcare/event-store';

/** Who issued a command, and what it belongs to: becomes the metadata of its events. */
export interface CommandContext {
  readonly actor: Actor;
  /** Ties everything one request caused together; new when absent. */
  readonly correlationId?: string;
  /** The event or command that caused this one. */
  readonly causationId?: string | null;
}

export function metadataFor(context: CommandContext): EventMetadata {
  return {
    correlationId: context.correlationId ?? randomUUID(),
    causationId: context.causationId ?? null,
    actor: context.actor,
  };
}
