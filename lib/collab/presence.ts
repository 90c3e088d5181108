import type { Awareness } from "y-protocols/awareness";
import type { PresentUser } from "./document-state";

/** The server-stamped identity in an awareness state, when it is well-formed. */
function identityOf(state: unknown): { id: string; name: string; color: string } | null {
  const user = (state as { user?: unknown } | null)?.user as Record<string, unknown> | undefined;
  if (!user || typeof user.id !== "string" || typeof user.name !== "string" || typeof user.color !== "string") {
    return null;
  }
  return { id: user.id, name: user.name, color: user.color };
}

/**
 * Who is in the document: one entry per user (a person with two tabs open is one avatar), this
 * tab's user first, then by name. Only identities the server stamped count: a state without a
 * `user` (a script that sends no presence) is nobody to show.
 */
export function presentUsers(awareness: Awareness, selfId: string | null): PresentUser[] {
  const people = new Map<string, PresentUser>();
  for (const [clientId, state] of awareness.getStates()) {
    const identity = identityOf(state);
    if (!identity) continue;
    const isSelf = clientId === awareness.clientID || identity.id === selfId;
    const known = people.get(identity.id);
    people.set(identity.id, { ...identity, isSelf: isSelf || (known?.isSelf ?? false) });
  }
  return [...people.values()].sort(
    (a, b) => Number(b.isSelf) - Number(a.isSelf) || a.name.localeCompare(b.name) || a.id.localeCompare(b.id),
  );
}

/** Whether two presence lists show the same people (cursor moves must not re-render avatars). */
export function samePeople(a: readonly PresentUser[], b: readonly PresentUser[]): boolean {
  return (
    a.length === b.length &&
    a.every((person, index) => {
      const other = b[index];
      return (
        other !== undefined &&
        other.id === person.id &&
        other.name === person.name &&
        other.color === person.color &&
        other.isSelf === person.isSelf
      );
    })
  );
}
