import { describe, expect, it } from "vitest";
import { versionSummaryDto } from "@/lib/schemas/lifecycle";
import { assessmentForLifecycle, lifecycleApi } from "../lifecycle/lifecycle-test-helpers";
import { createTestUser, createTestWorkspace } from "../testing/factories";
import { freezeIdleVersion, IDLE_VERSION_NAME } from "./freeze-idle-version";
import { historyApi, versionLines } from "./history-test-helpers";
import { IdleVersioner } from "./idle-versions";

describe("automatic versions at status changes and publication", () => {
  it("freezes one at every status change, in order, and the publication as its own kind", async () => {
    const f = await assessmentForLifecycle();
    expect((await lifecycleApi.requestReview(f.assessmentId, f.analyst, [f.reviewer.id])).status).toBe(201);
    expect((await lifecycleApi.changeStatus(f.assessmentId, f.analyst, "draft")).status).toBe(200);
    expect((await lifecycleApi.requestReview(f.assessmentId, f.analyst, [f.reviewer.id])).status).toBe(201);
    await f.approve(f.reviewer);
    expect((await lifecycleApi.changeStatus(f.assessmentId, f.reviewer, "approved")).status).toBe(200);
    expect((await lifecycleApi.publish(f.assessmentId, f.owner)).status).toBe(201);
    expect((await lifecycleApi.changeStatus(f.assessmentId, f.analyst, "draft")).status).toBe(200);
    expect(await versionLines(f.assessmentId)).toEqual([
      '1 automatic "Sent for review"',
      '2 automatic "Withdrawn to draft"',
      '3 automatic "Sent for review"',
      '4 automatic "Approved"',
      '5 published "Rail logistics"',
      '6 automatic "New draft started"',
    ]);
    const listed = await historyApi.list(f.assessmentId, f.viewer);
    expect(versionSummaryDto.parse(listed.body[5])).toMatchObject({
      number: 1,
      kind: "automatic",
      name: "Sent for review",
      createdBy: { id: f.analyst.id, name: f.analyst.name },
    });
  });

  it("freezes nothing when a status change is refused", async () => {
    const f = await assessmentForLifecycle();
    expect((await lifecycleApi.requestReview(f.assessmentId, f.viewer, [f.reviewer.id])).status).toBe(403);
    expect((await lifecycleApi.changeStatus(f.assessmentId, f.analyst, "approved")).status).toBe(403);
    expect(await versionLines(f.assessmentId)).toEqual([]);
  });
});

describe("named versions", () => {
  it("lets owners and analysts name the text as it is now", async () => {
    const f = await assessmentForLifecycle();
    const named = await historyApi.name(f.assessmentId, f.analyst, { name: "  Before the April imagery  " });
    expect(named.status).toBe(201);
    expect(versionSummaryDto.parse(named.body)).toMatchObject({
      number: 1,
      kind: "named",
      name: "Before the April imagery",
      createdBy: { id: f.analyst.id },
    });
    expect((await historyApi.name(f.assessmentId, f.owner, { name: "Owner's cut" })).status).toBe(201);
    expect(await versionLines(f.assessmentId)).toEqual([
      '1 named "Before the April imagery"',
      '2 named "Owner\'s cut"',
    ]);
    expect(await f.auditActions("assessment.version_named")).toEqual([
      expect.objectContaining({ actorUserId: f.analyst.id, data: expect.objectContaining({ number: 1 }) }),
      expect.objectContaining({ actorUserId: f.owner.id, data: expect.objectContaining({ number: 2 }) }),
    ]);
  });

  it("refuses bad names with field messages, reviewers and viewers with 403, outsiders with 404; nothing is frozen", async () => {
    const f = await assessmentForLifecycle();
    for (const body of [{ name: "   " }, { name: "x".repeat(121) }, {}, { name: 7 }]) {
      const refused = await historyApi.name(f.assessmentId, f.analyst, body);
      expect(refused, JSON.stringify(body)).toMatchObject({
        status: 400,
        body: { error: { code: "bad_request:validation" } },
      });
      expect(refused.body.error.fields.name).toHaveLength(1);
    }
    for (const actor of [f.reviewer, f.viewer]) {
      const refused = await historyApi.name(f.assessmentId, actor, { name: "Mine" });
      expect(refused).toMatchObject({ status: 403, body: { error: { code: "forbidden:version" } } });
    }
    const outsider = await createTestUser();
    await createTestWorkspace(outsider);
    const hidden = await historyApi.name(f.assessmentId, outsider, { name: "Mine" });
    expect(hidden).toMatchObject({ status: 404, body: { error: { code: "not_found:assessment" } } });
    expect(await versionLines(f.assessmentId)).toEqual([]);
    expect(await f.auditActions("assessment.version_named")).toEqual([]);
  });
});

describe("automatic versions after a burst of editing", () => {
  it("freezes the text once it went quiet, and not again while it is unchanged", async () => {
    const f = await assessmentForLifecycle();
    const version = await freezeIdleVersion({ assessmentId: f.assessmentId, actorUserId: f.analyst.id });
    expect(version).toMatchObject({ number: 1, kind: "automatic", name: IDLE_VERSION_NAME });
    expect(await freezeIdleVersion({ assessmentId: f.assessmentId, actorUserId: f.analyst.id })).toBeNull();
    await f.write(f.text({ statement: "Tikhoretsk will stay crucial." }));
    expect(await freezeIdleVersion({ assessmentId: f.assessmentId, actorUserId: f.analyst.id })).toMatchObject({
      number: 2,
    });
    // Status changes freeze the same text: nothing new to save after them either.
    await lifecycleApi.requestReview(f.assessmentId, f.analyst, [f.reviewer.id]);
    expect(await freezeIdleVersion({ assessmentId: f.assessmentId, actorUserId: f.analyst.id })).toBeNull();
    expect(await versionLines(f.assessmentId)).toEqual([
      `1 automatic "${IDLE_VERSION_NAME}"`,
      `2 automatic "${IDLE_VERSION_NAME}"`,
      '3 automatic "Sent for review"',
    ]);
  });

  it("freezes one version when several processes notice the same burst at once", async () => {
    const f = await assessmentForLifecycle();
    const results = await Promise.all(
      [1, 2, 3].map(() => freezeIdleVersion({ assessmentId: f.assessmentId, actorUserId: f.analyst.id })),
    );
    expect(results.filter((result) => result !== null)).toHaveLength(1);
    expect(await versionLines(f.assessmentId)).toEqual([`1 automatic "${IDLE_VERSION_NAME}"`]);
  });

  it("waits for the quiet time after the last edit, then freezes once, crediting the last editor", async () => {
    const f = await assessmentForLifecycle();
    const calls: string[] = [];
    const versioner = new IdleVersioner({
      idleMs: 20,
      freeze: async (options) => {
        calls.push(`${options.assessmentId}:${options.actorUserId}`);
        return freezeIdleVersion(options);
      },
    });
    versioner.touch(f.assessmentId, f.analyst.id);
    versioner.touch(f.assessmentId, f.owner.id);
    await expect.poll(() => versioner.running.size + calls.length).toBeGreaterThan(0);
    await Promise.all(versioner.running);
    expect(calls).toEqual([`${f.assessmentId}:${f.owner.id}`]);
    expect(await versionLines(f.assessmentId)).toEqual([`1 automatic "${IDLE_VERSION_NAME}"`]);
    const off = new IdleVersioner({
      idleMs: 0,
      freeze: async () => {
        calls.push("off");
        return null;
      },
    });
    off.touch(f.assessmentId, f.analyst.id);
    expect(off.running.size).toBe(0);
  });

  it("freezes a burst that never goes quiet once it has lasted the longest burst", async () => {
    const f = await assessmentForLifecycle();
    let clock = 0;
    const calls: string[] = [];
    const versioner = new IdleVersioner({
      idleMs: 60_000,
      maxBurstMs: 40,
      now: () => clock,
      freeze: async (options) => {
        calls.push(options.actorUserId ?? "");
        return freezeIdleVersion(options);
      },
    });
    // Edits every 30 ms of the clock: never a minute's quiet, but the burst passes 40 ms.
    versioner.touch(f.assessmentId, f.analyst.id);
    clock = 30;
    versioner.touch(f.assessmentId, f.owner.id);
    // Still typing when the burst's timer comes due: a minute of quiet never came.
    clock = 50;
    await expect.poll(() => versioner.running.size + calls.length).toBeGreaterThan(0);
    await Promise.all(versioner.running);
    expect(calls).toEqual([f.owner.id]);
    expect(await versionLines(f.assessmentId)).toEqual([`1 automatic "${IDLE_VERSION_NAME}"`]);
    versioner.clear();
  });

  it("never versions a published assessment's text", async () => {
    const f = await assessmentForLifecycle();
    await lifecycleApi.requestReview(f.assessmentId, f.analyst, [f.reviewer.id]);
    await f.approve(f.reviewer);
    await lifecycleApi.changeStatus(f.assessmentId, f.reviewer, "approved");
    await lifecycleApi.publish(f.assessmentId, f.owner);
    const before = await versionLines(f.assessmentId);
    await f.write(f.text({ statement: "Written into the log by a script after publication." }));
    expect(await freezeIdleVersion({ assessmentId: f.assessmentId, actorUserId: f.analyst.id })).toBeNull();
    expect(await versionLines(f.assessmentId)).toEqual(before);
  });
});
