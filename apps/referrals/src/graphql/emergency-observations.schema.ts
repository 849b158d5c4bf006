/**
 * Emergency-department observation and its 24-hour limit: who is waiting to be admitted, and the
 * breaches, per facility and per grid. A breach is computed against the service clock when asked.
 * Concatenated into referralsTypeDefs.
 */
export const emergencyObservationsTypeDefs = /* GraphQL */ `
  "What ended an observation: an admission, a discharge from the emergency department, a transfer elsewhere, a cancellation."
  enum EmergencyObservationEnd {
    ADMITTED
    DISCHARGED
    TRANSFERRED
    CANCELLED
  }

  "A referred patient kept under observation in an emergency department, to be admitted within 24 hours."
  type EmergencyObservation {
    id: ID!
    referralId: ID!
    referral: Referral!
    residentId: ID!
    facilityId: ID!
    facility: Facility
    "The facility's grid."
    gridId: ID
    "The service clock's time the observation started."
    startedAt: String!
    endedAt: String
    endedBy: EmergencyObservationEnd
    "Hours under observation, until it ended or until now (the service clock), to 0.01."
    hours: Float!
    "Still under observation, and for more than 24 hours now."
    breached: Boolean!
  }

  type EmergencyObservationCounts {
    "Patients under observation now."
    underObservation: Int!
    "Of them, under observation for more than 24 hours."
    breaches: Int!
    "When the one waiting longest went under observation."
    oldestStartedAt: String
  }

  enum EmergencyObservationLevel {
    FACILITY
    GRID
  }

  "A facility's or a grid's patients under observation now."
  type EmergencyObservationCount {
    level: EmergencyObservationLevel!
    "The facility or grid id."
    id: ID!
    underObservation: Int!
    breaches: Int!
    oldestStartedAt: String
  }

  extend type Query {
    "Patients still under observation after 24 hours, the longest first: one facility's, one grid's, or the city's."
    emergencyObservationBreaches(facilityId: ID, gridId: ID, first: Int = 100): [EmergencyObservation!]!
    "Patients under observation now and the breaches among them, per facility (optionally of one grid) or per grid; only where anyone is under observation, most breaches first."
    emergencyObservationCounts(level: EmergencyObservationLevel!, gridId: ID): [EmergencyObservationCount!]!
  }
`;
