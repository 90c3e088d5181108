import type { TlpMarking } from "../tlp";

/** The fields of an assessment its Details form edits. */
export interface Details {
  title: string;
  keyQuestion: string;
  tlp: TlpMarking;
}

export const DETAIL_FIELDS = ["title", "keyQuestion", "tlp"] as const;
export type DetailField = (typeof DETAIL_FIELDS)[number];

/**
 * What the Details form holds: the values the user's edits started from (`base`, sent with a save
 * so that the server can refuse to overwrite anything changed since), what the fields show
 * (`values`), and the newest version known from the server (`latest`).
 */
export interface DetailsDraft {
  base: Details;
  values: Details;
  latest: Details;
}

/** The server trims what it stores, so "a " and "a" are the same value. */
function isSame(a: string, b: string): boolean {
  return a.trim() === b.trim();
}

function copyField<K extends DetailField>(to: Details, from: Details, field: K): void {
  to[field] = from[field];
}

/** A draft with nothing edited. */
export function startDraft(details: Details): DetailsDraft {
  return { base: { ...details }, values: { ...details }, latest: { ...details } };
}

/**
 * Follows a newer version from the server (a colleague's save, shown live): a field the user has
 * not edited, or edited to the same value, takes the new value; a field they edited keeps what they
 * typed, and if the server's value moved too it is a conflict for them to settle (`conflictsOf`).
 */
export function rebaseDraft(draft: DetailsDraft, latest: Details): DetailsDraft {
  const base = { ...draft.base };
  const values = { ...draft.values };
  for (const field of DETAIL_FIELDS) {
    if (isSame(values[field], base[field])) {
      copyField(base, latest, field);
      copyField(values, latest, field);
    } else if (isSame(values[field], latest[field])) {
      copyField(base, latest, field);
    }
  }
  return { base, values, latest: { ...latest } };
}

/** The fields the user edited that someone else also changed since the user started editing them. */
export function conflictsOf(draft: DetailsDraft): DetailField[] {
  return DETAIL_FIELDS.filter(
    (field) =>
      !isSame(draft.values[field], draft.base[field]) &&
      !isSame(draft.latest[field], draft.base[field]) &&
      !isSame(draft.values[field], draft.latest[field]),
  );
}

/** Settles a conflict: keep what the user typed (saving will replace theirs) or take theirs. */
export function settleConflict(draft: DetailsDraft, field: DetailField, keep: "mine" | "theirs"): DetailsDraft {
  const base = { ...draft.base };
  const values = { ...draft.values };
  copyField(base, draft.latest, field);
  if (keep === "theirs") copyField(values, draft.latest, field);
  return { ...draft, base, values };
}

/** The user typed or chose a new value. */
export function editDraft<K extends DetailField>(draft: DetailsDraft, field: K, value: Details[K]): DetailsDraft {
  return { ...draft, values: { ...draft.values, [field]: value } };
}
