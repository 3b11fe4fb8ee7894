/** Who sees which part of the web app (the API checks every call again; these only shape the menu and the pages). */

/** Roles that may read council sessions (GET /api/council-sessions): a member or chair sees their own. */
export const SESSION_READERS = [
  'SECRETARIAT_OFFICER',
  'SECRETARIAT_HEAD',
  'PROVINCIAL_DECIDER',
  'AUDITOR',
  'ADMINISTRATOR',
  'COUNCIL_MEMBER',
  'COUNCIL_CHAIR',
];

/** GET /api/decisions (the decision register); a chairman or an administrator may also void a number. */
export const REGISTER_READERS = [
  'SECRETARIAT_OFFICER',
  'SECRETARIAT_HEAD',
  'PROVINCIAL_DECIDER',
  'AUDITOR',
  'ADMINISTRATOR',
];

/** GET /api/reports/* (statistics and the five-year report). */
export const REPORT_READERS = [
  'SECRETARIAT_OFFICER',
  'SECRETARIAT_HEAD',
  'PROVINCIAL_DECIDER',
  'AUDITOR',
  'ADMINISTRATOR',
];

/** POST /api/award-history/search (unit staff see their own unit's people only). */
export const LOOKUP_USERS = [
  'UNIT_CLERK',
  'UNIT_HEAD',
  'SECRETARIAT_OFFICER',
  'SECRETARIAT_HEAD',
  'PROVINCIAL_DECIDER',
  'CENTRAL_APPRAISER',
  'AUDITOR',
  'ADMINISTRATOR',
];

/** GET /api/award-fund/totals and every ledger line (the fund's oversight). */
export const FUND_OVERSIGHT = [
  'SECRETARIAT_OFFICER',
  'SECRETARIAT_HEAD',
  'PROVINCIAL_DECIDER',
  'AUDITOR',
  'ADMINISTRATOR',
];

/** GET /api/award-fund/entries: the oversight roles, and unit staff for their own unit's lines. */
export const FUND_READERS = [...FUND_OVERSIGHT, 'UNIT_CLERK', 'UNIT_HEAD'];
