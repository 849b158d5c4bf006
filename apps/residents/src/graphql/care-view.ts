import type { FollowUp, InfectionEpisode, ReferralAssistanceRequest, Spo2Reading } from '../generated/prisma/client';
import { toGraphQLEnum } from './graphql-enum';

const isoDate = (date: Date) => date.toISOString().slice(0, 10);
const isoDateOrNull = (date: Date | null) => (date ? isoDate(date) : null);
const enumOrNull = (value: string | null) => (value ? toGraphQLEnum(value) : null);

export function episodeView(row: InfectionEpisode) {
  return {
    id: row.episodeId,
    onsetOn: isoDate(row.onsetOn),
    basis: toGraphQLEnum(row.basis),
    symptoms: row.symptoms.map(toGraphQLEnum),
    symptomsRecordedOn: isoDate(row.symptomsRecordedOn),
    reportedOn: isoDate(row.reportedOn),
    reportedBy: row.reportedBy,
    status: toGraphQLEnum(row.status),
    latestSpo2: row.latestSpo2,
    antiviralEligibility: antiviralEligibilityView(row.antiviralEligibility as StoredEligibility | null),
    antivirals: row.antivirals,
    oxygen: { litres: row.oxygenLitres, fillings: row.oxygenFillings, chargeFen: row.oxygenChargeFen, reimbursableFen: row.oxygenReimbursableFen },
    raisedFollowUpIntervalDays: row.raisedFollowUpIntervalDays,
    raisedFollowUpReason: row.raisedFollowUpReason,
    endedOn: isoDateOrNull(row.endedOn),
    homeTreatmentOutcome: enumOrNull(row.homeTreatmentOutcome),
    endedBy: row.endedBy,
  };
}

interface StoredEligibility {
  decisionId: string;
  outcome: string;
  asOf: string;
  trigger: { kind: string };
  ruleSet: { version: string; hash: string };
  firedRules: { id: string; finding: string }[];
  assessedBy: string;
}

function antiviralEligibilityView(stored: StoredEligibility | null) {
  if (!stored) return null;
  return {
    decisionId: stored.decisionId,
    outcome: toGraphQLEnum(stored.outcome),
    asOf: stored.asOf,
    trigger: toGraphQLEnum(stored.trigger.kind),
    ruleSetVersion: stored.ruleSet.version,
    ruleSetHash: stored.ruleSet.hash,
    firedRules: stored.firedRules.map((rule) => ({ id: rule.id, finding: toGraphQLEnum(rule.finding) })),
    assessedBy: stored.assessedBy,
  };
}

export function spo2ReadingView(row: Spo2Reading) {
  return {
    episodeId: row.episodeId,
    spo2: row.spo2,
    pulse: row.pulse,
    measuredAt: row.measuredAt.toISOString(),
    measuredOn: isoDate(row.measuredOn),
    recordedBy: row.recordedBy,
  };
}

export function followUpView(row: FollowUp) {
  return {
    number: row.followUpNumber,
    dueOn: isoDate(row.dueOn),
    intervalDays: row.intervalDays,
    purposes: row.purposes.map(toGraphQLEnum),
    basis: row.basis.map(toGraphQLEnum),
    status: toGraphQLEnum(row.status),
    replaces: row.replaces,
    replacedBy: row.replacedBy,
    method: enumOrNull(row.method),
    outcome: enumOrNull(row.outcome),
    workerId: row.workerId,
    note: row.note,
    completedOn: isoDateOrNull(row.completedOn),
    cancelledOn: isoDateOrNull(row.cancelledOn),
    escalated: row.escalated,
  };
}

export function referralAssistanceView(row: ReferralAssistanceRequest) {
  return {
    id: row.requestId,
    episodeId: row.episodeId,
    reason: toGraphQLEnum(row.reason),
    followUpNumber: row.followUpNumber,
    requestedOn: isoDate(row.requestedOn),
    requestedBy: row.requestedBy,
  };
}
