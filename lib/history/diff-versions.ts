import type { BlockDiffDto, JudgementDiffDto } from "../schemas/history";
import type { VersionContentDto } from "../schemas/lifecycle";
import { diffBlocks, textBlocksOf } from "./diff-blocks";
import { diffJudgements } from "./diff-judgements";

/** What changed between two frozen states of one assessment. */
export interface VersionDiff {
  title: { before: string; after: string; isChanged: boolean };
  /** Every judgement of either side with how it changed (unchanged ones included, marked so). */
  judgements: JudgementDiffDto[];
  /** Changes to the other text blocks; unchanged blocks are left out. */
  blocks: BlockDiffDto[];
}

/**
 * Compares two versions' structured content (`before` the older, `after` the newer): per
 * judgement, matched by its block id, the statement's word diff, likelihood, confidence and key
 * flag before and after, citations added and removed, cited observations revised, re-graded or
 * retracted in between, and the approvals current at each point;
 * then the paragraphs, headings and lists added, removed or edited, with word diffs.
 * Pure: the server and tests call it on stored content.
 */
export function diffVersions(
  before: Pick<VersionContentDto, "assessment" | "judgements" | "document">,
  after: Pick<VersionContentDto, "assessment" | "judgements" | "document">,
): VersionDiff {
  return {
    title: {
      before: before.assessment.title,
      after: after.assessment.title,
      isChanged: before.assessment.title !== after.assessment.title,
    },
    judgements: diffJudgements(before.judgements, after.judgements),
    blocks: diffBlocks(textBlocksOf(before.document), textBlocksOf(after.document)),
  };
}
