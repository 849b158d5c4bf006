import { ApolloFederationDriver, ApolloFederationDriverConfig } from '@nestjs/apollo';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { EventSourcingModule, GraphQLErrorsAsAnswers, JsonScalar, readModelAdminResolver } from '@gridcare/nest-event-sourcing';
import { IdentityVerifier, RequestLike, requestIdentity, SubgraphContext } from '@gridcare/identity';
import { EventContractRegistry } from '@gridcare/event-contracts';
import { AuditRecordRead } from '@gridcare/audit-domain';
import { AuditDatabaseModule } from './database/audit-database.module';
import { AuditProjections } from './case-history/audit-projections';
import { auditTypeDefs } from './graphql/audit.schema';
import { CaseHistoryResolver } from './graphql/case-history.resolver';
import { AccessLogResolver } from './graphql/access-log.resolver';
import { CaseAsOfResolver } from './graphql/case-as-of.resolver';

@Module({
  imports: [
    // The audit service writes only its own reads (AuditRecordRead); it reads every service's events as recorded.
    EventSourcingModule.forRoot({ contracts: new EventContractRegistry().register(AuditRecordRead) }),
    AuditDatabaseModule,
    GraphQLModule.forRootAsync<ApolloFederationDriverConfig>({
      driver: ApolloFederationDriver,
      useFactory: async () => {
        const verifier = await IdentityVerifier.forGatewayAssertions();
        return {
          typeDefs: auditTypeDefs,
          resolvers: { JSON: JsonScalar },
          context: async ({ req }: { req: RequestLike }): Promise<SubgraphContext> => ({ req, identity: await requestIdentity(verifier, req?.headers) }),
          plugins: [ApolloServerPluginInlineTraceDisabled()],
          includeStacktraceInErrorResponses: false,
        };
      },
    }),
  ],
  providers: [{ provide: APP_FILTER, useClass: GraphQLErrorsAsAnswers }, AuditProjections, readModelAdminResolver('audit', AuditProjections), CaseHistoryResolver, CaseAsOfResolver, AccessLogResolver],
})
export class AppModule {}
