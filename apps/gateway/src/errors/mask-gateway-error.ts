import { GraphQLError } from 'graphql';

/**
 * What a client is told when something fails. Errors the subgraphs answered with (their
 * `extensions.code`, `field`, `reason`) pass through; a subgraph that cannot be reached becomes
 * `SUBGRAPH_UNAVAILABLE` naming the service, on the path of the fields it would have answered
 * (never the subrequest, which the runtime attaches), one that does not answer within the
 * timeout `SUBGRAPH_TIMEOUT`; anything else is "Unexpected error.".
 */
export function maskGatewayError(error: unknown, message: string): Error {
  if (!(error instanceof GraphQLError)) return new GraphQLError(message, { extensions: { code: 'INTERNAL_SERVER_ERROR' } });
  const located = { nodes: error.nodes, source: error.source, positions: error.positions, path: error.path };
  if (error.extensions?.code === 'GATEWAY_TIMEOUT' && error.extensions.serviceName) {
    return new GraphQLError(`The ${String(error.extensions.serviceName)} service did not answer in time: its fields are null in this answer.`, {
      ...located,
      extensions: { code: 'SUBGRAPH_TIMEOUT', serviceName: error.extensions.serviceName },
    });
  }
  if (error.extensions?.code === 'SUBREQUEST_HTTP_ERROR') {
    const service = String(error.extensions.serviceName ?? 'a');
    return new GraphQLError(`The ${service} service is unavailable: its fields are null in this answer.`, {
      ...located,
      extensions: { code: 'SUBGRAPH_UNAVAILABLE', serviceName: error.extensions.serviceName },
    });
  }
  if (!error.originalError || error.originalError instanceof GraphQLError) return error;
  return new GraphQLError(message, { ...located, extensions: { code: 'INTERNAL_SERVER_ERROR' } });
}
