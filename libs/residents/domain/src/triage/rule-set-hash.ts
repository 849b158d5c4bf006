import { createHash } from 'node:crypto';
import { AntiviralRuleSetDocument, TriageRuleSetDocument } from '@gridcare/residents-contracts';
import { canonicalJson } from './canonical-json';

/** sha256 hex of the document's canonical JSON: what a decision cites, so an auditor can check the document. */
export function ruleSetHash(document: TriageRuleSetDocument | AntiviralRuleSetDocument): string {
  return createHash('sha256').update(canonicalJson(document), 'utf8').digest('hex');
}
