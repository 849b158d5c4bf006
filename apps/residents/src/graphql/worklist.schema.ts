/**
 * Worker assignment and the follow-up worklists, per worker and per community. Concatenated
 * into residentsTypeDefs; FollowUpPurpose and FollowUpOutcome come from care.schema.ts.
 */
export const worklistTypeDefs = /* GraphQL */ `
  extend type Resident {
    "The community worker who keeps in touch with the resident and runs their follow-ups."
    assignedWorkerId: ID
  }

  "A follow-up due today or overdue, as of the city's date."
  type WorklistEntry {
    residentId: ID!
    fullName: String!
    tier: Tier
    communityId: ID!
    gridId: ID!
    followUpNumber: Int!
    dueOn: String!
    "0 when due today."
    daysOverdue: Int!
    purposes: [FollowUpPurpose!]!
    "Not reached twice in a row: someone must go and see."
    escalated: Boolean!
    "Referral assistance was asked for and the resident has not been found stable or better since."
    referralAssistance: Boolean!
    lastOutcome: FollowUpOutcome
    workerId: ID
  }

  type WorklistEdge {
    cursor: String!
    node: WorklistEntry!
  }

  "Most days overdue first, then red, yellow, green, then by name."
  type WorklistPage {
    "The city date the worklist is as of."
    asOf: String!
    edges: [WorklistEdge!]!
    pageInfo: PageInfo!
  }

  type FollowUpsDue {
    asOf: String!
    dueToday: Int!
    overdue: Int!
  }

  input AssignResidentInput {
    residentId: ID!
    workerId: ID!
    reason: String!
  }

  input AssignResidentsInput {
    "At most 10,000 at a time."
    residentIds: [ID!]!
    workerId: ID!
    reason: String!
  }

  input ReassignWorkloadInput {
    fromWorkerId: ID!
    toWorkerId: ID!
    "Only the residents of this community."
    communityId: ID
    reason: String!
  }

  "A resident a bulk assignment did not assign, and why (the code of the error a single assignment would give)."
  type AssignmentRefusal {
    residentId: ID!
    code: String!
    message: String!
  }

  "Every resident of the request is counted once: assigned, already with the worker (unchanged) or refused."
  type BulkAssignmentResult {
    assigned: Int!
    unchanged: Int!
    refused: [AssignmentRefusal!]!
  }

  extend type Mutation {
    """
    Assigns a resident to a community worker. Administrators and the command centre, within their
    jurisdiction (else FORBIDDEN); assigning to the worker the resident is with is refused (BAD_USER_INPUT).
    """
    assignResidentToWorker(input: AssignResidentInput!): Resident!
    "Assigns many residents to one worker; a refusal of one never holds back the others."
    assignResidents(input: AssignResidentsInput!): BulkAssignmentResult!
    """
    Moves every resident assigned to fromWorkerId (optionally only in one community) to
    toWorkerId. A resident someone assigned elsewhere meanwhile is refused (WORKER_CHANGED), not taken back.
    """
    reassignWorkload(input: ReassignWorkloadInput!): BulkAssignmentResult!
  }

  extend type Query {
    "The follow-ups due today or overdue of the residents assigned to a worker."
    workerWorklist(workerId: ID!, first: Int = 50, after: String): WorklistPage!
    "The follow-ups due today or overdue of the residents living in a community."
    communityWorklist(communityId: ID!, first: Int = 50, after: String): WorklistPage!
    "Follow-ups due today and overdue: the city's, or one community's, or one worker's."
    followUpsDue(communityId: ID, workerId: ID): FollowUpsDue!
  }
`;
