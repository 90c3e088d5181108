import { getEventBus } from "./event-bus";

/**
 * Announces that an update was appended to an assessment's log outside the collaboration server
 * (a version was restored), so every process holding the document reads it from the log and
 * sends it to its editors. Call after the commit. Never throws.
 */
export function publishDocumentRestored(options: { assessmentId: string }): Promise<void> {
  return getEventBus().publish({ type: "document.restored", assessmentId: options.assessmentId });
}
