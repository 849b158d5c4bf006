import { ApolloFederationDriver, ApolloFederationDriverConfig } from '@nestjs/apollo';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { GraphQLModule } from '@nestjs/graphql';
import { IdentityVerifier, requestIdentity } from '@gridcare/identity';
import { EventSourcingModule, GraphQLErrorsAsAnswers, readModelAdminResolver } from '@gridcare/nest-event-sourcing';
import { ReferralsDatabaseModule } from './database/referrals-database.module';
import { ChangeFacilityCapacityHandler, RegisterFacilityHandler } from './facilities/facility.handlers';
import { EmergencyObservationQueries } from './emergency-observation/emergency-observation-queries';
import { DefineGridHandler } from './grids/define-grid.handler';
import { EmergencyObservationsResolver } from './graphql/emergency-observations.resolver';
import { FacilitiesMutationResolver } from './graphql/facilities-mutation.resolver';
import { FacilitiesQueryResolver } from './graphql/facilities-query.resolver';
import { GridsQueryResolver } from './graphql/grids-query.resolver';
import { referralsTypeDefs } from './graphql/referrals.schema';
import { ReferralsMutationResolver } from './graphql/referrals-mutation.resolver';
import { ReferralsQueryResolver } from './graphql/referrals-query.resolver';
import { ResidentReferralsResolver } from './graphql/resident-referrals.resolver';
import { GraphQLContext, RequestLike } from './identity/request-actor';
import { ReferralAccess } from './identity/referral-access';
import { ReferralPolicy } from './policies/referral.policy';
import { referralsServiceContracts } from './policies/residents-events-read';
import { ReferralsProjections } from './projections/referrals-projections';
import { AcceptReferralHandler } from './referrals/accept-referral.handler';
import { DeclineReferralHandler } from './referrals/decline-referral.handler';
import { ReferDownHandler } from './referrals/refer-down.handler';
import { ReferralBeds } from './referrals/referral-beds';
import { ReferralRequests } from './referrals/referral-requests.service';
import { ReferralStepHandler } from './referrals/referral-step.handler';
import { RequestReferralHandler, RequestReferralsHandler } from './referrals/request-referral.handler';
import { StartEmergencyObservationHandler } from './referrals/start-emergency-observation.handler';
import { ReferralRouting } from './routing/referral-routing';
import { RoutingNetwork } from './routing/routing-network';
import { RoutingPolicies } from './routing/routing-policies.service';
import { CityGridSeeding } from './seed/city-grid-seeding.service';

@Module({
  imports: [
    CqrsModule.forRoot(),
    EventSourcingModule.forRoot({ contracts: referralsServiceContracts() }),
    ReferralsDatabaseModule,
    GraphQLModule.forRootAsync<ApolloFederationDriverConfig>({
      driver: ApolloFederationDriver,
      useFactory: async () => {
        // One verifier for the service's life: it caches the assertions it has verified.
        const verifier = await IdentityVerifier.forGatewayAssertions();
        return {
          typeDefs: referralsTypeDefs,
          // Who is acting, from the gateway's signed assertion only; resolvers refuse a request without one.
          context: async ({ req }: { req: RequestLike }): Promise<GraphQLContext> => ({ req, identity: await requestIdentity(verifier, req?.headers) }),
          // No Apollo Studio: traces and usage reports would be traffic off the machine.
          plugins: [ApolloServerPluginInlineTraceDisabled()],
          // A client is told what went wrong, never where in the server: no stack traces in answers.
          includeStacktraceInErrorResponses: false,
        };
      },
    }),
  ],
  providers: [
    // Refusals are answers to the client, not server errors to log.
    { provide: APP_FILTER, useClass: GraphQLErrorsAsAnswers },
    ReferralsProjections,
    readModelAdminResolver('referrals', ReferralsProjections),
    RoutingPolicies,
    RoutingNetwork,
    ReferralRouting,
    ReferralBeds,
    ReferralRequests,
    CityGridSeeding,
    ReferralPolicy,
    EmergencyObservationQueries,
    ReferralAccess,
    RegisterFacilityHandler,
    ChangeFacilityCapacityHandler,
    DefineGridHandler,
    RequestReferralHandler,
    RequestReferralsHandler,
    AcceptReferralHandler,
    DeclineReferralHandler,
    ReferralStepHandler,
    ReferDownHandler,
    StartEmergencyObservationHandler,
    FacilitiesQueryResolver,
    GridsQueryResolver,
    FacilitiesMutationResolver,
    ReferralsQueryResolver,
    ReferralsMutationResolver,
    ResidentReferralsResolver,
    EmergencyObservationsResolver,
  ],
})
export class AppModule {}
