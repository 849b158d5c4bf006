import type { Resident, TriageDecision, TriageRuleSet } from '../generated/prisma/client';

const upper = (tier: string | null) => (tier ? tier.toUpperCase() : null);
const isoDate = (date: Date | null) => (date ? date.toISOString().slice(0, 10) : null);

/** A registry row as the graph shows it. */
export function residentView(row: Resident) {
  return {
    id: row.residentId,
    fullName: row.fullName,
    sex: row.sex.toUpperCase(),
    birthDate: isoDate(row.birthDate),
    nationalId: row.nationalId,
    phone: row.phone,
    jurisdiction: { districtId: row.districtId, streetId: row.streetId, communityId: row.communityId },
    gridId: row.gridId,
    livingAlone: row.livingAlone,
    familyDoctorId: row.familyDoctorId,
    conditions: row.conditions,
    lowImmunity: row.lowImmunity,
    pregnant: row.pregnant,
    vaccination: { dosesReceived: row.dosesReceived, boostersReceived: row.boostersReceived, lastDoseOn: isoDate(row.lastDoseOn) },
    tier: upper(row.tier),
    tierOverridden: row.tierOverridden,
  };
}

export function triageDecisionView(row: TriageDecision) {
  return {
    id: row.decisionId,
    kind: row.kind,
    trigger: row.triggerKind,
    triggerSourceEventId: row.triggerSourceId,
    asOf: isoDate(row.asOf),
    inputs: row.inputs,
    ruleSet: { id: row.ruleSetId, version: row.ruleSetVersion, hash: row.ruleSetHash },
    firedRules: (row.firedRules as { id: string; tier: string }[]).map((rule) => ({ id: rule.id, tier: upper(rule.tier) })),
    tier: upper(row.tier),
    previousTier: upper(row.previousTier),
    reason: row.reason,
    actor: { id: row.actorId, role: row.actorRole },
    recordedAt: row.recordedAt.toISOString(),
  };
}

interface RuleSetDocument {
  id: string;
  description?: string;
  seriousConditions: string[];
  overrideRoles: string[];
  rules: { id: string; tier: string; description: string; when: unknown }[];
}

export function ruleSetView(row: TriageRuleSet) {
  const document = row.document as unknown as RuleSetDocument;
  return {
    id: document.id,
    version: row.version,
    hash: row.hash,
    description: document.description ?? null,
    publishedAt: row.publishedAt.toISOString(),
    publishedBy: row.publishedBy,
    seriousConditions: document.seriousConditions,
    overrideRoles: document.overrideRoles,
    rules: document.rules.map((rule) => ({ ...rule, tier: rule.tier.toUpperCase() })),
  };
}
