import type { Actor } from '../shared/actor';
import {
  attachedParts,
  decideAttachFile,
  evolveAttachments,
  initialAttachmentsState,
  type AttachmentsState,
  type NewAttachment,
} from './attachment';

const clerk: Actor = { userId: 'clerk-a', role: 'UNIT_CLERK', unitCode: 'A' };
const draft = { status: 'DRAFT', unitCode: 'A' };
const file = (over: Partial<NewAttachment> = {}): NewAttachment => ({
  fileId: 'f1',
  dossierId: 'd1',
  part: 'TO_TRINH',
  name: 'to-trinh.pdf',
  contentType: 'application/pdf',
  size: 1234,
  sha256: 'a'.repeat(64),
  storageKey: 'k1',
  ...over,
});

/** Given the files already attached, when the clerk attaches one more: its events, or the rule that refused it. */
function attach(given: NewAttachment[], next: NewAttachment, dossier = draft, actor = clerk) {
  let state: AttachmentsState = initialAttachmentsState();
  for (const f of given) {
    const d = decideAttachFile(state, draft, f, clerk);
    if (!d.ok) throw new Error(d.rejection.message);
    for (const e of d.value) state = evolveAttachments(state, e);
  }
  const decision = decideAttachFile(state, dossier, next, actor);
  return { state, decision };
}

describe('attaching a file to a dossier part', () => {
  it('a first file of a part is version 1 of its own lineage', () => {
    const { decision } = attach([], file());
    expect(decision).toEqual({
      ok: true,
      value: [{ type: 'AttachmentAdded', data: { ...file(), lineageId: 'f1', version: 1 } }],
    });
  });

  it('a replacement is the next version of the lineage, and the old version stays listed but no longer current', () => {
    const { decision, state } = attach(
      [file(), file({ fileId: 'f2', replacesFileId: 'f1' })],
      file({ fileId: 'f3', replacesFileId: 'f2' }),
    );
    expect(decision.ok && decision.value[0].data).toMatchObject({ lineageId: 'f1', version: 3, replacesFileId: 'f2' });
    expect(state.files.f1.current).toBe(false);
    expect(state.files.f2.current).toBe(true);
  });

  it.each([
    ['another unit’s clerk', file(), draft, { ...clerk, unitCode: 'B' }, 'attachment.editor', 'FORBIDDEN'],
    ['the unit head', file(), draft, { ...clerk, role: 'UNIT_HEAD' as const }, 'attachment.editor', 'FORBIDDEN'],
    [
      'a dossier under appraisal',
      file(),
      { status: 'APPRAISAL', unitCode: 'A' },
      clerk,
      'attachment.editable-state',
      'WRONG_STATE',
    ],
    ['an unknown part', file({ part: 'NOPE' as never }), draft, clerk, 'attachment.part', 'INVALID'],
    [
      'a type not accepted',
      file({ contentType: 'text/html' as never }),
      draft,
      clerk,
      'attachment.content-type',
      'INVALID',
    ],
    ['no hash', file({ sha256: 'x' }), draft, clerk, 'attachment.hash', 'INVALID'],
    ['an empty file', file({ size: 0 }), draft, clerk, 'attachment.empty', 'INVALID'],
    [
      'a replacement of nothing',
      file({ replacesFileId: 'zz' }),
      draft,
      clerk,
      'attachment.replaces-unknown',
      'INVALID',
    ],
  ])('is refused for %s', (_what, next, dossier, actor, rule, code) => {
    const { decision } = attach([], next, dossier, actor);
    expect(decision.ok ? undefined : [decision.rejection.rule, decision.rejection.code]).toEqual([rule, code]);
  });

  it('is refused when replacing a version already replaced, or a file of another part', () => {
    const given = [file(), file({ fileId: 'f2', replacesFileId: 'f1' })];
    const stale = attach(given, file({ fileId: 'f3', replacesFileId: 'f1' })).decision;
    const otherPart = attach(given, file({ fileId: 'f3', part: 'BIEN_BAN', replacesFileId: 'f2' })).decision;
    expect(stale.ok ? undefined : stale.rejection.rule).toBe('attachment.replaces-current');
    expect(otherPart.ok ? undefined : otherPart.rejection.rule).toBe('attachment.replaces-other-part');
  });

  it('the completeness check reads the parts with a current file, by file name', () => {
    const { state } = attach(
      [
        file(),
        file({ fileId: 'f2', replacesFileId: 'f1', name: 'to-trinh-v2.pdf' }),
        file({ fileId: 'f3', part: 'BIEN_BAN', name: 'bb.pdf' }),
      ],
      file({ fileId: 'f9' }),
    );
    expect(attachedParts(Object.values(state.files))).toEqual([
      { kind: 'TO_TRINH', ref: 'to-trinh-v2.pdf' },
      { kind: 'BIEN_BAN', ref: 'bb.pdf' },
    ]);
  });
});
