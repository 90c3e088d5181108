import { formatObservedDate, formatQuantity, PRECISION_LABELS } from "@/components/evidence/evidence-format";
import { formatExact } from "@/components/ui/relative-time";
import { observationGrades, observationLabel } from "@/lib/editor/citation-evidence";
import type { ObservationDto } from "@/lib/schemas/evidence";
import {
  formatGrade,
  INFORMATION_CREDIBILITY,
  type InformationCredibility,
  SOURCE_RELIABILITY,
} from "@/lib/standards/admiralty";

/**
 * What a citation points at: the observation's summary, site, observed date with its precision,
 * quantities, each source with its Admiralty grade in words, and any retraction. An id the
 * library does not hold says so rather than showing nothing.
 */
export function ObservationCard({
  observationId,
  observation,
  isLoading,
}: {
  observationId: string;
  observation: ObservationDto | undefined;
  /** The library has not answered yet: "not in the library" would be premature. */
  isLoading: boolean;
}) {
  if (!observation) {
    return (
      <div className="space-y-1">
        <p className="font-medium text-slate-900">
          {isLoading ? "Loading the evidence library…" : "Not in this workspace's library"}
        </p>
        <p className="font-mono text-[0.7rem] break-all text-slate-500">{observationId}</p>
      </div>
    );
  }
  const credibility = observation.credibility as InformationCredibility;
  return (
    <div className="space-y-2">
      <p className="flex flex-wrap items-center gap-2">
        <span className="font-mono text-xs font-semibold text-slate-900">{observationLabel(observation)}</span>
        <span className="font-mono text-xs text-slate-700">{observationGrades(observation).join(" ")}</span>
        {observation.retraction ? (
          <span className="rounded-full bg-red-50 px-1.5 text-[0.7rem] font-semibold text-red-800 ring-1 ring-red-200 ring-inset">
            Retracted
          </span>
        ) : null}
      </p>
      <p className={observation.retraction ? "text-slate-600 line-through" : "text-slate-900"}>{observation.summary}</p>
      <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-xs">
        <dt className="text-slate-500">Site</dt>
        <dd className="text-slate-800">{observation.site?.name ?? "No site"}</dd>
        <dt className="text-slate-500">Observed</dt>
        <dd className="text-slate-800">
          {formatObservedDate(observation.observed)}{" "}
          <span className="text-slate-500">({PRECISION_LABELS[observation.observed.precision].toLowerCase()})</span>
        </dd>
        {observation.quantities.length > 0 ? (
          <>
            <dt className="text-slate-500">Quantities</dt>
            <dd className="font-mono text-slate-800">{observation.quantities.map(formatQuantity).join("; ")}</dd>
          </>
        ) : null}
        <dt className="text-slate-500">Credibility</dt>
        <dd className="text-slate-800">
          {credibility}: {INFORMATION_CREDIBILITY[credibility]}
        </dd>
      </dl>
      <div className="text-xs">
        <p className="text-slate-500">Sources</p>
        {observation.sources.length === 0 ? (
          <p className="text-slate-800">None named (reliability cannot be judged)</p>
        ) : (
          <ul className="space-y-0.5">
            {observation.sources.map((source) => (
              <li key={source.id} className="text-slate-800">
                <span className="font-mono font-semibold">{formatGrade(source.reliability, credibility)}</span>{" "}
                {source.publisher}
                {source.title ? ` — ${source.title}` : ""}{" "}
                <span className="text-slate-500">
                  ({source.reliability}: {SOURCE_RELIABILITY[source.reliability]})
                </span>
              </li>
            ))}
          </ul>
        )}
      </div>
      {observation.retraction ? (
        <p className="rounded bg-red-50 p-1.5 text-xs text-red-900">
          Retracted{observation.retraction.by ? ` by ${observation.retraction.by.name}` : ""} on{" "}
          {formatExact(new Date(observation.retraction.at))}: {observation.retraction.reason}
        </p>
      ) : null}
    </div>
  );
}
