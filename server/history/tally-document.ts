import type { Executor } from "@/db/client";
import type { Assessment } from "@/db/schema";
import type { FrozenDocument } from "../lifecycle/read-frozen-document";
import {
  type IdentifiedJudgement,
  type JudgementTally,
  tallyJudgementApprovals,
} from "../lifecycle/tally-judgement-approvals";

/**
 * The approvals current now on a text's judgements that have an id of their own (the first
 * block wins on a repeated id): what a version freezes as each judgement's approvals.
 */
export async function tallyDocument(
  db: Executor,
  assessment: Pick<Assessment, "id" | "workspaceId">,
  document: FrozenDocument,
): Promise<JudgementTally[]> {
  const seen = new Set<string>();
  const judgements: { judgement: IdentifiedJudgement; position: number }[] = [];
  for (const [position, judgement] of document.judgements.entries()) {
    if (judgement.id === null || seen.has(judgement.id)) continue;
    seen.add(judgement.id);
    judgements.push({ judgement: judgement as IdentifiedJudgement, position });
  }
  return tallyJudgementApprovals({ db, assessmentId: assessment.id, workspaceId: assessment.workspaceId, judgements });
}
