import { and, asc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import * as versionRoute from "@/app/api/v1/assessments/[assessmentId]/versions/[number]/route";
import { getDatabase } from "@/db/client";
import { notifications } from "@/db/schema";
import { versionDto } from "@/lib/schemas/lifecycle";
import { requestExport } from "../exports/export-test-helpers";
import { historyApi } from "../history/history-test-helpers";
import { callRoute, createTestBearer } from "../testing/route-test-helpers";
import { assessmentForLifecycle, lifecycleApi } from "./lifecycle-test-helpers";

type Fixture = Awaited<ReturnType<typeof assessmentForLifecycle>>;

/** Asked for review, approved and marked approved (freezing two automatic versions), then published. */
async function reviewAndPublish(f: Fixture) {
  expect((await lifecycleApi.requestReview(f.assessmentId, f.analyst, [f.reviewer.id])).status).toBe(201);
  await f.approve(f.reviewer);
  expect((await lifecycleApi.changeStatus(f.assessmentId, f.reviewer, "approved")).status).toBe(200);
  const published = await lifecycleApi.publish(f.assessmentId, f.owner);
  expect(published.status).toBe(201);
  return published.body;
}

/** What the people told of each publication read, oldest first, each line once. */
async function publicationNotices(assessmentId: string): Promise<string[]> {
  const rows = await getDatabase()
    .select({ summary: notifications.summary })
    .from(notifications)
    .where(and(eq(notifications.assessmentId, assessmentId), eq(notifications.kind, "published")))
    .orderBy(asc(notifications.createdAt));
  return [...new Set(rows.map((row) => row.summary))];
}

describe("publication numbers", () => {
  it("calls publications Publication 1, 2… whatever versions were saved around them, wherever they are named", async () => {
    const f = await assessmentForLifecycle();
    // Sending for review and approving froze versions 1 and 2: the publication is version 3, but the first publication.
    expect(await reviewAndPublish(f)).toMatchObject({ number: 3, kind: "published", publicationNumber: 1 });
    expect(await publicationNotices(f.assessmentId)).toEqual([
      `${f.owner.name} published “Rail logistics” as publication 1.`,
    ]);

    // A new draft, a named version, another round: the next publication is version 8, publication 2.
    expect((await lifecycleApi.changeStatus(f.assessmentId, f.analyst, "draft")).status).toBe(200);
    await f.write(f.text({ statement: "Tikhoretsk is very likely to remain crucial.", likelihood: "very_likely" }));
    expect((await historyApi.name(f.assessmentId, f.analyst, { name: "Before review" })).status).toBe(201);
    expect(await reviewAndPublish(f)).toMatchObject({ number: 8, kind: "published", publicationNumber: 2 });
    expect(await publicationNotices(f.assessmentId)).toEqual([
      `${f.owner.name} published “Rail logistics” as publication 1.`,
      `${f.owner.name} published “Rail logistics” as publication 2.`,
    ]);
    expect(await f.auditActions("assessment.published")).toEqual([
      expect.objectContaining({ data: expect.objectContaining({ version: 3, publication: 1 }) }),
      expect.objectContaining({ data: expect.objectContaining({ version: 8, publication: 2 }) }),
    ]);

    // The lists (lifecycle card, History page) and one version (its page) carry the publication number.
    const listed = (await historyApi.list(f.assessmentId, f.viewer)).body as {
      number: number;
      publicationNumber: number | null;
    }[];
    expect(listed.map((version) => [version.number, version.publicationNumber])).toEqual([
      [8, 2],
      [7, null],
      [6, null],
      [5, null],
      [4, null],
      [3, 1],
      [2, null],
      [1, null],
    ]);
    const status = await lifecycleApi.status(f.assessmentId, f.viewer);
    expect(status.body.versions).toEqual(listed);
    const one = await callRoute(versionRoute.GET, {
      path: `/api/v1/assessments/${f.assessmentId}/versions/3`,
      params: { assessmentId: f.assessmentId, number: "3" },
      token: await createTestBearer(f.viewer),
    });
    expect(versionDto.parse(one.body)).toMatchObject({ number: 3, kind: "published", publicationNumber: 1 });

    // Exports name the publication, in their header line and file name; a snapshot keeps its version number.
    const second = await requestExport(f.viewer, f.assessmentId, "md", "8");
    expect(second.headers.get("content-disposition")).toBe('attachment; filename="rail-logistics-publication-2.md"');
    expect(await second.text()).toMatch(/\nPublication 2, published \d+ \w+ \d{4}, \d\d:\d\d UTC by /);
    const snapshot = await requestExport(f.viewer, f.assessmentId, "md", "7");
    expect(snapshot.headers.get("content-disposition")).toBe('attachment; filename="rail-logistics-v7.md"');
    expect(await snapshot.text()).toContain("\nVersion 7 (automatic version: Approved), frozen ");

    // Compared and restored, a publication is still called by its publication number.
    const compared = await historyApi.compare(f.assessmentId, f.viewer, "from=3&to=8");
    expect(compared.body).toMatchObject({ from: { number: 3, publicationNumber: 1 }, to: { publicationNumber: 2 } });
    expect((await lifecycleApi.changeStatus(f.assessmentId, f.analyst, "draft")).status).toBe(200);
    const restored = await historyApi.restore(f.assessmentId, f.analyst, "3");
    expect(restored.body).toMatchObject({ number: 10, name: "Restored from publication 1", publicationNumber: null });
  });
});
