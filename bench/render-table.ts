import type { PeerId } from "./bench-options";
import type { BenchResults } from "./bench-results";

/** A column of the comparison tables: one compared peer. */
export interface Column {
  id: PeerId;
  label: string;
  ours: boolean;
}

/** The compared peers in report order (ours without persistence has its own table). */
export function columnsOf(results: BenchResults): Column[] {
  return results.peers.filter((peer) => peer.id !== "parallax-memory");
}

/**
 * "ours ÷ best peer" for each of our variants: the best peer is the lowest (latency, memory) or
 * the highest (throughput) figure among the other servers. A dash when either side is missing
 * or not positive.
 */
export function ratioCell(
  columns: Column[],
  value: (id: PeerId) => number | undefined,
  better: "lower" | "higher",
): string {
  const peers = columns.filter((column) => !column.ours).map((column) => value(column.id));
  const known = peers.filter((figure): figure is number => figure !== undefined && Number.isFinite(figure));
  if (known.length === 0) return "—";
  const best = better === "lower" ? Math.min(...known) : Math.max(...known);
  const parts = columns
    .filter((column) => column.ours)
    .map((column) => {
      const ours = value(column.id);
      // A ratio of a negative or zero figure (RSS deltas can be) means nothing.
      if (ours === undefined || best <= 0 || (better === "lower" && ours <= 0)) return undefined;
      return `${shortLabel(column)} ${(ours / best).toFixed(2)}×`;
    })
    .filter(Boolean);
  return parts.length > 0 ? parts.join(" · ") : "—";
}

function shortLabel(column: Column): string {
  return column.id === "parallax-pglite" ? "PGlite" : column.id === "parallax-postgres" ? "PostgreSQL" : column.label;
}

/** A Markdown table. */
export function table(header: string[], rows: string[][]): string[] {
  return [
    `| ${header.join(" | ")} |`,
    `| ${header.map(() => "---").join(" | ")} |`,
    ...rows.map((row) => `| ${row.join(" | ")} |`),
  ];
}

/** One figure in a cell, or a dash. */
export function figure(value: number | undefined, unit = "", digits = 1): string {
  if (value === undefined || !Number.isFinite(value)) return "—";
  return `${value.toLocaleString("en", { maximumFractionDigits: digits })}${unit}`;
}

/** Kilobytes with one decimal. */
export function kb(bytes: number | undefined): string {
  return bytes === undefined ? "—" : `${(bytes / 1024).toFixed(1)} KB`;
}
