import * as Y from "yjs";
import { mergeUpdates } from "@/server/collab/merge-updates";

// What merging a batch of keystroke updates costs: one `Y.mergeUpdates` call over the whole
// batch against `mergeUpdates` (server/collab/merge-updates.ts: at most 32 per call, then the
// merged parts). Ten writers type one character each in turn in their own paragraph, as in the
// throughput workload; both results are checked to be the same bytes.
//
//   node --import tsx bench/measure-merge-updates.ts
//
// Not part of `npm run bench`: it times one function, without the server.

const WRITERS = 10;
const SIZES = [10, 50, 200, 1000, 4000];

function keystrokes(count: number): Uint8Array[] {
  const origin = new Y.Doc();
  const fragment = origin.getXmlFragment("default");
  for (let index = 0; index < WRITERS; index++) {
    const paragraph = new Y.XmlElement("paragraph");
    paragraph.insert(0, [new Y.XmlText("")]);
    fragment.insert(index, [paragraph]);
  }
  const base = Y.encodeStateAsUpdate(origin);
  const writers = Array.from({ length: WRITERS }, () => {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, base);
    return doc;
  });
  const updates: Uint8Array[] = [];
  for (const doc of writers) doc.on("update", (update: Uint8Array) => updates.push(update));
  for (let index = 0; index < count; index++) {
    const writer = index % WRITERS;
    const text = (writers[writer] as Y.Doc).getXmlFragment("default").get(writer) as Y.XmlElement;
    const content = text.get(0) as Y.XmlText;
    content.insert(content.length, "x");
  }
  return updates;
}

/** Median time of one call in µs over enough repetitions to take about a second. */
function time(merge: () => Uint8Array): number {
  for (let index = 0; index < 3; index++) merge();
  const samples: number[] = [];
  const until = performance.now() + 1000;
  while (performance.now() < until || samples.length < 5) {
    const started = performance.now();
    merge();
    samples.push((performance.now() - started) * 1000);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)] as number;
}

const print = (line: string) => process.stdout.write(`${line}\n`);
print("updates | one Y.mergeUpdates call | mergeUpdates (32 at a time) | same bytes");
for (const size of SIZES) {
  const updates = keystrokes(size);
  const flat = Y.mergeUpdates(updates);
  const grouped = mergeUpdates(updates);
  const same = Buffer.from(flat).equals(Buffer.from(grouped));
  print(
    `${size} | ${time(() => Y.mergeUpdates(updates)).toFixed(0)} µs | ${time(() => mergeUpdates(updates)).toFixed(0)} µs | ${same}`,
  );
}
