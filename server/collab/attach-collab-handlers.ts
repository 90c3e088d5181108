import type { Event } from "socket.io";
import { COLLAB_CLIENT_EVENTS, type CollabClientEvent } from "@/lib/collab/protocol";
import { CollabFault, refuse } from "./collab-fault";
import { collabMetrics } from "./collab-metrics";
import type { CollabContext, CollabSocket } from "./collab-types";
import { limitMessageRate, TokenBucket } from "./connection-limits";
import { handleAwareness } from "./handle-awareness";
import { connectionState, handleJoin } from "./handle-join";
import { handleSync } from "./handle-sync";
import { takeAck } from "./inbound-args";
import { handleLeave, leaveAllDocuments } from "./leave-document";
import { collabIdentity } from "./user-color";

/**
 * Wires one authenticated `/collab` connection: its state, the per-connection rate limit (checked
 * before any handler decodes anything) and the event handlers. Handlers receive raw argument
 * lists and validate them themselves; nothing a client sends can throw out of a handler.
 */
export function attachCollabHandlers(ctx: CollabContext, socket: CollabSocket): void {
  socket.data.collab = {
    identity: collabIdentity(socket.data.actor),
    joined: new Map(),
    joining: new Set(),
    bucket: new TokenBucket(ctx.config.messagesPerSecond),
  };
  collabMetrics().connections.inc();

  socket.use(limitMessageRate(socket, connectionState(socket).bucket));
  socket.use(refuseUnknownEvents(socket));

  // Registered from the protocol's list of client events, so an event added there needs a handler here.
  const handlers: Record<CollabClientEvent, (args: unknown[]) => void> = {
    "doc:join": (args) => void handleJoin(ctx, socket, args),
    "doc:leave": (args) => handleLeave(ctx, socket, args),
    "doc:sync": (args) => handleSync(ctx, socket, args),
    "doc:awareness": (args) => handleAwareness(ctx, socket, args),
  };
  for (const event of COLLAB_CLIENT_EVENTS) socket.on(event, (...args: unknown[]) => handlers[event](args));
  socket.on("disconnect", () => {
    // Socket.io also dispatches a client's event *named* "disconnect" here: the msgpack parser,
    // unlike Socket.io's default one, lets reserved names through. A real disconnect has already
    // marked the socket disconnected; a forged one must not leave documents or skew the gauge.
    if (socket.connected) return;
    collabMetrics().connections.dec();
    leaveAllDocuments(ctx, socket);
  });
}

const KNOWN_EVENTS = new Set<unknown>(COLLAB_CLIENT_EVENTS);

/**
 * Socket middleware answering events the protocol does not have (a typo, another namespace's
 * event) with `invalid_payload` instead of silence, so a client waiting for an ack is not left
 * hanging.
 */
function refuseUnknownEvents(socket: CollabSocket): (event: Event, next: () => void) => void {
  return ([name, ...args], next) => {
    if (KNOWN_EVENTS.has(name)) return next();
    refuse(socket, null, new CollabFault("invalid_payload", "There is no such event."), takeAck(args));
  };
}
