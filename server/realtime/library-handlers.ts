import type { Event } from "socket.io";
import { z } from "zod";
import { AppError, isAppError } from "@/lib/errors";
import { type LibraryAck, type LibraryAckError, libraryRoom } from "@/lib/realtime/library-protocol";
import type { TokenBucket } from "../collab/connection-limits";
import { watchLibrary } from "../evidence/watch-library";
import { toFieldErrors } from "../http/parse-input";
import { logger } from "../logger";
import type { LibrarySocket } from "./library-types";

/** Workspaces one connection may watch at once (a tab shows one; several tabs share nothing). */
export const MAX_WATCHED_LIBRARIES = 20;

const watchPayload = z.object({ workspaceId: z.string().min(1).max(64) });

// Socket.io hands handlers whatever the client encoded: any number of arguments of any type.
function takeAck(args: unknown[]): LibraryAck | undefined {
  const last = args.at(-1);
  return typeof last === "function" ? (last as LibraryAck) : undefined;
}

function parsePayload(value: unknown): { workspaceId: string } {
  const result = watchPayload.safeParse(value);
  if (result.success) return { workspaceId: result.data.workspaceId.toLowerCase() };
  throw new AppError("bad_request:library_watch", "The payload must be { workspaceId }.", {
    fields: toFieldErrors(result.error),
  });
}

/** The error ack for anything a handler threw; unexpected errors are logged and sent bare. */
function toAckError(error: unknown): LibraryAckError {
  if (isAppError(error) && error.kind !== "internal") return { ok: false, ...error.toJSON() };
  logger().error({ err: error }, "library handler failed");
  return { ok: false, ...new AppError("internal:library").toJSON() };
}

/**
 * `library:watch`: members join the workspace's library room; others get `not_found:workspace`.
 * The workspace counts as watched while membership is checked, so a removal announced meanwhile
 * (which clears it, see attach-library-server.ts) cannot be overtaken by the join.
 */
export async function handleWatch(socket: LibrarySocket, args: unknown[]): Promise<void> {
  const ack = takeAck(args);
  socket.data.watching ??= new Set();
  const watching = socket.data.watching;
  let workspaceId: string | undefined;
  let wasWatching = false;
  try {
    workspaceId = parsePayload(args[0]).workspaceId;
    wasWatching = watching.has(workspaceId);
    if (!wasWatching && watching.size >= MAX_WATCHED_LIBRARIES) {
      throw new AppError("bad_request:library_watch", `At most ${MAX_WATCHED_LIBRARIES} libraries at once.`);
    }
    watching.add(workspaceId);
    await watchLibrary({ actor: socket.data.actor, workspaceId });
    if (!watching.has(workspaceId)) throw new AppError("not_found:workspace");
    if (socket.disconnected) return;
    await socket.join(libraryRoom(workspaceId));
    ack?.({ ok: true });
  } catch (error) {
    if (workspaceId && !wasWatching) watching.delete(workspaceId);
    ack?.(toAckError(error));
  }
}

/**
 * Socket middleware spending one token per inbound event: each watch costs a database query, so
 * a client looping on `library:watch` is answered `rate_limited` instead of being served.
 */
export function limitLibraryEvents(bucket: TokenBucket): (event: Event, next: () => void) => void {
  return ([, ...args], next) => {
    if (bucket.take()) return next();
    takeAck(args)?.(toAckError(new AppError("rate_limited:library", "Too many library events: slow down.")));
  };
}

/** `library:unwatch`: leaves the room; unwatching a workspace not watched is not an error. */
export async function handleUnwatch(socket: LibrarySocket, args: unknown[]): Promise<void> {
  const ack = takeAck(args);
  try {
    const { workspaceId } = parsePayload(args[0]);
    socket.data.watching?.delete(workspaceId);
    await socket.leave(libraryRoom(workspaceId));
    ack?.({ ok: true });
  } catch (error) {
    ack?.(toAckError(error));
  }
}
