/** Who sees which part of the web app (the API checks every call again; these only shape the menu and the pages). */

/** Roles that may read council sessions (GET /api/council-sessions): a member or chair sees their own. */
export const SESSION_READERS = ['SECRETARIAT_OFFICER', 'SECRETARIAT_HEAD', 'PROVINCIAL_DECIDER', 'AUDITOR', 'ADMINISTRATOR', 'COUNCIL_MEMBER', 'COUNCIL_CHAIR'];
