import { z } from "zod";
import { versionCitationDto, versionJudgementDto } from "./lifecycle";

// Inline rather than a named component: a nullable $ref renders as a misleading allOf in OpenAPI 3.1.
const personRef = z.object({ id: z.uuid(), name: z.string() });

/** Longest name of a named version. */
export const MAX_VERSION_NAME_LENGTH = 120;

/** Body of `POST /api/v1/assessments/{assessmentId}/versions`. */
export const createNamedVersionInput = z
  .object(
    {
      name: z
        .string({ error: "Give the version a name." })
        .trim()
        .min(1, "Give the version a name.")
        .max(MAX_VERSION_NAME_LENGTH, `Keep the name to ${MAX_VERSION_NAME_LENGTH} characters or fewer.`)
        .describe('What this state of the text is, e.g. "Before the April imagery".'),
    },
    { error: "Send a JSON object." },
  )
  .meta({ id: "CreateNamedVersionInput" });
export type CreateNamedVersionInput = z.infer<typeof createNamedVersionInput>;

const versionNumber = (side: string) =>
  z
    .string({ error: `Choose the version to compare ${side}.` })
    .regex(/^[1-9][0-9]{0,8}$/, `Choose a version number (1, 2, …) to compare ${side}.`);

/** Query of `GET /api/v1/assessments/{assessmentId}/versions/compare`. */
export const compareVersionsQuery = z
  .object({
    from: versionNumber("from").describe("The older side: a version number."),
    to: z
      .union([z.literal("current"), versionNumber("to")], {
        error: "Choose a version number, or current for the text as it is now.",
      })
      .describe("The newer side: a version number, or `current` for the live text."),
  })
  .refine((query) => query.from !== query.to, {
    path: ["to"],
    message: "Choose two different versions to compare.",
  });

/** A word-level diff, as runs of shared, removed and added text. */
export const diffPartDto = z.object({ kind: z.enum(["same", "removed", "added"]), text: z.string() });
export type DiffPartDto = z.infer<typeof diffPartDto>;

/** A value on both sides and whether it changed. */
const beforeAfter = <T extends z.ZodType>(value: T) =>
  z.object({ before: value.nullable(), after: value.nullable(), isChanged: z.boolean() });

/**
 * A cited observation, cited on both sides, whose frozen record differs: revised, re-graded
 * (its credibility or a source's reliability), retracted. Exactly what makes approvals stale.
 */
export const citationRevisionDto = z
  .object({
    before: versionCitationDto.describe("The observation as the older version froze it."),
    after: versionCitationDto.describe("The observation as the newer side holds it."),
    description: z
      .string()
      .describe('What changed, e.g. "revised (revision 1 → 2); re-graded: credibility 6 → 5 (Improbable)".'),
  })
  .meta({ id: "CitationRevision" });
export type CitationRevisionDto = z.infer<typeof citationRevisionDto>;

/** How one judgement (matched by its block id) differs between two versions. */
export const judgementDiffDto = z
  .object({
    id: z.string(),
    change: z.enum(["added", "removed", "changed", "unchanged"]),
    statement: beforeAfter(z.string()).extend({ diff: z.array(diffPartDto) }),
    likelihood: beforeAfter(versionJudgementDto.shape.likelihood.unwrap()),
    confidence: beforeAfter(versionJudgementDto.shape.confidence.unwrap()),
    isKey: beforeAfter(z.boolean()),
    citationsAdded: z.array(versionCitationDto).describe("Observations it cites now and did not before."),
    citationsRemoved: z.array(versionCitationDto).describe("Observations it cited before and does not now."),
    citationsRevised: z
      .array(citationRevisionDto)
      .describe("Observations cited on both sides that were revised, re-graded or retracted in between."),
    approvals: z
      .object({
        before: versionJudgementDto.shape.approvals,
        after: versionJudgementDto.shape.approvals,
        isChanged: z.boolean().describe("An approval was given or stopped being current in between."),
      })
      .describe("The current approvals at each point. Approvals alone do not make a judgement changed."),
  })
  .meta({ id: "JudgementDiff" });
export type JudgementDiffDto = z.infer<typeof judgementDiffDto>;

/** How one block of the other text (paragraphs, headings, lists…) differs. */
export const blockDiffDto = z
  .object({
    change: z.enum(["added", "removed", "changed"]),
    type: z.string().describe('The block\'s kind, e.g. "paragraph", "heading 2", "bullet list".'),
    before: z.string().nullable(),
    after: z.string().nullable(),
    diff: z.array(diffPartDto),
  })
  .meta({ id: "BlockDiff" });
export type BlockDiffDto = z.infer<typeof blockDiffDto>;

/** One side of a comparison. */
export const compareSideDto = z.object({
  number: z.number().int().nullable().describe("Null for the current text."),
  kind: z.enum(["published", "named", "automatic", "current"]),
  publicationNumber: z.number().int().nullable().describe("A publication's number among publications; else null."),
  name: z.string(),
  createdAt: z.iso.datetime().nullable(),
  createdBy: personRef.nullable(),
});
export type CompareSideDto = z.infer<typeof compareSideDto>;

/** Answer of `GET …/versions/compare`. */
export const versionComparisonDto = z
  .object({
    assessmentId: z.uuid(),
    from: compareSideDto,
    to: compareSideDto,
    title: beforeAfter(z.string()),
    judgements: z.array(judgementDiffDto).describe("In the newer side's order; removed ones where they stood."),
    blocks: z.array(blockDiffDto).describe("Changes to the text other than judgements, in reading order."),
  })
  .meta({ id: "VersionComparison" });
export type VersionComparisonDto = z.infer<typeof versionComparisonDto>;
