import type { GateConditionCode, PublishGateDto } from "@/lib/schemas/lifecycle";
import { JudgementLink } from "./judgement-link";

const HEADINGS: Record<GateConditionCode, string> = {
  no_judgements: "No judgement",
  judgement_without_id: "Judgement cannot be reviewed",
  judgement_changes_requested: "Changes requested",
  judgement_approval_stale: "Approval went stale",
  judgement_awaiting_approval: "Awaiting approval",
  blocking_thread_open: "Blocking thread open",
  tradecraft_error: "Tradecraft error",
};

/**
 * What still holds up approval and publication, one line per unmet condition, each with a link
 * to the judgement it concerns; or a single line saying the assessment is ready.
 */
export function GateChecklist({ gate }: { gate: PublishGateDto }) {
  if (gate.isMet) {
    return (
      <p className="flex items-start gap-2 text-sm text-emerald-800">
        <span aria-hidden="true">✓</span>
        <span>
          Ready: {gate.judgementCount === 1 ? "the one judgement is" : `all ${gate.judgementCount} judgements are`}{" "}
          approved, no blocking thread is open and the linter finds no error.
        </span>
      </p>
    );
  }
  return (
    <div>
      <p className="text-sm text-slate-700">
        {gate.unmet.length} condition{gate.unmet.length === 1 ? "" : "s"} must be met before approval and publication:
      </p>
      <ul className="mt-2 space-y-2 text-sm" aria-label="Unmet conditions">
        {gate.unmet.map((condition) => (
          <li
            // Conditions have no id of their own; what they say about which subject is unique enough.
            key={`${condition.code}:${condition.judgementId}:${condition.threadId}:${condition.ruleId}:${condition.message}`}
            className="flex items-start gap-2"
            data-gate-code={condition.code}
          >
            <span aria-hidden="true" className="text-red-600">
              ✗
            </span>
            <span className="min-w-0 break-words">
              <span className="font-medium text-slate-900">{HEADINGS[condition.code]}:</span> {condition.message}
              {condition.judgementId ? (
                <>
                  {" "}
                  <JudgementLink judgementId={condition.judgementId}>Show</JudgementLink>
                </>
              ) : null}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
