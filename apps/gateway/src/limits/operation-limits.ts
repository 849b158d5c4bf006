import { EnvelopArmor } from '@escape.tech/graphql-armor';
import { GraphQLError, ValidationContext } from 'graphql';
import { GatewayLimits } from './gateway-limits';

export const OPERATION_LIMIT_EXCEEDED = 'OPERATION_LIMIT_EXCEEDED';

/**
 * graphql-armor words a refusal as a "Syntax Error" with no code; the client is told instead
 * which limit the operation broke, under a code of its own.
 */
function refuseOverLimit(context: ValidationContext | null, rejection: GraphQLError): void {
  const refusal = new GraphQLError(rejection.message.replace(/^Syntax Error: /, ''), { extensions: { code: OPERATION_LIMIT_EXCEEDED } });
  if (!context) throw refusal;
  context.reportError(refusal);
}

/**
 * Depth, cost, alias and token limits on every operation, checked by graphql-armor while the
 * gateway parses and validates the document, before any subgraph is asked. Field suggestions
 * ("did you mean") are withheld so the schema cannot be guessed field by field.
 */
export function operationLimitPlugins(limits: GatewayLimits) {
  const refuse = { exposeLimits: true, propagateOnRejection: false, onReject: [refuseOverLimit] };
  return new EnvelopArmor({
    maxDepth: { n: limits.maxDepth, ...refuse },
    costLimit: { maxCost: limits.maxCost, ...refuse },
    maxAliases: { n: limits.maxAliases, ...refuse },
    maxTokens: { n: limits.maxTokens, ...refuse },
    maxDirectives: { n: 50, ...refuse },
    blockFieldSuggestion: { enabled: true },
  }).protect().plugins;
}
