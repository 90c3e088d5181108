import { and, asc, eq, isNull } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { commentThreads } from "@/db/schema";
import { toEvidenceLookup } from "@/lib/editor/citation-evidence";
import type { JudgementContent } from "@/lib/editor/judgement-content";
import { lintDocument } from "@/lib/editor/lint-document";
import { judgementKindOf, numberJudgements } from "@/lib/judgement-numbers";
import type { GateConditionDto, PublishGateDto } from "@/lib/schemas/lifecycle";
import { loadObservationDtos, loadSourceDtos } from "../evidence/evidence-dtos";
import type { FrozenDocument } from "./read-frozen-document";
import { type IdentifiedJudgement, type JudgementTally, tallyJudgementApprovals } from "./tally-judgement-approvals";

/** The gate and the per-judgement tallies it was decided on (publishing freezes the approvals). */
export interface PublishGateEvaluation {
  gate: PublishGateDto;
  tallies: JudgementTally[];
}

const EXCERPT_LENGTH = 60;

/**
 * The publish gate, decided on exactly the given text (see `readFrozenDocument`). Approving
 * (in_review → approved) and publishing both pass only when nothing is unmet:
 * - at least one judgement: an assessment without any judgement has nothing to review or stand behind;
 * - every judgement block has an id of its own, or it could not have been reviewed;
 * - every judgement has its required current approvals (key judgements the workspace's
 *   `requiredKeyApprovals`) and no reviewer's latest verdict asks for changes;
 * - no open blocking comment thread;
 * - no tradecraft finding of severity error (warnings do not hold it up).
 */
export async function evaluatePublishGate(options: {
  db: Executor;
  assessment: { id: string; workspaceId: string };
  document: FrozenDocument;
}): Promise<PublishGateEvaluation> {
  const { db, assessment, document } = options;
  const unmet: GateConditionDto[] = [];
  const condition = (fields: Pick<GateConditionDto, "code" | "message"> & Partial<GateConditionDto>) =>
    unmet.push({ judgementId: null, threadId: null, ruleId: null, ...fields });
  const identified: { judgement: IdentifiedJudgement; position: number }[] = [];
  const seen = new Set<string>();
  for (const [position, judgement] of document.judgements.entries()) {
    if (judgement.id === null || seen.has(judgement.id)) {
      condition({
        code: "judgement_without_id",
        message: `${judgementLabel(judgement, judgementKindOf(judgement.isKey))} has no id of its own (written by a script or copied), so it cannot be reviewed. Re-insert it as a new judgement.`,
        judgementId: judgement.id,
      });
      continue;
    }
    seen.add(judgement.id);
    identified.push({ judgement: judgement as IdentifiedJudgement, position });
  }
  // Numbered as the version frozen from this text numbers them in every export.
  const labels = new Map(
    numberJudgements(identified.map(({ judgement }) => judgement)).map(({ judgement, label }) => [
      judgement.id,
      judgementLabel(judgement, label),
    ]),
  );
  if (document.judgements.length === 0) {
    condition({ code: "no_judgements", message: "The assessment has no judgement yet: add at least one." });
  }
  const tallies = await tallyJudgementApprovals({
    db,
    assessmentId: assessment.id,
    workspaceId: assessment.workspaceId,
    judgements: identified,
  });
  for (const tally of tallies) {
    const judgementId = tally.judgement.id;
    const label = labels.get(judgementId) ?? judgementId;
    const count = `${tally.currentApprovals.length} of ${tally.required} required current approval${tally.required === 1 ? "" : "s"}`;
    if (tally.changeRequests.length > 0) {
      condition({
        code: "judgement_changes_requested",
        message: `Changes are requested on ${lowerFirst(label)}.`,
        judgementId,
      });
    } else if (tally.currentApprovals.length < tally.required) {
      const isStale = tally.staleApprovals.length > 0;
      condition({
        code: isStale ? "judgement_approval_stale" : "judgement_awaiting_approval",
        message: isStale
          ? `${label} changed, or its evidence did, since it was approved: ${count}.`
          : `${label} has ${count}.`,
        judgementId,
      });
    }
  }
  for (const thread of await openBlockingThreads(db, assessment.id)) {
    const about = thread.judgementId ? labels.get(thread.judgementId) : undefined;
    const quote = thread.quote ? ` on “${excerpt(thread.quote)}”` : about ? ` on ${lowerFirst(about)}` : "";
    condition({
      code: "blocking_thread_open",
      message: `A blocking comment thread${quote} is still open: resolve it first.`,
      judgementId: thread.judgementId,
      threadId: thread.id,
    });
  }
  const [observations, sources] = await Promise.all([
    loadObservationDtos(db, assessment.workspaceId),
    loadSourceDtos(db, assessment.workspaceId),
  ]);
  for (const finding of lintDocument(document.node, toEvidenceLookup({ observations, sources }))) {
    if (finding.severity !== "error") continue;
    // Blocks without an id of their own are keyed by position inside one lint run: no id to give out.
    const judgementId = finding.judgementKey && !finding.judgementKey.startsWith("pos:") ? finding.judgementKey : null;
    const where = judgementId ? labels.get(judgementId) : undefined;
    condition({
      code: "tradecraft_error",
      message: where ? `${where}: ${finding.message}` : finding.message,
      judgementId,
      ruleId: finding.ruleId,
    });
  }
  return { gate: { isMet: unmet.length === 0, judgementCount: document.judgements.length, unmet }, tallies };
}

async function openBlockingThreads(db: Executor, assessmentId: string) {
  return db
    .select({ id: commentThreads.id, judgementId: commentThreads.judgementId, quote: commentThreads.quote })
    .from(commentThreads)
    .where(
      and(
        eq(commentThreads.assessmentId, assessmentId),
        eq(commentThreads.isBlocking, true),
        isNull(commentThreads.resolvedAt),
      ),
    )
    .orderBy(asc(commentThreads.createdAt), asc(commentThreads.id));
}

/**
 * "Key judgement 1 (“Tikhoretsk is…”)" or "Judgement 2 (“Fewer containers…”)", numbered as the
 * exports number them, with an excerpt to find it by in the text.
 */
function judgementLabel(judgement: JudgementContent, name: string): string {
  const statement = judgement.statement.trim();
  return statement ? `${name} (“${excerpt(statement)}”)` : `${name} (empty)`;
}

function excerpt(text: string): string {
  const line = text.replace(/\s+/g, " ").trim();
  return line.length > EXCERPT_LENGTH ? `${line.slice(0, EXCERPT_LENGTH - 1)}…` : line;
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
