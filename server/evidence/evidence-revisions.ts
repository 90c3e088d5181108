import type { Executor } from "@/db/client";
import { evidenceRevisions } from "@/db/schema";
import { AppError } from "@/lib/errors";
import type { EvidenceKind } from "@/lib/evidence";

export interface RecordEvidenceRevisionOptions {
  /** The transaction that made the change, so the history cannot miss or invent a version. */
  db: Executor;
  kind: EvidenceKind;
  /** The record after the change, as the API returns it. */
  record: { id: string; workspaceId: string; revision: number };
  action: "created" | "updated" | "retracted" | "imported" | "attachment_added" | "attachment_removed";
  actorUserId: string | null;
}

/** Keeps one version of a library record: who, when, and the full JSON of the record. */
export async function recordEvidenceRevision(options: RecordEvidenceRevisionOptions): Promise<void> {
  await options.db.insert(evidenceRevisions).values({
    workspaceId: options.record.workspaceId,
    kind: options.kind,
    recordId: options.record.id,
    revision: options.record.revision,
    action: options.action,
    snapshot: options.record as unknown as Record<string, unknown>,
    actorUserId: options.actorUserId,
  });
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
