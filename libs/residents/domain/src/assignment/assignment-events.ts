import { DomainEvent } from '@gridcare/decider';
import { ResidentAssignedToWorkerData } from '@gridcare/residents-contracts';

export type ResidentAssignedToWorkerEvent = DomainEvent<'ResidentAssignedToWorker', ResidentAssignedToWorkerData>;

/** The events of a resident's assignment stream (residentAssignmentStream(residentId)). */
export type ResidentAssignmentEvent = ResidentAssignedToWorkerEvent;
