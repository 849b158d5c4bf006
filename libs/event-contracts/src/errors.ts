/** One thing wrong with an event's data: `path` is a dot path such as `jurisdiction.communityId`. */
export interface ContractIssue {
  readonly path: string;
  readonly message: string;
}

/** Why an event broke its contract, for callers that react differently (e.g. 400 vs 500). */
export type ViolationReason =
  | 'unknown_type'
  | 'not_current_version'
  | 'unknown_version'
  | 'invalid_data'
  | 'upcast_failed';

/**
 * An event that may not be written (append) or cannot be read as the current version
 * (read). The message names the offending fields so a log line alone explains it.
 */
export class EventContractViolation extends Error {
  readonly code = 'EVENT_CONTRACT_VIOLATION';
  constructor(
    readonly type: string,
    readonly schemaVersion: number,
    readonly reason: ViolationReason,
    readonly issues: readonly ContractIssue[],
    detail: string,
    options?: { cause?: unknown },
  ) {
    super(`${type} v${schemaVersion}: ${detail}${describeIssues(issues)}`, options);
    this.name = 'EventContractViolation';
  }
}

/** A contract (or set of contracts) that cannot work: refused when defined or registered. */
export class InvalidEventContract extends Error {
  readonly code = 'INVALID_EVENT_CONTRACT';
  constructor(
    readonly type: string,
    message: string,
  ) {
    super(`${type}: ${message}`);
    this.name = 'InvalidEventContract';
  }
}

function describeIssues(issues: readonly ContractIssue[]): string {
  if (issues.length === 0) return '';
  return ` (${issues.map((issue) => `${issue.path || '(data)'}: ${issue.message}`).join('; ')})`;
}
