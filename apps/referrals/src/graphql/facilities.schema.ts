/**
 * The referral network: facilities with their capacity, and treatment grids. Concatenated into
 * referralsTypeDefs.
 */
export const facilitiesTypeDefs = /* GraphQL */ `
  "The three levels of the hierarchical referral mechanism, lowest first."
  enum FacilityLevel {
    GRASSROOTS
    SECOND_LEVEL
    TERTIARY
  }

  "What a facility is; the kind fixes the level."
  enum FacilityKind {
    COMMUNITY_HEALTH_SERVICE_CENTRE
    COMMUNITY_HEALTH_SERVICE_STATION
    VILLAGE_CLINIC
    SECOND_LEVEL_HOSPITAL
    TERTIARY_HOSPITAL
    REGIONAL_MEDICAL_CENTRE
  }

  enum Capability {
    FEVER_CLINIC
    EMERGENCY_DEPARTMENT
    ICU
  }

  type Location {
    latitude: Float!
    longitude: Float!
  }

  "ICU beds: open (staffed), occupied, held for referrals on their way; free = open - occupied - held."
  type IcuBeds {
    open: Int!
    occupied: Int!
    held: Int!
    free: Int!
  }

  "A facility's critical care as the capacity read model shows it to routing."
  type FacilityCapacity {
    icuBeds: IcuBeds!
    criticalCareDoctors: Int!
    criticalCareNurses: Int!
    "The facility stream revision the read model has applied."
    facilityRevision: Int!
    updatedAt: String!
  }

  type Facility @key(fields: "id") {
    id: ID!
    name: String!
    kind: FacilityKind!
    level: FacilityLevel!
    districtId: ID!
    "The grid that names it; null until one does."
    gridId: ID
    location: Location!
    capabilities: [Capability!]!
    "For grassroots institutions: the communities they serve."
    communityIds: [ID!]!
    capacity: FacilityCapacity!
    "Patients under observation in its emergency department now, and the 24-hour breaches among them."
    emergencyObservations: EmergencyObservationCounts!
    registeredAt: String!
  }

  type FacilityEdge {
    cursor: String!
    node: Facility!
  }

  "A page of a list of the referrals subgraph."
  type ReferralsPageInfo {
    hasNextPage: Boolean!
    endCursor: String
  }

  type FacilityConnection {
    edges: [FacilityEdge!]!
    pageInfo: ReferralsPageInfo!
  }

  "A treatment grid: led by a tertiary hospital, with second-level hospitals and grassroots institutions."
  type Grid @key(fields: "id") {
    id: ID!
    name: String!
    districtIds: [ID!]!
    leadFacility: Facility!
    facilityIds: [ID!]!
    communityIds: [ID!]!
    "Where a referral goes when this grid is full."
    neighbourGridIds: [ID!]!
    "The ICU beds of its facilities, summed."
    icuBeds: IcuBeds!
    "Patients under observation in its facilities' emergency departments now, and the 24-hour breaches among them."
    emergencyObservations: EmergencyObservationCounts!
    definedAt: String!
  }

  input LocationInput {
    latitude: Float!
    longitude: Float!
  }

  input RegisterFacilityInput {
    id: ID!
    name: String!
    kind: FacilityKind!
    districtId: ID!
    location: LocationInput!
    capabilities: [Capability!]!
    "For grassroots institutions: the communities they serve."
    communityIds: [ID!] = []
  }

  "A capacity report, in absolute numbers as the facility counts them now."
  input FacilityCapacityInput {
    facilityId: ID!
    icuBedsOpen: Int!
    icuBedsOccupied: Int!
    criticalCareDoctors: Int!
    criticalCareNurses: Int!
  }

  input DefineGridInput {
    id: ID!
    name: String!
    districtIds: [ID!]!
    leadFacilityId: ID!
    facilityIds: [ID!]!
    communityIds: [ID!]!
    neighbourGridIds: [ID!] = []
  }

  extend type Query {
    "Keyset pages in id order, optionally one grid's and one level's."
    facilities(gridId: ID, level: FacilityLevel, first: Int = 50, after: String): FacilityConnection!
    facility(id: ID!): Facility
    grid(id: ID!): Grid
    grids: [Grid!]!
  }

  extend type Mutation {
    "Registers a facility (again with the same details: nothing changes). Command centre and administrators."
    registerFacility(input: RegisterFacilityInput!): Facility!
    "A capacity report. Referral desks, the command centre and administrators."
    changeFacilityCapacity(input: FacilityCapacityInput!): Facility!
    "Defines a grid (again with the same content: nothing changes). Command centre and administrators."
    defineGrid(input: DefineGridInput!): Grid!
  }
`;
