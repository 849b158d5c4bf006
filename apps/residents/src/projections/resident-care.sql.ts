/**
 * One statement list per care event type. Each takes $1, a JSON array of a run of events of
 * that type in log order: the event's data with snake_case keys, plus event_id, actor_id,
 * recorded_at and ord (its place in the run). A run may hold several events of one resident
 * or episode, so statements that keep "the latest" pick it by ord.
 */
const rows = (columns: string) => `jsonb_to_recordset($1::jsonb) AS e(${columns})`;
const latest = (key: string, columns: string) => `(SELECT DISTINCT ON (${key}) * FROM ${rows(`${columns}, ord int`)} ORDER BY ${key}, ord DESC)`;

export const CARE_STATEMENTS: Record<string, readonly string[]> = {
  InfectionReported: [
    `INSERT INTO infection_episodes (episode_id, resident_id, onset_on, basis, symptoms, symptoms_recorded_on, reported_on, reported_by, reported_at, status)
     SELECT episode_id, resident_id, onset_on, basis, symptoms, reported_on, reported_on, actor_id, recorded_at, 'open'
     FROM ${rows('episode_id uuid, resident_id uuid, onset_on date, basis text, symptoms text[], reported_on date, actor_id text, recorded_at timestamptz')}
     ON CONFLICT (episode_id) DO NOTHING`,
  ],
  SymptomsRecorded: [
    `UPDATE infection_episodes x SET symptoms = e.symptoms, symptoms_recorded_on = e.recorded_on
     FROM ${latest('episode_id', 'episode_id uuid, symptoms text[], recorded_on date')} e
     WHERE x.episode_id = e.episode_id`,
  ],
  Spo2Recorded: [
    `INSERT INTO spo2_readings (reading_id, resident_id, episode_id, spo2, pulse, measured_at, measured_on, recorded_by, recorded_at)
     SELECT event_id, resident_id, episode_id, spo2, pulse, measured_at, measured_on, actor_id, recorded_at
     FROM ${rows('event_id uuid, resident_id uuid, episode_id uuid, spo2 int, pulse int, measured_at timestamptz, measured_on date, actor_id text, recorded_at timestamptz')}
     ON CONFLICT (reading_id) DO NOTHING`,
    // The latest recorded, as triage sees it (docs/follow-ups.md), not the latest measured.
    `UPDATE infection_episodes x SET latest_spo2 = e.spo2
     FROM ${latest('episode_id', 'episode_id uuid, spo2 int')} e
     WHERE x.episode_id = e.episode_id`,
  ],
  AntiviralEligibilityAssessed: [
    `UPDATE infection_episodes x SET antiviral_eligibility = jsonb_build_object(
       'decisionId', e.decision_id, 'outcome', e.outcome, 'asOf', e.as_of, 'trigger', e.trigger, 'ruleSet', e.rule_set, 'firedRules', e.fired_rules, 'assessedBy', e.actor_id)
     FROM ${latest('episode_id', 'episode_id uuid, decision_id uuid, outcome text, as_of date, trigger jsonb, rule_set jsonb, fired_rules jsonb, actor_id text')} e
     WHERE x.episode_id = e.episode_id`,
  ],
  AntiviralGiven: [
    `UPDATE infection_episodes x SET antivirals = x.antivirals || e.courses
     FROM (
       SELECT episode_id, jsonb_agg(jsonb_build_object('drug', drug, 'courseDays', course_days, 'givenOn', given_on, 'givenBy', actor_id) ORDER BY ord) AS courses
       FROM ${rows('episode_id uuid, drug text, course_days int, given_on date, actor_id text, ord int')}
       GROUP BY episode_id
     ) e
     WHERE x.episode_id = e.episode_id`,
  ],
  OxygenFilled: [
    `UPDATE infection_episodes x SET
       oxygen_litres = x.oxygen_litres + e.litres, oxygen_fillings = x.oxygen_fillings + e.fillings,
       oxygen_charge_fen = x.oxygen_charge_fen + e.charge_fen, oxygen_reimbursable_fen = x.oxygen_reimbursable_fen + e.reimbursable_fen
     FROM (
       SELECT episode_id, sum(litres)::int AS litres, sum(fillings)::int AS fillings, sum(charge_fen)::int AS charge_fen, sum(reimbursable_fen)::int AS reimbursable_fen
       FROM ${rows('episode_id uuid, litres int, fillings int, charge_fen int, reimbursable_fen int')}
       GROUP BY episode_id
     ) e
     WHERE x.episode_id = e.episode_id`,
  ],
  HomeTreatmentEnded: [
    `UPDATE infection_episodes x SET status = 'ended', ended_on = e.ended_on, home_treatment_outcome = e.outcome, ended_by = e.actor_id
     FROM ${rows('episode_id uuid, outcome text, ended_on date, actor_id text')}
     WHERE x.episode_id = e.episode_id`,
  ],
  // Raised for the episode under home treatment; the event names the resident only.
  FollowUpFrequencyRaised: [
    `UPDATE infection_episodes x SET raised_follow_up_interval_days = e.interval_days, raised_follow_up_reason = e.reason
     FROM ${latest('resident_id', 'resident_id uuid, interval_days int, reason text')} e
     WHERE x.resident_id = e.resident_id AND x.status = 'open'`,
  ],
  FollowUpScheduled: [
    `INSERT INTO follow_ups (resident_id, follow_up_number, due_on, interval_days, purposes, basis, status, replaces, scheduled_at)
     SELECT resident_id, follow_up_number, due_on, interval_days, purposes, basis, 'pending', replaces, recorded_at
     FROM ${rows('resident_id uuid, follow_up_number int, due_on date, interval_days int, purposes text[], basis text[], replaces int, recorded_at timestamptz')}
     ON CONFLICT (resident_id, follow_up_number) DO NOTHING`,
    // After the insert, so a follow-up booked and replaced within one run is found.
    `UPDATE follow_ups f SET status = 'replaced', replaced_by = e.follow_up_number
     FROM ${rows('resident_id uuid, follow_up_number int, replaces int')}
     WHERE f.resident_id = e.resident_id AND f.follow_up_number = e.replaces`,
  ],
  FollowUpCompleted: [
    `UPDATE follow_ups f SET status = 'completed', method = e.method, outcome = e.outcome, worker_id = e.worker_id, note = e.note, completed_on = e.completed_on
     FROM ${rows('resident_id uuid, follow_up_number int, method text, outcome text, worker_id text, note text, completed_on date')}
     WHERE f.resident_id = e.resident_id AND f.follow_up_number = e.follow_up_number`,
  ],
  FollowUpEscalated: [
    `UPDATE follow_ups f SET escalated = true
     FROM ${rows('resident_id uuid, follow_up_number int')}
     WHERE f.resident_id = e.resident_id AND f.follow_up_number = e.follow_up_number`,
  ],
  FollowUpsEnded: [
    `UPDATE follow_ups f SET status = 'cancelled', cancelled_on = e.ended_on
     FROM ${rows('resident_id uuid, cancelled_follow_up_number int, ended_on date')}
     WHERE f.resident_id = e.resident_id AND f.follow_up_number = e.cancelled_follow_up_number`,
  ],
  ReferralAssistanceRequested: [
    `INSERT INTO referral_assistance_requests (request_id, resident_id, episode_id, reason, follow_up_number, requested_on, requested_by, requested_at)
     SELECT event_id, resident_id, episode_id, reason, follow_up_number, requested_on, actor_id, recorded_at
     FROM ${rows('event_id uuid, resident_id uuid, episode_id uuid, reason text, follow_up_number int, requested_on date, actor_id text, recorded_at timestamptz')}
     ON CONFLICT (request_id) DO NOTHING`,
  ],
};

