import type { SearchQueryInput } from "@/lib/schemas/search";
import type { SeededWorld } from "./seed-search-data";

/** One timed search: a label for the results and the input of searchEverything. */
export interface BenchQuery {
  label: string;
  query: SearchQueryInput;
}

/**
 * About fifty searches an analyst would type: common and rare words, phrases, exclusions,
 * half-typed words (prefix), and every filter, alone and combined. Common words ("rail",
 * "munitions") match tens of thousands of rows and are the ones that test the ranking cost.
 */
export function benchQueries(world: SeededWorld): BenchQuery[] {
  const site = world.siteIds[0] ?? "";
  const otherSite = world.siteIds[5] ?? "";
  const plain = [
    "rail",
    "munitions",
    "tikhoretsk",
    "rail cars",
    "ammunition crates",
    "north korean munitions",
    "containers",
    "ship",
    "satellite imagery",
    "tumangang",
    "rajin port",
    "vostochny",
    "dunay",
    "kim putin summit",
    "artillery shells",
    "howitzer",
    "tarpaulin warehouse",
    "freighter berth",
    "state department",
    "white house",
    "likely remain crucial",
    '"rail cars"',
    '"at least 10,000 containers"',
    "munitions -rail",
    "rail or ship",
    "containers -tikhoretsk",
    "tikhor",
    "rail tikhor",
    "munit",
    "locomot",
    "corroborate discrepancy",
    "storage areas in use",
    "geolocation infrared",
    "nonexistentword",
  ].map((q) => ({ label: q, query: { q } }));
  const filtered: BenchQuery[] = [
    { label: "rail, judgements only", query: { q: "rail", type: ["judgement"] } },
    { label: "rail, observations only", query: { q: "rail", type: ["observation"] } },
    { label: "munitions, comments only", query: { q: "munitions", type: ["comment", "assessment"] } },
    { label: "rail, at a site", query: { q: "rail", site } },
    { label: "containers, at another site", query: { q: "containers", site: otherSite } },
    { label: "rail, 2024", query: { q: "rail", from: "2024-01-01", to: "2024-12-31" } },
    { label: "munitions, April 2024", query: { q: "munitions", from: "2024-04-01", to: "2024-04-30" } },
    { label: "rail, reliability B+", query: { q: "rail", minReliability: "B" } },
    { label: "rail, credibility 2+", query: { q: "rail", minCredibility: 2 } },
    { label: "ship, B+ and 2+", query: { q: "ship", minReliability: "B", minCredibility: 2 } },
    { label: "munitions, published", query: { q: "munitions", status: "published" } },
    { label: "rail, in review, judgements", query: { q: "rail", status: "in_review", type: ["judgement"] } },
    { label: "rail, one workspace", query: { q: "rail", workspaceId: world.workspaceId } },
    { label: "rail, page 3", query: { q: "rail", offset: 40 } },
    { label: "rail, 50 hits", query: { q: "rail", limit: 50 } },
    { label: "tikhor, site, 2024", query: { q: "tikhor", site, from: "2024-01-01" } },
  ];
  return [...plain, ...filtered];
}
