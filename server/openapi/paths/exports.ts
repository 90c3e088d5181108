import type { OpenAPIRegistry } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";
import { EXPORT_FORMAT_INFO, EXPORT_FORMATS, exportVersionQuery } from "@/lib/exports/export-formats";
import { errorResponses } from "../registry";

const versionParams = z.object({
  assessmentId: z.uuid(),
  number: z.string().describe("The version's number, from 1."),
});

/** Exports of frozen versions: Markdown, DOCX, PDF and JSON files. */
export function registerExportPaths(registry: OpenAPIRegistry): void {
  registry.registerPath({
    method: "get",
    path: "/api/v1/assessments/{assessmentId}/versions/{number}/export",
    tags: ["Lifecycle"],
    summary: "Export one version as Markdown, DOCX, PDF or JSON",
    description:
      'Any member. A file to download (`Content-Disposition: attachment; filename="<slug>-v<N>.<ext>"`, with ' +
      "`Content-Length`): key judgements first with their ICD 203 likelihood term, range and confidence; the text; " +
      "a generated source summary statement (sources by kind and grade, what each key judgement rests on, " +
      "single-source key judgements, corroboration and conflicts); a legend of the ICD 203 and Admiralty scales; " +
      "ICD 206 endnotes (originator, title, date, identifier/URL, reliability and credibility, retrieval date); " +
      "the TLP marking on every page (DOCX header and footer, PDF top and bottom, Markdown first and last line). " +
      "`json` is the version's structured content with the summary, endnotes and legend. Records " +
      "`assessment.exported`. Unknown formats are 422 `unprocessable:export_format` with a message for `format`.",
    request: { params: versionParams, query: exportVersionQuery },
    responses: {
      200: {
        description: "The file.",
        content: Object.fromEntries(
          EXPORT_FORMATS.map((format) => [
            EXPORT_FORMAT_INFO[format].contentType.split(";")[0] as string,
            { schema: format === "json" ? z.record(z.string(), z.unknown()) : z.string() },
          ]),
        ),
      },
      ...errorResponses("unauthorized", "not_found", "unprocessable"),
    },
  });
}
