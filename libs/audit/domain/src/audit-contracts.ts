import { EventContractRegistry } from '@gridcare/event-contracts';
import { ReferralRedirected, ReferralRequested, ReferralTriggerSkipped, RoutingPolicyPublished } from '@gridcare/referrals-contracts';
import { AntiviralEligibilityAssessed, ResidentTierOverridden, ResidentTriaged, TriageRuleSetPublished } from '@gridcare/residents-contracts';
import { AuditedEvent } from './audited-event';

let registry: EventContractRegistry | undefined;

/** The contracts of every event the audit reads: decisions and rule set publications, of every service. */
export function auditContracts(): EventContractRegistry {
  registry ??= new EventContractRegistry({ unknownTypesOnRead: 'reject' }).register(
    ResidentTriaged,
    ResidentTierOverridden,
    AntiviralEligibilityAssessed,
    TriageRuleSetPublished,
    ReferralRequested,
    ReferralRedirected,
    ReferralTriggerSkipped,
    RoutingPolicyPublished,
  );
  return registry;
}

/** The event's data validated against its contract and upcast to the current version (throws when invalid). */
export function readEventData<Data>(event: AuditedEvent): Data {
  return auditContracts().upcast(event.type, event.schemaVersion, event.data).data as Data;
}
