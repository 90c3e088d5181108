import { describe, expect, it } from "vitest";
import type { ReviewChangesDto } from "@/lib/schemas/reviews";
import { retractObservation } from "../evidence/retract-observation";
import { updateObservation } from "../evidence/update-observation";
import { updateSource } from "../evidence/update-source";
import { reviewJudgement } from "./review-judgement";
import { assessmentUnderReview, KEY_STATEMENT } from "./review-test-helpers";

type Fixture = Awaited<ReturnType<typeof assessmentUnderReview>>;

/** An assessment whose key judgement the reviewer has approved, and which shows as approved. */
async function approvedAssessment(): Promise<Fixture> {
  const fixture = await assessmentUnderReview();
  await reviewJudgement({
    actor: fixture.reviewer,
    assessmentId: fixture.assessmentId,
    judgementId: "jdg_key",
    verdict: "approved",
  });
  const state = await fixture.stateOf();
  expect(state).toMatchObject({ status: "approved", currentApprovals: 1, requiredApprovals: 1 });
  expect(state.reviews).toMatchObject([
    { verdict: "approved", reviewer: { id: fixture.reviewer.id }, isCurrent: true, changes: null },
  ]);
  return fixture;
}

/** Each change a reviewer must see, and what the approval's "changed since" reports for it. */
const CHANGES: [string, (f: Fixture) => Promise<unknown>, (f: Fixture) => Partial<ReviewChangesDto>][] = [
  [
    "the statement is edited",
    (f) => f.write(f.text({ statement: `${KEY_STATEMENT} Rail traffic may shift.` }), [f.analyst]),
    () => ({ statement: { before: KEY_STATEMENT, after: `${KEY_STATEMENT} Rail traffic may shift.` } }),
  ],
  [
    "the likelihood is raised",
    (f) => f.write(f.text({ likelihood: "very_likely" }), [f.analyst]),
    () => ({ likelihood: { before: "likely", after: "very_likely" }, statement: null }),
  ],
  [
    "the confidence is lowered",
    (f) => f.write(f.text({ confidence: "low" }), [f.analyst]),
    () => ({ confidence: { before: "moderate", after: "low" } }),
  ],
  [
    "a citation is added",
    (f) => f.write(f.text({ citations: [f.february.id, f.april.id] }), [f.analyst]),
    (f) => ({
      citationsAdded: [expect.objectContaining({ id: f.april.id, externalId: "OBS-27" })],
      citationsRemoved: [],
    }),
  ],
  [
    "the citation is removed",
    (f) => f.write(f.text({ citations: [] }), [f.analyst]),
    (f) => ({ citationsRemoved: [expect.objectContaining({ id: f.february.id })], citationsAdded: [] }),
  ],
  [
    "the cited observation is revised",
    (f) =>
      updateObservation({
        actor: f.analyst,
        workspaceId: f.workspaceId,
        observationId: f.february.id,
        input: { summary: "About 65 rail cars at the Tikhoretsk depot", revision: 1 },
      }),
    (f) => ({
      observations: [
        {
          id: f.february.id,
          before: expect.objectContaining({ revision: 1 }),
          after: expect.objectContaining({ revision: 2, credibility: 2 }),
        },
      ],
    }),
  ],
  [
    "the cited observation is re-graded",
    (f) =>
      updateObservation({
        actor: f.analyst,
        workspaceId: f.workspaceId,
        observationId: f.february.id,
        input: { credibility: 4, revision: 1 },
      }),
    (f) => ({
      observations: [
        {
          id: f.february.id,
          before: expect.objectContaining({ credibility: 2 }),
          after: expect.objectContaining({ credibility: 4 }),
        },
      ],
    }),
  ],
  [
    "the cited observation's source is re-graded",
    (f) =>
      updateSource({
        actor: f.analyst,
        workspaceId: f.workspaceId,
        sourceId: f.source.id,
        input: { reliability: "D", revision: 1 },
      }),
    (f) => ({
      observations: [
        {
          id: f.february.id,
          // The observation itself is untouched: only its source's grade moved.
          before: expect.objectContaining({ revision: 1, reliability: ["B"] }),
          after: expect.objectContaining({ revision: 1, reliability: ["D"] }),
        },
      ],
    }),
  ],
  [
    "the cited observation is retracted",
    (f) =>
      retractObservation({
        actor: f.analyst,
        workspaceId: f.workspaceId,
        observationId: f.february.id,
        reason: "Misdated imagery",
      }),
    (f) => ({
      observations: [
        {
          id: f.february.id,
          before: expect.objectContaining({ retracted: false }),
          after: expect.objectContaining({ retracted: true }),
        },
      ],
    }),
  ],
];

describe("approval staleness", () => {
  it.each(CHANGES)("goes stale when %s, and says what changed", async (_, change, expected) => {
    const fixture = await approvedAssessment();
    await change(fixture);
    const state = await fixture.stateOf();
    expect(state).toMatchObject({ status: "stale", currentApprovals: 0 });
    expect(state.reviews).toHaveLength(1);
    expect(state.reviews[0]).toMatchObject({ verdict: "approved", isCurrent: false, isLatest: true });
    expect(state.reviews[0]?.changes).toMatchObject(expected(fixture));
  });

  it("stays current through edits elsewhere: another judgement, a paragraph, a move, reordered citations", async () => {
    const fixture = await approvedAssessment();
    const { write, text, analyst, owner, february, april } = fixture;
    await write(text({}, { other: "The depot will expand.", intro: "A new scope." }), [analyst]);
    await write([{ type: "paragraph", content: [{ type: "text", text: "Moved down." }] }, ...text()], [owner]);
    // An uncited observation changing is not what was approved either.
    await updateObservation({
      actor: analyst,
      workspaceId: fixture.workspaceId,
      observationId: april.id,
      input: { credibility: 5, revision: 1 },
    });
    expect(await fixture.stateOf()).toMatchObject({ status: "approved", currentApprovals: 1 });
    // Citing the same observations in another order is the same judgement.
    await write(text({ citations: [february.id, april.id] }), [analyst]);
    await reviewJudgement({
      actor: fixture.reviewer,
      assessmentId: fixture.assessmentId,
      judgementId: "jdg_key",
      verdict: "approved",
    });
    await write(text({ citations: [april.id, february.id] }), [analyst]);
    const state = await fixture.stateOf();
    expect(state).toMatchObject({ status: "approved", currentApprovals: 1 });
    expect(state.reviews.map((review) => [review.isLatest, review.isCurrent])).toEqual([
      [true, true],
      [false, false],
    ]);
  });

  it("becomes current again when the judgement is put back exactly as approved", async () => {
    const fixture = await approvedAssessment();
    await fixture.write(fixture.text({ likelihood: "very_likely" }), [fixture.analyst]);
    expect((await fixture.stateOf()).status).toBe("stale");
    await fixture.write(fixture.text(), [fixture.analyst]);
    expect(await fixture.stateOf()).toMatchObject({ status: "approved", currentApprovals: 1 });
  });
});
