import { findAward, type Decider, type Route } from '../award/catalog';
import type { RuleSet } from '../rule-set/types';
import { requiresPublicPosting, ruleSetOf } from '../rule-set/select';
import type { ActorRole } from '../shared/actor';
import type { DossierState, DossierStatus } from './types';

/** The route a dossier travels, from its award's catalog entry (never from award codes in the rules). */
export const routeOf = (awardCode: string): Route | undefined => findAward(awardCode)?.route;

/** The role that signs the decision of each decider (rule 4). The centre's deciders act through one engine role. */
export const DECIDER_ROLE: Readonly<Record<Decider, ActorRole>> = {
  PRESIDENT: 'CENTRAL_DECIDER',
  PRIME_MINISTER: 'CENTRAL_DECIDER',
  PROVINCIAL_CHAIRMAN: 'PROVINCIAL_DECIDER',
  UNIT_HEAD: 'UNIT_HEAD',
};

/**
 * Whose gapless number series a decision takes and how the number is written: a unit head numbers in the unit's own
 * series (authority = the unit code), every other decider in its office's series.
 */
export function decisionIssuer(
  state: DossierState,
  ruleSet: RuleSet,
): { authority: string; issuerCode: string } | undefined {
  const award = findAward(state.awardCode);
  if (!award) return undefined;
  const issuerCode = ruleSet.issuerCode[award.decider].replace('{unitCode}', state.unitCode);
  return { authority: award.decider === 'UNIT_HEAD' ? state.unitCode : award.decider, issuerCode };
}

/** The series of the provincial chairman's tờ trình to the centre (state route): "45/TTr-UBND", per province. */
export function proposalIssuer(ruleSet: RuleSet): { authority: string; issuerCode: string; documentKind: 'TTr' } {
  return { authority: 'PROVINCIAL_CHAIRMAN', issuerCode: ruleSet.stateRoute.proposalIssuerCode, documentKind: 'TTr' };
}

/** What the central stage requires for an award under a rule set: hiệp y, and the Ministry's public consultation. */
export function centralRequirements(
  ruleSet: RuleSet,
  awardCode: string,
): { hiepYRequired: boolean; consultationRequired: boolean } {
  return {
    hiepYRequired: ruleSet.stateRoute.hiepY.awards.includes(awardCode),
    consultationRequired: ruleSet.stateRoute.centralConsultation.awards.includes(awardCode),
  };
}

/**
 * Where the council takes a dossier up: after appraisal, or on the state route after the public posting (rule 23) for
 * the awards the bound rule set posts. A dossier already posted (under an earlier list) comes from the posting.
 */
export function councilStepOf(state: DossierState): DossierStatus {
  if (routeOf(state.awardCode) !== 'STATE') return 'APPRAISAL';
  if (state.posting) return 'READY_FOR_COUNCIL';
  const ruleSet = ruleSetOf(state);
  return ruleSet && !requiresPublicPosting(ruleSet, state.awardCode) ? 'APPRAISAL' : 'READY_FOR_COUNCIL';
}
