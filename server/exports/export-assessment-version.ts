import { and, eq } from "drizzle-orm";
import { getDatabase } from "@/db/client";
import { assessmentVersions } from "@/db/schema";
import { AppError } from "@/lib/errors";
import {
  EXPORT_FORMAT_INFO,
  type ExportFormat,
  exportFileName,
  exportVersionQuery,
} from "@/lib/exports/export-formats";
import { buildExportModel } from "@/lib/exports/export-model";
import type { VersionContentDto } from "@/lib/schemas/lifecycle";
import { requireAssessment } from "../assessments/require-assessment";
import { recordAuditEvent } from "../audit/record-audit-event";
import { type Actor, auditActorId } from "../auth/actor";
import { publishHistoryChanged } from "../events/publish-history-changed";
import { toFieldErrors } from "../http/parse-input";
import { parseVersionNumber } from "../lifecycle/parse-version-number";
import { publicationNumber } from "../lifecycle/publication-number";
import { renderDocx } from "./render-docx";
import { renderJson } from "./render-json";
import { renderMarkdown } from "./render-markdown";
import { renderPdf } from "./render-pdf";

export interface ExportAssessmentVersionOptions {
  /** Any member of the assessment's workspace. */
  actor: Actor;
  assessmentId: string;
  /** The version's number, from its URL (`…/versions/{number}`). */
  number: string | number;
  /** `md`, `docx`, `pdf` or `json`, as the caller sent it (checked here). */
  format: unknown;
}

/** An exported file, ready to send. */
export interface ExportedFile {
  fileName: string;
  contentType: string;
  body: Uint8Array;
}

function parseFormat(format: unknown): ExportFormat {
  const result = exportVersionQuery.safeParse({ format: format ?? undefined });
  if (!result.success) {
    throw new AppError("unprocessable:export_format", "Choose an export format: md, docx, pdf or json.", {
      fields: toFieldErrors(result.error),
    });
  }
  return result.data.format;
}

/**
 * One frozen version as a file in the chosen format, built from its frozen content alone so an
 * export always shows the version exactly as published. Any member may export; unknown numbers,
 * other workspaces' assessments and malformed ids are all 404, and an unknown format is 422.
 * Records `assessment.exported` with the number and format (handling TLP-marked products is
 * worth an audit trail) and announces it to the assessment's open pages.
 */
export async function exportAssessmentVersion(options: ExportAssessmentVersionOptions): Promise<ExportedFile> {
  const format = parseFormat(options.format);
  const number = parseVersionNumber(options.number);
  const db = getDatabase();
  const { assessment } = await requireAssessment({ db, actor: options.actor, assessmentId: options.assessmentId });
  const [row] = await db
    .select({
      content: assessmentVersions.content,
      kind: assessmentVersions.kind,
      name: assessmentVersions.name,
      publicationNumber,
    })
    .from(assessmentVersions)
    .where(and(eq(assessmentVersions.assessmentId, assessment.id), eq(assessmentVersions.number, number)));
  if (!row) throw new AppError("not_found:version");
  const content = row.content as unknown as VersionContentDto;
  const model = buildExportModel(content, row);
  const body =
    format === "docx"
      ? await renderDocx(model)
      : format === "pdf"
        ? await renderPdf(model)
        : new TextEncoder().encode(format === "md" ? renderMarkdown(model) : renderJson(content, model));
  await recordAuditEvent({
    db,
    workspaceId: assessment.workspaceId,
    actorUserId: auditActorId(options.actor),
    action: "assessment.exported",
    targetType: "assessment",
    targetId: assessment.id,
    data: { number, format },
  });
  // Open audit trails of the assessment list the export at once.
  await publishHistoryChanged({ assessmentId: assessment.id });
  return {
    fileName: exportFileName(content.assessment.title, { number, publicationNumber: row.publicationNumber }, format),
    contentType: EXPORT_FORMAT_INFO[format].contentType,
    body,
  };
}
