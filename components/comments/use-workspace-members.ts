"use client";

import { useEffect, useState } from "react";
import type { Member } from "@/lib/schemas/workspaces";

/** Someone who can be @mentioned: a member of the assessment's workspace. */
export interface Mentionable {
  id: string;
  name: string;
  email: string;
}

/**
 * The workspace's members for @mention suggestions, loaded once per page. Without them (offline,
 * an error) comments still work; only the suggestions are missing.
 */
export function useWorkspaceMembers(workspaceId: string): Mentionable[] {
  const [members, setMembers] = useState<Mentionable[]>([]);
  useEffect(() => {
    const controller = new AbortController();
    fetch(`/api/v1/workspaces/${encodeURIComponent(workspaceId)}/members`, {
      signal: controller.signal,
      credentials: "same-origin",
      headers: { accept: "application/json" },
    })
      .then((response) => (response.ok ? (response.json() as Promise<Member[]>) : []))
      .then(
        (list) => {
          if (!controller.signal.aborted) {
            setMembers(list.map((member) => ({ id: member.userId, name: member.name, email: member.email })));
          }
        },
        () => {},
      );
    return () => controller.abort();
  }, [workspaceId]);
  return members;
}
