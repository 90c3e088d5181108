import type { ObservationDto } from "@/lib/schemas/evidence";
import { observationLabel } from "./citation-evidence";

/** One cited observation on a judgement's evidence timeline. */
export interface TimelineItem {
  observationId: string;
  /** The row label ("OBS-26"). */
  label: string;
  /** First instant covered (UTC midnight of the first day). */
  start: Date;
  /** End of the last day covered (UTC midnight after it), so a month spans the whole month. */
  end: Date;
  precision: ObservationDto["observed"]["precision"];
  /** A day is a point; a month or a range of days is a span. */
  isSpan: boolean;
  isRetracted: boolean;
  summary: string;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The timeline rows of a judgement's citations, in citation order; ids the library does not hold
 * have no date and are left out (the chips say they are unknown).
 */
export function timelineItems(
  citations: readonly string[],
  observationById: ReadonlyMap<string, ObservationDto>,
): TimelineItem[] {
  return citations.flatMap((id) => {
    const observation = observationById.get(id);
    if (!observation) return [];
    const start = new Date(`${observation.observed.start}T00:00:00Z`);
    const lastDay = new Date(`${observation.observed.end}T00:00:00Z`);
    const isSpan = observation.observed.precision !== "day" && observation.observed.end !== observation.observed.start;
    return [
      {
        observationId: id,
        label: observationLabel(observation),
        start,
        end: new Date(lastDay.getTime() + DAY_MS),
        precision: observation.observed.precision,
        isSpan,
        isRetracted: observation.retraction !== null,
        summary: observation.summary,
      },
    ];
  });
}
