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

/** A version's one-line title: its name, or for a publication "Published: <title>". */
export function versionHeadline(version: Pick<VersionSummaryDto, "kind" | "name" | "title">): string {
  if (version.kind === "published") return `Published: ${version.title}`;
  return version.name || versionKindLabel(version.kind);
}
