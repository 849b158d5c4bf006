import { DECISION_KINDS, WhatIfResult } from '@gridcare/audit-domain';
import { VerifyReport } from './verify';

const show = (value: unknown): string => (typeof value === 'string' ? value : JSON.stringify(value));

/** The summary of a verification run, as lines of text. */
export function formatVerifyReport(report: VerifyReport): string[] {
  const { tally } = report;
  const lines = ['Decisions re-run against the rule sets they cite', ''];
  lines.push(`${'kind'.padEnd(24)}${'checked'.padStart(10)}${'identical'.padStart(11)}${'different'.padStart(11)}${'checked*'.padStart(10)}${'not re-runnable'.padStart(17)}`);
  for (const kind of [...DECISION_KINDS, 'total' as const]) {
    const counts = kind === 'total' ? tally.total : tally.byKind.get(kind);
    if (!counts || (kind !== 'total' && counts.checked === 0)) continue;
    lines.push(`${kind.padEnd(24)}${String(counts.checked).padStart(10)}${String(counts.identical).padStart(11)}${String(counts.different).padStart(11)}${String(counts.checkedNotRerun).padStart(10)}${String(counts.notRerunnable).padStart(17)}`);
  }
  lines.push('* checked, not re-run: manual overrides (rule set known, role allowed by it).');
  for (const [kind, reason] of tally.notRerunnableReasons) lines.push(`not re-runnable (${kind}): ${reason}`);
  lines.push('', `rule sets known: ${report.ruleSets.map((entry) => `${entry.kind} ${entry.ref.version} (${entry.source.from}, ${entry.ref.hash.slice(0, 12)})`).join('; ')}`);
  lines.push(`elapsed ${(report.elapsedMs / 1000).toFixed(2)} s, ${Math.round(report.decisionsPerSecond).toLocaleString('en')} decisions/s`);
  for (const issue of report.libraryIssues) lines.push(`rule set publication refused: ${issue.streamId} @ ${issue.position} (${issue.eventId}): ${issue.message}`);
  if (tally.firstDifferences.length) {
    lines.push('', `First ${tally.firstDifferences.length} differences:`);
    for (const difference of tally.firstDifferences) {
      lines.push(`  ${difference.kind} ${difference.eventType} ${difference.streamId} @ ${difference.position} (event ${difference.eventId})`);
      lines.push(`    ${difference.field}: recorded ${show(difference.recorded)}, re-run ${show(difference.rerun)}`);
    }
  }
  lines.push('', tally.anyDifferent || report.libraryIssues.length ? 'DIFFERENCES FOUND' : 'all re-run decisions identical');
  return lines;
}

/** What a what-if run would change, as lines of text. */
export function formatWhatIf(results: readonly WhatIfResult[], alternative: { kind: string; ref: { id: string; version: string; hash: string } }): string[] {
  const changed = results.filter((result) => result.changed);
  const lines = [`What if: ${alternative.kind} ${alternative.ref.id} ${alternative.ref.version} (${alternative.ref.hash.slice(0, 12)}); nothing is written`, ''];
  lines.push(`decisions re-run: ${results.filter((result) => result.applicable).length}, would change: ${changed.length}`);
  for (const result of results) {
    if (!result.applicable) {
      lines.push(`  ${result.eventType} ${result.streamId} @ ${result.position}: not applicable (${result.note})`);
      continue;
    }
    if (!result.changed) continue;
    lines.push(`  ${result.eventType} ${result.streamId} @ ${result.position} (decision ${result.decisionId}, was ${result.recordedRuleSet?.version})`);
    for (const difference of result.differences) lines.push(`    ${difference.field}: ${show(difference.recorded)} -> ${show(difference.rerun)}`);
  }
  const notes = new Set(results.flatMap((result) => (result.applicable && result.note ? [result.note] : [])));
  for (const note of notes) lines.push(`note: ${note}`);
  return lines;
}
