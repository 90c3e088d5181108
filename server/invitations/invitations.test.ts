import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDatabase } from "@/db/client";
import { auditEvents, invitations } from "@/db/schema";
import { isAppError } from "@/lib/errors";
import { env } from "../env";
import { listMembers } from "../members/list-members";
import { createTestTeam, createTestUser } from "../testing/factories";
import { hashSecret } from "../tokens/token-secret";
import { listWorkspaces } from "../workspaces/list-workspaces";
import { acceptInvitation } from "./accept-invitation";
import { createInvitation } from "./create-invitation";
import { listInvitations } from "./list-invitations";
import { previewInvitation } from "./preview-invitation";
import { revokeInvitation } from "./revoke-invitation";

async function failureOf(promise: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await promise;
  } catch (error) {
    if (isAppError(error)) return { code: error.code, message: error.message };
    throw error;
  }
  throw new Error("expected the call to fail");
}

async function expireInvitation(id: string): Promise<void> {
  await getDatabase()
    .update(invitations)
    .set({ expiresAt: sql`now() - interval '1 minute'` })
    .where(eq(invitations.id, id));
}

describe("createInvitation", () => {
  it("returns a link once and stores only the secret's hash", async () => {
    const { workspace, owner } = await createTestTeam();
    const created = await createInvitation({
      actor: owner,
      workspaceId: workspace.id,
      role: "reviewer",
      email: "Rey@Example.test",
    });
    expect(created.token).toMatch(/^plxi_/);
    expect(created.url).toBe(`${env().publicUrl}/invite/${created.token}`);
    expect(created.invitation).toMatchObject({ role: "reviewer", email: "rey@example.test", status: "pending" });
    expect(created.invitation.createdBy).toEqual({ id: owner.id, name: owner.name });
    const [row] = await getDatabase().select().from(invitations).where(eq(invitations.id, created.invitation.id));
    expect(row?.tokenHash).toBe(hashSecret(created.token));
    expect(JSON.stringify(row)).not.toContain(created.token);
    const events = await getDatabase()
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.targetId, created.invitation.id));
    expect(events.map((e) => e.action)).toEqual(["invitation.created"]);
    expect(JSON.stringify(events)).not.toContain(created.token);
  });

  it("expires after INVITATION_TTL_HOURS unless told otherwise", async () => {
    const { workspace, owner } = await createTestTeam();
    const byDefault = await createInvitation({ actor: owner, workspaceId: workspace.id, role: "viewer" });
    const hours = (iso: string, from: string) => (Date.parse(iso) - Date.parse(from)) / 3_600_000;
    expect(hours(byDefault.invitation.expiresAt, byDefault.invitation.createdAt)).toBeCloseTo(
      env().INVITATION_TTL_HOURS,
      3,
    );
    const short = await createInvitation({
      actor: owner,
      workspaceId: workspace.id,
      role: "viewer",
      expiresInHours: 2,
    });
    expect(hours(short.invitation.expiresAt, short.invitation.createdAt)).toBeCloseTo(2, 3);
  });

  it("is for owners only", async () => {
    const { workspace, analyst, reviewer, viewer } = await createTestTeam();
    for (const actor of [analyst, reviewer, viewer]) {
      expect((await failureOf(createInvitation({ actor, workspaceId: workspace.id, role: "viewer" }))).code).toBe(
        "forbidden:workspace",
      );
      expect((await failureOf(listInvitations({ actor, workspaceId: workspace.id }))).code).toBe("forbidden:workspace");
    }
    const outsider = await createTestUser();
    expect(
      (await failureOf(createInvitation({ actor: outsider, workspaceId: workspace.id, role: "owner" }))).code,
    ).toBe("not_found:workspace");
  });
});

describe("acceptInvitation", () => {
  it("gives whoever holds the link its role, and the link shows as accepted", async () => {
    const { workspace, owner } = await createTestTeam();
    const { token, invitation } = await createInvitation({ actor: owner, workspaceId: workspace.id, role: "reviewer" });
    const newcomer = await createTestUser();
    expect(await previewInvitation({ token })).toMatchObject({
      workspaceId: workspace.id,
      workspaceName: workspace.name,
      role: "reviewer",
      status: "pending",
    });
    expect(await acceptInvitation({ actor: newcomer, token })).toEqual({ workspaceId: workspace.id, role: "reviewer" });
    expect(await listWorkspaces({ actor: newcomer })).toEqual([
      expect.objectContaining({ id: workspace.id, role: "reviewer" }),
    ]);
    expect((await previewInvitation({ token })).status).toBe("accepted");
    const [listed] = await listInvitations({ actor: owner, workspaceId: workspace.id });
    expect(listed).toMatchObject({ id: invitation.id, status: "accepted" });
  });

  it("works once: a used link is refused with a message saying so", async () => {
    const { workspace, owner } = await createTestTeam();
    const { token } = await createInvitation({ actor: owner, workspaceId: workspace.id, role: "analyst" });
    await acceptInvitation({ actor: await createTestUser(), token });
    const latecomer = await createTestUser();
    const failure = await failureOf(acceptInvitation({ actor: latecomer, token }));
    expect(failure).toEqual({ code: "gone:invitation", message: expect.stringMatching(/already been used/) });
    expect(await listWorkspaces({ actor: latecomer })).toEqual([]);
  });

  it("lets only one of two people accepting at the same moment in", async () => {
    const { workspace, owner } = await createTestTeam();
    const { token } = await createInvitation({ actor: owner, workspaceId: workspace.id, role: "analyst" });
    const [first, second] = [await createTestUser(), await createTestUser()];
    const results = await Promise.allSettled([
      acceptInvitation({ actor: first, token }),
      acceptInvitation({ actor: second, token }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await listMembers({ actor: owner, workspaceId: workspace.id })).toHaveLength(5);
  });

  it("refuses expired and revoked links, saying which", async () => {
    const { workspace, owner } = await createTestTeam();
    const expired = await createInvitation({ actor: owner, workspaceId: workspace.id, role: "viewer" });
    await expireInvitation(expired.invitation.id);
    const revoked = await createInvitation({ actor: owner, workspaceId: workspace.id, role: "viewer" });
    await revokeInvitation({ actor: owner, workspaceId: workspace.id, invitationId: revoked.invitation.id });
    const holder = await createTestUser();
    expect(await failureOf(acceptInvitation({ actor: holder, token: expired.token }))).toEqual({
      code: "gone:invitation",
      message: expect.stringMatching(/expired/),
    });
    expect(await failureOf(acceptInvitation({ actor: holder, token: revoked.token }))).toEqual({
      code: "gone:invitation",
      message: expect.stringMatching(/revoked/),
    });
    expect(await listWorkspaces({ actor: holder })).toEqual([]);
    const statuses = (await listInvitations({ actor: owner, workspaceId: workspace.id })).map((i) => [i.id, i.status]);
    expect(statuses).toEqual(
      expect.arrayContaining([
        [expired.invitation.id, "expired"],
        [revoked.invitation.id, "revoked"],
      ]),
    );
  });

  it("answers 404 for tokens that match no invitation", async () => {
    const someone = await createTestUser();
    for (const token of ["plxi_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "not-a-token"]) {
      expect((await failureOf(acceptInvitation({ actor: someone, token }))).code).toBe("not_found:invitation");
      expect((await failureOf(previewInvitation({ token }))).code).toBe("not_found:invitation");
    }
  });

  it("keeps an existing member's higher role, and upgrades a lower one", async () => {
    const { workspace, owner, analyst, viewer } = await createTestTeam();
    const reviewerLink = await createInvitation({ actor: owner, workspaceId: workspace.id, role: "reviewer" });
    expect(await acceptInvitation({ actor: analyst, token: reviewerLink.token })).toEqual({
      workspaceId: workspace.id,
      role: "analyst",
    });
    // Nothing changed for the analyst, so the link is still there for whom it was meant.
    expect((await previewInvitation({ token: reviewerLink.token })).status).toBe("pending");
    expect(await acceptInvitation({ actor: viewer, token: reviewerLink.token })).toEqual({
      workspaceId: workspace.id,
      role: "reviewer",
    });
    expect((await listWorkspaces({ actor: viewer }))[0]?.role).toBe("reviewer");
    expect((await previewInvitation({ token: reviewerLink.token })).status).toBe("accepted");
  });
});

describe("revokeInvitation", () => {
  it("is for owners, hides other workspaces' links and cannot undo an acceptance", async () => {
    const { workspace, owner, analyst } = await createTestTeam();
    const { invitation, token } = await createInvitation({ actor: owner, workspaceId: workspace.id, role: "viewer" });
    expect(
      (await failureOf(revokeInvitation({ actor: analyst, workspaceId: workspace.id, invitationId: invitation.id })))
        .code,
    ).toBe("forbidden:workspace");
    const other = await createTestTeam();
    expect(
      (
        await failureOf(
          revokeInvitation({ actor: other.owner, workspaceId: other.workspace.id, invitationId: invitation.id }),
        )
      ).code,
    ).toBe("not_found:invitation");
    await acceptInvitation({ actor: await createTestUser(), token });
    expect(
      (await failureOf(revokeInvitation({ actor: owner, workspaceId: workspace.id, invitationId: invitation.id })))
        .code,
    ).toBe("conflict:invitation");
  });
});
