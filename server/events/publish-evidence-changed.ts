import { getEventBus } from "./event-bus";

/**
 * Announces a change in a workspace's evidence library so every process can refresh whoever views
 * the library or an assessment citing the record. Call after the commit. Never throws.
 */
export function publishEvidenceChanged(options: {
  workspaceId: string;
  kind: "source" | "site" | "observation" | "library";
  recordId?: string;
}): Promise<void> {
  return getEventBus().publish({ type: "evidence.changed", ...options });
}
