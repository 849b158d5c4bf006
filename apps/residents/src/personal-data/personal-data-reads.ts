import { randomUUID } from 'node:crypto';
import { EventStore } from '@gridcare/event-store';
import { Identity } from '@gridcare/identity';
import { PersonalDataField, PersonalDataRead, personalDataReadStream } from '@gridcare/residents-contracts';

/**
 * The personal data one request showed: which residents' national IDs and phones. Collected by
 * the field resolvers, recorded once per request (recordPersonalDataReads) before the answer goes.
 */
export class PersonalDataReads {
  private readonly residentIds = new Set<string>();
  private readonly fields = new Set<PersonalDataField>();

  shown(residentId: string, field: PersonalDataField): void {
    this.residentIds.add(residentId);
    this.fields.add(field);
  }

  get empty(): boolean {
    return this.residentIds.size === 0;
  }

  /** One PersonalDataRead, on a new stream of its own (no contention between a reader's requests). */
  async record(store: EventStore, identity: Identity, operation: string | null): Promise<void> {
    if (this.empty) return;
    const readId = randomUUID();
    await store.appendToStream(
      personalDataReadStream(readId),
      [
        {
          id: readId,
          type: PersonalDataRead.type,
          schemaVersion: PersonalDataRead.version,
          data: { residentIds: [...this.residentIds].sort(), fields: [...this.fields].sort(), operation },
          metadata: { correlationId: randomUUID(), causationId: null, actor: { id: identity.actorId, role: identity.role } },
        },
      ],
      { expectedRevision: 'no_stream' },
    );
  }
}
