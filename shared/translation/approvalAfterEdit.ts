import type { LocalizedTextDoc } from '../schemas/common';

/** Who is approving, and when. */
export interface Approver {
  by: string;
  at: string;
}

export interface EditContext {
  /** Who saves (null: nobody to record, as for the starter library). */
  approver: Approver | null;
  /** This save is itself an approval (the translator's Approve). */
  approving?: boolean;
}

const sameWording = (a: LocalizedTextDoc, b: LocalizedTextDoc) => a.text === b.text && a.from === b.from && a.sourceHash === b.sourceHash;

/**
 * The one rule every writer applies (library editor, translator, library import, XLIFF import):
 * an approved text whose words or source change becomes a draft until someone approves it
 * again. An approval is kept only for the very text it was given to; a save that turns a text
 * approved (from draft, or a new text) or the translator's Approve is a new approval, recorded as
 * the approver's; an imported approval made elsewhere (a different `approvedAt`) is kept as it is.
 */
export function approvalAfterEdit(before: LocalizedTextDoc | undefined, next: LocalizedTextDoc, context: EditContext): LocalizedTextDoc {
  const { approvedBy: claimedBy, approvedAt: claimedAt, ...plain } = next;
  if (next.status !== 'approved') return { ...plain, status: next.status };
  const wasApproved = before?.status === 'approved';
  if (wasApproved && sameWording(before, next)) {
    return {
      ...plain,
      ...(before.approvedBy !== undefined ? { approvedBy: before.approvedBy } : {}),
      ...(before.approvedAt !== undefined ? { approvedAt: before.approvedAt } : {}),
    };
  }
  if (claimedAt !== undefined && claimedAt !== before?.approvedAt) {
    return { ...plain, ...(claimedBy !== undefined ? { approvedBy: claimedBy } : {}), approvedAt: claimedAt };
  }
  if (context.approving || !wasApproved) {
    return context.approver ? { ...plain, approvedBy: context.approver.by, approvedAt: context.approver.at } : plain;
  }
  return { ...plain, status: 'draft' };
}
