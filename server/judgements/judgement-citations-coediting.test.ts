import { afterEach, describe, expect, it } from "vitest";
import type * as Y from "yjs";
import { documentToContent } from "@/lib/editor/document-content";
import { EDITOR_FIELD } from "@/lib/editor/editor-extensions";
import { addJudgementCitation, removeJudgementCitation } from "@/lib/editor/judgement-citations";
import type { JudgementAttributes } from "@/lib/editor/judgement-node";
import { CollabTestClient } from "../collab/testing/collab-test-client";
import { roundTrip, storedDocument } from "../collab/testing/collab-test-helpers";
import {
  type CollabTestServer,
  createTestDocument,
  createTestToken,
  startCollabTestServer,
} from "../collab/testing/start-collab-test-server";
import { createTestTeam } from "../testing/factories";
import { editJudgement, insertTestObservation, judgementElement, judgementRows } from "./judgement-test-helpers";

const servers: CollabTestServer[] = [];
const clients: CollabTestClient[] = [];

afterEach(async () => {
  for (const client of clients.splice(0)) client.close();
  for (const server of servers.splice(0)) await server.close();
});

const JUDGEMENT_ID = "jdg_tikhoretsk";
const STATEMENT = "Tikhoretsk will remain crucial.";

/**
 * An owner and an analyst with the same assessment open, holding one judgement, and four
 * observations; `attrs` of the judgement may name a fifth, `legacy`.
 */
async function twoEditors(attrs: (legacy: string) => Partial<JudgementAttributes> = () => ({})) {
  const team = await createTestTeam();
  const documentId = await createTestDocument(team.workspace.id);
  const observations: string[] = [];
  for (const summary of ["About 60 rail cars", "About 50 rail cars", "Storage half used", "New berm"]) {
    observations.push(await insertTestObservation(team.workspace.id, summary));
  }
  const legacy = await insertTestObservation(team.workspace.id, "Cited before chips were nodes");
  const server = await startCollabTestServer({ collab: { contentDelayMs: 60_000 } });
  servers.push(server);
  const owner = await CollabTestClient.connect(server.url, { token: await createTestToken(team.owner) });
  const analyst = await CollabTestClient.connect(server.url, { token: await createTestToken(team.analyst) });
  clients.push(owner, analyst);
  const ownerEntry = await owner.join(documentId);
  const analystEntry = await analyst.join(documentId);
  const fragment = ownerEntry.doc.getXmlFragment(EDITOR_FIELD);
  fragment.insert(0, [judgementElement(STATEMENT, { id: JUDGEMENT_ID, ...attrs(legacy) })]);
  await owner.settled(documentId);
  await roundTrip(analyst, documentId);
  /** Both clients' edits acknowledged and received by the other, and the projection saved. */
  const settle = async () => {
    await owner.settled(documentId);
    await analyst.settled(documentId);
    await roundTrip(owner, documentId);
    await roundTrip(analyst, documentId);
    await server.sockets.collab.flush();
  };
  return { documentId, observations, legacy, owner, analyst, ownerEntry, analystEntry, settle };
}

const cite = (doc: Y.Doc, observationId: string) =>
  editJudgement(doc, JUDGEMENT_ID, (tr, pos) => addJudgementCitation(tr, pos, observationId));
const uncite = (doc: Y.Doc, observationId: string) =>
  editJudgement(doc, JUDGEMENT_ID, (tr, pos) => removeJudgementCitation(tr, pos, observationId));
/** The judgement's citations, sorted; checks on the way that its statement is whole and once. */
const citationsOf = (doc: Y.Doc) => {
  const [judgement, ...others] = documentToContent(doc).judgements;
  expect(others).toEqual([]);
  expect(judgement?.statement).toBe(STATEMENT);
  return [...(judgement?.citations ?? [])].sort();
};
const sorted = (ids: (string | undefined)[]) => ids.map(String).sort();

describe("citations co-edited on one judgement", () => {
  it("keeps both when two people cite at the same moment, and applies a removal beside an addition", async () => {
    const { documentId, observations, ownerEntry, analystEntry, settle } = await twoEditors();
    const [first, second, third, fourth] = observations;

    // Same instant: neither has seen the other's citation (the judgement had no chips yet).
    cite(ownerEntry.doc, String(first));
    cite(analystEntry.doc, String(second));
    await settle();
    for (const doc of [ownerEntry.doc, analystEntry.doc, await storedDocument(documentId)]) {
      expect(citationsOf(doc)).toEqual(sorted([first, second]));
    }
    expect(sorted((await judgementRows(documentId))[0]?.citedObservationIds ?? [])).toEqual(sorted([first, second]));

    // One removes a citation while the other adds one; both apply.
    uncite(ownerEntry.doc, String(first));
    cite(analystEntry.doc, String(third));
    await settle();
    expect(citationsOf(ownerEntry.doc)).toEqual(sorted([second, third]));
    expect(citationsOf(analystEntry.doc)).toEqual(sorted([second, third]));

    // Both cite the same observation at once: it is cited once, and one removal removes it.
    cite(ownerEntry.doc, String(fourth));
    cite(analystEntry.doc, String(fourth));
    await settle();
    expect((await judgementRows(documentId))[0]?.citedObservationIds).toHaveLength(3);
    uncite(ownerEntry.doc, String(fourth));
    await settle();
    expect(citationsOf(analystEntry.doc)).toEqual(sorted([second, third]));
    expect(sorted((await judgementRows(documentId))[0]?.citedObservationIds ?? [])).toEqual(sorted([second, third]));
  });

  it("merges a citation made offline with one made meanwhile, on a judgement stored with the old citations list", async () => {
    const { documentId, observations, legacy, owner, ownerEntry, analystEntry, settle } = await twoEditors(
      (legacy) => ({ citations: [legacy] }),
    );
    const [first, second, third] = observations;
    expect(citationsOf(ownerEntry.doc)).toEqual([legacy]);

    // The owner goes offline and cites; the analyst, online, cites something else.
    ownerEntry.online = false;
    cite(ownerEntry.doc, String(first));
    cite(analystEntry.doc, String(second));
    await settle();
    await owner.join(documentId);
    await settle();
    const expected = sorted([legacy, first, second]);
    for (const doc of [ownerEntry.doc, analystEntry.doc, await storedDocument(documentId)]) {
      expect(citationsOf(doc)).toEqual(expected);
    }
    expect(sorted((await judgementRows(documentId))[0]?.citedObservationIds ?? [])).toEqual(expected);

    // Offline again: the owner removes one citation while the analyst adds another.
    ownerEntry.online = false;
    uncite(ownerEntry.doc, String(first));
    cite(analystEntry.doc, String(third));
    await settle();
    await owner.join(documentId);
    await settle();
    for (const doc of [ownerEntry.doc, analystEntry.doc, await storedDocument(documentId)]) {
      expect(citationsOf(doc)).toEqual(sorted([legacy, second, third]));
    }
  });
});
