import type { ExportModel } from "@/lib/exports/export-model";
import type { VersionContentDto } from "@/lib/schemas/lifecycle";

/** The `format` of a JSON export, versioned so readers can tell later shapes apart. */
export const JSON_EXPORT_FORMAT = "parallax.assessment-export/1";

/**
 * A version as JSON: the full structured assessment exactly as frozen (`content`), with what the
 * other formats add to it — the marking, the judgements key-first, the ICD 206 endnotes, the
 * source summary statement and the legend — so a script reads the same facts a reader sees.
 */
export function renderJson(content: VersionContentDto, model: ExportModel): string {
  return `${JSON.stringify(
    {
      format: JSON_EXPORT_FORMAT,
      marking: model.marking.label,
      title: model.title,
      number: model.number,
      release: model.release,
      judgements: model.judgements,
      endnotes: model.endnotes,
      sourceSummary: model.sourceSummary,
      legend: model.legend,
      content,
    },
    null,
    2,
  )}\n`;
}
