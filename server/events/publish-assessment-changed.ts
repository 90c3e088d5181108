import { getEventBus } from "./event-bus";

/**
 * Announces that an assessment's archived state or status changed, so that its open documents
 * on every process become read-only (or writable again) at once. Call after the commit. Never throws.
 */
export function publishAssessmentChanged(options: { assessmentId: string }): Promise<void> {
  return getEventBus().publish({ type: "assessment.changed", assessmentId: options.assessmentId });
}
