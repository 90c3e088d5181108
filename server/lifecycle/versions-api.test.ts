import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import * as versionRoute from "@/app/api/v1/assessments/[assessmentId]/versions/[number]/route";
import * as versionsRoute from "@/app/api/v1/assessments/[assessmentId]/versions/route";
import { getDatabase } from "@/db/client";
import { assessments, assessmentVersions } from "@/db/schema";
import { versionDto, versionSummaryDto } from "@/lib/schemas/lifecycle";
import { createTestUser, createTestWorkspace } from "../testing/factories";
import { callRoute, createTestBearer } from "../testing/route-test-helpers";
import { assessmentForLifecycle, KEY_STATEMENT, lifecycleApi } from "./lifecycle-test-helpers";

/** An assessment published once by the owner (version 3, publication 1: sending for review and approving froze versions 1 and 2). */
async function publishedAssessment() {
  const f = await assessmentForLifecycle();
  await lifecycleApi.requestReview(f.assessmentId, f.analyst, [f.reviewer.id]);
  await f.approve(f.reviewer);
  await lifecycleApi.changeStatus(f.assessmentId, f.reviewer, "approved");
  expect((await lifecycleApi.publish(f.assessmentId, f.owner)).status).toBe(201);
  const [version] = await getDatabase()
    .select()
    .from(assessmentVersions)
    .where(and(eq(assessmentVersions.assessmentId, f.assessmentId), eq(assessmentVersions.kind, "published")));
  if (!version) throw new Error("not published");
  return { ...f, version };
}

/** The database's reason for refusing a statement (drizzle wraps the driver's error as `cause`). */
async function refusal(statement: PromiseLike<unknown>): Promise<string> {
  try {
    await statement;
  } catch (error) {
    return `${String(error)} ${String((error as { cause?: unknown }).cause)}`;
  }
  return "not refused";
}

const versionPath = (assessmentId: string, number: string, query = "") =>
  `/api/v1/assessments/${assessmentId}/versions/${number}${query}`;

describe("GET versions", () => {
  it("lists versions and serves one as JSON, or as a standalone HTML page, to any member", async () => {
    const f = await publishedAssessment();
    const token = await createTestBearer(f.viewer);
    const listed = await callRoute(versionsRoute.GET, {
      path: `/api/v1/assessments/${f.assessmentId}/versions`,
      params: { assessmentId: f.assessmentId },
      token,
    });
    expect(listed.status).toBe(200);
    expect(listed.body.map((summary: unknown) => versionSummaryDto.parse(summary))).toEqual([
      {
        id: f.version.id,
        number: 3,
        kind: "published",
        publicationNumber: 1,
        name: "Rail logistics",
        title: "Rail logistics",
        createdAt: f.version.createdAt.toISOString(),
        createdBy: { id: f.owner.id, name: f.owner.name },
      },
      expect.objectContaining({ number: 2, kind: "automatic", name: "Approved" }),
      expect.objectContaining({ number: 1, kind: "automatic", name: "Sent for review" }),
    ]);
    const one = await callRoute(versionRoute.GET, {
      path: versionPath(f.assessmentId, "3"),
      params: { assessmentId: f.assessmentId, number: "3" },
      token,
    });
    expect(one.status).toBe(200);
    expect(versionDto.parse(one.body)).toMatchObject({ number: 3, html: f.version.html, content: f.version.content });

    // Bearer authentication needs no request scope, so the raw response (not JSON) can be read.
    const response = await versionRoute.GET(
      new Request(`http://localhost${versionPath(f.assessmentId, "3", "?format=html")}`, {
        headers: { authorization: `Bearer ${token}` },
      }),
      { params: Promise.resolve({ assessmentId: f.assessmentId, number: "3" }) },
    );
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(response.headers.get("content-security-policy")).toContain("default-src 'none'");
    const page = await response.text();
    expect(page.match(/TLP:AMBER<\/span>/g)).toHaveLength(2);
    expect(page).toContain("<h1>Rail logistics</h1>");
    expect(page).toContain(KEY_STATEMENT);
    expect(page).toContain("<title>Rail logistics (Publication 1)</title>");
    expect(page).toMatch(/Publication 1, published \d+ \w+ \d{4}, \d\d:\d\d UTC by /);
    expect(page).toContain(` UTC by ${f.owner.name}.`);
    expect(page).not.toContain("NOT PUBLISHED");
  });

  it("answers 404 for unknown or malformed numbers and to non-members, 400 for an unknown format", async () => {
    const f = await publishedAssessment();
    const token = await createTestBearer(f.viewer);
    for (const number of ["4", "0", "01", "1.0", "abc"]) {
      const missing = await callRoute(versionRoute.GET, {
        path: versionPath(f.assessmentId, number),
        params: { assessmentId: f.assessmentId, number },
        token,
      });
      expect(missing, number).toMatchObject({ status: 404, body: { error: { code: "not_found:version" } } });
    }
    const outsider = await createTestUser();
    await createTestWorkspace(outsider);
    const hidden = await callRoute(versionRoute.GET, {
      path: versionPath(f.assessmentId, "1"),
      params: { assessmentId: f.assessmentId, number: "1" },
      token: await createTestBearer(outsider),
    });
    expect(hidden).toMatchObject({ status: 404, body: { error: { code: "not_found:assessment" } } });
    const format = await callRoute(versionRoute.GET, {
      path: versionPath(f.assessmentId, "1", "?format=pdf"),
      params: { assessmentId: f.assessmentId, number: "1" },
      token,
    });
    expect(format.body.error.fields).toEqual({ format: ["Use format=json or format=html."] });
  });
});

describe("published versions are immutable", () => {
  it("answers 405 to PUT, PATCH and DELETE on versions and POST on one, even for the owner, and nothing changes", async () => {
    const f = await publishedAssessment();
    const token = await createTestBearer(f.owner);
    const refusers: Record<string, [typeof versionRoute.PUT, typeof versionsRoute.PUT | null]> = {
      POST: [versionRoute.POST, null],
      PUT: [versionRoute.PUT, versionsRoute.PUT],
      PATCH: [versionRoute.PATCH, versionsRoute.PATCH],
      DELETE: [versionRoute.DELETE, versionsRoute.DELETE],
    };
    for (const [method, [one, list]] of Object.entries(refusers)) {
      for (const [handler, path] of [
        [one, versionPath(f.assessmentId, "3")],
        ...(list ? [[list, `/api/v1/assessments/${f.assessmentId}/versions`] as const] : []),
      ] as const) {
        const response = await handler(
          new Request(`http://localhost${path}`, {
            method,
            headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
            body: method === "DELETE" ? undefined : JSON.stringify({ html: "<p>rewritten</p>" }),
          }),
        );
        expect(response.status, `${method} ${path}`).toBe(405);
        expect(response.headers.get("allow")).toBe("GET");
        expect(await response.json()).toMatchObject({ error: { code: "method_not_allowed:version" } });
      }
    }
    const [after] = await getDatabase()
      .select()
      .from(assessmentVersions)
      .where(eq(assessmentVersions.id, f.version.id));
    expect(after).toEqual(f.version);
  });

  it("is refused by the database for a direct UPDATE or DELETE, while deleting the assessment still cascades", async () => {
    const f = await publishedAssessment();
    const db = getDatabase();
    for (const statement of [
      db.update(assessmentVersions).set({ html: "<p>rewritten</p>" }).where(eq(assessmentVersions.id, f.version.id)),
      db.execute(sql`update assessment_versions set created_by = null where id = ${f.version.id}`),
      db.delete(assessmentVersions).where(eq(assessmentVersions.id, f.version.id)),
    ]) {
      expect(await refusal(statement)).toMatch(/assessment_versions are immutable/);
    }
    const [kept] = await db.select().from(assessmentVersions).where(eq(assessmentVersions.id, f.version.id));
    expect(kept).toEqual(f.version);
    await db.delete(assessments).where(eq(assessments.id, f.assessmentId));
    expect(await db.select().from(assessmentVersions).where(eq(assessmentVersions.id, f.version.id))).toEqual([]);
  });
});
