import clsx from "clsx";
import Link from "next/link";
import { ASSESSMENT_STATUS_LABELS, ASSESSMENT_STATUSES } from "@/lib/assessment-status";
import { versionLabel, versionMention } from "@/lib/history/version-labels";
import type { LifecycleDto } from "@/lib/schemas/lifecycle";
import { ActionForm } from "../forms/action-form";
import type { FormAction } from "../forms/action-state";
import { SubmitButton } from "../forms/submit-button";
import { Card, CardHeader } from "../ui/card";
import { ConfirmDialog } from "../ui/confirm-dialog";
import { RelativeTime } from "../ui/relative-time";
import { GateChecklist } from "./gate-checklist";
import { RequestReviewForm } from "./request-review-form";

/** The server actions behind the card's buttons, bound to the assessment by the page. */
export interface LifecycleActions {
  requestReview: FormAction;
  approve: FormAction;
  withdraw: FormAction;
  startDraft: FormAction;
  publish: FormAction;
}

/** draft → in review → approved → published, with the current step marked. */
function StatusSteps({ status }: { status: LifecycleDto["status"] }) {
  const current = ASSESSMENT_STATUSES.indexOf(status);
  return (
    <ol className="flex flex-wrap items-center gap-1 text-xs" aria-label="Lifecycle">
      {ASSESSMENT_STATUSES.map((step, index) => (
        <li key={step} className="flex items-center gap-1">
          <span
            aria-current={index === current ? "step" : undefined}
            className={clsx(
              "rounded-full px-2 py-0.5 ring-1 ring-inset",
              index === current
                ? "bg-accent-600 font-semibold text-white ring-accent-600"
                : index < current
                  ? "bg-accent-50 text-accent-800 ring-accent-200"
                  : "bg-white text-slate-500 ring-slate-200",
            )}
          >
            {ASSESSMENT_STATUS_LABELS[step]}
          </span>
          {index < ASSESSMENT_STATUSES.length - 1 ? <span aria-hidden="true">→</span> : null}
        </li>
      ))}
    </ol>
  );
}

/** A one-button form for a step that needs no input. */
function StepButton({
  action,
  label,
  pendingLabel,
  variant = "secondary",
}: {
  action: FormAction;
  label: string;
  pendingLabel: string;
  variant?: "primary" | "secondary";
}) {
  return (
    <ActionForm action={action} className="space-y-2">
      <SubmitButton size="sm" variant={variant} pendingLabel={pendingLabel}>
        {label}
      </SubmitButton>
    </ActionForm>
  );
}

/**
 * Where the assessment is in its lifecycle and what the caller may do next: the publish gate's
 * checklist, review requests, the buttons the caller's role allows from this status (the server
 * checks again) and the publications ("Publication 1", "Publication 2"), each at its stable URL.
 */
export function LifecycleCard({
  lifecycle,
  workspaceId,
  actions,
}: {
  lifecycle: LifecycleDto;
  workspaceId: string;
  actions: LifecycleActions;
}) {
  const allowed = new Set(lifecycle.allowedActions);
  const base = `/w/${workspaceId}/a/${lifecycle.assessmentId}`;
  // Named and automatic versions are listed on the History page; this card shows publications.
  const published = lifecycle.versions.filter((version) => version.kind === "published");
  const nextPublication = (published[0]?.publicationNumber ?? 0) + 1;
  const isInReview = lifecycle.status === "in_review";
  return (
    <Card aria-labelledby="lifecycle-heading">
      <CardHeader
        id="lifecycle-heading"
        title="Review and publication"
        description={<StatusSteps status={lifecycle.status} />}
      />
      <div className="space-y-5 p-5">
        {lifecycle.status === "published" ? (
          <p className="text-sm text-slate-700">
            Published{published[0] ? ` as ${versionMention(published[0])}` : ""}. The text is locked; start a new draft
            to change it.
          </p>
        ) : (
          <GateChecklist gate={lifecycle.gate} />
        )}

        {/* Only the current round's (in review or approved): none in draft or once published. */}
        {lifecycle.reviewRequests.length > 0 ? (
          <p className="text-sm text-slate-700">
            <span className="font-medium text-slate-900">Asked to review:</span>{" "}
            {lifecycle.reviewRequests.map((request) => request.reviewer.name).join(", ")}
          </p>
        ) : null}

        {allowed.has("request_review") ? (
          <RequestReviewForm
            action={actions.requestReview}
            candidates={lifecycle.reviewerCandidates}
            askedIds={isInReview ? lifecycle.reviewRequests.map((request) => request.reviewer.id) : []}
            isInReview={isInReview}
          />
        ) : null}

        <div className="flex flex-wrap items-start gap-2">
          {allowed.has("approve") ? (
            lifecycle.gate.isMet ? (
              <StepButton action={actions.approve} label="Mark approved" pendingLabel="Approving…" variant="primary" />
            ) : (
              <p className="text-sm text-slate-600">“Mark approved” opens once every condition above is met.</p>
            )
          ) : null}
          {allowed.has("publish") && !lifecycle.gate.isMet ? (
            <p className="text-sm text-slate-600">“Publish” opens once every condition above is met.</p>
          ) : null}
          {allowed.has("publish") && lifecycle.gate.isMet ? (
            <ConfirmDialog
              action={actions.publish}
              triggerLabel={`Publish as publication ${nextPublication}`}
              triggerVariant="primary"
              title={`Publish as publication ${nextPublication}?`}
              description="The text, its judgements, grades and citations are frozen as they are now, at a permanent address. The published version can never be changed; later edits start a new draft."
              confirmLabel="Publish"
            />
          ) : null}
          {allowed.has("withdraw") ? (
            <StepButton action={actions.withdraw} label="Withdraw to draft" pendingLabel="Withdrawing…" />
          ) : null}
          {allowed.has("start_draft") ? (
            <StepButton action={actions.startDraft} label="Start a new draft" pendingLabel="Unlocking…" />
          ) : null}
        </div>

        {published.length > 0 ? (
          <section aria-labelledby="versions-heading">
            <h3 id="versions-heading" className="text-sm font-semibold text-slate-900">
              Publications
            </h3>
            <ul className="mt-2 space-y-1 text-sm">
              {published.map((version) => (
                <li key={version.id}>
                  <Link
                    href={`${base}/versions/${version.number}`}
                    className="font-medium text-accent-700 underline-offset-2 hover:underline"
                  >
                    {versionLabel(version)}
                  </Link>{" "}
                  <span className="text-slate-600">
                    <RelativeTime date={version.createdAt} />
                    {version.createdBy ? ` by ${version.createdBy.name}` : null}
                  </span>
                </li>
              ))}
            </ul>
          </section>
        ) : null}

        <p className="text-sm">
          <Link href={`${base}/audit`} className="text-accent-700 underline-offset-2 hover:underline">
            Audit trail of this assessment
          </Link>
        </p>
      </div>
    </Card>
  );
}
