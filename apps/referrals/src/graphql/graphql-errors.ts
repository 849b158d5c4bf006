import { GraphQLError } from 'graphql';

/** Bad input: names the field, and nothing was written. */
export function badInput(field: string, message: string, details: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message.startsWith(`${field}:`) ? message : `${field}: ${message}`, { extensions: { code: 'BAD_USER_INPUT', field, ...details } });
}

export function notFound(what: string, id: string, details: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(`${what} ${id} not found`, { extensions: { code: 'NOT_FOUND', id, ...details } });
}

export function conflict(message: string, details: Record<string, unknown>): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'CONFLICT', ...details } });
}

export function forbidden(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'FORBIDDEN' } });
}
