import { z } from "zod";
import { emailSchema } from "./users";
import { workspaceRoleSchema } from "./workspaces";

/** Longest lifetime an invitation link may be given: 90 days. */
export const INVITATION_MAX_HOURS = 24 * 90;

export const INVITATION_STATUSES = ["pending", "accepted", "expired", "revoked"] as const;
export type InvitationStatus = (typeof INVITATION_STATUSES)[number];

/** Body of `POST /api/v1/workspaces/{workspaceId}/invitations`. */
export const createInvitationInput = z
  .object(
    {
      role: workspaceRoleSchema,
      /** A note of whom the link is for; the link works for whoever holds it. */
      email: z.string({ error: "Enter a valid email address." }).pipe(emailSchema).nullish(),
      expiresInHours: z
        .number({ error: "Enter the number of hours the link stays valid." })
        .int("Enter a whole number of hours.")
        .min(1, "A link must stay valid for at least 1 hour.")
        .max(INVITATION_MAX_HOURS, `A link can stay valid for at most ${INVITATION_MAX_HOURS} hours (90 days).`)
        .optional(),
    },
    { error: "Send a JSON object." },
  )
  .meta({ id: "CreateInvitationInput" });
export type CreateInvitationInput = z.infer<typeof createInvitationInput>;

/** Body of `POST /api/v1/invitations/accept`. */
export const acceptInvitationInput = z
  .object(
    {
      token: z
        .string({ error: "Paste the invitation token." })
        .trim()
        .min(1, "Paste the invitation token.")
        .max(200, "This is not an invitation token."),
    },
    { error: "Send a JSON object." },
  )
  .meta({ id: "AcceptInvitationInput" });
export type AcceptInvitationInput = z.infer<typeof acceptInvitationInput>;

/** An invitation link as owners see it in the workspace settings (never its secret). */
export const invitationSummary = z
  .object({
    id: z.uuid(),
    role: workspaceRoleSchema,
    email: z.string().nullable(),
    createdAt: z.iso.datetime(),
    expiresAt: z.iso.datetime(),
    createdBy: z.object({ id: z.uuid(), name: z.string() }).nullable(),
    status: z.enum(INVITATION_STATUSES),
  })
  .meta({ id: "InvitationSummary" });
export type InvitationSummary = z.infer<typeof invitationSummary>;

/** What `createInvitation` returns: the secret link is shown once, here, and never again. */
export const createdInvitation = z
  .object({
    invitation: invitationSummary,
    token: z.string().meta({ description: "The invitation secret; only its hash is stored." }),
    url: z.string().meta({ description: "The link to send: `<public URL>/invite/<token>`." }),
  })
  .meta({ id: "CreatedInvitation" });
export type CreatedInvitation = z.infer<typeof createdInvitation>;

/** What a holder of an invitation link may see before accepting it. */
export const invitationPreview = z
  .object({
    workspaceId: z.uuid(),
    workspaceName: z.string(),
    role: workspaceRoleSchema,
    expiresAt: z.iso.datetime(),
    status: z.enum(INVITATION_STATUSES),
  })
  .meta({ id: "InvitationPreview" });
export type InvitationPreview = z.infer<typeof invitationPreview>;

/** The outcome of accepting an invitation: the caller's role, which may be higher than the link's. */
export const acceptedInvitation = z
  .object({ workspaceId: z.uuid(), role: workspaceRoleSchema })
  .meta({ id: "AcceptedInvitation" });
export type AcceptedInvitation = z.infer<typeof acceptedInvitation>;
