import type { CollabError, CollabErrorCode } from "@/lib/collab/protocol";
import { isAppError } from "@/lib/errors";
import { logger } from "../logger";
import { countCollabError } from "./collab-metrics";
import type { CollabSocket } from "./collab-types";

const MESSAGES: Record<CollabErrorCode, string> = {
  unauthorized: "Sign in or send a valid API token.",
  not_found: "The document was not found.",
  forbidden: "Your role is read-only in this document: the change was not applied.",
  invalid_payload: "The event's arguments are not valid.",
  invalid_message: "The bytes are not a valid y-protocols message or Yjs update.",
  out_of_sync: "The update builds on changes the server does not have yet; answer its sync step 1.",
  message_too_large: "The message is larger than the server accepts.",
  rate_limited: "Too many messages: slow down and retry.",
  too_many_documents: "This connection has too many documents open.",
  not_joined: "Join the document before sending to it.",
  not_saved: "The change is not saved yet: the database is unavailable.",
  internal: "Something went wrong on the server.",
};

/** A refusal with a protocol error code; thrown by handlers and turned into an error ack. */
export class CollabFault extends Error {
  constructor(
    readonly code: CollabErrorCode,
    message?: string,
  ) {
    super(message ?? MESSAGES[code]);
    this.name = "CollabFault";
  }
}

/**
 * The protocol error for anything a handler threw. AppErrors from domain code keep their kind;
 * anything unexpected is logged here and sent as a bare `internal` (details stay in the log).
 */
export function toCollabError(error: unknown): CollabError {
  if (error instanceof CollabFault) return { code: error.code, message: error.message };
  if (isAppError(error)) {
    const code: CollabErrorCode =
      error.kind === "not_found" || error.kind === "forbidden" || error.kind === "unauthorized"
        ? error.kind
        : error.kind === "rate_limited"
          ? "rate_limited"
          : "internal";
    return { code, message: code === "internal" ? MESSAGES.internal : error.message };
  }
  logger().error({ err: error }, "collab handler failed");
  return { code: "internal", message: MESSAGES.internal };
}

/**
 * Tells the sender that a message was refused: through its ack when it asked for one, and always
 * as `doc:error`, so clients that fire-and-forget still learn about it.
 */
export function refuse(
  socket: CollabSocket,
  documentId: string | null,
  error: unknown,
  ack?: (result: { ok: false; error: CollabError }) => void,
): void {
  const collabError = toCollabError(error);
  countCollabError(collabError.code);
  ack?.({ ok: false, error: collabError });
  socket.emit("doc:error", documentId, collabError);
}
