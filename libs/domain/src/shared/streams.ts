import { isSessionEventType } from '../council/session-types';
import { isRegisterEventType } from '../decision/register';
import { isRoundEventType } from '../round/round';
import { isDirectoryEventType } from '../directory/directory';
import { isAwardImportEventType } from '../award-import/award-import';
import { isBlockEventType } from '../emulation/block';
import { isBlockYearEventType } from '../emulation/block-year';
import { isMovementEventType } from '../movement/movement';
import { isRegistrationEventType } from '../registration/registration';
import { isDocumentEventType } from '../document/document';
import { isExemplaryModelEventType } from '../exemplary-model/exemplary-model';
import { isNomineePriorityEventType } from '../priority/nominee-priority';
import { isAwardFundEventType } from '../fund/award-fund';
import { isAttachmentEventType } from '../attachment/attachment';

/**
 * What kind of stream an event belongs to. The event table holds dossiers, council sessions, decision registers and
 * thematic rounds, the directory (units, people, councils) and award imports side by side; each read model says which kinds it consumes, and the registry routes events by this.
 */
export type StreamKind =
  | 'DOSSIER'
  | 'SESSION'
  | 'REGISTER'
  | 'ROUND'
  | 'DIRECTORY'
  | 'AWARD_IMPORT'
  | 'BLOCK'
  | 'BLOCK_YEAR'
  | 'MOVEMENT'
  | 'REGISTRATION'
  | 'DOCUMENT'
  | 'ATTACHMENT'
  | 'EXEMPLARY_MODEL'
  | 'NOMINEE_PRIORITY'
  | 'AWARD_FUND';

export function streamKindOf(eventType: string): StreamKind {
  if (isSessionEventType(eventType)) return 'SESSION';
  if (isRegisterEventType(eventType)) return 'REGISTER';
  if (isRoundEventType(eventType)) return 'ROUND';
  if (isDirectoryEventType(eventType)) return 'DIRECTORY';
  if (isAwardImportEventType(eventType)) return 'AWARD_IMPORT';
  // Emulation (khối thi đua): a block's own stream, and one stream per block and year.
  if (isBlockEventType(eventType)) return 'BLOCK';
  if (isBlockYearEventType(eventType)) return 'BLOCK_YEAR';
  // Emulation movements (phong trào thi đua); a round's stream also takes MovementStatusChanged once it is a movement.
  if (isMovementEventType(eventType)) return 'MOVEMENT';
  // Đăng ký thi đua: one stream per unit and year.
  if (isRegistrationEventType(eventType)) return 'REGISTRATION';
  // Official documents issued (kind, number, PDF hash): one stream per document, no read model.
  if (isDocumentEventType(eventType)) return 'DOCUMENT';
  // Điển hình tiên tiến: one stream per exemplary model.
  if (isExemplaryModelEventType(eventType)) return 'EXEMPLARY_MODEL';
  // A nominee's optional priority facts (reports only): one stream per dossier, beside the dossier's own.
  if (isNomineePriorityEventType(eventType)) return 'NOMINEE_PRIORITY';
  // Payments from the award fund: one stream per decided dossier.
  if (isAwardFundEventType(eventType)) return 'AWARD_FUND';
  // Attachments: the files of one dossier's parts (AttachmentAdded), a stream per dossier beside the dossier's own.
  if (isAttachmentEventType(eventType)) return 'ATTACHMENT';
  return 'DOSSIER';
}
