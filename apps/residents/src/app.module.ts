import { ApolloFederationDriver, ApolloFederationDriverConfig } from '@nestjs/apollo';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { GraphQLModule } from '@nestjs/graphql';
import { IdentityVerifier, requestIdentity } from '@gridcare/identity';
import { EVENT_STORE, EventSourcingModule, GraphQLErrorsAsAnswers, JsonScalar, readModelAdminResolver } from '@gridcare/nest-event-sourcing';
import { EventStore } from '@gridcare/event-store';
import { PersonalDataReads } from './personal-data/personal-data-reads';
import { recordPersonalDataReads } from './personal-data/record-personal-data-reads.plugin';
import { residentsContracts } from '@gridcare/residents-contracts';
import { DoseAdministered } from '@gridcare/vaccination-contracts';
import { ResidentsDatabaseModule } from './database/residents-database.module';
import { IdentityModule } from './identity/identity.module';
import { ResidentsContext } from './identity/request-actor';
import { ResidentsQueryResolver } from './graphql/residents-query.resolver';
import { residentsTypeDefs } from './graphql/residents.schema';
import { ResidentsProjections } from './projections/residents-projections';
import { ChangeResidentHandler } from './commands/change-resident.handler';
import { RegisterResidentHandler } from './commands/register-resident.handler';
import { ResidentDecisions } from './commands/resident-decisions.service';
import { ResidentsMutationResolver } from './graphql/residents-mutation.resolver';
import { CensusImportResolver } from './graphql/census-import.resolver';
import { CensusImports } from './census-import/census-imports.service';
import { CensusFilesController } from './census-import/census-files.controller';
import { CensusRegistrar } from './census-import/census-registrar';
import { TriageRuleSets } from './rule-sets/triage-rule-sets.service';
import { TriageRollouts } from './rule-sets/triage-rollouts.service';
import { VaccinationStatusPolicy } from './policies/vaccination-status.policy';
import { ResidentSupplyHandler } from './supplies/resident-supply.handler';
import { SuppliesMutationResolver } from './graphql/supplies-mutation.resolver';
import { SuppliesQueryResolver } from './graphql/supplies-query.resolver';
import { ResidentCareHandler } from './care/resident-care.handler';
import { CareMutationResolver } from './graphql/care-mutation.resolver';
import { CareQueryResolver } from './graphql/care-query.resolver';
import { AssignResidentHandler } from './assignment/assign-resident.handler';
import { BulkAssignment } from './assignment/bulk-assignment.service';
import { AssignmentMutationResolver } from './graphql/assignment-mutation.resolver';
import { WorklistQueryResolver } from './graphql/worklist-query.resolver';

@Module({
  imports: [
    CqrsModule.forRoot(),
    // Its own events, and the other services' events it reacts to, so those are validated on read too.
    EventSourcingModule.forRoot({ contracts: residentsContracts().register(DoseAdministered) }),
    ResidentsDatabaseModule,
    IdentityModule,
    GraphQLModule.forRootAsync<ApolloFederationDriverConfig>({
      driver: ApolloFederationDriver,
      imports: [IdentityModule],
      inject: [IdentityVerifier, EVENT_STORE],
      useFactory: (verifier: IdentityVerifier, store: EventStore) => ({
        typeDefs: residentsTypeDefs,
        resolvers: { JSON: JsonScalar },
        // Who is acting, from the gateway's signed assertion; operations refuse a request without one.
        context: async ({ req }: { req: { headers?: Record<string, string | string[] | undefined> } }): Promise<ResidentsContext> => ({
          req,
          identity: await requestIdentity(verifier, req.headers),
          personalDataReads: new PersonalDataReads(),
        }),
        // No Apollo Studio: traces and usage reports would be traffic off the machine.
        plugins: [ApolloServerPluginInlineTraceDisabled(), recordPersonalDataReads(store)],
        // A client is told what went wrong, never where in the server: no stack traces in answers.
        includeStacktraceInErrorResponses: false,
      }),
    }),
  ],
  controllers: [CensusFilesController],
  providers: [
    // Refusals are answers to the client, not server errors to log.
    { provide: APP_FILTER, useClass: GraphQLErrorsAsAnswers },
    ResidentsProjections,
    readModelAdminResolver('residents', ResidentsProjections),
    TriageRuleSets,
    TriageRollouts,
    ResidentDecisions,
    RegisterResidentHandler,
    ChangeResidentHandler,
    ResidentsQueryResolver,
    ResidentsMutationResolver,
    CensusRegistrar,
    CensusImports,
    CensusImportResolver,
    VaccinationStatusPolicy,
    ResidentSupplyHandler,
    SuppliesQueryResolver,
    SuppliesMutationResolver,
    ResidentCareHandler,
    CareQueryResolver,
    CareMutationResolver,
    AssignResidentHandler,
    BulkAssignment,
    AssignmentMutationResolver,
    WorklistQueryResolver,
  ],
})
export class AppModule {}
