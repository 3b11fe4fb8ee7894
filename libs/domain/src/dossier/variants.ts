/**
 * Procedure variants (law page §7): ad-hoc (đột xuất) with its intake limit (rule 31) and the simplified procedure
 * (Law Art. 85), and thematic rounds (theo đợt / chuyên đề, rule 32). Pure checks used by decide().
 */
import { reject, type Rejection } from '../shared/errors';
import type { RuleSet } from '../rule-set/types';
import type { CommendationType } from '../eligibility/history';

export const COMMENDATION_TYPES: readonly CommendationType[] = [
  'PERIODIC',
  'AD_HOC',
  'THEMATIC',
  'LONG_SERVICE',
  'SENIORITY',
  'FOREIGN_RELATIONS',
];

/** What a dossier names about its variant when it is created. */
export interface VariantClaims {
  /** PERIODIC when absent (dossiers created before the type existed). */
  commendationType?: CommendationType;
  /** Ad-hoc: the date of the achievement, ISO YYYY-MM-DD (rule 31 counts from it). */
  achievementDate?: string;
  /** Ad-hoc only: the simplified procedure (Law Art. 85). */
  simplified?: boolean;
  /** Thematic: the round (đợt / chuyên đề) the dossier answers. */
  roundId?: string;
  /** The emulation movement (phong trào thi đua) the dossier answers, any type; a thematic dossier's round is its movement. */
  movementId?: string;
}

/** A thematic round as the API reads it from its read model and passes into SubmitDossier (rule 32). */
export interface RoundSnapshot {
  roundId: string;
  name: string;
  /** Intake window, ISO dates, both inclusive. */
  opensOn: string;
  closesOn: string;
  awardCodes: string[];
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const dayNumber = (iso: string): number => Math.floor(Date.parse(`${iso}T00:00:00Z`) / 86_400_000);

/** On CreateDossier: the claims fit together (ad-hoc names its achievement date, only ad-hoc is simplified, thematic names a round). */
export function checkVariantClaims(claims: VariantClaims, today: string): Rejection | undefined {
  const type = claims.commendationType ?? 'PERIODIC';
  if (!COMMENDATION_TYPES.includes(type))
    return reject('INVALID', 'commendation-type.known', `Unknown commendation type ${String(type)}`);
  if (claims.simplified && type !== 'AD_HOC')
    return reject(
      'RULE_VIOLATION',
      'simplified.ad-hoc-only',
      'The simplified procedure (Law Art. 85) is for ad-hoc (đột xuất) dossiers only',
    );
  if (type === 'AD_HOC') {
    if (
      !claims.achievementDate ||
      !ISO_DATE.test(claims.achievementDate) ||
      Number.isNaN(dayNumber(claims.achievementDate))
    )
      return reject(
        'INVALID',
        'ad-hoc.achievement-date',
        'An ad-hoc (đột xuất) dossier names the date of its achievement (YYYY-MM-DD)',
      );
    if (claims.achievementDate > today)
      return reject(
        'INVALID',
        'ad-hoc.achievement-date',
        `The achievement date ${claims.achievementDate} is in the future`,
      );
  } else if (claims.achievementDate)
    return reject('INVALID', 'ad-hoc.achievement-date', 'Only an ad-hoc (đột xuất) dossier names an achievement date');
  if (type === 'THEMATIC' && !claims.roundId)
    return reject('INVALID', 'round.named', 'A thematic dossier names the round (đợt / chuyên đề) it answers');
  if (type !== 'THEMATIC' && claims.roundId)
    return reject('INVALID', 'round.named', 'Only a thematic dossier names a round');
  return undefined;
}

/** At submission: rule 31 (ad-hoc intake window) and rule 32 (the thematic round is open and accepts the award). */
export function checkVariantAtSubmission(
  claims: VariantClaims,
  awardCode: string,
  today: string,
  ruleSet: RuleSet,
  round: RoundSnapshot | undefined,
): Rejection | undefined {
  const type = claims.commendationType ?? 'PERIODIC';
  if (type === 'AD_HOC' && claims.achievementDate) {
    const { intakeDays, note } = ruleSet.variants.adHoc;
    const elapsed = dayNumber(today) - dayNumber(claims.achievementDate);
    if (elapsed > intakeDays)
      return reject(
        'RULE_VIOLATION',
        'ad-hoc.intake-window',
        `Rule 31: an ad-hoc (đột xuất) dossier is taken in at most ${intakeDays} days after the achievement; the achievement of ${claims.achievementDate} is ${elapsed} days before ${today} (${note})`,
        { rule: '31', intakeDays, achievementDate: claims.achievementDate, elapsedDays: elapsed },
      );
  }
  if (type === 'THEMATIC') {
    if (!round || round.roundId !== claims.roundId)
      return reject(
        'RULE_VIOLATION',
        'round.open',
        `Rule 32: the round ${claims.roundId ?? '(none)'} named by the dossier is not known`,
        { rule: '32' },
      );
    if (today < round.opensOn || today > round.closesOn)
      return reject(
        'RULE_VIOLATION',
        'round.open',
        `Rule 32: the round "${round.name}" takes dossiers from ${round.opensOn} to ${round.closesOn}; ${today} is outside its window`,
        {
          rule: '32',
          opensOn: round.opensOn,
          closesOn: round.closesOn,
        },
      );
    if (!round.awardCodes.includes(awardCode))
      return reject(
        'RULE_VIOLATION',
        'round.award',
        `Rule 32: the round "${round.name}" accepts ${round.awardCodes.join(', ')}, not ${awardCode}`,
        { rule: '32', awardCodes: round.awardCodes },
      );
  }
  return undefined;
}
