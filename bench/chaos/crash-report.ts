import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { ChaosClient } from "./crash-client";
import type { CrashOptions } from "./crash-options";
import type { ServerLog } from "./crash-server-process";

/** One SIGKILL of the run. */
export interface KillRecord {
  kill: number;
  /** Killed at a random moment after the restart rather than once every client had rejoined. */
  duringRejoin: boolean;
  /** How long the server had been up (listening) when it was killed. */
  upMs: number;
  /** From the previous restart until every client had rejoined and synced; null if not before the kill. */
  rejoinMs: number | null;
  /** Edits made / acknowledged by then, all clients. */
  made: number;
  acked: number;
  /** Edits made and not acknowledged at the moment of the kill. */
  unacked: number;
  /** Clients whose every document was joined and synced on the killed server. */
  syncedClients: number;
  /** Spawn to listening of the replacement (database recovery included). */
  restartMs: number;
}

/** What the read-back found for one document. */
export interface DocumentCheck {
  documentId: string;
  clients: number;
  made: number;
  acked: number;
  /** Edits whose marker the stored document holds. */
  present: number;
  /** Acknowledged and absent: must be 0. */
  lost: number;
  /** Made (acknowledged or not) and absent. */
  missing: number;
  /** Markers stored more than once, and words no client typed (corruption): must be 0. */
  duplicated: number;
  unknown: number;
  /** Clients whose text equals the stored one. */
  clientsEqual: number;
  storedChars: number;
}

export interface CrashSummary {
  date: string;
  store: string;
  server: string;
  options: Omit<CrashOptions, "databaseUrl">;
  kills: KillRecord[];
  documents: DocumentCheck[];
  totals: {
    made: number;
    /** Acknowledged while the server was being killed (before the final settle). */
    ackedDuringKills: number;
    acked: number;
    present: number;
    lost: number;
    missing: number;
    /** Edits unacknowledged at some kill that are in the stored document: merged after a restart. */
    unackedAtKillMerged: number;
    unackedAtKill: number;
  };
  converged: boolean;
  passed: boolean;
  /** Seconds from the end of editing until every client had everything acknowledged. */
  settleSeconds: number;
  durationSeconds: number;
  refusals: Record<string, number>;
  serverLog: ServerLog;
  /** Why the run failed, if it did. */
  failures: string[];
}

/** Compares the stored text of a document with every client's edits and text. */
export function checkDocument(
  documentId: string,
  storedText: string,
  clients: ChaosClient[],
  unackedAtKill: Set<string>,
): DocumentCheck & { unackedAtKillMerged: number } {
  const counts = new Map<string, number>();
  for (const word of storedText.split(/\s+/)) if (word) counts.set(word, (counts.get(word) ?? 0) + 1);
  const check = { documentId, clients: 0, made: 0, acked: 0, present: 0, lost: 0, missing: 0, duplicated: 0 };
  let merged = 0;
  const known = new Set<string>();
  let clientsEqual = 0;
  for (const client of clients) {
    const entry = client.documents.get(documentId);
    if (!entry) continue;
    check.clients += 1;
    if (client.text(documentId) === storedText) clientsEqual += 1;
    for (const edit of entry.edits) {
      known.add(edit.marker);
      const stored = counts.get(edit.marker) ?? 0;
      check.made += 1;
      if (edit.acked) check.acked += 1;
      if (stored > 0) check.present += 1;
      if (stored > 1) check.duplicated += 1;
      if (stored === 0 && edit.acked) check.lost += 1;
      if (stored === 0) check.missing += 1;
      if (stored > 0 && unackedAtKill.has(edit.marker)) merged += 1;
    }
  }
  const unknown = [...counts.keys()].filter((word) => !known.has(word)).length;
  return { ...check, unknown, clientsEqual, storedChars: storedText.length, unackedAtKillMerged: merged };
}

/** The per-kill and per-document tables and the final line, as printed. */
export function renderSummary(summary: CrashSummary): string {
  const lines = [
    table(
      ["kill", "when", "up ms", "all rejoined ms", "made", "acked", "unacked at kill", "clients synced", "restart ms"],
      summary.kills.map((kill) => [
        kill.kill,
        kill.duringRejoin ? "rejoin" : "typing",
        kill.upMs,
        kill.rejoinMs ?? "—",
        kill.made,
        kill.acked,
        kill.unacked,
        kill.syncedClients,
        Math.round(kill.restartMs),
      ]),
    ),
    "",
    table(
      ["document", "clients", "made", "acked", "present", "lost", "missing", "dup/unknown", "clients = stored"],
      summary.documents.map((doc) => [
        doc.documentId.slice(0, 8),
        doc.clients,
        doc.made,
        doc.acked,
        doc.present,
        doc.lost,
        doc.missing,
        `${doc.duplicated}/${doc.unknown}`,
        `${doc.clientsEqual}/${doc.clients}`,
      ]),
    ),
    "",
    `store: ${summary.store}; server: ${summary.server}`,
    `restart after a kill (spawn to ready): ${formatRestarts(summary.kills)}`,
    `seed ${summary.options.seed}; ${summary.totals.unackedAtKill} edits were unacknowledged at a kill, ` +
      `${summary.totals.unackedAtKillMerged} of them are stored (re-sent on rejoin); ` +
      `${summary.totals.ackedDuringKills} acknowledged before the final settle (${summary.settleSeconds.toFixed(1)} s); ` +
      `run ${summary.durationSeconds.toFixed(0)} s`,
    `refusals seen by clients: ${formatCounts(summary.refusals)}; server log: ${summary.serverLog.warnings} warnings, ${summary.serverLog.errors} errors`,
    ...summary.serverLog.last.map((line) => `  ${line}`),
    ...summary.failures.map((failure) => `FAILED: ${failure}`),
    `chaos:crash: ${summary.kills.length} kills, ${summary.totals.made} edits made, ${summary.totals.acked} acknowledged, ` +
      `${summary.totals.lost} lost, clients converged: ${summary.converged ? "yes" : "no"}`,
  ];
  return lines.join("\n");
}

/** Writes bench/results/chaos-crash-latest.json; returns its path. */
export function writeCrashSummary(summary: CrashSummary): string {
  const directory = path.join(import.meta.dirname, "..", "results");
  mkdirSync(directory, { recursive: true });
  const file = path.join(directory, "chaos-crash-latest.json");
  writeFileSync(file, `${JSON.stringify(summary, null, 2)}\n`);
  return file;
}

function table(header: string[], rows: (string | number)[][]): string {
  const cells = [header, ...rows.map((row) => row.map(String))];
  const widths = header.map((_, column) => Math.max(...cells.map((row) => (row[column] ?? "").length)));
  const format = (row: string[]) => row.map((cell, column) => cell.padStart(widths[column] ?? 0)).join("  ");
  return [format(header), widths.map((width) => "-".repeat(width)).join("  "), ...cells.slice(1).map(format)].join(
    "\n",
  );
}

function formatRestarts(kills: KillRecord[]): string {
  if (kills.length === 0) return "none";
  const times = kills.map((kill) => kill.restartMs);
  const mean = times.reduce((total, ms) => total + ms, 0) / times.length;
  return `mean ${(mean / 1000).toFixed(1)} s, ${(Math.min(...times) / 1000).toFixed(1)}–${(Math.max(...times) / 1000).toFixed(1)} s`;
}

function formatCounts(counts: Record<string, number>): string {
  const entries = Object.entries(counts);
  return entries.length === 0 ? "none" : entries.map(([code, count]) => `${code} ×${count}`).join(", ");
}
