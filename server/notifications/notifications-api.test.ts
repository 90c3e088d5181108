import { describe, expect, it } from "vitest";
import * as readRoute from "@/app/api/v1/notifications/[notificationId]/read/route";
import * as readAllRoute from "@/app/api/v1/notifications/read-all/route";
import * as listRoute from "@/app/api/v1/notifications/route";
import * as countRoute from "@/app/api/v1/notifications/unread-count/route";
import { getEventBus } from "../events/event-bus";
import { removeMember } from "../members/remove-member";
import { createTestTeam, createTestWorkspace } from "../testing/factories";
import { callRoute, createTestBearer } from "../testing/route-test-helpers";
import { createTestNotification } from "./notification-test-helpers";

const list = (token: string | undefined, query = "") =>
  callRoute(listRoute.GET, { path: `/api/v1/notifications${query}`, token });
const count = (token: string | undefined) => callRoute(countRoute.GET, { token });
const markRead = (token: string | undefined, notificationId: string) =>
  callRoute(readRoute.POST, { method: "POST", params: { notificationId }, token });
const markAll = (token: string | undefined) => callRoute(readAllRoute.POST, { method: "POST", token });

/** A team where the reviewer has three notifications (newest first: c, b, a) and the viewer one. */
async function inboxes() {
  const team = await createTestTeam();
  const workspaceId = team.workspace.id;
  const a = await createTestNotification(team.reviewer, workspaceId, { minutesAgo: 30, summary: "a" });
  const b = await createTestNotification(team.reviewer, workspaceId, { minutesAgo: 20, summary: "b", read: true });
  const c = await createTestNotification(team.reviewer, workspaceId, { minutesAgo: 10, summary: "c" });
  const viewers = await createTestNotification(team.viewer, workspaceId, { summary: "the viewer's" });
  const tokens = { reviewer: await createTestBearer(team.reviewer), viewer: await createTestBearer(team.viewer) };
  return { ...team, workspaceId, ids: { a, b, c, viewers }, tokens };
}

describe("notifications API", () => {
  it("refuses anonymous callers with 401 on every route", async () => {
    const { ids } = await inboxes();
    for (const result of [
      await list(undefined),
      await count(undefined),
      await markRead(undefined, ids.a),
      await markAll(undefined),
    ]) {
      expect(result.status).toBe(401);
      expect(result.body.error.code).toMatch(/^unauthorized:/);
    }
  });

  it("lists the caller's own notifications, newest first, filtered and paged", async () => {
    const { tokens, ids, workspaceId, workspace } = await inboxes();
    const all = await list(tokens.reviewer);
    expect(all.status).toBe(200);
    expect(all.body.notifications.map((n: { summary: string }) => n.summary)).toEqual(["c", "b", "a"]);
    expect(all.body).toMatchObject({ unreadCount: 2, nextCursor: null });
    expect(all.body.notifications[0]).toMatchObject({
      id: ids.c,
      kind: "mentioned",
      workspace: { id: workspaceId, name: workspace.name },
      url: `/w/${workspaceId}`,
      readAt: null,
    });

    const unread = await list(tokens.reviewer, "?unread=true");
    expect(unread.body.notifications.map((n: { id: string }) => n.id)).toEqual([ids.c, ids.a]);

    const first = await list(tokens.reviewer, "?limit=2");
    expect(first.body.notifications.map((n: { id: string }) => n.id)).toEqual([ids.c, ids.b]);
    expect(first.body.nextCursor).toBe(ids.b);
    const second = await list(tokens.reviewer, `?limit=2&before=${first.body.nextCursor}`);
    expect(second.body.notifications.map((n: { id: string }) => n.id)).toEqual([ids.a]);
    expect(second.body.nextCursor).toBeNull();

    expect((await list(tokens.viewer)).body.notifications.map((n: { id: string }) => n.id)).toEqual([ids.viewers]);
    expect(await count(tokens.reviewer)).toEqual({ status: 200, body: { unreadCount: 2 } });
  });

  it("answers bad filters and someone else's cursor with 400 and field messages", async () => {
    const { tokens, ids } = await inboxes();
    const cases: [string, string][] = [
      ["?limit=0", "limit"],
      ["?limit=abc", "limit"],
      ["?unread=yes", "unread"],
      ["?before=nope", "before"],
      [`?before=${ids.viewers}`, "before"],
    ];
    for (const [query, field] of cases) {
      const result = await list(tokens.reviewer, query);
      expect(result.status, query).toBe(400);
      expect(Object.keys(result.body.error.fields), query).toEqual([field]);
    }
  });

  it("marks only the caller's own notifications read; anyone else's is 404 and stays unread", async () => {
    const { tokens, ids, reviewer } = await inboxes();
    expect((await markRead(tokens.reviewer, ids.viewers)).status).toBe(404);
    expect((await markRead(tokens.reviewer, "not-an-id")).status).toBe(404);
    expect((await markRead(tokens.reviewer, "00000000-0000-4000-8000-000000000000")).status).toBe(404);
    expect((await count(tokens.viewer)).body.unreadCount).toBe(1);

    const announced: string[][] = [];
    const stop = getEventBus().subscribe("notifications.changed", (event) => {
      announced.push(event.userIds);
    });
    try {
      const read = await markRead(tokens.reviewer, ids.a);
      expect(read.status).toBe(200);
      expect(read.body).toMatchObject({ id: ids.a, readAt: expect.any(String) });
      // Again: idempotent, and it keeps its first read time.
      const again = await markRead(tokens.reviewer, ids.a);
      expect(again.body.readAt).toBe(read.body.readAt);
      expect((await count(tokens.reviewer)).body.unreadCount).toBe(1);

      const all = await markAll(tokens.reviewer);
      expect(all).toEqual({ status: 200, body: { marked: 1, unreadCount: 0 } });
      expect((await markAll(tokens.reviewer)).body).toEqual({ marked: 0, unreadCount: 0 });
      expect((await count(tokens.viewer)).body.unreadCount).toBe(1);
    } finally {
      stop();
    }
    // Other tabs of the reviewer heard about each call that marked something, and only those.
    expect(announced).toEqual([[reviewer.id], [reviewer.id]]);
  });

  it("hides notifications of workspaces the caller left, from the list, the count and marking", async () => {
    const { tokens, ids, owner, reviewer, workspaceId } = await inboxes();
    const elsewhere = await createTestWorkspace(reviewer);
    const kept = await createTestNotification(reviewer, elsewhere.id, { summary: "elsewhere" });
    await removeMember({ actor: owner, workspaceId, userId: reviewer.id });

    const after = await list(tokens.reviewer);
    expect(after.body.notifications.map((n: { id: string }) => n.id)).toEqual([kept]);
    expect(after.body.unreadCount).toBe(1);
    expect((await count(tokens.reviewer)).body.unreadCount).toBe(1);
    expect((await markRead(tokens.reviewer, ids.c)).status).toBe(404);
  });
});
