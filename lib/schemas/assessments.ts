import { z } from "zod";
import { ASSESSMENT_STATUSES } from "../assessment-status";
import { TLP_MARKINGS } from "../tlp";
import { workspaceRoleSchema } from "./workspaces";

export const ASSESSMENT_TITLE_MAX_LENGTH = 200;
export const KEY_QUESTION_MAX_LENGTH = 2000;

export const assessmentTitleSchema = z
  .string({ error: "Enter a title." })
  .trim()
  .min(1, "Enter a title.")
  .max(ASSESSMENT_TITLE_MAX_LENGTH, `Use at most ${ASSESSMENT_TITLE_MAX_LENGTH} characters for the title.`);

export const keyQuestionSchema = z
  .string({ error: "The key question must be text." })
  .trim()
  .max(KEY_QUESTION_MAX_LENGTH, `Use at most ${KEY_QUESTION_MAX_LENGTH} characters for the key question.`)
  .describe("The question the assessment answers; may be empty.");

export const tlpSchema = z
  .enum(TLP_MARKINGS, { error: `Choose a TLP marking: ${TLP_MARKINGS.join(", ")}.` })
  .describe("Traffic Light Protocol 2.0 handling marking.");

/** Body of `POST /api/v1/workspaces/{workspaceId}/assessments`. TLP defaults to AMBER. */
export const createAssessmentInput = z
  .object(
    { title: assessmentTitleSchema, keyQuestion: keyQuestionSchema.optional(), tlp: tlpSchema.optional() },
    { error: "Send a JSON object." },
  )
  .meta({ id: "CreateAssessmentInput" });
export type CreateAssessmentInput = z.infer<typeof createAssessmentInput>;

/**
 * The values a change was made against, as the caller last read them. Compared, trimmed like every
 * stored value, with what is stored; not checked beyond their type and size.
 */
export const expectedAssessmentDetails = z
  .object(
    {
      title: z
        .string({ error: "The expected title must be text." })
        .max(ASSESSMENT_TITLE_MAX_LENGTH, "This is longer than any title."),
      keyQuestion: z
        .string({ error: "The expected key question must be text." })
        .max(KEY_QUESTION_MAX_LENGTH, "This is longer than any key question."),
      tlp: tlpSchema,
    },
    { error: "Send expected as an object." },
  )
  .partial()
  .describe(
    "Optimistic concurrency: the title, key question and TLP as you read them before editing. A field you " +
      "send with the value expected for it is left as it is (you did not change it); a field you change whose " +
      "stored value is no longer the expected one is refused with 409 `conflict:assessment_details`, nothing " +
      "changed. Without it, the fields sent are written whatever they hold now.",
  );
export type ExpectedAssessmentDetails = z.infer<typeof expectedAssessmentDetails>;

const updateFields = { title: assessmentTitleSchema, keyQuestion: keyQuestionSchema, tlp: tlpSchema };

/** Metadata changes of an assessment; omitted fields stay as they are. */
export const updateAssessmentInput = z
  .object({ ...updateFields, expected: expectedAssessmentDetails }, { error: "Send a JSON object." })
  .partial()
  .meta({ id: "UpdateAssessmentInput" });
export type UpdateAssessmentInput = z.infer<typeof updateAssessmentInput>;

/** Body of `PATCH /api/v1/assessments/{assessmentId}`: metadata changes and/or archiving. */
export const patchAssessmentInput = z
  .object(
    {
      ...updateFields,
      expected: expectedAssessmentDetails,
      archived: z
        .boolean({ error: "Archived must be true or false." })
        .describe("true archives the assessment, false restores it. Applied before metadata changes when false."),
    },
    { error: "Send a JSON object." },
  )
  .partial()
  .refine(({ expected: _, ...change }) => Object.values(change).some((field) => field !== undefined), {
    message: "Send at least one of title, keyQuestion, tlp or archived.",
  })
  .meta({ id: "PatchAssessmentInput" });
export type PatchAssessmentInput = z.infer<typeof patchAssessmentInput>;

/** Query of `GET /api/v1/workspaces/{workspaceId}/assessments`. */
export const listAssessmentsQuery = z.object({
  archived: z
    .enum(["true", "false"], { error: "Use archived=true or archived=false." })
    .optional()
    .describe("true lists archived assessments instead of active ones."),
});

// Inline rather than a named component: a nullable $ref renders as a misleading allOf in OpenAPI 3.1.
const personRef = z.object({ id: z.uuid(), name: z.string() });

export const assessmentSummary = z
  .object({
    id: z.uuid(),
    workspaceId: z.uuid(),
    title: z.string(),
    status: z.enum(ASSESSMENT_STATUSES),
    tlp: z.enum(TLP_MARKINGS),
    updatedAt: z.iso.datetime(),
    archivedAt: z.iso.datetime().nullable(),
    authors: z.array(personRef).describe("Everyone who created or edited it, in order of first contribution."),
  })
  .meta({ id: "AssessmentSummary" });
/** An assessment in a list. Dates are ISO 8601 strings, exactly as the API sends them. */
export type AssessmentSummary = z.infer<typeof assessmentSummary>;

const detailChange = z.object({
  by: personRef.nullable().describe("Who changed it; null for the operator's command line or a deleted user."),
  at: z.iso.datetime(),
});
/** Who last changed a field of the details form, and when. */
export type DetailChange = z.infer<typeof detailChange>;

export const detailChanges = z
  .object({ title: detailChange, keyQuestion: detailChange, tlp: detailChange })
  .partial()
  .describe(
    "Who last changed the title, key question and TLP marking, and when (as the audit trail records it). " +
      "A field not changed since the assessment was created is absent.",
  );
/** Who last changed each of the title, key question and TLP marking; absent when never changed. */
export type DetailChanges = z.infer<typeof detailChanges>;

export const assessmentDetail = assessmentSummary
  .extend({
    keyQuestion: z.string(),
    createdAt: z.iso.datetime(),
    createdBy: personRef.nullable(),
    lastChanges: detailChanges,
    role: workspaceRoleSchema.describe("The caller's role in the assessment's workspace."),
    canEdit: z.boolean().describe("Whether the caller may change it now (a writer role and not archived)."),
  })
  .meta({ id: "AssessmentDetail" });
/** One assessment as its page and `GET /api/v1/assessments/{id}` show it. */
export type AssessmentDetail = z.infer<typeof assessmentDetail>;
