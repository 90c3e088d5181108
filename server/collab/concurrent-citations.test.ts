import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { DOCUMENT_DOC_OPTIONS } from "@/lib/collab/citation-values";
import { mergeThreeWay, repairConcurrentCitations } from "./concurrent-citations";

/** A server-side copy: it mends concurrent citation lists after every transaction, as LiveDocument does. */
function serverDoc(): Y.Doc {
  const doc = new Y.Doc(DOCUMENT_DOC_OPTIONS);
  doc.on("afterTransaction", (transaction: Y.Transaction) => repairConcurrentCitations(transaction));
  return doc;
}

/** A browser's copy (as lib/collab/collab-document.ts makes it), with the clientID fixed to decide who wins. */
function clientDoc(clientID: number): Y.Doc {
  const doc = new Y.Doc(DOCUMENT_DOC_OPTIONS);
  doc.clientID = clientID;
  return doc;
}

function judgement(doc: Y.Doc, index = 0): Y.XmlElement {
  return doc.getXmlFragment("default").get(index) as Y.XmlElement;
}

function citations(doc: Y.Doc, index = 0): unknown {
  return judgement(doc, index).getAttribute("citations");
}

function cite(doc: Y.Doc, list: string[], index = 0): void {
  // y-prosemirror writes a changed node attribute as the whole new value, as here.
  judgement(doc, index).setAttribute("citations", list as never);
}

function sync(from: Y.Doc, to: Y.Doc): void {
  Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)));
}

/** A document with judgements citing `initial`, as the server and two browsers hold it. */
function setUp(initial: string[][] = [["OBS-1"]]) {
  const server = serverDoc();
  const author = clientDoc(1);
  author.transact(() => {
    const elements = initial.map((list) => {
      const element = new Y.XmlElement("judgement");
      element.setAttribute("citations", list as never);
      element.insert(0, [new Y.XmlText("Tikhoretsk is likely to remain crucial.")]);
      return element;
    });
    author.getXmlFragment("default").insert(0, elements);
  });
  sync(author, server);
  const low = clientDoc(10);
  const high = clientDoc(20);
  sync(server, low);
  sync(server, high);
  return { server, low, high };
}

describe("concurrent citations on one judgement", () => {
  it("keeps both citations when two people cite at once, whichever arrives first", () => {
    for (const order of ["low first", "high first"] as const) {
      const { server, low, high } = setUp();
      cite(low, ["OBS-1", "OBS-2"]);
      cite(high, ["OBS-1", "OBS-3"]);
      const [first, second] = order === "low first" ? [low, high] : [high, low];
      sync(first, server);
      sync(second, server);
      expect(citations(server), order).toEqual(["OBS-1", "OBS-3", "OBS-2"]);
      // The mend reaches both browsers like any other update.
      sync(server, low);
      sync(server, high);
      expect(citations(low), order).toEqual(citations(server));
      expect(citations(high), order).toEqual(citations(server));
    }
  });

  it("keeps the citation of a browser that reconnects and hears the other's list before sending its own", () => {
    const { server, low, high } = setUp();
    cite(low, ["OBS-1", "OBS-2"]); // offline
    cite(high, ["OBS-1", "OBS-3"]);
    sync(high, server);
    // On reconnecting, the browser first applies what it missed (its own list loses there)…
    sync(server, low);
    expect(citations(low)).toEqual(["OBS-1", "OBS-3"]);
    // … then sends what the server lacks: its list must still be in it.
    sync(low, server);
    expect(citations(server)).toEqual(["OBS-1", "OBS-3", "OBS-2"]);
    sync(server, low);
    expect(citations(low)).toEqual(["OBS-1", "OBS-3", "OBS-2"]);
  });

  it("keeps a removal made at the same time as someone else's citation", () => {
    const { server, low, high } = setUp([["OBS-1", "OBS-2"]]);
    cite(low, ["OBS-2"]); // removes OBS-1
    cite(high, ["OBS-1", "OBS-2", "OBS-3"]);
    sync(low, server);
    sync(high, server);
    expect(citations(server)).toEqual(["OBS-2", "OBS-3"]);
  });

  it("does not bring back a citation that someone removed after seeing it", () => {
    const { server, low, high } = setUp();
    cite(high, ["OBS-1", "OBS-2"]);
    sync(high, server);
    sync(server, low);
    cite(low, ["OBS-2"]);
    sync(low, server);
    sync(server, high);
    expect(citations(server)).toEqual(["OBS-2"]);
    expect(citations(high)).toEqual(["OBS-2"]);
    // A later, unrelated concurrent change does not revive what was removed earlier either.
    cite(high, ["OBS-2", "OBS-4"]);
    cite(low, ["OBS-2", "OBS-5"]);
    sync(high, server);
    sync(low, server);
    expect(citations(server)).toEqual(["OBS-2", "OBS-4", "OBS-5"]);
  });

  it("merges every change of someone who cited several times offline", () => {
    const { server, low, high } = setUp();
    cite(low, ["OBS-1", "OBS-2"]);
    cite(low, ["OBS-1", "OBS-2", "OBS-3"]);
    cite(low, ["OBS-2", "OBS-3"]);
    cite(high, ["OBS-1", "OBS-9"]);
    sync(high, server);
    sync(low, server);
    expect(citations(server)).toEqual(["OBS-9", "OBS-2", "OBS-3"]);
  });

  it("merges three people citing at once", () => {
    const { server, low, high } = setUp();
    const third = clientDoc(15);
    sync(server, third);
    cite(low, ["OBS-1", "OBS-2"]);
    cite(third, ["OBS-1", "OBS-3"]);
    cite(high, ["OBS-1", "OBS-4"]);
    sync(third, server);
    sync(low, server);
    sync(high, server);
    expect([...(citations(server) as string[])].sort()).toEqual(["OBS-1", "OBS-2", "OBS-3", "OBS-4"]);
  });

  it("leaves other judgements and sequential edits alone (no mend written)", () => {
    const { server, low, high } = setUp([["OBS-1"], ["OBS-7"]]);
    cite(low, ["OBS-1", "OBS-2"]);
    cite(high, ["OBS-7", "OBS-8"], 1);
    const updates: Uint8Array[] = [];
    server.on("update", (update: Uint8Array) => updates.push(update));
    sync(low, server);
    sync(high, server);
    expect(updates).toHaveLength(2);
    expect(citations(server, 0)).toEqual(["OBS-1", "OBS-2"]);
    expect(citations(server, 1)).toEqual(["OBS-7", "OBS-8"]);
  });

  it("converges when two server processes both mend the same race", () => {
    const { server: first, low, high } = setUp();
    const second = serverDoc();
    sync(first, second);
    cite(low, ["OBS-1", "OBS-2"]);
    cite(high, ["OBS-1", "OBS-3"]);
    // Each process accepted one of the two, then got the other through the relay.
    sync(low, first);
    sync(high, second);
    sync(high, first);
    sync(low, second);
    for (let round = 0; round < 3; round++) {
      sync(first, second);
      sync(second, first);
    }
    expect(citations(first)).toEqual(["OBS-1", "OBS-3", "OBS-2"]);
    expect(citations(second)).toEqual(citations(first));
    // And it stops: one more exchange writes nothing.
    const before = Y.encodeStateVector(first);
    sync(second, first);
    sync(first, second);
    expect(Y.encodeStateVector(first)).toEqual(before);
  });

  it("keeps the merge after the server's copy is stored and read back (compaction)", () => {
    const { server, low, high } = setUp();
    cite(high, ["OBS-1", "OBS-3"]);
    sync(high, server);
    const reloaded = serverDoc();
    Y.applyUpdate(reloaded, Y.encodeStateAsUpdate(server));
    // A browser that was offline since before OBS-3 arrives only now.
    cite(low, ["OBS-1", "OBS-2"]);
    sync(low, reloaded);
    expect(citations(reloaded)).toEqual(["OBS-1", "OBS-3", "OBS-2"]);
  });
});

describe("mergeThreeWay", () => {
  it("adds what theirs added and removes what theirs removed, keeping our order", () => {
    expect(mergeThreeWay(["a", "b"], ["b", "a", "c"], ["a", "d"])).toEqual(["a", "c", "d"]);
    expect(mergeThreeWay([], ["a"], ["a"])).toEqual(["a"]);
  });
});
