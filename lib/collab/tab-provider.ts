import { CollabProvider } from "./provider";

interface Shared {
  provider: CollabProvider;
  userId: string;
  users: number;
  closeTimer?: ReturnType<typeof setTimeout>;
}

// Moving from one assessment to the next unmounts one editor just before the next mounts (and
// React's development mode mounts every effect twice): the connection outlives its last user by
// a moment, so such hops reuse it instead of reconnecting.
const CLOSE_GRACE_MS = 2000;

let shared: Shared | null = null;

/**
 * The one collaboration connection of this browser tab, shared by every editor on the page.
 * Each `acquireTabProvider` is paired with a `releaseTabProvider`; the connection closes shortly
 * after the last release. A different user (sign-out and sign-in without a reload) gets a new
 * connection: the old one authenticated as someone else.
 */
export function acquireTabProvider(userId: string): CollabProvider {
  if (shared && shared.userId !== userId) {
    clearTimeout(shared.closeTimer);
    shared.provider.destroy();
    shared = null;
  }
  shared ??= { provider: new CollabProvider({ userId }), userId, users: 0 };
  clearTimeout(shared.closeTimer);
  shared.users += 1;
  return shared.provider;
}

/** Releases the tab's connection acquired with `acquireTabProvider`. */
export function releaseTabProvider(provider: CollabProvider): void {
  const current = shared;
  if (!current || current.provider !== provider) return;
  current.users -= 1;
  if (current.users > 0) return;
  current.closeTimer = setTimeout(() => {
    if (shared !== current || current.users > 0) return;
    current.provider.destroy();
    shared = null;
  }, CLOSE_GRACE_MS);
}
