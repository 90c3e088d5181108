import { getEventBus } from "./event-bus";

/**
 * Announces that the projection rewrote some of an assessment's judgements, so every process can
 * tell the assessment's open documents (review states may have gone stale). Call after the
 * commit. Never throws.
 */
export function publishJudgementsChanged(options: { assessmentId: string }): Promise<void> {
  return getEventBus().publish({ type: "judgements.changed", assessmentId: options.assessmentId });
}
