import type { Assessment } from "@/db/schema";
import { AppError } from "@/lib/errors";
import type { AssessmentDetail, UpdateAssessmentInput } from "@/lib/schemas/assessments";
import { TLP_DEFINITIONS, type TlpMarking } from "@/lib/tlp";

const FIELDS = ["title", "keyQuestion", "tlp"] as const;
export type DetailField = (typeof FIELDS)[number];

const NOUNS: Record<DetailField, string> = { title: "title", keyQuestion: "key question", tlp: "TLP marking" };

/** What a change writes (the audit event's `changes`), and the fields it may not write. */
export interface PlannedChanges {
  changes: Partial<Record<DetailField, { from: string; to: string }>>;
  /** Fields the caller changed that someone else changed since the caller read them. */
  conflicts: DetailField[];
}

/**
 * A three-way merge of one field at a time: what the caller read (`expected`), what they send, and
 * what is stored now. Sent as read: the caller did not touch it, so whatever is stored stays (a
 * colleague's newer value included). Changed by the caller only: written. Changed by both to
 * different values: a conflict. Without an expected value the field is written as sent.
 */
export function planChanges(assessment: Assessment, input: UpdateAssessmentInput): PlannedChanges {
  const planned: PlannedChanges = { changes: {}, conflicts: [] };
  for (const field of FIELDS) {
    const next = input[field];
    const stored = assessment[field];
    // Stored values are trimmed (as `next` is): an expected value with stray spaces is the same value.
    const expected = input.expected?.[field]?.trim();
    if (next === undefined || next === stored) continue;
    if (expected !== undefined && next === expected) continue;
    if (expected !== undefined && expected !== stored) {
      planned.conflicts.push(field);
      continue;
    }
    planned.changes[field] = { from: stored, to: next };
  }
  return planned;
}

function quote(field: DetailField, value: string): string {
  if (field === "tlp") return TLP_DEFINITIONS[value as TlpMarking].label;
  if (value === "") return "nothing";
  return `“${value.length > 80 ? `${value.slice(0, 79)}…` : value}”`;
}

function listOf(nouns: string[]): string {
  return nouns.length < 2 ? (nouns[0] ?? "") : `${nouns.slice(0, -1).join(", ")} and ${nouns.at(-1)}`;
}

/** Who changed a field, as the one refused reads it: "You" when it was their own change elsewhere. */
function changerOf(current: AssessmentDetail, field: DetailField, actorUserId: string | null): string {
  const by = current.lastChanges[field]?.by;
  if (!by) return "Someone else";
  return by.id === actorUserId ? "You (in another tab or window)" : by.name;
}

/**
 * 409 `conflict:assessment_details`: a message per conflicting field saying who changed it to what,
 * and the assessment as it is (with who changed each field and when, in `lastChanges`), so the
 * caller can show it and let its user choose.
 */
export function conflictError(
  conflicts: DetailField[],
  current: AssessmentDetail,
  actorUserId: string | null,
): AppError {
  const fields: Record<string, string[]> = {};
  for (const field of conflicts) {
    fields[field] = [
      `${changerOf(current, field, actorUserId)} changed the ${NOUNS[field]} to ${quote(field, current[field])} since you started editing it.`,
    ];
  }
  const changers = [...new Set(conflicts.map((field) => changerOf(current, field, actorUserId)))];
  return new AppError(
    "conflict:assessment_details",
    `${listOf(changers)} changed the ${listOf(conflicts.map((field) => NOUNS[field]))} since you started editing. ` +
      "Nothing was saved: review their version, then save your change again.",
    { fields, current },
  );
}
