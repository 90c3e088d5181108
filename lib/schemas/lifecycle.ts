import { z } from "zod";
import { ASSESSMENT_STATUSES } from "../assessment-status";
import { SOURCE_TYPES } from "../evidence";
import { LIFECYCLE_ACTIONS } from "../lifecycle/lifecycle-rules";
import { SOURCE_RELIABILITY_GRADES } from "../standards/admiralty";
import { CONFIDENCE_LEVELS } from "../standards/confidence";
import { LIKELIHOOD_BANDS } from "../standards/icd203";
import { TLP_MARKINGS } from "../tlp";
import { workspaceRoleSchema } from "./workspaces";

// Inline rather than a named component: a nullable $ref renders as a misleading allOf in OpenAPI 3.1.
const personRef = z.object({ id: z.uuid(), name: z.string() });

/** Most reviewers one request may name. */
export const MAX_REVIEWERS_PER_REQUEST = 20;

/** Body of `POST /api/v1/assessments/{assessmentId}/review-requests`. */
export const requestReviewInput = z
  .object(
    {
      reviewerIds: z
        .array(z.uuid({ error: "Each reviewer must be a user id." }), { error: "Name the reviewers as a list of ids." })
        .min(1, "Choose at least one reviewer.")
        .max(MAX_REVIEWERS_PER_REQUEST, `Choose at most ${MAX_REVIEWERS_PER_REQUEST} reviewers at once.`)
        .describe("Members with the role reviewer or owner, other than the caller."),
    },
    { error: "Send a JSON object." },
  )
  .meta({ id: "RequestReviewInput" });
export type RequestReviewInput = z.infer<typeof requestReviewInput>;

/** Statuses `POST …/status` moves to; in_review and published have their own endpoints. */
export const STATUS_CHANGE_TARGETS = ["approved", "draft"] as const;

/** Body of `POST /api/v1/assessments/{assessmentId}/status`. */
export const changeStatusInput = z
  .object(
    {
      status: z
        .enum(STATUS_CHANGE_TARGETS, {
          error:
            "Choose approved or draft. Ask for review with POST …/review-requests and publish with POST …/publish.",
        })
        .describe(
          "approved: in_review → approved when the publish gate holds (owners, reviewers). draft: withdraw from " +
            "in_review or approved, or start a new draft on top of a published version (owners, analysts).",
        ),
    },
    { error: "Send a JSON object." },
  )
  .meta({ id: "ChangeStatusInput" });
export type ChangeStatusInput = z.infer<typeof changeStatusInput>;

/** Why the publish gate is closed; one condition per judgement, thread or finding concerned. */
export const GATE_CONDITION_CODES = [
  "no_judgements",
  "judgement_without_id",
  "judgement_changes_requested",
  "judgement_approval_stale",
  "judgement_awaiting_approval",
  "blocking_thread_open",
  "tradecraft_error",
] as const;
export type GateConditionCode = (typeof GATE_CONDITION_CODES)[number];

export const gateConditionDto = z
  .object({
    code: z.enum(GATE_CONDITION_CODES),
    message: z.string().describe("A sentence for people, naming the judgement, thread or finding."),
    judgementId: z.string().nullable().describe('The judgement concerned ("jdg_…"), if any.'),
    threadId: z.uuid().nullable().describe("The blocking comment thread, for blocking_thread_open."),
    ruleId: z.string().nullable().describe("The tradecraft rule, for tradecraft_error."),
  })
  .meta({ id: "GateCondition" });
export type GateConditionDto = z.infer<typeof gateConditionDto>;

export const publishGateDto = z
  .object({
    isMet: z.boolean().describe("True when nothing is unmet: the assessment may be approved and published."),
    judgementCount: z.number().int(),
    unmet: z.array(gateConditionDto).describe("In document order: judgements first, then threads, then findings."),
  })
  .meta({ id: "PublishGate" });
export type PublishGateDto = z.infer<typeof publishGateDto>;

export const reviewRequestDto = z
  .object({
    reviewer: personRef,
    requestedBy: personRef.nullable().describe("Null once that account is deleted."),
    requestedAt: z.iso.datetime(),
  })
  .meta({ id: "ReviewRequest" });
export type ReviewRequestDto = z.infer<typeof reviewRequestDto>;

export const versionSummaryDto = z
  .object({
    id: z.uuid(),
    number: z.number().int().describe("Counts the assessment's versions from 1; part of the version's URL."),
    kind: z.enum(["published", "named", "automatic"]),
    publicationNumber: z
      .number()
      .int()
      .nullable()
      .describe(
        "A publication's place among the assessment's publications (1, 2, …): it is called Publication N. " +
          "Null for named and automatic versions.",
      ),
    name: z
      .string()
      .describe("A named version's name, an automatic version's reason (e.g. Sent for review), a publication's title."),
    title: z.string().describe("The assessment's title when the version was frozen."),
    createdAt: z.iso.datetime(),
    createdBy: personRef.nullable(),
  })
  .meta({ id: "AssessmentVersionSummary" });
export type VersionSummaryDto = z.infer<typeof versionSummaryDto>;

/** The lifecycle of an assessment as its page and `GET …/status` show it. */
export const lifecycleDto = z
  .object({
    assessmentId: z.uuid(),
    status: z.enum(ASSESSMENT_STATUSES),
    isArchived: z.boolean(),
    role: workspaceRoleSchema.describe("The caller's role."),
    allowedActions: z
      .array(z.enum(LIFECYCLE_ACTIONS))
      .describe("Steps the caller's role may take from this status; approve and publish also need the gate."),
    gate: publishGateDto,
    reviewRequests: z
      .array(reviewRequestDto)
      .describe("Whom the current review round asked (in review or approved); empty in draft and once published."),
    reviewerCandidates: z
      .array(personRef.extend({ role: workspaceRoleSchema }))
      .describe("Members the caller may ask for review (reviewers and owners but the caller); empty if they may not."),
    versions: z.array(versionSummaryDto).describe("Newest first."),
  })
  .meta({ id: "AssessmentLifecycle" });
export type LifecycleDto = z.infer<typeof lifecycleDto>;

const observedDto = z.object({
  precision: z.enum(["day", "month", "range"]),
  start: z.string(),
  end: z.string(),
});

/** A cited observation as it stood at publication, with its sources and grades. */
export const versionCitationDto = z.object({
  number: z.number().int().describe("Its endnote number in the rendered HTML."),
  observationId: z.uuid(),
  externalId: z.string().nullable(),
  summary: z.string(),
  observed: observedDto,
  site: z.string().nullable(),
  credibility: z.number().int().min(1).max(6),
  revision: z.number().int(),
  retracted: z.boolean(),
  // Optional: versions frozen before exports existed lack them and must still read and export.
  kind: z.string().optional().describe("The observation's kind (e.g. imagery_count)."),
  quantities: z
    .array(z.object({ metric: z.string(), value: z.number(), unit: z.string().nullable(), approximate: z.boolean() }))
    .optional()
    .describe("Measured values, so exports can tell conflicting observations apart."),
  sources: z.array(
    z.object({
      id: z.uuid(),
      externalId: z.string().nullable(),
      publisher: z.string(),
      title: z.string().nullable(),
      reliability: z.enum(SOURCE_RELIABILITY_GRADES),
      attributedTo: z.string().nullable().describe("Who the source says the information came from (originator)."),
      url: z.string().nullable().optional(),
      titleNote: z
        .string()
        .nullable()
        .optional()
        .describe("What the library knows of the title when it is missing or uncertain (e.g. relayed via whom)."),
      publishedOn: z.string().nullable().optional().describe("YYYY, YYYY-MM or YYYY-MM-DD."),
      dateNote: z
        .string()
        .nullable()
        .optional()
        .describe('What the library knows of the date when it is missing or approximate (e.g. "spring 2024").'),
      retrievedOn: z.string().nullable().optional(),
      type: z.enum(SOURCE_TYPES).optional(),
      authors: z.array(z.string()).optional(),
    }),
  ),
});
export type VersionCitationDto = z.infer<typeof versionCitationDto>;

export const versionJudgementDto = z.object({
  id: z.string(),
  position: z.number().int(),
  statement: z.string(),
  isKey: z.boolean(),
  likelihood: z
    .object({ band: z.enum(LIKELIHOOD_BANDS), term: z.string(), range: z.string() })
    .nullable()
    .describe("ICD 203 band, its term and its range, e.g. likely, 55–80%."),
  confidence: z.object({ level: z.enum(CONFIDENCE_LEVELS), label: z.string() }).nullable(),
  citations: z.array(versionCitationDto),
  unresolvedCitations: z.array(z.string()).describe("Citations naming no observation of the workspace."),
  approvals: z
    .array(z.object({ reviewer: personRef.nullable(), approvedAt: z.iso.datetime() }))
    .describe("The current approvals at publication."),
});
export type VersionJudgementDto = z.infer<typeof versionJudgementDto>;

/** The structured JSON frozen with a published version. */
export const versionContentDto = z
  .object({
    format: z.literal("parallax.assessment-version/1"),
    assessment: z.object({
      id: z.uuid(),
      title: z.string(),
      keyQuestion: z.string(),
      tlp: z.enum(TLP_MARKINGS),
    }),
    number: z.number().int(),
    status: z
      .enum(ASSESSMENT_STATUSES)
      .optional()
      .describe(
        "The status of the text this version holds: published for a publication, where a status change went " +
          "for its automatic version, else the status when frozen. Absent in versions frozen before it was recorded.",
      ),
    publishedAt: z.iso.datetime().describe("When the version was frozen (for a publication, when it was published)."),
    publishedBy: personRef.nullable().describe("Who froze it (for a publication, who published it)."),
    authors: z.array(personRef),
    judgements: z.array(versionJudgementDto).describe("In document order."),
    references: z.array(versionCitationDto).describe("Every cited observation once, in endnote order."),
    document: z.record(z.string(), z.unknown()).describe("The text as ProseMirror JSON (the editor schema)."),
  })
  .meta({ id: "AssessmentVersionContent" });
export type VersionContentDto = z.infer<typeof versionContentDto>;

/** One frozen version with its rendered HTML and structured JSON. */
export const versionDto = versionSummaryDto
  .extend({
    assessmentId: z.uuid(),
    html: z.string().describe("The text rendered to HTML at publication (user text escaped), with endnotes."),
    content: versionContentDto,
  })
  .meta({ id: "AssessmentVersion" });
export type VersionDto = z.infer<typeof versionDto>;

/** Query of `GET /api/v1/assessments/{assessmentId}/versions/{number}`. */
export const getVersionQuery = z.object({
  format: z
    .enum(["json", "html"], { error: "Use format=json or format=html." })
    .default("json")
    .describe("html answers the rendered version as a standalone HTML page."),
});
