import { getEventBus } from "./event-bus";

/**
 * Announces that a forecast of the assessment was set, changed, removed or resolved, so every
 * process can tell the assessment's open documents. Call after the commit. Never throws.
 */
export function publishForecastsChanged(options: { assessmentId: string }): Promise<void> {
  return getEventBus().publish({ type: "forecasts.changed", assessmentId: options.assessmentId });
}
