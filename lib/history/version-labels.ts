import type { VersionSummaryDto } from "../schemas/lifecycle";

const KIND_LABELS: Record<VersionSummaryDto["kind"], string> = {
  published: "Published",
  named: "Named",
  automatic: "Automatic",
};

/** How a kind of version reads in lists and headings. */
export function versionKindLabel(kind: VersionSummaryDto["kind"]): string {
  return KIND_LABELS[kind];
}

/** What happened when a version was frozen, as the verb after "Version N ·" ("published", "named", "saved"). */
export function versionVerb(kind: VersionSummaryDto["kind"]): string {
  return kind === "published" ? "published" : kind === "named" ? "named" : "saved";
}

/**
 * What a version is called: a publication by its place among the publications ("Publication 2"),
 * whatever versions were saved before it; any other version by its number ("Version 5").
 */
export function versionLabel(version: Pick<VersionSummaryDto, "number" | "publicationNumber">): string {
  return version.publicationNumber === null ? `Version ${version.number}` : `Publication ${version.publicationNumber}`;
}

/** The same inside a sentence: "publication 2", "version 5". */
export function versionMention(version: Pick<VersionSummaryDto, "number" | "publicationNumber">): string {
  return version.publicationNumber === null ? `version ${version.number}` : `publication ${version.publicationNumber}`;
}

/** A version's one-line title: its name, or for a publication "Publication N: <title>". */
export function versionHeadline(
  version: Pick<VersionSummaryDto, "number" | "publicationNumber" | "kind" | "name" | "title">,
): string {
  if (version.kind === "published") return `${versionLabel(version)}: ${version.title}`;
  return version.name || versionKindLabel(version.kind);
}
