import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json';

/**
 * sha256 hex of a rule set document's canonical JSON: what a decision cites, so an auditor can
 * check that the document they re-run is the one the decision used. Validate the document first:
 * the hash is of whatever it is given.
 */
export function ruleSetHash(document: unknown): string {
  return createHash('sha256').update(canonicalJson(document), 'utf8').digest('hex');
}
