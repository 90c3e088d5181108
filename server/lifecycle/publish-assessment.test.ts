import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { getDatabase } from "@/db/client";
import { type AssessmentVersion, assessmentVersions, auditEvents, documentUpdates } from "@/db/schema";
import { documentToContent } from "@/lib/editor/document-content";
import { EDITOR_FIELD } from "@/lib/editor/editor-extensions";
import { versionContentDto } from "@/lib/schemas/lifecycle";
import { getAssessment } from "../assessments/get-assessment";
import { updateAssessment } from "../assessments/update-assessment";
import { authorizeDocument, isDocumentLocked } from "../collab/authorize-document";
import { reviewJudgement } from "../reviews/review-judgement";
import { createTestUser } from "../testing/factories";
import { assessmentForLifecycle, KEY_STATEMENT, lifecycleApi } from "./lifecycle-test-helpers";

type Fixture = Awaited<ReturnType<typeof assessmentForLifecycle>>;

/** Review requested from the reviewer, the key judgement approved by `approver`, marked approved. */
async function approve(f: Fixture, approver = f.reviewer): Promise<void> {
  expect((await lifecycleApi.requestReview(f.assessmentId, f.analyst, [f.reviewer.id])).status).toBe(201);
  await f.approve(approver);
  expect((await lifecycleApi.changeStatus(f.assessmentId, f.reviewer, "approved")).status).toBe(200);
}

/** The assessment's published versions (status changes also freeze automatic ones), oldest first. */
async function versionsOf(assessmentId: string): Promise<AssessmentVersion[]> {
  return getDatabase()
    .select()
    .from(assessmentVersions)
    .where(and(eq(assessmentVersions.assessmentId, assessmentId), eq(assessmentVersions.kind, "published")))
    .orderBy(assessmentVersions.number);
}

/** The text a stored Y.Doc state holds, as ProseMirror JSON. */
function textOf(state: Uint8Array) {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  return documentToContent(doc, EDITOR_FIELD).json;
}

describe("publishing", () => {
  it("freezes the Y.Doc, HTML and JSON of the text, locks it, notifies and audits", async () => {
    const f = await assessmentForLifecycle();
    // Reviewed a judgement without being asked: also told about the publication.
    const colleague = await createTestUser({ name: "Cy Colleague", workspace: f.workspace, role: "reviewer" });
    await approve(f, colleague);
    const published = await lifecycleApi.publish(f.assessmentId, f.owner);
    expect(published).toMatchObject({
      status: 201,
      // Sending for review and approving froze versions 1 and 2; it is the first publication.
      body: {
        number: 3,
        kind: "published",
        publicationNumber: 1,
        title: "Rail logistics",
        createdBy: { id: f.owner.id },
      },
    });

    const [version] = await versionsOf(f.assessmentId);
    if (!version) throw new Error("no version");
    expect(textOf(version.ydocState)).toEqual(documentToContent(f.doc).json);
    const content = versionContentDto.parse(version.content);
    expect(content).toMatchObject({
      assessment: {
        id: f.assessmentId,
        title: "Rail logistics",
        keyQuestion: "Will Tikhoretsk keep handling munitions?",
        tlp: "AMBER",
      },
      number: 3,
      publishedBy: { id: f.owner.id, name: f.owner.name },
      authors: [{ id: f.analyst.id }],
      judgements: [
        {
          id: "jdg_key",
          position: 0,
          statement: KEY_STATEMENT,
          isKey: true,
          likelihood: { band: "likely", term: "likely", range: "55–80%" },
          confidence: { level: "moderate", label: "Moderate confidence" },
          citations: [
            {
              number: 1,
              observationId: f.february.id,
              externalId: "OBS-26",
              summary: "About 60 rail cars at the Tikhoretsk depot",
              observed: { precision: "month", start: "2024-02-01", end: "2024-02-29" },
              credibility: 2,
              retracted: false,
              sources: [
                {
                  id: f.source.id,
                  publisher: "CSIS Beyond Parallel",
                  title: "Tikhoretsk rail depot imagery",
                  reliability: "B",
                },
              ],
            },
          ],
          unresolvedCitations: [],
          approvals: [{ reviewer: { id: colleague.id, name: "Cy Colleague" } }],
        },
      ],
    });
    expect(content.publishedAt).toBe(version.createdAt.toISOString());
    expect(content.references.map((reference) => reference.observationId)).toEqual([f.february.id]);
    expect(version.html).toContain(`<p class="pl-judgement__statement">${KEY_STATEMENT}</p>`);
    expect(version.html).toContain("Likelihood: likely (55–80%)");
    expect(version.html).toContain("Confidence: moderate<");
    expect(version.html).toContain('<a href="#ref-1">[1]</a>');
    // The page's endnote is worded as the exports' (lib/exports/export-endnotes.ts).
    expect(version.html).toContain(
      '<li id="ref-1" class="pl-reference"><span class="pl-reference__label">OBS-26</span> About 60 rail cars at the Tikhoretsk depot (observed Feb 2024). ' +
        "Information credibility 2 (probably true). " +
        "Source: CSIS Beyond Parallel, “Tikhoretsk rail depot imagery”, n.d.; reliability B (usually reliable), grade B2; retrieval date not recorded.</li>",
    );

    expect(await f.statusOf()).toBe("published");
    expect(await isDocumentLocked(f.assessmentId)).toBe(true);
    expect(await authorizeDocument({ actor: f.analyst, documentId: f.assessmentId })).toMatchObject({
      locked: true,
      readOnly: true,
    });
    expect(await f.notified()).toEqual(
      [
        `${f.reviewer.id}:review_requested`,
        `${f.analyst.id}:published`,
        `${f.reviewer.id}:published`,
        `${colleague.id}:published`,
      ].sort(),
    );
    expect(await f.auditActions("assessment.published")).toEqual([
      {
        action: "assessment.published",
        actorUserId: f.owner.id,
        data: { version: 3, publication: 1, versionId: version.id, title: "Rail logistics", judgements: 1 },
      },
    ]);
  });

  it("starts a new draft on top: the text unlocks, v1 stays exactly as published, the next publication is v2", async () => {
    const f = await assessmentForLifecycle();
    await approve(f);
    await lifecycleApi.publish(f.assessmentId, f.owner);
    const [v1] = await versionsOf(f.assessmentId);
    expect((await lifecycleApi.changeStatus(f.assessmentId, f.analyst, "draft")).status).toBe(200);
    expect(await isDocumentLocked(f.assessmentId)).toBe(false);

    const revised = "Tikhoretsk is very likely to remain the main transfer point for munitions.";
    await f.write(f.text({ statement: revised, likelihood: "very_likely" }));
    await approve(f);
    // 4: new draft, 5: sent for review, 6: approved.
    expect((await lifecycleApi.publish(f.assessmentId, f.owner)).body.number).toBe(7);

    const [v1After, v2] = await versionsOf(f.assessmentId);
    expect(v1After).toEqual(v1);
    expect(v1After?.html).toContain(KEY_STATEMENT);
    expect(v2?.html).toContain(revised);
    expect(v2?.html).not.toContain(KEY_STATEMENT);
    expect(versionContentDto.parse(v2?.content).judgements[0]?.likelihood?.band).toBe("very_likely");
    const listed = await lifecycleApi.status(f.assessmentId, f.viewer);
    const published = listed.body.versions.filter((version: { kind: string }) => version.kind === "published");
    expect(published.map((version: { number: number }) => version.number)).toEqual([7, 3]);
  });

  it("refuses title, key question, marking and verdict changes on a published assessment until a new draft", async () => {
    const f = await assessmentForLifecycle();
    await approve(f);
    await lifecycleApi.publish(f.assessmentId, f.owner);
    const rename = () => updateAssessment({ actor: f.analyst, assessmentId: f.assessmentId, title: "Renamed" });
    await expect(rename()).rejects.toMatchObject({ code: "conflict:assessment_published" });
    await expect(
      reviewJudgement({ actor: f.reviewer, assessmentId: f.assessmentId, judgementId: "jdg_key", verdict: "approved" }),
    ).rejects.toMatchObject({ code: "conflict:assessment_published" });
    expect(await getAssessment({ actor: f.analyst, assessmentId: f.assessmentId })).toMatchObject({
      title: "Rail logistics",
      canEdit: false,
    });

    expect((await lifecycleApi.changeStatus(f.assessmentId, f.analyst, "draft")).status).toBe(200);
    expect(await rename()).toMatchObject({ title: "Renamed", canEdit: true });
  });

  it("freezes the durable log, and checks the gate on it, even before the derived copy catches up", async () => {
    const f = await assessmentForLifecycle();
    await approve(f);
    // Edits another process accepted a moment ago: in the log, not yet in document_content or judgements.
    const appendToLog = async (blocks: Parameters<typeof f.text>[0], intro: string) => {
      const before = Y.encodeStateVector(f.doc);
      const fragment = f.doc.getXmlFragment(EDITOR_FIELD);
      const paragraph = fragment.get(0) as Y.XmlElement;
      const text = paragraph.get(0) as Y.XmlText;
      f.doc.transact(() => {
        text.delete(0, text.length);
        text.insert(0, intro);
        if (blocks?.statement) {
          const statement = (fragment.get(1) as Y.XmlElement).get(0) as Y.XmlText;
          statement.delete(0, statement.length);
          statement.insert(0, blocks.statement);
        }
      });
      await getDatabase()
        .insert(documentUpdates)
        .values({ documentId: f.assessmentId, update: Y.encodeStateAsUpdate(f.doc, before), userId: f.analyst.id });
    };
    await appendToLog({ statement: "Tikhoretsk will stay crucial." }, "Scope, revised.");
    const stale = await lifecycleApi.publish(f.assessmentId, f.owner);
    expect(stale.body.error.current.unmet.map((condition: { code: string }) => condition.code)).toEqual([
      "judgement_approval_stale",
    ]);
    await appendToLog({ statement: KEY_STATEMENT }, "Scope of this assessment, as published.");
    expect((await lifecycleApi.publish(f.assessmentId, f.owner)).status).toBe(201);
    const [version] = await versionsOf(f.assessmentId);
    expect(version?.html).toContain("<p>Scope of this assessment, as published.</p>");
  });

  it("escapes user text and drops unsafe links in the frozen HTML", async () => {
    const f = await assessmentForLifecycle();
    await f.write([
      {
        type: "paragraph",
        content: [
          { type: "text", text: "<script>alert(1)</script> & " },
          { type: "text", text: "a link", marks: [{ type: "link", attrs: { href: "javascript:alert(2)" } }] },
        ],
      },
      ...f.text({ statement: 'Rail cars "<img src=x onerror=alert(3)>" remain likely.' }).slice(1),
    ]);
    await approve(f);
    await lifecycleApi.publish(f.assessmentId, f.owner);
    const [version] = await versionsOf(f.assessmentId);
    const html = version?.html ?? "";
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt; &amp; ");
    expect(html).toContain('Rail cars "&lt;img src=x onerror=alert(3)&gt;" remain likely.');
    expect(html).not.toMatch(/<script|<img|javascript:/i);
    // The link stays a link, without its target.
    expect(html).toMatch(/<a [^>]*href=""[^>]*>a link<\/a>/);
    const audited = await getDatabase().select().from(auditEvents).where(eq(auditEvents.targetId, f.assessmentId));
    expect(audited.some((event) => event.action === "assessment.published")).toBe(true);
  });
});
