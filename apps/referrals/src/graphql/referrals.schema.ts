import { readModelAdminTypeDefs } from '@gridcare/nest-event-sourcing';
import { emergencyObservationsTypeDefs } from './emergency-observations.schema';
import { facilitiesTypeDefs } from './facilities.schema';

/**
 * The referrals subgraph (Apollo Federation 2). It extends the residents service's `Resident`
 * entity with its referrals; `Facility`, `Grid` and `Referral` are entities of its own. Type
 * names are its own too (ReferralsPageInfo, RoutingPolicyRef): a value type defined in two
 * subgraphs would have to be @shareable in both.
 */
export const referralsTypeDefs =
  /* GraphQL */ `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.5", import: ["@key", "@external"])

  enum Tier {
    RED
    YELLOW
    GREEN
  }

  "The referring doctor's assessment, in the national treatment protocol's four types."
  enum Severity {
    MILD
    MODERATE
    SEVERE
    CRITICAL
  }

  "Up: grassroots to second-level or tertiary. Down: a stable patient back to grassroots."
  enum ReferralDirection {
    UP
    DOWN
  }

  enum ReferralStatus {
    REQUESTED
    ACCEPTED
    IN_TRANSIT
    "Arrived at the emergency department with no bed yet: to be admitted within 24 hours."
    UNDER_OBSERVATION
    ADMITTED
    DISCHARGED
    REFERRED_DOWN
    CANCELLED
  }

  enum Channel {
    GREEN_CHANNEL
    DIRECT_TO_TERTIARY
    WITHIN_GRID
    REHABILITATION
  }

  enum DeclineReason {
    NO_ICU_BED
    NO_CAPABILITY
    OVER_CAPACITY
    OTHER
  }

  "Where the chosen facility was found."
  enum FoundIn {
    HOME_FACILITY
    GRID
    NEIGHBOURING_GRID
    ANY_GRID
  }

  "A request routes a new referral; a redirect routes it again after a decline."
  enum RoutingDecisionKind {
    REQUEST
    REDIRECT
  }

  type RoutingPolicyRef {
    id: ID!
    version: String!
    "SHA-256 of the policy's canonical JSON."
    hash: String!
  }

  type ReferringFacility {
    facilityId: ID!
    level: FacilityLevel!
    location: Location!
  }

  "What the decision saw of the patient and the request."
  type RoutingInputs {
    direction: ReferralDirection!
    tier: Tier
    severity: Severity!
    spo2: Float
    ageYears: Int!
    highRisk: Boolean!
    needsIcu: Boolean!
    gridId: ID!
    from: ReferringFacility!
    homeFacilityId: ID
    excludedFacilityIds: [ID!]!
  }

  "A facility as the decision saw it in the capacity read model."
  type FacilityCapacitySeen {
    facilityId: ID!
    gridId: ID!
    level: FacilityLevel!
    capabilities: [Capability!]!
    location: Location!
    icuBeds: IcuBeds!
    facilityRevision: Int!
  }

  type RoutingOutcome {
    channel: Channel!
    facilityId: ID!
    level: FacilityLevel!
    gridId: ID!
    foundIn: FoundIn!
    "Straight-line, from the referring facility, to 0.01 km."
    distanceKm: Float!
    "Accepting holds an ICU bed."
    icuBedRequired: Boolean!
    "No facility had what the rule asks for: the policy's over-capacity facility takes the patient."
    overCapacity: Boolean!
  }

  """
  A routing decision with its explanation: the inputs as seen, the grid and the part of the
  capacity read model it consulted (in the order it looked, up to the facility chosen), the
  policy (version and hash), every rule that fired (the first is applied) and the outcome.
  Re-running the policy on these gives the same outcome.
  """
  type RoutingDecision {
    id: ID!
    kind: RoutingDecisionKind!
    "For a redirect: the facility that declined, why, and its note."
    decliningFacilityId: ID
    declineReason: DeclineReason
    note: String
    inputs: RoutingInputs!
    gridId: ID!
    neighbourGridIds: [ID!]!
    capacitySnapshot: [FacilityCapacitySeen!]!
    policy: RoutingPolicyRef!
    firedRules: [ID!]!
    appliedRule: ID!
    outcome: RoutingOutcome!
    actorId: ID!
    actorRole: String!
    "The event or command that caused it (for the referral policy: the resident's event)."
    causationId: ID
    correlationId: ID!
    recordedAt: String!
  }

  type Referral @key(fields: "id") {
    id: ID!
    residentId: ID!
    direction: ReferralDirection!
    status: ReferralStatus!
    channel: Channel!
    fromFacilityId: ID!
    fromFacility: Facility
    "The facility the routing decision in force chose: the one that may accept, decline, admit."
    facilityId: ID!
    facility: Facility
    "The resident's grid."
    gridId: ID!
    tier: Tier
    severity: Severity!
    icuBedRequired: Boolean!
    icuBedHeld: Boolean!
    overCapacity: Boolean!
    "The upward referral a downward one follows."
    parentReferralId: ID
    "The downward referral an upward one was referred down to."
    downwardReferralId: ID
    requestedBy: ID!
    requestedAt: String!
    "When the decision in force was made (the request, or the last redirect)."
    routedAt: String!
    acceptedAt: String
    inTransitAt: String
    "When the patient went under observation in the emergency department (the service clock)."
    underObservationAt: String
    admittedAt: String
    dischargedAt: String
    referredDownAt: String
    cancelledAt: String
    cancelReason: String
    "The routing decision in force."
    decision: RoutingDecision!
    "Every routing decision, the request first."
    decisions: [RoutingDecision!]!
  }

  type ReferralEdge {
    cursor: String!
    node: Referral!
  }

  type ReferralConnection {
    edges: [ReferralEdge!]!
    pageInfo: ReferralsPageInfo!
  }

  "A referral as the referring doctor asks for it; the network fills in the grid and facilities."
  input RequestReferralInput {
    residentId: ID!
    "The resident's community: it fixes their grid and home grassroots institution."
    communityId: ID!
    direction: ReferralDirection = UP
    "Defaults to the community's grassroots institution."
    fromFacilityId: ID
    tier: Tier
    severity: Severity!
    "The latest finger-oximeter reading, if any."
    spo2: Float
    ageYears: Int!
    "A serious or uncontrolled underlying disease, or low immunity."
    highRisk: Boolean!
    needsIcu: Boolean!
  }

  input ReferDownInput {
    referralId: ID!
    "The facility referring the patient down: the one that admitted them."
    facilityId: ID!
    "How the patient is now: a downward referral is for a stable patient."
    severity: Severity!
    spo2: Float
  }

  extend type Resident @key(fields: "id") {
    id: ID! @external
    """
    Newest first. Nullable on purpose: when the referrals service is down the gateway still
    answers the resident's other fields, with an error for this one.
    """
    referrals: [Referral!]
  }

  type Query {
    referral(id: ID!): Referral
    "The referral desk: a facility's referrals in one status, the longest waiting first."
    referralQueue(facilityId: ID!, status: ReferralStatus = REQUESTED, first: Int = 50, after: String): ReferralConnection!
  }

  type Mutation {
    "Opens a referral with its routing decision. Family doctors, referral desks, administrators."
    requestReferral(input: RequestReferralInput!): Referral!
    """
    The routed facility accepts. When the decision needs an ICU bed it is held first; if the
    facility's last bed was taken meanwhile, the referral is redirected at once (status REQUESTED,
    another facility, a new decision declined NO_ICU_BED). Referral desks.
    """
    acceptReferral(referralId: ID!, facilityId: ID!): Referral!
    "A facility may not simply refuse: its decline routes the referral elsewhere. OTHER needs a note."
    declineReferral(referralId: ID!, facilityId: ID!, reason: DeclineReason!, note: String): Referral!
    markInTransit(referralId: ID!): Referral!
    """
    The patient arrived at the routed facility's emergency department and no bed can take them
    yet: under observation from now, to be admitted within 24 hours. Ends with recordAdmission,
    recordDischarge, declineReferral (a transfer elsewhere) or cancelReferral. Referral desks.
    """
    recordEmergencyObservation(referralId: ID!, facilityId: ID!): Referral!
    "The patient arrived: a held ICU bed becomes occupied."
    recordAdmission(referralId: ID!, facilityId: ID!): Referral!
    recordDischarge(referralId: ID!, facilityId: ID!): Referral!
    "A stable patient goes back to grassroots: answers with the new downward referral."
    referDown(input: ReferDownInput!): Referral!
    "Before admission only; a held ICU bed is freed."
    cancelReferral(referralId: ID!, reason: String!): Referral!
  }
` +
  facilitiesTypeDefs +
  emergencyObservationsTypeDefs +
  readModelAdminTypeDefs('referrals', 'extend');
