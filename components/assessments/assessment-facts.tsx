import type { AssessmentDetail } from "@/lib/schemas/assessments";
import { TLP_DEFINITIONS } from "@/lib/tlp";
import { TlpBadge } from "../tlp-badge";
import { RelativeTime } from "../ui/relative-time";
import { formatAuthors } from "./assessment-table";

/** The read-only facts of an assessment; also the whole details view for read-only roles. */
export function AssessmentFacts({
  assessment,
  showEditable,
}: {
  assessment: AssessmentDetail;
  /** Also list the fields that, for editors, the edit form shows instead. */
  showEditable: boolean;
}) {
  return (
    <dl className="grid grid-cols-1 gap-x-6 gap-y-4 p-5 text-sm sm:grid-cols-[10rem_1fr]">
      {showEditable ? (
        <>
          <dt className="font-medium text-slate-500">Key question</dt>
          <dd className="whitespace-pre-wrap text-slate-900">
            {assessment.keyQuestion || <span className="text-slate-500">Not set</span>}
          </dd>
          <dt className="font-medium text-slate-500">TLP</dt>
          <dd className="flex flex-wrap items-center gap-2 text-slate-700">
            <TlpBadge tlp={assessment.tlp} />
            <span>{TLP_DEFINITIONS[assessment.tlp].audience}</span>
          </dd>
        </>
      ) : null}
      <dt className="font-medium text-slate-500">Authors</dt>
      <dd className="text-slate-900">{formatAuthors(assessment.authors)}</dd>
      <dt className="font-medium text-slate-500">Created</dt>
      <dd className="text-slate-900">
        <RelativeTime date={assessment.createdAt} />
        {assessment.createdBy ? ` by ${assessment.createdBy.name}` : null}
      </dd>
      <dt className="font-medium text-slate-500">Last changed</dt>
      <dd className="text-slate-900">
        <RelativeTime date={assessment.updatedAt} />
      </dd>
      {assessment.archivedAt ? (
        <>
          <dt className="font-medium text-slate-500">Archived</dt>
          <dd className="text-slate-900">
            <RelativeTime date={assessment.archivedAt} />
          </dd>
        </>
      ) : null}
    </dl>
  );
}
