import { numberVersionJudgements } from "@/lib/judgement-numbers";
import type { VersionJudgementDto } from "@/lib/schemas/lifecycle";
import { RelativeTime } from "../ui/relative-time";

/**
 * Who approved each judgement as it was published, from the version's frozen JSON, in document
 * order and numbered as every export of the version numbers them.
 */
export function VersionApprovals({ judgements }: { judgements: VersionJudgementDto[] }) {
  const numbered = numberVersionJudgements(judgements);
  return (
    <ol className="space-y-2 p-5 text-sm">
      {numbered.map(({ judgement, label }) => (
        <li key={judgement.id}>
          <p className="font-medium text-slate-900">{label}</p>
          <p className="line-clamp-2 text-slate-700">{judgement.statement}</p>
          <p className="text-slate-600">
            {judgement.approvals.length === 0
              ? "No approval recorded."
              : judgement.approvals.map((approval, index) => (
                  <span key={`${approval.reviewer?.id ?? "deleted"}:${approval.approvedAt}`}>
                    {index > 0 ? "; " : "Approved by "}
                    {approval.reviewer?.name ?? "a deleted account"} <RelativeTime date={approval.approvedAt} />
                  </span>
                ))}
          </p>
        </li>
      ))}
    </ol>
  );
}
