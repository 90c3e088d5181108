import { readFileSync } from "node:fs";
import path from "node:path";

/** Sentences and names from the worked example (bench/search/search-corpus.json, a copy). */
export interface SearchCorpus {
  observationSentences: string[];
  noteSentences: string[];
  judgementSentences: string[];
  kinds: string[];
  sites: string[];
  sources: { publisher: string; title: string; type: string }[];
  caveats: string[];
}

export function loadCorpus(): SearchCorpus {
  return JSON.parse(readFileSync(path.join(import.meta.dirname, "search-corpus.json"), "utf8")) as SearchCorpus;
}

// Words an analyst might add around the example's sentences, so that the 60,000 texts are not
// 100 sentences repeated: some words are common across rows, some rare, as in a real library.
const EXTRA_WORDS = (
  "locomotive flatcar boxcar tarpaulin warehouse revetment bunker crane forklift pallet convoy checkpoint " +
  "ferry barge tanker freighter berth quay pier siding marshalling yard embankment culvert bridge tunnel " +
  "artillery shell rocket launcher howitzer mortar cartridge propellant fuze detonator ammunition crate " +
  "container trailer truck lorry wagon railcar platform depot arsenal storage shed hangar runway apron " +
  "imagery resolution cloud cover shadow angle overpass timestamp geolocation pixel mosaic infrared radar " +
  "analyst estimate corroborate discrepancy attribution relay translation excerpt transcript briefing"
).split(" ");
const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

/** A small seeded PRNG (mulberry32): the same seed gives the same data on both backends. */
export function createRandom(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (max: number) => Math.floor(next() * max);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)] as T;
  return { next, int, pick };
}
export type Random = ReturnType<typeof createRandom>;

/** A sentence with its numbers changed, so counts differ from row to row as real reports do. */
function vary(random: Random, sentence: string): string {
  return sentence.replace(/\b\d{1,3}\b/g, () => String(5 + random.int(150)));
}

/** A few extra words in a short clause. */
function clause(random: Random): string {
  const words = Array.from({ length: 3 + random.int(4) }, () => random.pick(EXTRA_WORDS));
  return `${words.join(" ")} noted in ${random.pick(MONTHS)} ${2022 + random.int(4)}.`;
}

/** An observation summary: a varied sentence of the example, sometimes two, and a clause. */
export function observationSummary(random: Random, corpus: SearchCorpus, site: string): string {
  const parts = [vary(random, random.pick(corpus.observationSentences))];
  if (random.next() < 0.4) parts.push(vary(random, random.pick(corpus.observationSentences)));
  parts.push(`Near ${site}: ${clause(random)}`);
  return parts.join(" ");
}

/** Notes: often empty, else a note or caveat of the example and a reference code. */
export function observationNotes(random: Random, corpus: SearchCorpus): string {
  if (random.next() < 0.5) return "";
  const note = random.next() < 0.7 ? random.pick(corpus.noteSentences) : random.pick(corpus.caveats);
  return `${note} Ref ${random
    .int(36 ** 4)
    .toString(36)
    .toUpperCase()}.`;
}

/** A judgement statement: a sentence of the example's judgements with a varied clause. */
export function judgementStatement(random: Random, corpus: SearchCorpus, site: string): string {
  return `${vary(random, random.pick(corpus.judgementSentences))} At ${site}, ${clause(random)}`;
}

/** A comment of a reviewer. */
export function commentBody(random: Random): string {
  const asks = ["Can we corroborate", "Which source reports", "Please recheck", "I doubt", "Second source for"];
  return `${random.pick(asks)} the ${random.pick(EXTRA_WORDS)} and ${random.pick(EXTRA_WORDS)} count? ${clause(random)}`;
}

export { EXTRA_WORDS, MONTHS };
