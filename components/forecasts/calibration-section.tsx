import type { CalibrationDto } from "@/lib/schemas/forecasts";
import { CalibrationChart } from "./calibration-chart";
import { formatBrier } from "./format-forecast";

type Summary = CalibrationDto["workspace"];

function CalibrationCard({ id, title, summary }: { id: string; title: string; summary: Summary }) {
  const annulled = summary.annulledCount > 0 ? `, ${summary.annulledCount} annulled` : "";
  return (
    <li className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <h4 className="font-medium text-slate-900">{title}</h4>
      <p className="mb-2 text-xs text-slate-600">
        {summary.resolvedCount} resolved judgement{summary.resolvedCount === 1 ? "" : "s"} scored{annulled} · mean Brier{" "}
        {formatBrier(summary.meanBrier)}
      </p>
      <CalibrationChart id={id} title={title} bins={summary.bins} />
    </li>
  );
}

function PeopleCharts({
  heading,
  prefix,
  people,
  empty,
}: {
  heading: string;
  prefix: string;
  people: CalibrationDto["analysts"];
  empty: string;
}) {
  return (
    <div className="space-y-2">
      <h3 className="text-base font-semibold text-slate-900">{heading}</h3>
      {people.length === 0 ? (
        <p className="text-sm text-slate-600">{empty}</p>
      ) : (
        <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {people.map((person) => (
            <CalibrationCard
              key={person.userId}
              id={`${prefix}-${person.userId}`}
              title={person.name ?? "Deleted account"}
              summary={person}
            />
          ))}
        </ul>
      )}
    </div>
  );
}

/**
 * Calibration of the workspace's resolved forecasts: the team's chart, then one per analyst (the
 * judgements' authors) and per reviewer (whose approval was current when it resolved).
 */
export function CalibrationSection({ calibration }: { calibration: CalibrationDto }) {
  return (
    <section aria-labelledby="calibration-heading" className="space-y-4">
      <div>
        <h2 id="calibration-heading" className="text-lg font-semibold text-slate-900">
          Calibration
        </h2>
        <p className="max-w-3xl text-sm text-slate-600">
          Each dot is an ICD 203 band: its midpoint against how often the judgements forecast in it happened, with the
          number of them. Well-calibrated forecasts sit on the dashed diagonal. The Brier score is the mean of (p − o)²:
          0 is perfect, 0.25 is what always saying 50% would score.
        </p>
      </div>
      <h3 className="sr-only">Workspace</h3>
      <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        <CalibrationCard id="calibration-workspace" title="Whole workspace" summary={calibration.workspace} />
      </ul>
      <PeopleCharts
        heading="Per analyst"
        prefix="calibration-analyst"
        people={calibration.analysts}
        empty="No analyst has a resolved forecast yet."
      />
      <PeopleCharts
        heading="Per reviewer"
        prefix="calibration-reviewer"
        people={calibration.reviewers}
        empty="No resolved forecast had a current approval when it resolved."
      />
    </section>
  );
}
