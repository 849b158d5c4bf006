import { EventContractRegistry } from '@gridcare/event-contracts';
import {
  NationalIdClaimed,
  ResidentCorrected,
  ResidentMoved,
  ResidentRegistered,
  ResidentTierOverridden,
  ResidentTriaged,
  ResidentVaccinationStatusUpdated,
  TriageRuleSetPublished,
} from './events';

/** Every event the residents service writes, for its ValidatingEventStore and for readers in other services. */
export function residentsContracts(): EventContractRegistry {
  return new EventContractRegistry().register(
    ResidentRegistered,
    NationalIdClaimed,
    ResidentCorrected,
    ResidentMoved,
    ResidentVaccinationStatusUpdated,
    TriageRuleSetPublished,
    ResidentTriaged,
    ResidentTierOverridden,
  );
}
