import type { ExportModel } from "@/lib/exports/export-model";
import { releaseStatusWords } from "@/lib/exports/export-release";

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

/**
 * "Publication 1, published 5 Mar 2024, 10:00 UTC by Olga Owner. Authors: Ana Analyst." for a
 * publication; a snapshot says what it is and its status: "Version 1 (named version “Baseline”),
 * frozen 1 Dec 2026, 15:00 UTC by Dana Analyst. Status: draft, not published."
 */
export function exportedOnLine(model: ExportModel): string {
  const { release } = model;
  const by = model.publishedBy ? ` by ${model.publishedBy}` : "";
  const authors = model.authors.length > 0 ? ` Authors: ${model.authors.join(", ")}.` : "";
  const when = formatPublishedAt(model.publishedAt);
  if (release.kind === "published") return `${model.label}, published ${when}${by}.${authors}`;
  const what =
    release.kind === "named"
      ? `named version${release.name ? ` “${release.name}”` : ""}`
      : `automatic version${release.name ? `: ${release.name}` : ""}`;
  const status = `${releaseStatusWords(release)}${release.isPublished ? "" : ", not published"}`;
  return `${model.label} (${what}), frozen ${when}${by}. Status: ${status}.${authors}`;
}
