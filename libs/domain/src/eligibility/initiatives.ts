/**
 * The initiative registry's identity rules (rules 12 and 13): an initiative (sáng kiến) or topic backs one award
 * proposal ever, and one achievement gets one reward — across every dossier and the award history, not only when the
 * clerk declares the reuse. The API adds what the read models know to the submission; the checks here decide.
 */
import type { RecognisedInitiative } from './history';

/**
 * A name as the registry compares it: Unicode-normalised, diacritics and đ folded, lower case, punctuation and runs of
 * spaces collapsed ("Sáng kiến số 12: Ứng dụng CNTT" ≡ "sang kien so 12 ung dung cntt").
 */
export function normaliseName(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** An initiative's identity in the registry: its normalised name, and its recognition decision when declared. */
export interface InitiativeIdentity {
  nameKey: string;
  decisionKey?: string;
}
export const identityOf = (initiative: Pick<RecognisedInitiative, 'id' | 'recognition'>): InitiativeIdentity => ({
  nameKey: normaliseName(initiative.id),
  ...(initiative.recognition?.decision ? { decisionKey: normaliseName(initiative.recognition.decision) } : {}),
});

/** Same initiative: the same normalised name, and the same recognition decision unless one side does not name it. */
export const sameInitiative = (a: InitiativeIdentity, b: InitiativeIdentity): boolean =>
  a.nameKey === b.nameKey &&
  (a.decisionKey === undefined || b.decisionKey === undefined || a.decisionKey === b.decisionKey);

/** An initiative already backing another proposal, as the registry (a read model) knows it. */
export interface InitiativeUse extends InitiativeIdentity {
  /** As its dossier wrote it. */
  initiativeId: string;
  dossierId: string;
  /** The decision that awarded that proposal, once awarded. */
  decisionNumber?: string;
}

/** An achievement already rewarded or proposed in another dossier (any subject), as the read models know it. */
export interface AchievementUse {
  achievementId: string;
  dossierId: string;
  awardCode: string;
  decisionNumber?: string;
}

export const sameAchievement = (a: string, b: string): boolean => a.trim().toLowerCase() === b.trim().toLowerCase();

/** "dossier d-1 (decision 12/QĐ-UBND)" — how a refusal names the earlier use. */
export const earlierUse = (u: { dossierId: string; decisionNumber?: string }): string =>
  `dossier ${u.dossierId}${u.decisionNumber ? ` (decision ${u.decisionNumber})` : ''}`;
