import { ArgumentsHost, Catch, ExceptionFilter, Logger } from '@nestjs/common';
import { GraphQLError } from 'graphql';

/** Codes a client caused: answered to the client, not logged as the server's errors. */
const CLIENT_ERROR_CODES = new Set(['BAD_USER_INPUT', 'UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'CONFLICT']);

/**
 * A resolver's GraphQLError is the answer the client gets. Nest would log each one with its stack
 * as an ERROR ("ExceptionsHandler"), so a refused token or a FORBIDDEN read would bury real faults
 * in the operations' logs; refusals are returned quietly, anything else still logged.
 */
@Catch(GraphQLError)
export class GraphQLErrorsAsAnswers implements ExceptionFilter {
  private readonly logger = new Logger('GraphQL');

  catch(error: GraphQLError, _host: ArgumentsHost): GraphQLError {
    if (!CLIENT_ERROR_CODES.has(String(error.extensions?.code))) this.logger.error(error);
    return error;
  }
}
