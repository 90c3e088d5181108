import type { UserOutput } from "@/lib/schemas/users";

/**
 * Who is asking. `session` and `token` are signed-in users; `operator` is someone with shell
 * access running the CLI, who may act on any workspace (they could read the database anyway).
 * An operator actor is only ever constructed by `cli/`, never from request input.
 */
export interface Actor extends UserOutput {
  via: "session" | "token" | "operator";
  /** The API token a `token` actor authenticated with (so revoking it can end live connections). */
  tokenId?: string;
}

const OPERATOR_ID = "00000000-0000-0000-0000-000000000000";

/** The actor of CLI commands. */
export function operatorActor(): Actor {
  return { id: OPERATOR_ID, email: "operator@localhost", name: "Operator (CLI)", via: "operator" };
}

/** The user id to record as the author of a change, or null for the operator. */
export function auditActorId(actor: Actor): string | null {
  return actor.via === "operator" ? null : actor.id;
}
