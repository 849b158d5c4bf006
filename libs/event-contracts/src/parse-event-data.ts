import { z } from 'zod';
import { ContractIssue, EventContractViolation } from './errors';

/**
 * Parses event data with its schema, turning zod's issues into an EventContractViolation
 * that names each field. Synchronous: event schemas must not use async refinements.
 */
export function parseEventData<Schema extends z.ZodType>(schema: Schema, data: unknown, type: string, schemaVersion: number, detail = 'invalid data'): z.output<Schema> {
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  throw new EventContractViolation(type, schemaVersion, 'invalid_data', toContractIssues(result.error), detail);
}

export function toContractIssues(error: z.ZodError): ContractIssue[] {
  return error.issues.map((issue) => ({ path: z.core.toDotPath(issue.path), message: issue.message }));
}
