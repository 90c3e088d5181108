import type { Actor } from "../../auth/actor";
import type { ActorKind } from "../matrix-outcomes";
import type { MatrixWorld } from "./matrix-world";

/** One cell about to be called. */
export interface CellContext {
  world: MatrixWorld;
  kind: ActorKind;
  /** The signed-in user of the cell, null for callers without valid credentials. */
  actor: Actor | null;
  /**
   * Whether the matrix allows this caller. Refused calls address the world's shared records
   * (and must leave them as they are); allowed calls that change or consume a record get a fresh one.
   */
  allowed: boolean;
}

/** What a cell sends besides its credentials; the path is the rule's pattern filled with `params`. */
export interface CellRequest {
  params?: Record<string, string | string[]>;
  /** Appended to the path, e.g. `?format=json`. */
  query?: string;
  /** JSON unless a string, FormData or bytes. */
  body?: unknown;
  headers?: Record<string, string>;
  /** Undoes what an allowed call did to the shared world (e.g. joins again after leaving). */
  after?: () => Promise<void>;
}

/** How to call one row of the REST matrix for a given cell. */
export type RestCase = (cell: CellContext) => CellRequest | Promise<CellRequest>;

/** The path of `pattern` with its `{param}` and `{...param}` segments filled in. */
export function fillPath(pattern: string, params: Record<string, string | string[]>): string {
  return pattern.replace(/\{(\.\.\.)?(\w+)\}/g, (_, spread: string | undefined, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`no value for {${name}} in ${pattern}`);
    return spread && Array.isArray(value) ? value.join("/") : String(value);
  });
}
