import type { Metadata } from "next";
import { CalibrationSection } from "@/components/forecasts/calibration-section";
import { ForecastTable } from "@/components/forecasts/forecast-table";
import { PageHeader } from "@/components/ui/page-header";
import { getCalibration } from "@/server/forecasts/get-calibration";
import { listForecasts } from "@/server/forecasts/list-forecasts";
import { loadWorkspacePage } from "../../../_lib/load-workspace-page";

export const metadata: Metadata = { title: "Forecasts" };

/**
 * The workspace's judgements read as forecasts: those past their resolve-by day waiting for an
 * outcome, the ones still open, the resolved ones with their Brier scores, and calibration charts
 * for the team, per analyst and per reviewer.
 */
export default async function ForecastsPage({ params }: { params: Promise<{ workspaceId: string }> }) {
  const { workspaceId } = await params;
  const { actor, workspace } = await loadWorkspacePage(workspaceId, `/w/${workspaceId}/forecasts`);
  const [due, open, resolved, calibration] = await Promise.all([
    listForecasts({ actor, workspaceId, state: "due" }),
    listForecasts({ actor, workspaceId, state: "open" }),
    listForecasts({ actor, workspaceId, state: "resolved" }),
    getCalibration({ actor, workspaceId }),
  ]);
  const notDue = open.forecasts.filter((forecast) => !forecast.isDue);
  const canResolve = workspace.role === "owner" || workspace.role === "reviewer";
  return (
    <>
      <PageHeader
        eyebrow={workspace.name}
        title="Forecasts"
        description="Judgements with a resolve-by day and a criterion. An owner or reviewer records what happened on the assessment page: “happened” as soon as the criterion is met, even before the day; “did not happen” once the day has passed; “annulled” whenever the question stops making sense. The Brier score is then frozen."
      />
      <div className="space-y-8">
        <section aria-labelledby="due-heading" className="space-y-2">
          <h2 id="due-heading" className="text-lg font-semibold text-slate-900">
            Due for resolution ({due.forecasts.length})
          </h2>
          <p className="text-sm text-slate-600">
            {canResolve
              ? "Open each judgement and record its outcome under Forecast in the review panel."
              : "An owner or reviewer records their outcomes."}
          </p>
          <ForecastTable
            label="Due for resolution"
            forecasts={due.forecasts}
            empty="Nothing is past its resolve-by day."
          />
        </section>
        <section aria-labelledby="open-heading" className="space-y-2">
          <h2 id="open-heading" className="text-lg font-semibold text-slate-900">
            Open ({notDue.length})
          </h2>
          <ForecastTable label="Open forecasts" forecasts={notDue} empty="No other open forecasts." />
        </section>
        <section aria-labelledby="resolved-heading" className="space-y-2">
          <h2 id="resolved-heading" className="text-lg font-semibold text-slate-900">
            Resolved ({resolved.forecasts.length})
          </h2>
          <ForecastTable
            label="Resolved forecasts"
            forecasts={resolved.forecasts}
            empty="No forecast has resolved yet."
          />
        </section>
        <CalibrationSection calibration={calibration} />
      </div>
    </>
  );
}
