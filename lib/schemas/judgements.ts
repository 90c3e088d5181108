import { z } from "zod";
import { CONFIDENCE_LEVELS } from "../standards/confidence";
import { LIKELIHOOD_BANDS } from "../standards/icd203";

/** A citation of a judgement that names an observation of the assessment's workspace. */
export const judgementCitationDto = z.object({
  observationId: z.uuid(),
  externalId: z.string().nullable().describe("The observation's id in an imported file (e.g. OBS-26): its label."),
  summary: z.string(),
  retracted: z.boolean().describe("Retracted observations stay cited, marked as such."),
});
export type JudgementCitationDto = z.infer<typeof judgementCitationDto>;

/** One judgement block of an assessment, as last projected from the document. */
export const judgementDto = z
  .object({
    id: z.string().describe('The block\'s stable id ("jdg_…").'),
    position: z.number().int().min(0).describe("Order among the assessment's judgements, from 0."),
    statement: z.string().describe("The statement as plain text."),
    likelihood: z.enum(LIKELIHOOD_BANDS).nullable().describe("ICD 203 band; null while not chosen."),
    likelihoodTerm: z.string().nullable().describe('The ICD 203 term of the band, e.g. "likely".'),
    likelihoodRange: z.string().nullable().describe('The band\'s probability range, e.g. "55–80%".'),
    confidence: z.enum(CONFIDENCE_LEVELS).nullable().describe("Analytic confidence; null while not chosen."),
    isKey: z.boolean().describe("A key judgement of the assessment."),
    citations: z.array(judgementCitationDto).describe("Cited observations of the workspace, in citation order."),
    unresolvedCitations: z
      .array(z.string())
      .describe("Cited ids that name no observation of this workspace (mistyped, deleted or from elsewhere)."),
    contentHash: z.string().describe("SHA-256 of statement, likelihood, confidence, key flag and citations."),
    authors: z
      .array(z.object({ id: z.uuid(), name: z.string() }))
      .describe("Users who edited the judgement, in order of their first contribution."),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime().describe("When the judgement's content last changed."),
  })
  .meta({ id: "Judgement" });
export type JudgementDto = z.infer<typeof judgementDto>;

/** One tradecraft finding of an assessment, as the server's run of the linter reports it. */
export const tradecraftFindingDto = z
  .object({
    ruleId: z.string().describe('The rule, e.g. "missing-citation" or "hedge-word".'),
    severity: z.enum(["error", "warning", "info"]),
    message: z.string().describe("What is wrong, for this occurrence."),
    why: z.string().describe("Why it matters (ICD 203/206 tradecraft)."),
    judgementId: z.string().nullable().describe("The judgement the finding is about; null for free text."),
    excerpt: z.string().describe("The text the finding is about, or the start of its block."),
  })
  .meta({ id: "TradecraftFinding" });
export type TradecraftFindingDto = z.infer<typeof tradecraftFindingDto>;
