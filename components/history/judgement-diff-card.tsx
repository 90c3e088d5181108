import { observationLabel } from "@/lib/reviews/review-format";
import type { JudgementDiffDto } from "@/lib/schemas/history";
import type { VersionJudgementDto } from "@/lib/schemas/lifecycle";
import { Badge, type BadgeTone } from "../ui/badge";
import { DiffText } from "./diff-text";

const CHANGE_LABELS: Record<JudgementDiffDto["change"], { label: string; tone: BadgeTone }> = {
  added: { label: "Added", tone: "success" },
  removed: { label: "Removed", tone: "warning" },
  changed: { label: "Changed", tone: "accent" },
  unchanged: { label: "Unchanged", tone: "neutral" },
};

const APPROVALS_CHANGED = { label: "Approvals changed", tone: "neutral" } as const;

type Approvals = VersionJudgementDto["approvals"];

function approvalText(approvals: Approvals): string {
  if (approvals.length === 0) return "none";
  return approvals.map((approval) => approval.reviewer?.name ?? "a deleted account").join(", ");
}

function citationLabel(citation: { externalId: string | null; summary: string }): string {
  return `${citation.externalId ? `${citation.externalId} — ` : ""}${citation.summary}`;
}

/** "before → after" of one fact, or the value alone when it did not change. */
function Fact({
  label,
  before,
  after,
  isChanged,
}: {
  label: string;
  before: string;
  after: string;
  isChanged: boolean;
}) {
  return (
    <div>
      <dt className="font-medium text-slate-900">{label}</dt>
      <dd className="text-slate-700">
        {isChanged ? (
          <>
            <del className="text-rose-800">{before}</del> <span aria-hidden="true">→</span>
            <span className="sr-only"> changed to </span> <ins className="text-emerald-800 no-underline">{after}</ins>
          </>
        ) : (
          after
        )}
      </dd>
    </div>
  );
}

/**
 * One judgement of a comparison: its statement as a word diff, likelihood, confidence and key
 * flag before → after, the citations added and removed (with their observations' summaries), the
 * cited observations revised, re-graded or retracted in between, and who had approved it at each
 * point.
 */
export function JudgementDiffCard({ diff, index }: { diff: JudgementDiffDto; index: number }) {
  // Approvals alone change nothing the judgement claims, but a reader comparing versions needs to see them move.
  const change =
    diff.change === "unchanged" && diff.approvals.isChanged ? APPROVALS_CHANGED : CHANGE_LABELS[diff.change];
  const citationChanges = diff.citationsAdded.length + diff.citationsRemoved.length + diff.citationsRevised.length;
  const headingId = `judgement-diff-${index}`;
  const likelihood = (value: JudgementDiffDto["likelihood"]["before"]) =>
    value ? `${value.term} (${value.range})` : "not set";
  const confidence = (value: JudgementDiffDto["confidence"]["before"]) => value?.label ?? "not set";
  const isKey = (value: boolean | null) => (value ? "key judgement" : "not key");
  return (
    <article aria-labelledby={headingId} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <header className="flex flex-wrap items-center gap-2">
        <h3 id={headingId} className="text-sm font-semibold text-slate-900">
          Judgement {diff.id}
        </h3>
        <Badge tone={change.tone}>{change.label}</Badge>
      </header>
      <p className="mt-2 text-sm leading-6 text-slate-800">
        <DiffText parts={diff.statement.diff} />
      </p>
      <dl className="mt-3 grid gap-2 text-sm sm:grid-cols-3">
        <Fact
          label="Likelihood"
          before={likelihood(diff.likelihood.before)}
          after={likelihood(diff.likelihood.after)}
          isChanged={diff.likelihood.isChanged}
        />
        <Fact
          label="Confidence"
          before={confidence(diff.confidence.before)}
          after={confidence(diff.confidence.after)}
          isChanged={diff.confidence.isChanged}
        />
        <Fact
          label="Key"
          before={isKey(diff.isKey.before)}
          after={isKey(diff.isKey.after)}
          isChanged={diff.isKey.isChanged}
        />
      </dl>
      {citationChanges > 0 ? (
        <ul className="mt-3 space-y-1 text-sm" aria-label="Citation changes">
          {diff.citationsAdded.map((citation) => (
            <li key={`added:${citation.observationId}`} className="text-emerald-800">
              Citation added: {citationLabel(citation)}
            </li>
          ))}
          {diff.citationsRemoved.map((citation) => (
            <li key={`removed:${citation.observationId}`} className="text-rose-800">
              Citation removed: {citationLabel(citation)}
            </li>
          ))}
          {diff.citationsRevised.map((revised) => (
            <li key={`revised:${revised.after.observationId}`} className="text-amber-800">
              Cited evidence changed:{" "}
              {observationLabel({ id: revised.after.observationId, externalId: revised.after.externalId })}:{" "}
              {revised.description}. <span className="text-slate-600">{revised.after.summary}</span>
            </li>
          ))}
        </ul>
      ) : null}
      <p className="mt-3 text-sm text-slate-600">
        {diff.approvals.isChanged ? "Approvals changed. " : ""}Approvals then: {approvalText(diff.approvals.before)}.
        Approvals at the newer side: {approvalText(diff.approvals.after)}.
      </p>
    </article>
  );
}
