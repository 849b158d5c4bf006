import { randomUUID } from 'node:crypto';
import { AuditRecord, AuditRecordRead, auditRecordReadStream } from '@gridcare/audit-domain';
import { EventStore } from '@gridcare/event-store';
import { Identity } from '@gridcare/identity';

/**
 * Records, before the answer leaves, that `identity` read a resident's `record`: an
 * AuditRecordRead event on a new stream of its own, which the access-log read model takes in.
 * When it cannot be written the read fails: nothing is shown unrecorded.
 */
export async function recordAccess(store: EventStore, identity: Identity, record: AuditRecord, residentId: string): Promise<void> {
  const readId = randomUUID();
  await store.appendToStream(
    auditRecordReadStream(readId),
    [
      {
        id: readId,
        type: AuditRecordRead.type,
        schemaVersion: AuditRecordRead.version,
        data: { residentId, record },
        metadata: { correlationId: randomUUID(), causationId: null, actor: { id: identity.actorId, role: identity.role } },
      },
    ],
    { expectedRevision: 'no_stream' },
  );
}
