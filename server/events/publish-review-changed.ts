import { getEventBus } from "./event-bus";

/**
 * Announces a new verdict on a judgement of an assessment, so every process can refresh whoever
 * views the assessment's reviews. Call after the commit. Never throws.
 */
export function publishReviewChanged(options: { assessmentId: string }): Promise<void> {
  return getEventBus().publish({ type: "review.changed", assessmentId: options.assessmentId });
}
