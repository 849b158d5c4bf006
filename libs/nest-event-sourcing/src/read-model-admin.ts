import { Inject, Type } from '@nestjs/common';
import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Identity, identityOf, SubgraphContext } from '@gridcare/identity';
import { RebuildInProgressError } from '@gridcare/projections';
import { GraphQLError } from 'graphql';
import { ServiceProjections } from './service-projections';

/** The names a service's read-model administration takes in the supergraph, e.g. residentsReadModels. */
export function readModelAdminNames(service: string) {
  const Service = service[0].toUpperCase() + service.slice(1);
  return { type: `${Service}ReadModel`, rebuild: `${Service}ReadModelRebuild`, state: `${Service}ReadModelRebuildState`, query: `${service}ReadModels`, mutation: `rebuild${Service}ReadModel` };
}

/**
 * The SDL for a service's read models (its own type names, so no subgraph shares them). `mutationRoot`
 * says whether the service's schema has a Mutation type already (`extend`) or not (`define`).
 */
export function readModelAdminTypeDefs(service: string, mutationRoot: 'extend' | 'define'): string {
  const names = readModelAdminNames(service);
  return /* GraphQL */ `
  enum ${names.state} {
    RUNNING
    COMPLETED
    FAILED
  }

  "A rebuild of a read model from the log, started by an administrator; the old rows answer until it completes."
  type ${names.rebuild} {
    state: ${names.state}!
    "building, switching (the new tables going live), done"
    phase: String!
    eventsApplied: Int!
    "How far through the log, 0 to 100."
    percent: Float!
    requestedBy: String!
    startedAt: String!
    finishedAt: String
    "Why it failed; the old rows kept answering."
    error: String
  }

  "A read model of the ${service} service, fed from the log."
  type ${names.type} {
    name: String!
    tables: [String!]!
    "The log position it has applied up to (commit/prepare)."
    checkpoint: String
    caughtUp: Boolean!
    lastError: String
    "The latest rebuild started on this instance, if any."
    rebuild: ${names.rebuild}
  }

  extend type Query {
    "The ${service} service's read models. City administrators only."
    ${names.query}: [${names.type}!]!
  }

  ${mutationRoot === 'extend' ? 'extend ' : ''}type Mutation {
    "Rebuilds a read model from the log into new tables and switches them in; answers at once, follow it with ${names.query}. City administrators only."
    ${names.mutation}(name: String!): ${names.type}!
  }
`;
}

/** Rebuilding read models is for the city's administrators. */
function administratorOf(context: SubgraphContext): Identity {
  const identity = identityOf(context);
  if (identity.role !== 'administrator' || identity.jurisdiction.level !== 'city') {
    throw new GraphQLError('read models are administered by the city administrators only', { extensions: { code: 'FORBIDDEN' } });
  }
  return identity;
}

/** The resolver of a service's read-model administration, for the ServiceProjections class given. */
export function readModelAdminResolver(service: string, projectionsType: Type<ServiceProjections>): Type<unknown> {
  const names = readModelAdminNames(service);

  @Resolver()
  class ReadModelAdminResolver {
    constructor(@Inject(projectionsType) private readonly projections: ServiceProjections) {}

    @Query(names.query)
    readModels(@Context() context: SubgraphContext) {
      administratorOf(context);
      return this.projections.readModels.map((readModel) => this.view(readModel.name));
    }

    @Mutation(names.mutation)
    rebuild(@Args('name') name: string, @Context() context: SubgraphContext) {
      const administrator = administratorOf(context);
      if (!this.projections.readModel(name)) {
        const known = this.projections.readModels.map((readModel) => readModel.name).join(', ');
        throw new GraphQLError(`no ${service} read model named ${name} (${known})`, { extensions: { code: 'BAD_USER_INPUT' } });
      }
      try {
        this.projections.startRebuild(name, administrator.actorId);
      } catch (error) {
        if (error instanceof RebuildInProgressError) throw new GraphQLError(error.message, { extensions: { code: 'CONFLICT', reason: error.code } });
        throw error;
      }
      return this.view(name);
    }

    private view(name: string) {
      const readModel = this.projections.readModel(name)!;
      const status = this.projections.runner(name).status();
      const rebuild = this.projections.rebuilds.status(name);
      return {
        name,
        tables: readModel.tables,
        checkpoint: status.checkpoint,
        caughtUp: status.caughtUp,
        lastError: status.lastError,
        rebuild: rebuild && {
          ...rebuild,
          percent: Math.round(rebuild.fraction * 1000) / 10,
          startedAt: rebuild.startedAt.toISOString(),
          finishedAt: rebuild.finishedAt?.toISOString() ?? null,
        },
      };
    }
  }
  return ReadModelAdminResolver;
}
