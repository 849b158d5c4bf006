/**
 * A resident's care: infection episodes under home treatment and observation, SpO2 readings,
 * antivirals, oxygen, and the follow-up schedule (docs/follow-ups.md). Concatenated into
 * residentsTypeDefs. Enum values are the domain's, upper-cased with "_" for "-".
 */
export const careTypeDefs = /* GraphQL */ `
  enum InfectionBasis {
    ANTIGEN_TEST
    PCR_TEST
    SYMPTOMS
  }

  enum Symptom {
    FEVER
    COUGH
    SORE_THROAT
    FATIGUE
    SHORTNESS_OF_BREATH
    CHEST_PAIN
    CONFUSION
    LOSS_OF_TASTE_OR_SMELL
    DIARRHOEA
    OTHER
  }

  enum EpisodeStatus {
    "Under home treatment and observation."
    OPEN
    ENDED
  }

  enum HomeTreatmentOutcome {
    RECOVERED
    REFERRED
    ADMITTED
    DIED
    OTHER
  }

  enum FollowUpStatus {
    PENDING
    COMPLETED
    "The schedule moved: a later follow-up (replacedBy) took its place."
    REPLACED
    "No follow-up was needed any more."
    CANCELLED
  }

  enum FollowUpPurpose {
    HEALTH_CHECK
    GREETING
    REFERRAL_ASSISTANCE
  }

  "Why the schedule is what it is."
  enum FollowUpPlanBasis {
    RED_INFECTED
    YELLOW_INFECTED
    LIVING_ALONE
    RAISED_FREQUENCY
  }

  enum FollowUpMethod {
    TELEPHONE
    MESSAGING
    DOOR_TO_DOOR
  }

  enum FollowUpOutcome {
    STABLE
    BETTER
    "The resident is triaged again."
    WORSE
    "Tried again the next day; the second time in a row the follow-up is escalated."
    NOT_REACHED
    "Referral assistance is requested."
    NEEDS_REFERRAL
  }

  enum ReferralAssistanceReason {
    RED_AND_INFECTED
    FOLLOW_UP_NEEDS_REFERRAL
    FOLLOW_UP_WORSE
  }

  enum AntiviralEligibilityOutcome {
    ELIGIBLE
    NOT_ELIGIBLE
  }

  enum AntiviralFinding {
    KEY_GROUP
    EXCLUSION
  }

  type AntiviralRuleFired {
    id: String!
    finding: AntiviralFinding!
  }

  "The episode's latest early-antiviral eligibility decision, with its explanation (docs/antiviral-eligibility.md)."
  type AntiviralEligibilityDecision {
    decisionId: ID!
    outcome: AntiviralEligibilityOutcome!
    "The city date it was decided on."
    asOf: String!
    "INFECTION_REPORTED or MANUAL_REQUEST."
    trigger: String!
    ruleSetVersion: String!
    ruleSetHash: String!
    firedRules: [AntiviralRuleFired!]!
    assessedBy: String!
  }

  type AntiviralCourse {
    drug: String!
    courseDays: Int!
    givenOn: String!
    givenBy: String!
  }

  "Home oxygen therapy so far: charged at 7 yuan (700 fen) per 40 litres begun."
  type OxygenTherapy {
    litres: Int!
    fillings: Int!
    chargeFen: Int!
    "The part medical insurance reimburses."
    reimbursableFen: Int!
  }

  type InfectionEpisode {
    id: ID!
    onsetOn: String!
    basis: InfectionBasis!
    "As last recorded."
    symptoms: [Symptom!]!
    symptomsRecordedOn: String!
    reportedOn: String!
    reportedBy: String!
    status: EpisodeStatus!
    "The last reading recorded, as triage saw it."
    latestSpo2: Int
    "Null until decided (an episode reported before eligibility was recorded)."
    antiviralEligibility: AntiviralEligibilityDecision
    antivirals: [AntiviralCourse!]!
    oxygen: OxygenTherapy!
    "Follow-ups at least every so many days for this episode, when raised."
    raisedFollowUpIntervalDays: Int
    raisedFollowUpReason: String
    endedOn: String
    homeTreatmentOutcome: HomeTreatmentOutcome
    endedBy: String
  }

  type Spo2Reading {
    episodeId: ID!
    spo2: Int!
    pulse: Int
    measuredAt: String!
    "The city date of measuredAt."
    measuredOn: String!
    recordedBy: String!
  }

  type FollowUp {
    "Counts up per resident."
    number: Int!
    dueOn: String!
    intervalDays: Int!
    purposes: [FollowUpPurpose!]!
    basis: [FollowUpPlanBasis!]!
    status: FollowUpStatus!
    "The follow-up this one replaced when the schedule moved."
    replaces: Int
    replacedBy: Int
    method: FollowUpMethod
    outcome: FollowUpOutcome
    "Who did it."
    workerId: String
    note: String
    completedOn: String
    cancelledOn: String
    "Not reached twice in a row: someone must go and see."
    escalated: Boolean!
  }

  "Asked of the referrals service."
  type ReferralAssistanceRequest {
    id: ID!
    episodeId: ID
    reason: ReferralAssistanceReason!
    followUpNumber: Int
    requestedOn: String!
    requestedBy: String!
  }

  extend type Resident {
    "Newest first."
    episodes: [InfectionEpisode!]!
    "In the order measured; with last, only the last so many (at most 1000)."
    spo2Readings(last: Int): [Spo2Reading!]!
    "Every follow-up booked, by number, with what became of it."
    followUps: [FollowUp!]!
    "The one follow-up due next, if any."
    pendingFollowUp: FollowUp
    "Oldest first."
    referralAssistanceRequests: [ReferralAssistanceRequest!]!
  }

  input ReportInfectionInput {
    residentId: ID!
    "YYYY-MM-DD, not after today."
    onsetOn: String!
    basis: InfectionBasis!
    symptoms: [Symptom!]!
  }

  input RecordSymptomsInput {
    residentId: ID!
    "The symptoms as seen today, replacing the earlier list."
    symptoms: [Symptom!]!
  }

  input RecordSpo2ReadingInput {
    residentId: ID!
    "50 to 100."
    spo2: Int!
    "20 to 250."
    pulse: Int
    "ISO 8601 with an offset; its city date may not be after today nor before the onset."
    measuredAt: String!
  }

  input GiveAntiviralInput {
    residentId: ID!
    drug: String!
    "1 to 30."
    courseDays: Int!
  }

  input FillOxygenInput {
    residentId: ID!
    litres: Int!
    "The part medical insurance reimburses, 0 to 1."
    reimbursableShare: Float!
  }

  input EndHomeTreatmentInput {
    residentId: ID!
    outcome: HomeTreatmentOutcome!
  }

  input CompleteFollowUpInput {
    residentId: ID!
    "The pending follow-up's number."
    followUpNumber: Int!
    method: FollowUpMethod!
    outcome: FollowUpOutcome!
    note: String
  }

  input RaiseFollowUpFrequencyInput {
    residentId: ID!
    "Follow-ups at least every so many days, fewer than now."
    intervalDays: Int!
    reason: String!
  }

  extend type Mutation {
    """
    Opens an infection episode (one at a time); the resident is triaged again and follow-ups are
    booked by tier. Community workers, family doctors and administrators.
    """
    reportInfection(input: ReportInfectionInput!): Resident!
    recordSymptoms(input: RecordSymptomsInput!): Resident!
    "A finger-oximeter reading; the resident is triaged again with it (below 93 while infected: red)."
    recordSpo2Reading(input: RecordSpo2ReadingInput!): Resident!
    "Decides the open episode's antiviral eligibility again (after a correction of the resident's facts, say). Family doctors and administrators."
    assessAntiviralEligibility(residentId: ID!): Resident!
    "Family doctors and administrators."
    giveAntiviral(input: GiveAntiviralInput!): Resident!
    "Family doctors and administrators."
    fillOxygen(input: FillOxygenInput!): Resident!
    "Ends home treatment and observation: the episode closes, the resident is triaged again. Family doctors and administrators."
    endHomeTreatment(input: EndHomeTreatmentInput!): Resident!
    "The pending follow-up, done by the acting worker; a second worker doing it too gets a CONFLICT naming who did."
    completeFollowUp(input: CompleteFollowUpInput!): Resident!
    "Follow-ups more often for the rest of the episode; never lowers the frequency."
    raiseFollowUpFrequency(input: RaiseFollowUpFrequencyInput!): Resident!
  }
`;
