import { loadRoutingPolicy, defaultReferralPolicy, defaultRoutingPolicy, ReferralPolicy, RoutingPolicy, loadReferralPolicy } from '@gridcare/referrals-domain';
import { RoutingPolicyPublishedData } from '@gridcare/referrals-contracts';
import { TriageRuleSetPublishedData } from '@gridcare/residents-contracts';
import {
  AntiviralRuleSet,
  defaultAntiviralRuleSet,
  defaultTriageRuleSet,
  loadAntiviralRuleSet,
  loadTriageRuleSet,
  TriageRuleSet,
} from '@gridcare/residents-domain';
import { RuleSetRef } from '@gridcare/rule-language';
import { readEventData } from './audit-contracts';
import { AuditedEvent } from './audited-event';

/** The four kinds of rule set decisions cite. */
export type RuleSetKind = 'triage' | 'antiviral-eligibility' | 'routing-policy' | 'referral-policy';

/** Where the library found a rule set: published in the log, or shipped in a domain library. */
export type RuleSetSource = { readonly from: 'log'; readonly eventId: string; readonly position: string } | { readonly from: 'built-in' };

interface EntryOf<Kind extends RuleSetKind, Loaded> {
  readonly kind: Kind;
  readonly ref: RuleSetRef;
  readonly source: RuleSetSource;
  /** Validated and hashed by the domain's own loader: the hash is that of this document. */
  readonly ruleSet: Loaded;
}

export type RuleSetEntry =
  | EntryOf<'triage', TriageRuleSet>
  | EntryOf<'antiviral-eligibility', AntiviralRuleSet>
  | EntryOf<'routing-policy', RoutingPolicy>
  | EntryOf<'referral-policy', ReferralPolicy>;

/** A rule set publication the library could not take as it is (its recorded hash is not its document's). */
export interface LibraryIssue {
  readonly eventId: string;
  readonly streamId: string;
  readonly position: string;
  readonly message: string;
}

export type RuleSetLookup =
  | { readonly found: true; readonly entry: RuleSetEntry }
  | { readonly found: false; readonly reason: 'rule set not found' | 'rule set id or version does not match its hash'; readonly known?: RuleSetRef };

const refOf = (document: { id: string; version: string }, hash: string): RuleSetRef => ({ id: document.id, version: document.version, hash });

/** An entry for a rule set the domain's loader accepted, keeping the hash the loader computed. */
export function ruleSetEntry(kind: RuleSetKind, loaded: { document: { id: string; version: string }; hash: string }, source: RuleSetSource = { from: 'built-in' }): RuleSetEntry {
  return { kind, ref: refOf(loaded.document, loaded.hash), source, ruleSet: loaded } as RuleSetEntry;
}

/**
 * Loads a rule set document of any kind (a what-if's file), trying each kind's loader: the
 * kinds' documents are told apart by their shape (a triage rule has a tier, an antiviral rule a
 * finding, a routing rule a channel and target, a referral policy has triggers).
 */
export function loadRuleSetDocument(json: unknown): RuleSetEntry {
  const loaders: [RuleSetKind, (json: unknown) => { document: { id: string; version: string }; hash: string }][] = [
    ['triage', loadTriageRuleSet],
    ['antiviral-eligibility', loadAntiviralRuleSet],
    ['routing-policy', loadRoutingPolicy],
    ['referral-policy', loadReferralPolicy],
  ];
  const refusals: string[] = [];
  for (const [kind, load] of loaders) {
    try {
      return ruleSetEntry(kind, load(json));
    } catch (error) {
      refusals.push(`as ${kind}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  throw new Error(`not a rule set document of any kind (${refusals.join('; ')})`);
}

/**
 * Every rule set version a decision in the log may cite, by kind and content hash: the ones
 * published in the log (TriageRuleSetPublished, RoutingPolicyPublished, with the whole document)
 * and the ones shipped in the domain libraries (the default triage rule set, the antiviral
 * eligibility rule set and the referral policy, which are never published as events, and the
 * initial routing policy). A built-in version and a published one with the same content have
 * the same hash: they are one entry.
 */
export class RuleSetLibrary {
  private readonly byHash = new Map<string, RuleSetEntry>();
  /** Publications refused (a recorded hash that is not the hash of the recorded document). */
  readonly issues: LibraryIssue[] = [];

  /** The versions shipped in the domain libraries. */
  static builtIn(): RuleSetLibrary {
    return new RuleSetLibrary()
      .add(ruleSetEntry('triage', defaultTriageRuleSet()))
      .add(ruleSetEntry('antiviral-eligibility', defaultAntiviralRuleSet()))
      .add(ruleSetEntry('routing-policy', defaultRoutingPolicy()))
      .add(ruleSetEntry('referral-policy', defaultReferralPolicy()));
  }

  /** The built-in versions and those the given publication events carry. */
  static fromLog(publications: Iterable<AuditedEvent>): RuleSetLibrary {
    const library = RuleSetLibrary.builtIn();
    for (const event of publications) library.addPublication(event);
    return library;
  }

  add(entry: RuleSetEntry): this {
    const key = `${entry.kind}:${entry.ref.hash}`;
    // A version found in the log is preferred to the identical built-in one: it says where it was published.
    if (!this.byHash.has(key) || entry.source.from === 'log') this.byHash.set(key, entry);
    return this;
  }

  /** Takes the document a publication event carries, validated and re-hashed; anything else is ignored. */
  addPublication(event: AuditedEvent): this {
    const kind: RuleSetKind | undefined = event.type === 'TriageRuleSetPublished' ? 'triage' : event.type === 'RoutingPolicyPublished' ? 'routing-policy' : undefined;
    if (!kind) return this;
    const issue = (message: string) => this.issues.push({ eventId: event.id, streamId: event.streamId, position: event.position, message });
    try {
      const source: RuleSetSource = { from: 'log', eventId: event.id, position: event.position };
      if (kind === 'triage') {
        const { ruleSet, hash } = readEventData<TriageRuleSetPublishedData>(event);
        const loaded = loadTriageRuleSet(ruleSet);
        if (loaded.hash !== hash) return (issue(`triage rule set ${ruleSet.version}: recorded hash ${hash} is not its document's (${loaded.hash})`), this);
        return this.add(ruleSetEntry(kind, loaded, source));
      }
      const { policy, hash } = readEventData<RoutingPolicyPublishedData>(event);
      const loaded = loadRoutingPolicy(policy);
      if (loaded.hash !== hash) return (issue(`routing policy ${policy.version}: recorded hash ${hash} is not its document's (${loaded.hash})`), this);
      return this.add(ruleSetEntry(kind, loaded, source));
    } catch (error) {
      issue(`${event.type} cannot be read: ${error instanceof Error ? error.message : String(error)}`);
      return this;
    }
  }

  /** The rule set a decision cites, by (id, version, hash). The hash decides; id and version must agree with it. */
  find(kind: RuleSetKind, ref: RuleSetRef): RuleSetLookup {
    const entry = this.byHash.get(`${kind}:${ref.hash}`);
    if (!entry) return { found: false, reason: 'rule set not found' };
    if (entry.ref.id !== ref.id || entry.ref.version !== ref.version) return { found: false, reason: 'rule set id or version does not match its hash', known: entry.ref };
    return { found: true, entry };
  }

  entries(): RuleSetEntry[] {
    return [...this.byHash.values()];
  }
}
