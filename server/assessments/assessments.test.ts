import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDatabase } from "@/db/client";
import { assessments, auditEvents } from "@/db/schema";
import { createTestTeam, createTestUser, createTestWorkspace } from "../testing/factories";
import { createAssessment } from "./create-assessment";
import { getAssessment } from "./get-assessment";
import { listAssessments } from "./list-assessments";
import { setAssessmentArchived } from "./set-assessment-archived";
import { updateAssessment } from "./update-assessment";

async function auditActions(assessmentId: string): Promise<string[]> {
  const rows = await getDatabase()
    .select({ action: auditEvents.action })
    .from(auditEvents)
    .where(and(eq(auditEvents.targetType, "assessment"), eq(auditEvents.targetId, assessmentId)))
    .orderBy(auditEvents.id);
  return rows.map((row) => row.action);
}

async function countAssessments(workspaceId: string): Promise<number> {
  return (await getDatabase().select().from(assessments).where(eq(assessments.workspaceId, workspaceId))).length;
}

describe("creating and opening assessments", () => {
  it("creates a draft with a trimmed title, the creator as author, and defaults for the rest", async () => {
    const { workspace, analyst, viewer } = await createTestTeam();
    const created = await createAssessment({ actor: analyst, workspaceId: workspace.id, title: "  Tikhoretsk rail  " });
    expect(created).toMatchObject({
      title: "Tikhoretsk rail",
      keyQuestion: "",
      tlp: "AMBER",
      status: "draft",
      archivedAt: null,
      workspaceId: workspace.id,
      authors: [{ id: analyst.id, name: analyst.name }],
      createdBy: { id: analyst.id, name: analyst.name },
      role: "analyst",
      canEdit: true,
    });
    expect(await auditActions(created.id)).toEqual(["assessment.created"]);

    const seenByViewer = await getAssessment({ actor: viewer, assessmentId: created.id });
    expect(seenByViewer).toMatchObject({ id: created.id, title: "Tikhoretsk rail", role: "viewer", canEdit: false });
  });

  it("keeps the key question and marking given at creation", async () => {
    const { workspace, owner } = await createTestTeam();
    const created = await createAssessment({
      actor: owner,
      workspaceId: workspace.id,
      title: "Arms transfers",
      keyQuestion: "Will shipments continue through 2025?",
      tlp: "AMBER+STRICT",
    });
    const opened = await getAssessment({ actor: owner, assessmentId: created.id });
    expect(opened).toMatchObject({ keyQuestion: "Will shipments continue through 2025?", tlp: "AMBER+STRICT" });
  });

  it("refuses invalid input with a message per field and writes nothing", async () => {
    const { workspace, analyst } = await createTestTeam();
    await expect(
      createAssessment({ actor: analyst, workspaceId: workspace.id, title: "   ", keyQuestion: "q".repeat(2001) }),
    ).rejects.toMatchObject({
      code: "bad_request:validation",
      fields: { title: ["Enter a title."], keyQuestion: ["Use at most 2000 characters for the key question."] },
    });
    await expect(
      createAssessment({ actor: analyst, workspaceId: workspace.id, title: "t".repeat(201) }),
    ).rejects.toMatchObject({ fields: { title: ["Use at most 200 characters for the title."] } });
    expect(await countAssessments(workspace.id)).toBe(0);
  });
});

describe("listing assessments", () => {
  it("lists the most recently changed first, with their authors", async () => {
    const { workspace, owner, analyst } = await createTestTeam();
    const first = await createAssessment({ actor: analyst, workspaceId: workspace.id, title: "First" });
    const second = await createAssessment({ actor: owner, workspaceId: workspace.id, title: "Second" });
    expect((await listAssessments({ actor: analyst, workspaceId: workspace.id })).map((a) => a.title)).toEqual([
      "Second",
      "First",
    ]);

    const renamed = await updateAssessment({ actor: owner, assessmentId: first.id, title: "First, revised" });
    expect(Date.parse(renamed.updatedAt)).toBeGreaterThanOrEqual(Date.parse(first.updatedAt));
    const list = await listAssessments({ actor: analyst, workspaceId: workspace.id });
    expect(list.map((a) => a.id)).toEqual([first.id, second.id]);
    expect(list[0]?.authors.map((a) => a.id)).toEqual([analyst.id, owner.id]);
    expect(list[1]?.authors.map((a) => a.id)).toEqual([owner.id]);
  });

  it("shows only the workspace's own assessments", async () => {
    const { workspace, analyst } = await createTestTeam();
    const elsewhere = await createTestWorkspace(analyst);
    await createAssessment({ actor: analyst, workspaceId: elsewhere.id, title: "Other team's work" });
    expect(await listAssessments({ actor: analyst, workspaceId: workspace.id })).toEqual([]);
  });
});

describe("changing assessments", () => {
  it("renames, rewrites the key question and re-marks, recording each change", async () => {
    const { workspace, analyst } = await createTestTeam();
    const created = await createAssessment({ actor: analyst, workspaceId: workspace.id, title: "Draft" });
    await updateAssessment({ actor: analyst, assessmentId: created.id, title: " Rail logistics " });
    await updateAssessment({ actor: analyst, assessmentId: created.id, keyQuestion: "How many rail cars?" });
    const updated = await updateAssessment({ actor: analyst, assessmentId: created.id, tlp: "RED" });
    expect(updated).toMatchObject({ title: "Rail logistics", keyQuestion: "How many rail cars?", tlp: "RED" });
    expect(updated.authors).toHaveLength(1);

    const [last] = await getDatabase()
      .select({ data: auditEvents.data })
      .from(auditEvents)
      .where(eq(auditEvents.targetId, created.id))
      .orderBy(auditEvents.id)
      .offset(3);
    expect(last?.data).toEqual({ changes: { tlp: { from: "AMBER", to: "RED" } } });
    expect(await auditActions(created.id)).toEqual([
      "assessment.created",
      "assessment.updated",
      "assessment.updated",
      "assessment.updated",
    ]);
  });

  it("records nothing when nothing changes", async () => {
    const { workspace, analyst } = await createTestTeam();
    const created = await createAssessment({ actor: analyst, workspaceId: workspace.id, title: "Same" });
    const unchanged = await updateAssessment({ actor: analyst, assessmentId: created.id, title: "Same", tlp: "AMBER" });
    expect(unchanged.updatedAt).toBe(created.updatedAt);
    expect(await auditActions(created.id)).toEqual(["assessment.created"]);
  });

  it("archives out of the default list, refuses edits while archived, and unarchives", async () => {
    const { workspace, analyst, viewer } = await createTestTeam();
    const created = await createAssessment({ actor: analyst, workspaceId: workspace.id, title: "Finished work" });

    const archived = await setAssessmentArchived({ actor: analyst, assessmentId: created.id, archived: true });
    expect(archived.archivedAt).not.toBeNull();
    expect(archived.canEdit).toBe(false);
    expect(await listAssessments({ actor: viewer, workspaceId: workspace.id })).toEqual([]);
    const archivedList = await listAssessments({ actor: viewer, workspaceId: workspace.id, archived: true });
    expect(archivedList.map((a) => a.id)).toEqual([created.id]);

    await expect(
      updateAssessment({ actor: analyst, assessmentId: created.id, title: "Late edit" }),
    ).rejects.toMatchObject({ code: "conflict:assessment_archived", message: expect.stringContaining("Unarchive it") });

    const restored = await setAssessmentArchived({ actor: analyst, assessmentId: created.id, archived: false });
    expect(restored).toMatchObject({ archivedAt: null, canEdit: true, title: "Finished work" });
    expect((await listAssessments({ actor: viewer, workspaceId: workspace.id })).map((a) => a.id)).toEqual([
      created.id,
    ]);
    expect(await listAssessments({ actor: viewer, workspaceId: workspace.id, archived: true })).toEqual([]);
    expect(await auditActions(created.id)).toEqual([
      "assessment.created",
      "assessment.archived",
      "assessment.unarchived",
    ]);
  });
});

describe("who may do what", () => {
  it("lets reviewers and viewers read but not create, change or archive", async () => {
    const { workspace, analyst, reviewer, viewer } = await createTestTeam();
    const created = await createAssessment({ actor: analyst, workspaceId: workspace.id, title: "Team work" });
    for (const actor of [reviewer, viewer]) {
      await expect(createAssessment({ actor, workspaceId: workspace.id, title: "Mine" })).rejects.toMatchObject({
        code: "forbidden:assessment",
      });
      await expect(updateAssessment({ actor, assessmentId: created.id, title: "Mine now" })).rejects.toMatchObject({
        code: "forbidden:assessment",
      });
      await expect(setAssessmentArchived({ actor, assessmentId: created.id, archived: true })).rejects.toMatchObject({
        code: "forbidden:assessment",
      });
      expect((await getAssessment({ actor, assessmentId: created.id })).title).toBe("Team work");
    }
    expect(await countAssessments(workspace.id)).toBe(1);
    expect(await auditActions(created.id)).toEqual(["assessment.created"]);
  });

  it("answers 404 to non-members, exactly as for ids that do not exist", async () => {
    const { workspace, analyst } = await createTestTeam();
    const created = await createAssessment({ actor: analyst, workspaceId: workspace.id, title: "Private" });
    const outsider = await createTestUser();
    await createTestWorkspace(outsider);

    for (const assessmentId of [created.id, crypto.randomUUID(), "not-a-uuid"]) {
      await expect(getAssessment({ actor: outsider, assessmentId })).rejects.toMatchObject({
        code: "not_found:assessment",
      });
      await expect(updateAssessment({ actor: outsider, assessmentId, title: "x" })).rejects.toMatchObject({
        code: "not_found:assessment",
      });
      await expect(setAssessmentArchived({ actor: outsider, assessmentId, archived: true })).rejects.toMatchObject({
        code: "not_found:assessment",
      });
    }
    await expect(listAssessments({ actor: outsider, workspaceId: workspace.id })).rejects.toMatchObject({
      code: "not_found:workspace",
    });
    await expect(createAssessment({ actor: outsider, workspaceId: workspace.id, title: "x" })).rejects.toMatchObject({
      code: "not_found:workspace",
    });
    expect((await getAssessment({ actor: analyst, assessmentId: created.id })).title).toBe("Private");
  });
});
