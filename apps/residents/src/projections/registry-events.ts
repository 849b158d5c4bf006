import { RecordedEvent } from '@gridcare/event-store';

export type { Jurisdiction, ResidentRegisteredData as RegisteredData } from '@gridcare/residents-contracts';

/** The fields of a triage decision or an override the registry needs. */
export interface TierDecisionData {
  residentId: string;
  decisionId: string;
  tier: string;
  previousTier: string | null;
}

/** Event data as its contract describes it (validated and upcast by the event store on read). */
export const dataOf = <T>(event: RecordedEvent) => event.data as T;
