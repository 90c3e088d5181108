import type { AttachmentMediaType } from "./schemas/attachments";

/** An image as an observation revision's snapshot lists it (metadata only). */
export interface RevisionAttachment {
  id: string;
  fileName: string;
  mediaType: AttachmentMediaType;
  byteSize: number;
  sha256: string;
  caption: string;
}

/** What one revision of a library record changed, as its history lists it. */
export interface RevisionChanges {
  /** What this revision changed: field names ("summary", "credibility"), images attached or removed. */
  changed: string[];
  /**
   * Changes made in between to the records it links to, in their own history (a source re-graded
   * or renamed, its site renamed): an observation's snapshot embeds its sources and site as they
   * stood, so they differ without this revision having changed them.
   */
  meanwhile: string[];
}

// Bookkeeping that changes with every revision; listing it as "changed" would say nothing.
const META_FIELDS = new Set(["id", "workspaceId", "revision", "createdAt", "createdBy", "updatedAt", "updatedBy"]);
// Compared by what the record itself owns, below.
const OWN_RULES = new Set(["sources", "site", "attachments"]);

interface SnapshotSource {
  id: string;
  externalId?: string | null;
  publisher?: string;
  title?: string | null;
  reliability?: string;
  attributedTo?: string | null;
}

/** "reliabilityRationale" → "reliability rationale". */
function fieldLabel(field: string): string {
  return field.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase();
}

interface SnapshotSite {
  id: string;
  name?: string;
}

function siteOf(snapshot: Record<string, unknown>): SnapshotSite | null {
  const site = snapshot.site;
  return site && typeof site === "object" && "id" in site ? (site as SnapshotSite) : null;
}

/** The site an observation names is its own; the site's name belongs to the site's history. */
function describeSite(before: Record<string, unknown>, after: Record<string, unknown>) {
  const [then, now] = [siteOf(before), siteOf(after)];
  if ((then?.id ?? null) !== (now?.id ?? null)) return { changed: ["site"], meanwhile: [] };
  if (then && now && then.name !== now.name)
    return { changed: [], meanwhile: [`site renamed “${then.name}” → “${now.name}”`] };
  return { changed: [], meanwhile: [] };
}

function sourcesOf(snapshot: Record<string, unknown>): SnapshotSource[] | undefined {
  return Array.isArray(snapshot.sources) ? (snapshot.sources as SnapshotSource[]) : undefined;
}

function attachmentsOf(snapshot: Record<string, unknown>): RevisionAttachment[] | undefined {
  return Array.isArray(snapshot.attachments) ? (snapshot.attachments as RevisionAttachment[]) : undefined;
}

/** Which sources an observation names, in order, and whom each attributes it to: what the observation owns. */
function sourceLinks(sources: readonly SnapshotSource[]): string {
  return JSON.stringify(sources.map((source) => [source.id, source.attributedTo ?? null]));
}

function describeSourceRecords(before: readonly SnapshotSource[], after: readonly SnapshotSource[]): string[] {
  const older = new Map(before.map((source) => [source.id, source]));
  return after.flatMap((source) => {
    const then = older.get(source.id);
    if (!then) return [];
    const parts: string[] = [];
    if (then.reliability !== source.reliability) parts.push(`re-graded ${then.reliability} → ${source.reliability}`);
    if (then.publisher !== source.publisher) parts.push(`renamed “${then.publisher}” → “${source.publisher}”`);
    if ((then.title ?? null) !== (source.title ?? null)) parts.push("retitled");
    const label = source.externalId ?? source.publisher ?? "a source";
    return parts.length > 0 ? [`${label} ${parts.join(", ")}`] : [];
  });
}

function describeAttachments(before: readonly RevisionAttachment[], after: readonly RevisionAttachment[]): string[] {
  const had = new Set(before.map((attachment) => attachment.id));
  const has = new Set(after.map((attachment) => attachment.id));
  return [
    ...after.filter((attachment) => !had.has(attachment.id)).map((attachment) => `attached “${attachment.fileName}”`),
    ...before.filter((attachment) => !has.has(attachment.id)).map((attachment) => `removed “${attachment.fileName}”`),
  ];
}

/**
 * What a revision (`after`) changed since the one before it (`before`; none for the first). A
 * field the older snapshot lacks (snapshots kept before the field was recorded) is not called a
 * change. Sources re-graded or renamed, or a site renamed, in their own records are reported apart,
 * never blamed on this revision.
 */
export function describeRevisionChanges(
  after: Record<string, unknown>,
  before: Record<string, unknown> | undefined,
): RevisionChanges {
  if (!before) return { changed: [], meanwhile: [] };
  const changed = [...new Set([...Object.keys(after), ...Object.keys(before)])]
    .filter((field) => !META_FIELDS.has(field) && !OWN_RULES.has(field))
    .filter((field) => JSON.stringify(after[field]) !== JSON.stringify(before[field]))
    .map(fieldLabel);
  const site = describeSite(before, after);
  changed.push(...site.changed);
  const meanwhile = [...site.meanwhile];
  const [sourcesBefore, sourcesAfter] = [sourcesOf(before), sourcesOf(after)];
  if (sourcesBefore && sourcesAfter) {
    if (sourceLinks(sourcesBefore) !== sourceLinks(sourcesAfter)) changed.push("sources");
    meanwhile.push(...describeSourceRecords(sourcesBefore, sourcesAfter));
  }
  const [attachmentsBefore, attachmentsAfter] = [attachmentsOf(before), attachmentsOf(after)];
  if (attachmentsBefore && attachmentsAfter) changed.push(...describeAttachments(attachmentsBefore, attachmentsAfter));
  return { changed, meanwhile };
}
