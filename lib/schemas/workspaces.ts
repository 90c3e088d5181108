import { z } from "zod";
import { WORKSPACE_ROLES } from "../roles";
import { emailSchema } from "./users";

/** A workspace name as people type it: trimmed, never blank. */
export const workspaceNameSchema = z
  .string({ error: "Enter a workspace name." })
  .trim()
  .min(1, "Enter a workspace name.")
  .max(120, "Use at most 120 characters.");

/** One of the four workspace roles; anything else gets a message listing them. */
export const workspaceRoleSchema = z
  .enum(WORKSPACE_ROLES, { error: "Choose a role: owner, analyst, reviewer or viewer." })
  .meta({ id: "WorkspaceRole", description: "owner, analyst (writes), reviewer (comments, approves), viewer (reads)" });

/** Body of `POST /api/v1/workspaces`. */
export const createWorkspaceInput = z
  .object({ name: workspaceNameSchema }, { error: "Send a JSON object." })
  .meta({ id: "CreateWorkspaceInput" });
export type CreateWorkspaceInput = z.infer<typeof createWorkspaceInput>;

/** Body of `PATCH /api/v1/workspaces/{workspaceId}`. */
export const renameWorkspaceInput = z
  .object({ name: workspaceNameSchema }, { error: "Send a JSON object." })
  .meta({ id: "RenameWorkspaceInput" });
export type RenameWorkspaceInput = z.infer<typeof renameWorkspaceInput>;

const approvalCountSchema = (label: string) =>
  z
    .number({ error: `${label} must be a whole number from 1 to 5.` })
    .int(`${label} must be a whole number from 1 to 5.`)
    .min(1, `${label} must be a whole number from 1 to 5.`)
    .max(5, `${label} must be a whole number from 1 to 5.`);

/**
 * Body of `PATCH /api/v1/workspaces/{workspaceId}`: the name and/or the review rules. Key
 * judgements never need fewer approvals than other judgements.
 */
export const updateWorkspaceInput = z
  .object(
    {
      name: workspaceNameSchema.optional(),
      requiredApprovals: approvalCountSchema("Required approvals")
        .optional()
        .describe("Current approvals each judgement needs (1–5)."),
      requiredKeyApprovals: approvalCountSchema("Required key approvals")
        .optional()
        .describe("Current approvals each key judgement needs (at least `requiredApprovals`, at most 5)."),
    },
    { error: "Send a JSON object." },
  )
  .refine((value) => Object.values(value).some((field) => field !== undefined), {
    message: "Send a name, requiredApprovals or requiredKeyApprovals.",
  })
  .meta({ id: "UpdateWorkspaceInput" });
export type UpdateWorkspaceInput = z.infer<typeof updateWorkspaceInput>;

/** Body of `POST /api/v1/workspaces/{workspaceId}/members`: adds someone who already has an account. */
export const addMemberInput = z
  .object(
    {
      email: z.string({ error: "Enter the email address of the person to add." }).pipe(emailSchema),
      role: workspaceRoleSchema,
    },
    { error: "Send a JSON object." },
  )
  .meta({ id: "AddMemberInput" });
export type AddMemberInput = z.infer<typeof addMemberInput>;

/** Body of `PATCH /api/v1/workspaces/{workspaceId}/members/{userId}`. */
export const changeMemberRoleInput = z
  .object({ role: workspaceRoleSchema }, { error: "Send a JSON object." })
  .meta({ id: "ChangeMemberRoleInput" });
export type ChangeMemberRoleInput = z.infer<typeof changeMemberRoleInput>;

/** A workspace as its members see it, with the caller's own role. */
export const workspaceSummary = z
  .object({
    id: z.uuid(),
    name: z.string(),
    /** The caller's role in this workspace. */
    role: workspaceRoleSchema,
    memberCount: z.number().int(),
    requiredApprovals: z.number().int().describe("Current approvals each judgement needs."),
    requiredKeyApprovals: z.number().int().describe("Current approvals each key judgement needs."),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: "WorkspaceSummary" });
/** Dates are ISO 8601 strings, exactly as the API sends them. */
export type WorkspaceSummary = z.infer<typeof workspaceSummary>;

/** One member of a workspace. */
export const member = z
  .object({
    userId: z.uuid(),
    name: z.string(),
    email: z.string(),
    role: workspaceRoleSchema,
    joinedAt: z.iso.datetime(),
  })
  .meta({ id: "Member" });
/** `joinedAt` is an ISO 8601 string. */
export type Member = z.infer<typeof member>;
