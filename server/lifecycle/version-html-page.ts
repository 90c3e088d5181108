import { buildExportModel } from "@/lib/exports/export-model";
import type { VersionDto } from "@/lib/schemas/lifecycle";
import { renderHtml } from "../exports/render-html";

/**
 * A version as a standalone HTML page (`?format=html`), built from its frozen content by the same
 * export model as the Markdown, DOCX, PDF and JSON exports, so it holds what they hold, in their order.
 */
export function versionHtmlPage(version: VersionDto): string {
  return renderHtml(buildExportModel(version.content, version));
}
