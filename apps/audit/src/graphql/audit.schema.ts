import { readModelAdminTypeDefs } from '@gridcare/nest-event-sourcing';

/**
 * The audit subgraph (Apollo Federation 2): case histories across services and the access log,
 * for auditors. Its type names are its own (Audit*), so nothing needs to be shared.
 */
export const auditTypeDefs = /* GraphQL */ `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.5", import: ["@key"])

  scalar JSON

  type AuditActor {
    id: ID!
    role: String!
  }

  "An event earlier in the causation chain: what caused the entry, and what caused that."
  type AuditCause {
    eventId: ID!
    type: String!
    summary: String!
    actor: AuditActor!
  }

  "The event as it is in the log."
  type AuditRawEvent {
    schemaVersion: Int!
    data: JSON!
    metadata: JSON!
  }

  type CaseHistoryEntry {
    "The event's global position in the log, commit/prepare: the history's order."
    position: String!
    eventId: ID!
    streamId: String!
    streamRevision: Int!
    type: String!
    recordedAt: String!
    "Who: the actor and their role, as the event recorded them."
    actor: AuditActor!
    "What, in a line."
    summary: String!
    "Why, for a decision: its trigger, rule set or policy (id, version, hash), the rules that fired, a reason."
    why: JSON
    correlationId: String!
    "The chain of causes back to the event that started it, nearest first (at most 10)."
    causedBy: [AuditCause!]!
    "The raw event, read from the log."
    raw: AuditRawEvent
  }

  type AuditPageInfo {
    hasNextPage: Boolean!
    endCursor: String
  }

  type CaseHistoryPage {
    residentId: ID!
    entries: [CaseHistoryEntry!]!
    pageInfo: AuditPageInfo!
  }

  type AccessLogEntry {
    at: String!
    actor: AuditActor!
    "What was read, e.g. case-history."
    action: String!
    residentId: ID
  }

  type AccessLogPage {
    entries: [AccessLogEntry!]!
    pageInfo: AuditPageInfo!
  }

  type AuditReferral {
    referralId: ID!
    status: String!
    direction: String!
    facilityId: String!
  }

  "A resident's case as it was at a moment, folded from the log with the services' own code."
  type CaseAsOf {
    residentId: ID!
    "The moment asked for: a position (commit/prepare) or a time (ISO 8601)."
    asOf: String!
    registered: Boolean!
    tier: String
    tierOverridden: Boolean!
    infected: Boolean!
    latestSpo2: Float
    "The open infection episode: onset, basis, symptoms, SpO2, antiviral eligibility."
    episode: JSON
    "The follow-up schedule: the pending follow-up, the last done, the raised interval."
    followUps: JSON
    openReferrals: [AuditReferral!]!
    eventsFolded: Int!
  }

  type Query {
    "A resident's case as of a log position or a time (exactly one). Auditors only; recorded in the access log."
    caseAsOf(residentId: ID!, position: String, at: String): CaseAsOf!
    """
    Every event about a resident from every service, in log order, with who, what, why and when.
    Auditors only; each read is recorded in the access log.
    """
    caseHistory(residentId: ID!, first: Int = 50, after: String): CaseHistoryPage!
    "Who read what and when, newest first, optionally about one resident. Auditors only."
    accessLog(residentId: ID, first: Int = 50, after: String): AccessLogPage!
  }
` + readModelAdminTypeDefs('audit', 'define');
