/**
 * What the residents service hands out to residents: contact service cards for key groups,
 * epidemic prevention health kits and finger oximeters. Concatenated into residentsTypeDefs.
 */
export const suppliesTypeDefs = /* GraphQL */ `
  "A contact service card: who a key resident calls, and since when."
  type ContactServiceCard {
    id: ID!
    "Where the resident lived when it was issued."
    communityId: ID!
    communityPhone: String!
    familyDoctorHotline: String!
    emergencyNumber: String!
    issuedOn: String!
    issuedBy: String!
    "The card this one replaced, for a reissue."
    replacesCardId: ID
  }

  type FingerOximeter {
    serialNumber: String!
    "Where it was handed out."
    communityId: ID!
    handedOutAt: String!
  }

  type ResidentSupplies {
    "The card in force, if one was issued."
    contactServiceCard: ContactServiceCard
    healthKitsHandedOut: Int!
    "The oximeter the resident holds, until it is recorded returned."
    fingerOximeter: FingerOximeter
  }

  extend type Resident {
    supplies: ResidentSupplies!
  }

  "Counted in the community where each thing was handed out."
  type CommunitySupplies {
    communityId: ID!
    residentsWithCard: Int!
    "Including reissues."
    cardsIssued: Int!
    healthKitsHandedOut: Int!
    fingerOximetersOut: Int!
  }

  input ContactServiceCardInput {
    communityPhone: String!
    familyDoctorHotline: String!
    "Defaults to 120, the emergency medical service."
    emergencyNumber: String
  }

  extend type Mutation {
    """
    Issues a contact service card to a key resident (red or yellow, or living alone); a reissue
    replaces the card in force. Community workers, family doctors and administrators; volunteer
    coordinators may hand out health kits and finger oximeters too.
    """
    issueContactServiceCard(residentId: ID!, input: ContactServiceCardInput!): Resident!
    "Hands out 1 to 10 epidemic prevention health kits."
    handOutHealthKits(residentId: ID!, kits: Int!): Resident!
    "Hands out a finger oximeter; a resident holds one at a time until it is recorded returned."
    handOutFingerOximeter(residentId: ID!, serialNumber: String!): Resident!
    recordFingerOximeterReturned(residentId: ID!, serialNumber: String!): Resident!
  }

  extend type Query {
    "One entry per community asked for, zeros where nothing was handed out."
    suppliesByCommunity(communityIds: [ID!]!): [CommunitySupplies!]!
  }
`;
