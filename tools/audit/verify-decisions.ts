// Re-runs every decision in the log with the rule set it cites and checks every stream's hash
// chain, and prints a summary; exits 1 on any difference or broken chain. With --what-if <document.json> [--decision <id>] [--resident <id>], re-runs past
// decisions under that rule set version instead and prints what would change, writing nothing.
//
//   DATABASE_URL=postgres://... npm run audit:verify
//   npm run audit:verify -- --what-if triage-rules.2026-2.json --resident <residentId>
import { readFileSync } from 'node:fs';
import { describeBreak, EventStore, verifyAllChains } from '@gridcare/event-store';
import { loadRuleSetDocument } from '@gridcare/audit-domain';
import { openEventStore } from './read-log';
import { formatVerifyReport, formatWhatIf } from './print';
import { verifyDecisions, whatIfDecisions } from './verify';

export interface CliOptions {
  readonly whatIf?: string;
  readonly decision?: string;
  readonly resident?: string;
  readonly pageSize?: number;
}

export function parseArgs(argv: readonly string[]): CliOptions {
  const options: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split('=', 2);
    const name = { '--what-if': 'whatIf', '--decision': 'decision', '--resident': 'resident', '--page-size': 'pageSize' }[flag];
    if (!name) throw new Error(`unknown argument ${argv[i]} (expected --what-if <file>, --decision <id>, --resident <id>, --page-size <n>)`);
    const value = inline ?? argv[++i];
    if (value === undefined) throw new Error(`${flag} needs a value`);
    options[name] = value;
  }
  if ((options.decision || options.resident) && !options.whatIf) throw new Error('--decision and --resident select decisions for --what-if');
  return { ...options, pageSize: options.pageSize ? Number(options.pageSize) : undefined };
}

/** The command: returns the exit code (0: all identical; 1: a difference, or an error). */
export async function main(argv: readonly string[], given?: EventStore, print: (line: string) => void = console.log): Promise<number> {
  let store: EventStore | undefined;
  try {
    const options = parseArgs(argv);
    store = given ?? openEventStore();
    if (options.whatIf) {
      const alternative = loadRuleSetDocument(JSON.parse(readFileSync(options.whatIf, 'utf8')));
      const results = await whatIfDecisions(store, alternative, { decision: options.decision, residentId: options.resident }, options.pageSize);
      formatWhatIf(results, alternative).forEach((line) => print(line));
      return 0;
    }
    const report = await verifyDecisions(store, { pageSize: options.pageSize });
    formatVerifyReport(report).forEach((line) => print(line));
    // Tamper evidence: every stream's hash chain, edited and removed events included.
    const chains = await verifyAllChains(store, { pageSize: options.pageSize });
    print(
      `hash chains: ${chains.events} events in ${chains.streams} streams, ${chains.breaks.length} broken` +
        (chains.unchainedEvents ? ` (${chains.unchainedEvents} recorded before the chain existed)` : '') +
        (chains.headsChecked ? '' : '; this store keeps no stream heads: removed last events go unseen'),
    );
    chains.breaks.slice(0, 10).forEach((found) => print(`  ${describeBreak(found)}`));
    return report.tally.anyDifferent || report.libraryIssues.length || !chains.ok ? 1 : 0;
  } catch (error) {
    print(`audit:verify failed: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  } finally {
    // A store given by the caller is the caller's to close.
    if (store && !given) await store.close();
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then((code) => (process.exitCode = code));
}
