import type { OpenAPIRegistry } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";
import {
  acceptedInvitation,
  acceptInvitationInput,
  createdInvitation,
  createInvitationInput,
  invitationSummary,
} from "@/lib/schemas/invitations";
import { signUpInput, userOutput } from "@/lib/schemas/users";
import {
  addMemberInput,
  changeMemberRoleInput,
  createWorkspaceInput,
  member,
  updateWorkspaceInput,
  workspaceSummary,
} from "@/lib/schemas/workspaces";
import { ERROR_SCHEMA_REF, errorResponses, jsonBody, jsonResponse, PUBLIC } from "../registry";

const workspaceParams = z.object({ workspaceId: z.uuid() });
const memberParams = workspaceParams.extend({ userId: z.uuid().describe("The member's user id.") });
const invitationParams = workspaceParams.extend({ invitationId: z.uuid() });
const noContent = { description: "Done; no body." };
const me = z
  .object({ user: userOutput, workspaces: z.array(workspaceSummary) })
  .meta({ id: "Me", description: "The caller and their workspaces, by name." });

/** Workspaces, members, invitation links, plus the caller's identity (`/me`) and sign-up. */
export function registerWorkspacePaths(registry: OpenAPIRegistry): void {
  registerWorkspaces(registry);
  registerMembers(registry);
  registerInvitations(registry);
  registerAccount(registry);
}

function registerWorkspaces(registry: OpenAPIRegistry): void {
  const tags = ["Workspaces"];
  registry.registerPath({
    method: "get",
    path: "/api/v1/workspaces",
    tags,
    summary: "List your workspaces",
    description: "By name, each with your role and the number of members.",
    responses: { 200: jsonResponse("Your workspaces.", z.array(workspaceSummary)), ...errorResponses("unauthorized") },
  });
  registry.registerPath({
    method: "post",
    path: "/api/v1/workspaces",
    tags,
    summary: "Create a workspace",
    description: "You become its owner.",
    request: { body: jsonBody(createWorkspaceInput) },
    responses: {
      201: jsonResponse("The new workspace.", workspaceSummary),
      ...errorResponses("bad_request", "unauthorized"),
    },
  });
  registry.registerPath({
    method: "get",
    path: "/api/v1/workspaces/{workspaceId}",
    tags,
    summary: "Get a workspace",
    request: { params: workspaceParams },
    responses: {
      200: jsonResponse("The workspace.", workspaceSummary),
      ...errorResponses("unauthorized", "not_found"),
    },
  });
  registry.registerPath({
    method: "patch",
    path: "/api/v1/workspaces/{workspaceId}",
    tags,
    summary: "Rename a workspace or change its review rules",
    description:
      "Owners only. `requiredApprovals` (1–5) is how many current approvals each judgement needs; " +
      "`requiredKeyApprovals` (from `requiredApprovals` to 5) how many each key judgement needs.",
    request: { params: workspaceParams, body: jsonBody(updateWorkspaceInput) },
    responses: {
      200: jsonResponse("The workspace after the change.", workspaceSummary),
      ...errorResponses("bad_request", "unauthorized", "forbidden", "not_found"),
    },
  });
}

function registerMembers(registry: OpenAPIRegistry): void {
  const tags = ["Members"];
  registry.registerPath({
    method: "get",
    path: "/api/v1/workspaces/{workspaceId}/members",
    tags,
    summary: "List members",
    description: "Any member may see who is in the workspace. Owners first, then by name.",
    request: { params: workspaceParams },
    responses: { 200: jsonResponse("The members.", z.array(member)), ...errorResponses("unauthorized", "not_found") },
  });
  registry.registerPath({
    method: "post",
    path: "/api/v1/workspaces/{workspaceId}/members",
    tags,
    summary: "Add a member by email",
    description:
      "Owners only. The person must already have an account (404 `not_found:user` otherwise; send an invitation " +
      "link instead). 409 `conflict:member` when they are already a member.",
    request: { params: workspaceParams, body: jsonBody(addMemberInput) },
    responses: {
      201: jsonResponse("The new member.", member),
      ...errorResponses("bad_request", "unauthorized", "forbidden", "not_found", "conflict"),
    },
  });
  registry.registerPath({
    method: "patch",
    path: "/api/v1/workspaces/{workspaceId}/members/{userId}",
    tags,
    summary: "Change a member's role",
    description: "Owners only. Demoting the last owner is refused with 409 `conflict:last_owner`.",
    request: { params: memberParams, body: jsonBody(changeMemberRoleInput) },
    responses: {
      200: jsonResponse("The member with the new role.", member),
      ...errorResponses("bad_request", "unauthorized", "forbidden", "not_found", "conflict"),
    },
  });
  registry.registerPath({
    method: "delete",
    path: "/api/v1/workspaces/{workspaceId}/members/{userId}",
    tags,
    summary: "Remove a member, or leave",
    description:
      "Owners may remove anyone; any member may remove themself (leave). The last owner can do neither " +
      "(409 `conflict:last_owner`).",
    request: { params: memberParams },
    responses: { 204: noContent, ...errorResponses("unauthorized", "forbidden", "not_found", "conflict") },
  });
}

function registerInvitations(registry: OpenAPIRegistry): void {
  const tags = ["Invitations"];
  registry.registerPath({
    method: "get",
    path: "/api/v1/workspaces/{workspaceId}/invitations",
    tags,
    summary: "List invitation links",
    description: "Owners only. Newest first, with status; the secrets themselves are never shown again.",
    request: { params: workspaceParams },
    responses: {
      200: jsonResponse("The invitation links.", z.array(invitationSummary)),
      ...errorResponses("unauthorized", "forbidden", "not_found"),
    },
  });
  registry.registerPath({
    method: "post",
    path: "/api/v1/workspaces/{workspaceId}/invitations",
    tags,
    summary: "Create an invitation link",
    description:
      "Owners only. The link works once, for whoever holds it, until it expires (`expiresInHours`, default set " +
      "by the server's INVITATION_TTL_HOURS). This response is the only time the secret is shown.",
    request: { params: workspaceParams, body: jsonBody(createInvitationInput) },
    responses: {
      201: jsonResponse("The invitation, its secret and the link to send.", createdInvitation),
      ...errorResponses("bad_request", "unauthorized", "forbidden", "not_found"),
    },
  });
  registry.registerPath({
    method: "delete",
    path: "/api/v1/workspaces/{workspaceId}/invitations/{invitationId}",
    tags,
    summary: "Revoke an invitation link",
    description: "Owners only. A link that was already used cannot be revoked (409); remove the member instead.",
    request: { params: invitationParams },
    responses: { 204: noContent, ...errorResponses("unauthorized", "forbidden", "not_found", "conflict") },
  });
  registry.registerPath({
    method: "post",
    path: "/api/v1/invitations/accept",
    tags,
    summary: "Accept an invitation link",
    description:
      "Joins the link's workspace with its role; if you are already a member you keep the higher of the two roles. " +
      "Used, expired and revoked links answer 410 `gone:invitation` with a message saying which.",
    request: { body: jsonBody(acceptInvitationInput) },
    responses: {
      200: jsonResponse("The workspace joined and your role in it.", acceptedInvitation),
      ...errorResponses("bad_request", "unauthorized", "not_found", "gone"),
    },
  });
}

function registerAccount(registry: OpenAPIRegistry): void {
  registry.registerPath({
    method: "get",
    path: "/api/v1/me",
    tags: ["Account"],
    summary: "Who am I",
    description: "The signed-in user (or the owner of the API token) and their workspaces.",
    responses: { 200: jsonResponse("You and your workspaces.", me), ...errorResponses("unauthorized") },
  });
  registry.registerPath({
    method: "post",
    path: "/api/v1/sign-up",
    tags: ["Account"],
    summary: "Create an account",
    description:
      "Public. Email addresses are unique regardless of case (409 with a message on `email`). " +
      "403 when the server does not allow sign-up (ALLOW_SIGN_UP=false). 429 once the client address " +
      "used its SIGN_UP_PER_HOUR_PER_ADDRESS attempts (refused ones count too).",
    security: PUBLIC,
    request: { body: jsonBody(signUpInput) },
    responses: {
      201: jsonResponse("The new account.", userOutput),
      ...errorResponses("bad_request", "conflict", "rate_limited"),
      403: {
        description: "Sign-up is turned off on this server.",
        content: { "application/json": { schema: ERROR_SCHEMA_REF } },
      },
    },
  });
}
