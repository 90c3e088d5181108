import type { ExportModel } from "@/lib/exports/export-model";

/** Section headings every format uses, so the formats read alike and tests can find them. */
export const EXPORT_SECTIONS = {
  key: "Key judgements",
  other: "Other judgements",
  body: "Assessment",
  summary: "Source summary statement",
  legend: "Estimative language and grades",
  endnotes: "Endnotes",
} as const;

/** `5 Mar 2024, 10:00 UTC`: one unambiguous form whatever the reader's locale. */
export function formatPublishedAt(iso: string): string {
  const date = new Date(iso);
  const day = date.toLocaleDateString("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
  const time = date.toLocaleTimeString("en-GB", { hour: "2-digit", minute: "2-digit", timeZone: "UTC" });
  return `${day}, ${time} UTC`;
}

/** "Version 3, published 5 Mar 2024, 10:00 UTC by Olga Owner. Authors: Ana Analyst." */
export function exportedOnLine(model: ExportModel): string {
  const by = model.publishedBy ? ` by ${model.publishedBy}` : "";
  const authors = model.authors.length > 0 ? ` Authors: ${model.authors.join(", ")}.` : "";
  return `Version ${model.number}, published ${formatPublishedAt(model.publishedAt)}${by}.${authors}`;
}
