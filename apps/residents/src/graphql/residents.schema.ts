import { readModelAdminTypeDefs } from '@gridcare/nest-event-sourcing';
import { careTypeDefs } from './care.schema';
import { suppliesTypeDefs } from './supplies.schema';
import { worklistTypeDefs } from './worklist.schema';

/**
 * The residents subgraph (Apollo Federation 2). The gateway composes it with the other
 * services' subgraphs; `Resident` is the entity they extend (referrals adds its referrals).
 */
export const residentsTypeDefs = /* GraphQL */ `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.5", import: ["@key", "@shareable"])

  scalar JSON

  enum Tier {
    RED
    YELLOW
    GREEN
  }

  enum Sex {
    FEMALE
    MALE
  }

  "Where residents are counted: the jurisdiction levels and the treatment grid."
  enum AreaLevel {
    DISTRICT
    STREET
    COMMUNITY
    GRID
  }

  type Jurisdiction {
    districtId: ID!
    streetId: ID!
    communityId: ID!
  }

  type UnderlyingCondition {
    code: String!
    controlled: Boolean!
  }

  type VaccinationStatus {
    dosesReceived: Int!
    boostersReceived: Int!
    lastDoseOn: String
  }

  type Actor {
    id: ID!
    role: String!
  }

  type FiredRule {
    id: ID!
    tier: Tier!
  }

  type RuleSetRef {
    id: ID!
    version: String!
    hash: String!
  }

  "A triage decision or a manual override, with what it saw and why it decided."
  type TriageDecision {
    id: ID!
    kind: String!
    trigger: String!
    triggerSourceEventId: ID
    asOf: String
    inputs: JSON
    ruleSet: RuleSetRef!
    firedRules: [FiredRule!]!
    tier: Tier!
    previousTier: Tier
    reason: String
    actor: Actor!
    recordedAt: String!
  }

  type Resident @key(fields: "id") {
    id: ID!
    fullName: String!
    sex: Sex!
    birthDate: String!
    """
    Personal data: the resident's national ID, null unless the reader's role may see personal
    data (community workers, family doctors, vaccination teams, administrators). Every resident
    has one; it is nullable because command centres, volunteer coordinators and auditors read
    residents without it (docs/access.md).
    """
    nationalId: String
    "Personal data: null unless the reader's role may see it, as for nationalId."
    phone: String
    jurisdiction: Jurisdiction!
    gridId: ID!
    livingAlone: Boolean!
    familyDoctorId: String
    conditions: [UnderlyingCondition!]!
    lowImmunity: Boolean!
    pregnant: Boolean!
    vaccination: VaccinationStatus!
    tier: Tier
    tierOverridden: Boolean!
    "Newest first."
    triageDecisions: [TriageDecision!]!
  }

  type ResidentEdge {
    cursor: String!
    node: Resident!
  }

  type PageInfo {
    hasNextPage: Boolean!
    endCursor: String
  }

  type ResidentConnection {
    edges: [ResidentEdge!]!
    pageInfo: PageInfo!
  }

  "Exactly one area (district, street, community or grid), optionally one tier."
  input ResidentFilter {
    districtId: ID
    streetId: ID
    communityId: ID
    gridId: ID
    tier: Tier
  }

  type TierCount {
    level: AreaLevel!
    areaId: ID!
    red: Int!
    yellow: Int!
    green: Int!
    total: Int!
  }

  type TriageRule {
    id: ID!
    tier: Tier!
    description: String!
    when: JSON!
  }

  "Re-triage of every resident after a rule set was published."
  type TriageRollout {
    version: String!
    "running, finished or superseded"
    status: String!
    residentsTotal: Int!
    processed: Int!
    "Residents whose tier or fired rules changed: each got a new triage decision."
    retriaged: Int!
    startedAt: String!
    finishedAt: String
  }

  type TriageRuleSet {
    id: ID!
    version: String!
    hash: String!
    description: String
    publishedAt: String!
    publishedBy: String!
    seriousConditions: [String!]!
    overrideRoles: [String!]!
    rules: [TriageRule!]!
  }

  input JurisdictionInput {
    districtId: ID!
    streetId: ID!
    communityId: ID!
  }

  input ConditionInput {
    code: String!
    controlled: Boolean!
  }

  input RegisterResidentInput {
    nationalId: String!
    fullName: String!
    sex: Sex!
    birthDate: String!
    phone: String
    jurisdiction: JurisdictionInput!
    gridId: ID!
    livingAlone: Boolean!
    familyDoctorId: String
    conditions: [ConditionInput!]!
    lowImmunity: Boolean!
    pregnant: Boolean!
  }

  "Only the facts that change."
  input ResidentFactChangesInput {
    fullName: String
    sex: Sex
    birthDate: String
    phone: String
    livingAlone: Boolean
    familyDoctorId: String
    conditions: [ConditionInput!]
    lowImmunity: Boolean
    pregnant: Boolean
  }

  input CorrectResidentInput {
    residentId: ID!
    changes: ResidentFactChangesInput!
    reason: String!
  }

  input MoveResidentInput {
    residentId: ID!
    jurisdiction: JurisdictionInput!
    gridId: ID!
    reason: String!
  }

  input OverrideTierInput {
    residentId: ID!
    tier: Tier!
    reason: String!
  }

  "A refused census row: which row (the header is row 1), which column, why."
  type CensusRowError {
    row: Int!
    field: String!
    reason: String!
  }

  type CensusImport {
    id: ID!
    fileName: String!
    "running, finished or failed"
    status: String!
    rowsRead: Int!
    registered: Int!
    alreadyRegistered: Int!
    refused: Int!
    errorReportPath: String!
    failure: String
    startedBy: String!
    startedAt: String!
    finishedAt: String
    "The first refused rows (the error report file has them all)."
    errors(first: Int = 100): [CensusRowError!]!
  }

  type Mutation {
    """
    Starts importing a census CSV inside the server's import folder; returns at once. For an
    uploaded file, pass the "file" value that POST /census-files answered with
    ("uploads/<uuid>-<name>.csv"). Administrators and the command centre only (else FORBIDDEN).
    """
    startCensusImport(file: String!): CensusImport!
    "Registers a resident and records their first triage decision."
    registerResident(input: RegisterResidentInput!): Resident!
    "Corrects facts; the resident is triaged again."
    correctResident(input: CorrectResidentInput!): Resident!
    "Moves a resident to another community or grid; the resident is triaged again."
    moveResident(input: MoveResidentInput!): Resident!
    "A manual tier: needs a reason and a role the rule set allows. It is a decision too."
    overrideTier(input: OverrideTierInput!): Resident!
    "Triages the resident again with the rule set in force."
    requestRetriage(residentId: ID!): Resident!
    "Publishes a new triage rule set version; residents it affects are re-triaged in the background."
    publishTriageRuleSet(document: JSON!): TriageRuleSet!
  }

  type Query {
    residents(filter: ResidentFilter!, first: Int = 50, after: String): ResidentConnection!
    resident(id: ID!): Resident
    tierCounts(level: AreaLevel!, areaIds: [ID!]): [TierCount!]!
    "The rule set in force, or the version asked for."
    triageRuleSet(version: String): TriageRuleSet
    triageRuleSets: [TriageRuleSet!]!
    triageRollout(version: String!): TriageRollout
    censusImport(id: ID!): CensusImport
    censusImports: [CensusImport!]!
  }
` + suppliesTypeDefs + careTypeDefs + worklistTypeDefs + readModelAdminTypeDefs('residents', 'extend');
