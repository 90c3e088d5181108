import { z } from "zod";

/** The formats a version exports to, in the order the Export menu offers them. */
export const EXPORT_FORMATS = ["md", "docx", "pdf", "json"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** How each format is named to people, served and saved. */
export const EXPORT_FORMAT_INFO: Record<ExportFormat, { label: string; contentType: string; extension: string }> = {
  md: { label: "Markdown", contentType: "text/markdown; charset=utf-8", extension: "md" },
  docx: {
    label: "Word (DOCX)",
    contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    extension: "docx",
  },
  pdf: { label: "PDF", contentType: "application/pdf", extension: "pdf" },
  json: { label: "JSON", contentType: "application/json; charset=utf-8", extension: "json" },
};

/** Query of `GET /api/v1/assessments/{assessmentId}/versions/{number}/export`. */
export const exportVersionQuery = z.object({
  format: z
    .enum(EXPORT_FORMATS, { error: "Choose an export format: md, docx, pdf or json." })
    .describe("md: Markdown; docx: Word; pdf: PDF; json: the full structured assessment with its source summary."),
});

/**
 * The file name of an exported version: `<slug>-publication-<N>.<ext>` for a publication, else
 * `<slug>-v<N>.<ext>`, the slug made of the title's ASCII letters and digits (so it is safe in a
 * Content-Disposition header and on every file system).
 */
export function exportFileName(
  title: string,
  version: { number: number; publicationNumber: number | null },
  format: ExportFormat,
): string {
  const slug = title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/g, "");
  const which = version.publicationNumber === null ? `v${version.number}` : `publication-${version.publicationNumber}`;
  return `${slug || "assessment"}-${which}.${EXPORT_FORMAT_INFO[format].extension}`;
}
