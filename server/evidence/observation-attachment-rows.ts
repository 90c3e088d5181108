import { and, asc, eq, getTableColumns, type SQL } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { observationAttachments } from "@/db/schema";
import type { AttachmentDto, AttachmentMediaType } from "@/lib/schemas/attachments";
import { loadPeople } from "./evidence-dtos";

// Every column except the bytes: listing an observation's images must not read megabytes.
const { data: _data, ...metadataColumns } = getTableColumns(observationAttachments);

/** Where an attachment's image is served. */
export function attachmentUrl(row: { workspaceId: string; observationId: string; id: string }): string {
  return `/api/v1/workspaces/${row.workspaceId}/observations/${row.observationId}/attachments/${row.id}`;
}

/** Attachments' metadata (never their bytes) matching `where`, oldest first, as the API returns them. */
export async function loadAttachmentDtos(db: Executor, where: SQL | undefined): Promise<AttachmentDto[]> {
  const rows = await db
    .select(metadataColumns)
    .from(observationAttachments)
    .where(where)
    .orderBy(asc(observationAttachments.createdAt), asc(observationAttachments.id));
  const people = await loadPeople(
    db,
    rows.map((row) => row.createdBy),
  );
  return rows.map((row) => ({
    id: row.id,
    observationId: row.observationId,
    fileName: row.fileName,
    mediaType: row.mediaType as AttachmentMediaType,
    byteSize: row.byteSize,
    sha256: row.sha256,
    caption: row.caption,
    createdBy: (row.createdBy && people.get(row.createdBy)) || null,
    createdAt: row.createdAt.toISOString(),
    url: attachmentUrl(row),
  }));
}

/** The filter of one observation's attachments. */
export function attachmentsOf(workspaceId: string, observationId: string): SQL | undefined {
  return and(
    eq(observationAttachments.workspaceId, workspaceId),
    eq(observationAttachments.observationId, observationId),
  );
}
