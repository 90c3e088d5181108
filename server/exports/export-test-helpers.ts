import type { JSONContent } from "@tiptap/core";
import { expect } from "vitest";
import * as exportRoute from "@/app/api/v1/assessments/[assessmentId]/versions/[number]/export/route";
import type { Actor } from "../auth/actor";
import { judgementBlock } from "../judgements/judgement-test-helpers";
import { assessmentForLifecycle, KEY_STATEMENT, lifecycleApi } from "../lifecycle/lifecycle-test-helpers";
import { createTestObservation, createTestSource } from "../testing/evidence-factories";
import { createTestBearer } from "../testing/route-test-helpers";

export const OTHER_STATEMENT = "Rail traffic through the depot will stay at its current level through 2024.";
export const SECOND_KEY_STATEMENT = "Russia will almost certainly keep rail cars staged at Tikhoretsk.";

const FILLER =
  "The depot sits on the main line between the Black Sea ports and the front, and its sidings have been lengthened " +
  "twice since 2022; the paragraph is long so that the exported text needs more than one page to hold it. ";

/**
 * An assessment published (as version `number`) whose text is long enough for several pages: a non-key
 * judgement before two key judgements (so key-first order differs from document order), citing
 * observations whose sources are graded A (Maxar, with URL and dates), B (CSIS) and D (TASS).
 * The first key judgement rests on CSIS alone; the second on an observation Maxar and TASS both report.
 */
export async function publishedVersionForExport() {
  const f = await assessmentForLifecycle();
  const maxar = await createTestSource(f.analyst, f.workspaceId, {
    externalId: "S01",
    publisher: "Maxar Technologies",
    title: "Tikhoretsk depot imagery, 12 February 2024",
    type: "imagery",
    reliability: "A",
    url: "https://example.org/maxar/tikhoretsk",
    publishedOn: "2024-02-12",
    retrievedOn: "2024-03-01",
  });
  // Untitled and undated, with the library's notes on both: the endnote must keep them.
  const tass = await createTestSource(f.analyst, f.workspaceId, {
    externalId: "S07",
    publisher: "TASS",
    type: "media",
    reliability: "D",
    titleNote: "relayed via RIA Novosti",
    dateNote: "spring 2024; exact date not found.",
  });
  const staged = await createTestObservation(f.analyst, f.workspaceId, {
    externalId: "OBS-40",
    summary: "Rail cars staged on the depot's northern sidings.",
    sourceIds: [maxar.id, tass.id],
  });
  const traffic = await createTestObservation(f.analyst, f.workspaceId, {
    externalId: "OBS-41",
    summary: "Daily trains through Tikhoretsk unchanged",
    credibility: 4,
    sourceIds: [tass.id],
  });
  const paragraph = (text: string): JSONContent => ({ type: "paragraph", content: [{ type: "text", text }] });
  await f.write([
    paragraph("Scope of this assessment."),
    judgementBlock(OTHER_STATEMENT, {
      id: "jdg_other",
      likelihood: "roughly_even_chance",
      confidence: "low",
      citations: [traffic.id],
    }),
    judgementBlock(KEY_STATEMENT, {
      id: "jdg_key",
      likelihood: "likely",
      confidence: "moderate",
      isKey: true,
      citations: [f.february.id],
    }),
    ...Array.from({ length: 40 }, (_, index) => paragraph(`${index + 1}. ${FILLER.repeat(2)}`)),
    judgementBlock(SECOND_KEY_STATEMENT, {
      id: "jdg_key2",
      likelihood: "almost_certain",
      confidence: "high",
      isKey: true,
      citations: [staged.id],
    }),
  ]);
  expect((await lifecycleApi.requestReview(f.assessmentId, f.analyst, [f.reviewer.id])).status).toBe(201);
  for (const judgementId of ["jdg_other", "jdg_key", "jdg_key2"]) await f.approve(f.reviewer, judgementId);
  expect((await lifecycleApi.changeStatus(f.assessmentId, f.reviewer, "approved")).status).toBe(200);
  const published = await lifecycleApi.publish(f.assessmentId, f.owner);
  expect(published.status).toBe(201);
  // Status changes freeze automatic versions too, so the publication is not necessarily version 1.
  const number = String(published.body.number);
  return { ...f, maxar, tass, staged, traffic, number };
}

/** `GET …/versions/{number}/export?format=` as `actor` (Bearer), the raw response. */
export async function requestExport(actor: Actor, assessmentId: string, format: string, number: string) {
  const token = await createTestBearer(actor);
  const query = format === "" ? "" : `?format=${encodeURIComponent(format)}`;
  return exportRoute.GET(
    new Request(`http://localhost/api/v1/assessments/${assessmentId}/versions/${number}/export${query}`, {
      headers: { authorization: `Bearer ${token}` },
    }),
    { params: Promise.resolve({ assessmentId, number }) },
  );
}
