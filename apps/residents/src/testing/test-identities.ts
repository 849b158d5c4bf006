// The identities the residents specs act as (signed into assertions by the test harness).
import { Identity } from '@gridcare/identity';
import { communityWorker, familyDoctor } from '@gridcare/identity/testing';

/** The communities of district d05 the specs register residents in (Shuangjing, Jinsong, Xiazhuang and its neighbour). */
export const D05_COMMUNITIES = ['d05-s001-c003', 'd05-s002-c007', 'd05-s003-c012', 'd05-s003-c013'];

export const WORKER: Identity = communityWorker('chen-yawen', ...D05_COMMUNITIES);
export const OTHER_WORKER: Identity = communityWorker('liu-fang', ...D05_COMMUNITIES);
export const DOCTOR: Identity = familyDoctor('dr-li');
export const VACCINATOR: Identity = { actorId: 'nurse-zhao', role: 'vaccination_team', jurisdiction: { level: 'city' } };
/** The district's command centre, which assigns residents to workers. */
export const COMMAND_CENTRE: Identity = { actorId: 'cc-haidian', role: 'command_centre', jurisdiction: { level: 'district', ids: ['d05'] } };
