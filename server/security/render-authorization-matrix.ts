import {
  REST_AUTHORIZATION,
  type RestRule,
  ruleLabel,
  SOCKET_AUTHORIZATION,
  type SocketRule,
} from "./authorization-matrix";
import { ACTOR_KINDS, ACTOR_LABELS, type RestOutcome, type SocketOutcome } from "./matrix-outcomes";

/** The generated part of docs/security.md sits between these lines. */
export const MATRIX_BEGIN =
  "<!-- authorization-matrix:begin (generated from server/security/authorization-matrix.ts) -->";
export const MATRIX_END = "<!-- authorization-matrix:end -->";

function restCell(outcome: RestOutcome): string {
  if (outcome.allowed) return `✓ ${outcome.status}`;
  if ("code" in outcome) return `${outcome.status} \`${outcome.code}\``;
  return `${outcome.status} → \`${outcome.location}\``;
}

function socketCell(outcome: SocketOutcome): string {
  if (outcome.allowed) {
    if (outcome.readOnly === undefined) return "✓";
    return outcome.readOnly ? "✓ read-only" : "✓ read-write";
  }
  if ("error" in outcome) return `\`${outcome.error}\``;
  return `connect_error \`${outcome.connectError}\``;
}

/** A Markdown table with padded columns, so the file reads as a table too. */
function table(first: string, rows: string[][]): string {
  const header = [first, ...ACTOR_KINDS.map((kind) => ACTOR_LABELS[kind])];
  const widths = header.map((cell, index) => Math.max(cell.length, ...rows.map((row) => row[index]?.length ?? 0)));
  const line = (cells: string[]) => `| ${cells.map((cell, index) => cell.padEnd(widths[index] ?? 0)).join(" | ")} |`;
  return [line(header), line(widths.map((width) => "-".repeat(width))), ...rows.map(line)].join("\n");
}

function restRow(rule: RestRule): string[] {
  return [`\`${ruleLabel(rule)}\``, ...ACTOR_KINDS.map((kind) => restCell(rule.outcomes[kind]))];
}

function socketRow(rule: SocketRule): string[] {
  return [`\`${ruleLabel(rule)}\``, ...ACTOR_KINDS.map((kind) => socketCell(rule.outcomes[kind]))];
}

/** The matrix as Markdown: the REST table and the Socket.io table, between the markers. */
export function renderAuthorizationMatrix(): string {
  return [
    MATRIX_BEGIN,
    "",
    "### REST API",
    "",
    table("route", REST_AUTHORIZATION.map(restRow)),
    "",
    "### Socket.io",
    "",
    table("namespace and event", SOCKET_AUTHORIZATION.map(socketRow)),
    "",
    MATRIX_END,
  ].join("\n");
}

/** `doc` with the generated part replaced by `block` (appended when the markers are missing). */
export function replaceMatrixSection(doc: string, block: string): string {
  const begin = doc.indexOf(MATRIX_BEGIN);
  const end = doc.indexOf(MATRIX_END);
  if (begin < 0 || end < begin) return `${doc.trimEnd()}\n\n${block}\n`;
  return doc.slice(0, begin) + block + doc.slice(end + MATRIX_END.length);
}

/** The generated part of `doc`, or null without markers. */
export function matrixSectionOf(doc: string): string | null {
  const begin = doc.indexOf(MATRIX_BEGIN);
  const end = doc.indexOf(MATRIX_END);
  return begin < 0 || end < begin ? null : doc.slice(begin, end + MATRIX_END.length);
}

/**
 * A Markdown table as its cells, ignoring the padding and separator widths a formatter may
 * change, so that only a change of content makes the documentation out of date.
 */
export function normalizeMarkdown(text: string): string {
  return text
    .split("\n")
    .map((line) => line.replace(/\s+/g, " ").replace(/-{3,}/g, "---").trim())
    .join("\n");
}
