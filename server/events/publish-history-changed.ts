import { getEventBus } from "./event-bus";

/**
 * Announces that the assessment's history grew without a status change: a version was named,
 * restored or frozen after a burst of editing, or a version was exported (an audit entry). Every
 * process tells the assessment's open pages. Call after the commit. Never throws.
 */
export function publishHistoryChanged(options: { assessmentId: string }): Promise<void> {
  return getEventBus().publish({ type: "history.changed", assessmentId: options.assessmentId });
}
