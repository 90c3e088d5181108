import { and, eq, inArray } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { evidenceRevisions, observationAttachments } from "@/db/schema";
import { AppError } from "@/lib/errors";
import type { EvidenceKind } from "@/lib/evidence";
import type { RevisionAttachment } from "@/lib/evidence-revisions";
import { loadAttachmentDtos } from "./observation-attachment-rows";

type EvidenceRecord = { id: string; workspaceId: string; revision: number };
type EvidenceRevisionAction =
  | "created"
  | "updated"
  | "retracted"
  | "imported"
  | "attachment_added"
  | "attachment_removed";

// Revisions per INSERT: seven bind parameters a row, far below PostgreSQL's 65,535 per statement,
// and a few hundred snapshots keep one statement's size bounded however large the import.
const REVISIONS_PER_INSERT = 500;

export interface RecordEvidenceRevisionOptions {
  /** The transaction that made the change, so the history cannot miss or invent a version. */
  db: Executor;
  kind: EvidenceKind;
  /** The record after the change, as the API returns it. */
  record: EvidenceRecord;
  action: EvidenceRevisionAction;
  actorUserId: string | null;
}

/**
 * Keeps one version of a library record: who, when, and the full JSON of the record. An
 * observation's snapshot also lists its images (metadata, never bytes), so every revision says
 * which images it had and what an attachment revision added or removed can be recovered.
 */
export async function recordEvidenceRevision(options: RecordEvidenceRevisionOptions): Promise<void> {
  const { record, ...rest } = options;
  await recordEvidenceRevisions({ ...rest, records: [record] });
}

export interface RecordEvidenceRevisionsOptions extends Omit<RecordEvidenceRevisionOptions, "record"> {
  /** Records of one kind after the change (an import's new records), as the API returns them. */
  records: EvidenceRecord[];
}

/** Observations' attachments (metadata) by observation id, read in one query per workspace. */
async function attachmentsByObservation(db: Executor, records: EvidenceRecord[]) {
  const byObservation = new Map<string, RevisionAttachment[]>();
  for (const workspaceId of new Set(records.map((record) => record.workspaceId))) {
    const ids = records.filter((record) => record.workspaceId === workspaceId).map((record) => record.id);
    const where = and(
      eq(observationAttachments.workspaceId, workspaceId),
      inArray(observationAttachments.observationId, ids),
    );
    for (const { observationId, id, fileName, mediaType, byteSize, sha256, caption } of await loadAttachmentDtos(
      db,
      where,
    )) {
      const list = byObservation.get(observationId) ?? [];
      list.push({ id, fileName, mediaType, byteSize, sha256, caption });
      byObservation.set(observationId, list);
    }
  }
  return byObservation;
}

/**
 * Keeps one version of each of several records of one kind, as `recordEvidenceRevision` does, in
 * two statements per few hundred records instead of two per record: an import of thousands of
 * records must not cost thousands of round trips inside its transaction.
 */
export async function recordEvidenceRevisions(options: RecordEvidenceRevisionsOptions): Promise<void> {
  const { db } = options;
  for (let start = 0; start < options.records.length; start += REVISIONS_PER_INSERT) {
    const records = options.records.slice(start, start + REVISIONS_PER_INSERT);
    const attachments = options.kind === "observation" ? await attachmentsByObservation(db, records) : undefined;
    await db.insert(evidenceRevisions).values(
      records.map((record) => {
        const snapshot: Record<string, unknown> = { ...(record as unknown as Record<string, unknown>) };
        if (attachments) snapshot.attachments = attachments.get(record.id) ?? [];
        return {
          workspaceId: record.workspaceId,
          kind: options.kind,
          recordId: record.id,
          revision: record.revision,
          action: options.action,
          snapshot,
          actorUserId: options.actorUserId,
        };
      }),
    );
  }
}

export interface CheckRevisionOptions {
  kind: EvidenceKind;
  /** The revision the caller edited; undefined when they sent none. */
  expected: number | undefined;
  /** The revision stored now (read under a row lock). */
  actual: number;
  /** The record as it is now; a 409 carries it so the loser can see what changed. */
  current: () => Promise<unknown>;
}

/**
 * Optimistic concurrency: a change must name the revision it was made against. A stale one is a
 * 409 with the current version, never a silent overwrite of someone else's edit.
 */
export async function checkRevision(options: CheckRevisionOptions): Promise<void> {
  if (options.expected === undefined) {
    throw new AppError("bad_request:revision", "Send the revision you edited.", {
      fields: { revision: ["Send the revision you edited, in the If-Match header or the revision field."] },
    });
  }
  if (options.expected !== options.actual) {
    throw new AppError(
      `conflict:${options.kind}_revision`,
      `Someone else changed this ${options.kind} (now revision ${options.actual}, you edited ${options.expected}). Review their version and apply your change again.`,
      { current: await options.current() },
    );
  }
}

/**
 * The revision a request names: the `If-Match` header (`"3"`, `W/"3"` or `3`) or else the body's
 * `revision` field. A header that is not a revision is a 400.
 */
export function expectedRevision(request: Request, bodyRevision: number | undefined): number | undefined {
  const header = request.headers.get("if-match");
  if (!header) return bodyRevision;
  const match = /^(?:W\/)?"?(\d+)"?$/.exec(header.trim());
  if (!match?.[1]) {
    throw new AppError("bad_request:revision", "If-Match must be the ETag of the record you edited.", {
      fields: { "If-Match": ['Send the ETag you received, e.g. "3".'] },
    });
  }
  return Number(match[1]);
}

/** The ETag header value of a revision. */
export function etagOf(revision: number): string {
  return `"${revision}"`;
}
