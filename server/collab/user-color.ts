import type { Actor } from "../auth/actor";

/** What other people see of a collaborator: their awareness `user` field, set by the server. */
export interface CollabIdentity {
  id: string;
  name: string;
  color: string;
}

// Twelve hues readable as caret and selection colours on a white page (WCAG AA against white
// for the caret label text drawn in white on them).
const PALETTE = [
  "#1f77b4",
  "#d62728",
  "#2ca02c",
  "#9467bd",
  "#8c564b",
  "#e377c2",
  "#7f7f7f",
  "#bcbd22",
  "#17becf",
  "#ff7f0e",
  "#3949ab",
  "#00897b",
];

/** A stable colour for a user: the same on every device and process, so people recognise each other. */
export function userColor(userId: string): string {
  // FNV-1a: tiny, deterministic and well spread over short ids.
  let hash = 0x811c9dc5;
  for (let index = 0; index < userId.length; index += 1) {
    hash ^= userId.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return PALETTE[(hash >>> 0) % PALETTE.length] ?? "#1f77b4";
}

/** The identity the server writes into every awareness state a connection sends. */
export function collabIdentity(actor: Actor): CollabIdentity {
  return { id: actor.id, name: actor.name, color: userColor(actor.id) };
}
