import { RecordedEvent } from '@gridcare/event-store';

type Data = Record<string, unknown>;
const str = (value: unknown) => (value === null || value === undefined ? '' : String(value));
const tier = (value: unknown) => str(value).toUpperCase();
/** Fired rules as recorded: objects with an id (triage, antivirals) or bare ids (routing). */
const rules = (data: Data) => ((data.firedRules as ({ id: string } | string)[] | undefined) ?? []).map((rule) => (typeof rule === 'string' ? rule : rule.id)).join(', ') || 'none';
const ruleSet = (ref: unknown) => {
  const r = ref as { id?: string; version?: string } | undefined;
  return r ? `${r.id} ${r.version}` : '';
};

/** One line per event type, in the domain's words; other types are named as they are. */
const SUMMARIES: Record<string, (data: Data) => string> = {
  ResidentRegistered: (d) => `registered in community ${str((d.jurisdiction as Data)?.communityId)}, grid ${str(d.gridId)}`,
  ResidentCorrected: (d) => `facts corrected: ${Object.keys((d.changes as Data) ?? d).filter((k) => k !== 'residentId').join(', ')}`,
  ResidentMoved: (d) => `moved to community ${str(((d.to as Data)?.jurisdiction as Data)?.communityId)}`,
  ResidentTriaged: (d) =>
    `triaged ${tier(d.tier)}${d.previousTier ? ` (was ${tier(d.previousTier)})` : ''} on ${str((d.trigger as Data)?.kind)}; rules fired: ${rules(d)}; ${ruleSet(d.ruleSet)}`,
  ResidentTierOverridden: (d) => `tier overridden to ${tier(d.tier)} (was ${tier(d.previousTier)}): ${str(d.reason)}`,
  InfectionReported: (d) => `infection reported (${str(d.basis)}), onset ${str(d.onsetOn)}`,
  SymptomsRecorded: (d) => `symptoms: ${((d.symptoms as string[]) ?? []).join(', ') || 'none'}`,
  Spo2Recorded: (d) => `SpO2 ${str(d.spo2)}%${d.pulse ? `, pulse ${str(d.pulse)}` : ''}`,
  AntiviralEligibilityAssessed: (d) => `antiviral eligibility: ${str(d.outcome)}; rules fired: ${rules(d)}; ${ruleSet(d.ruleSet)}`,
  AntiviralGiven: (d) => `antiviral given: ${str(d.drug ?? d.medicine)}`,
  OxygenFilled: () => 'oxygen filled',
  HomeTreatmentEnded: (d) => `home treatment ended: ${str(d.outcome ?? d.reason)}`,
  FollowUpScheduled: (d) => `follow-up ${str(d.followUpNumber)} due ${str(d.dueOn)}`,
  FollowUpCompleted: (d) => `follow-up ${str(d.followUpNumber)} done by ${str(d.method)}: ${str(d.outcome)}`,
  FollowUpEscalated: (d) => `follow-up escalated: ${str(d.reason)}`,
  FollowUpFrequencyRaised: (d) => `follow-ups every ${str(d.everyDays ?? d.intervalDays)} day(s)`,
  FollowUpsEnded: () => 'follow-ups ended',
  ReferralAssistanceRequested: () => 'referral assistance requested',
  ResidentAssignedToWorker: (d) => `assigned to worker ${str(d.workerId)}`,
  ContactServiceCardIssued: () => 'contact service card issued',
  HealthKitsHandedOut: (d) => `${str(d.kits)} health kit(s) handed out`,
  FingerOximeterHandedOut: (d) => `finger oximeter ${str(d.serialNumber)} handed out`,
  FingerOximeterReturned: (d) => `finger oximeter ${str(d.serialNumber)} returned`,
  ResidentVaccinationStatusUpdated: () => 'vaccination status updated',
  DoseAdministered: (d) => `dose administered${d.doseNumber ? ` (${str(d.doseNumber)})` : ''}`,
  ReferralRequested: (d) => {
    const decision = (d.decision as Data) ?? {};
    const outcome = (decision.outcome as Data) ?? {};
    return `referral requested: ${str(outcome.channel)} to ${str(outcome.facilityId)} by ${str(decision.appliedRule)}; rules fired: ${rules(decision)}; ${ruleSet(decision.policy)}`;
  },
  ReferralRedirected: (d) => `referral redirected to ${str((((d.decision as Data) ?? {}).outcome as Data)?.facilityId)}`,
  ReferralAccepted: (d) => `referral accepted by ${str(d.facilityId)}`,
  ReferralInTransit: () => 'on the way to the facility',
  EmergencyObservationStarted: (d) => `under emergency observation at ${str(d.facilityId)}`,
  PatientAdmitted: (d) => `admitted at ${str(d.facilityId)}`,
  PatientDischarged: (d) => `discharged from ${str(d.facilityId)}`,
  ReferredDown: (d) => `referred down to ${str(d.toFacilityId ?? d.facilityId)}`,
  ReferralCancelled: (d) => `referral cancelled: ${str(d.reason)}`,
  ReferralTriggerSkipped: (d) => `referral policy opened nothing: ${str(d.reason)}`,
};

export function summarizeEvent(event: RecordedEvent): string {
  const summarize = SUMMARIES[event.type];
  if (!summarize) return event.type;
  try {
    return summarize((event.data ?? {}) as Data);
  } catch {
    return event.type;
  }
}

/** The parts of a decision that say why: trigger, rule set or policy, fired rules, reason. */
const WHY_KEYS = ['trigger', 'ruleSet', 'policy', 'firedRules', 'appliedRule', 'reason', 'overridesDecisionId', 'decisionId'] as const;

export function whyOfEvent(event: RecordedEvent): Record<string, unknown> | null {
  const data = (event.data ?? {}) as Data;
  const source = typeof data.decision === 'object' && data.decision !== null ? { ...(data.decision as Data), ...pick(data, ['reason']) } : data;
  const why = pick(source, WHY_KEYS);
  return Object.keys(why).length > 0 ? why : null;
}

function pick(data: Data, keys: readonly string[]): Data {
  return Object.fromEntries(keys.filter((key) => data[key] !== undefined).map((key) => [key, data[key]]));
}
