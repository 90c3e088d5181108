import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AssessmentDetailsForm } from "@/components/assessments/assessment-details-form";
import { AssessmentFacts } from "@/components/assessments/assessment-facts";
import { AssessmentEditor } from "@/components/editor/assessment-editor";
import { ActionForm } from "@/components/forms/action-form";
import { SubmitButton } from "@/components/forms/submit-button";
import { LifecycleCard } from "@/components/lifecycle/lifecycle-card";
import { StatusBadge } from "@/components/status-badge";
import { TlpBadge } from "@/components/tlp-badge";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { buttonClasses } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { canWriteAssessments } from "@/lib/roles";
import { getAssessment } from "@/server/assessments/get-assessment";
import { requireSessionActor } from "@/server/auth/session";
import { getLifecycle } from "@/server/lifecycle/get-lifecycle";
import { loadOrNotFound } from "../../../../_lib/load-or-not-found";
import {
  changeStatusAction,
  publishAction,
  requestReviewAction,
  setArchivedAction,
  updateAssessmentAction,
} from "./actions";

export const metadata: Metadata = { title: "Assessment" };

/** The assessment page: the live co-edited text beside the assessment's details. */
export default async function AssessmentPage({
  params,
}: {
  params: Promise<{ workspaceId: string; assessmentId: string }>;
}) {
  const { workspaceId, assessmentId } = await params;
  const actor = await requireSessionActor(`/w/${workspaceId}/a/${assessmentId}`);
  const assessment = await loadOrNotFound(getAssessment({ actor, assessmentId }));
  // The URL's workspace must be the assessment's own, or links would mix two workspaces' context.
  if (assessment.workspaceId !== workspaceId) notFound();
  const isWriter = canWriteAssessments(assessment.role);
  const isArchived = assessment.archivedAt !== null;
  const lifecycle = await getLifecycle({ actor, assessmentId });
  // A published assessment's text is frozen until someone starts a new draft on top of it.
  const isPublished = assessment.status === "published";
  const canEdit = assessment.canEdit && !isPublished;

  return (
    <>
      <PageHeader
        title={assessment.title}
        eyebrow={
          <span className="flex flex-wrap items-center gap-2">
            <StatusBadge status={assessment.status} />
            <TlpBadge tlp={assessment.tlp} />
            {isArchived ? <Badge>Archived</Badge> : null}
          </span>
        }
        actions={
          <>
            <Link href={`/w/${workspaceId}/a/${assessmentId}/history`} className={buttonClasses({ variant: "ghost" })}>
              History
            </Link>
            {isWriter && !isArchived ? (
              <ActionForm action={setArchivedAction.bind(null, workspaceId, assessmentId, true)}>
                <SubmitButton variant="secondary" pendingLabel="Archiving…">
                  Archive
                </SubmitButton>
              </ActionForm>
            ) : null}
          </>
        }
      />

      {isArchived ? (
        <Alert tone="info" className="mb-6">
          <div className="flex flex-wrap items-center justify-between gap-3">
            <span>This assessment is archived and read-only.{isWriter ? " Restore it to edit it again." : ""}</span>
            {isWriter ? (
              <ActionForm action={setArchivedAction.bind(null, workspaceId, assessmentId, false)}>
                <SubmitButton variant="secondary" size="sm" pendingLabel="Restoring…">
                  Restore
                </SubmitButton>
              </ActionForm>
            ) : null}
          </div>
        </Alert>
      ) : null}

      <div className="grid grid-cols-1 gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <Card aria-labelledby="document-heading" className="order-2 lg:order-1">
          <CardHeader id="document-heading" title="Document" />
          <AssessmentEditor
            documentId={assessment.id}
            workspaceId={workspaceId}
            user={{ id: actor.id, name: actor.name }}
            canEdit={canEdit}
            readOnlyReason={
              isArchived
                ? "this assessment is archived"
                : isPublished
                  ? "this assessment is published; start a new draft to edit it"
                  : undefined
            }
            reviewClosedReason={
              isArchived
                ? "Archived: no verdicts are given on an archived assessment."
                : isPublished
                  ? "Published: the statuses are as of now, against the evidence as it is today (an approval shows stale if cited evidence changed after publication). Verdicts go on the next draft."
                  : undefined
            }
          />
        </Card>

        <div className="order-1 space-y-6 lg:order-2">
          <LifecycleCard
            lifecycle={lifecycle}
            workspaceId={workspaceId}
            actions={{
              requestReview: requestReviewAction.bind(null, workspaceId, assessmentId),
              approve: changeStatusAction.bind(null, workspaceId, assessmentId, "approved"),
              withdraw: changeStatusAction.bind(null, workspaceId, assessmentId, "draft"),
              startDraft: changeStatusAction.bind(null, workspaceId, assessmentId, "draft"),
              publish: publishAction.bind(null, workspaceId, assessmentId),
            }}
          />
          <Card aria-labelledby="details-heading">
            <CardHeader
              id="details-heading"
              title="Details"
              description={
                canEdit
                  ? undefined
                  : isArchived
                    ? "Archived assessments are read-only."
                    : isPublished
                      ? "Published: start a new draft to change it."
                      : "You can read this assessment; your role does not edit it."
              }
            />
            {canEdit ? (
              <AssessmentDetailsForm
                action={updateAssessmentAction.bind(null, workspaceId, assessmentId)}
                title={assessment.title}
                keyQuestion={assessment.keyQuestion}
                tlp={assessment.tlp}
                lastChanges={assessment.lastChanges}
                userId={actor.id}
              />
            ) : null}
            <AssessmentFacts assessment={assessment} showEditable={!canEdit} />
          </Card>
        </div>
      </div>
    </>
  );
}
