import { randomUUID } from "node:crypto";
import type { Database } from "@/db/client";
import {
  assessments,
  comments,
  commentThreads,
  documentContent,
  judgements,
  memberships,
  observationSources,
  observations,
  sites,
  sources,
  users,
  workspaces,
} from "@/db/schema";
import { ASSESSMENT_STATUSES } from "@/lib/assessment-status";
import { SOURCE_RELIABILITY_GRADES } from "@/lib/standards/admiralty";
import {
  commentBody,
  createRandom,
  judgementStatement,
  loadCorpus,
  observationNotes,
  observationSummary,
  type Random,
  type SearchCorpus,
} from "./search-text";

/** How much to seed into the searched workspace. */
export interface SeedSize {
  judgements: number;
  observations: number;
  sources: number;
  /** Judgements per assessment. */
  judgementsPerAssessment: number;
  /** Observations in another team's workspace, which the searcher must never see. */
  foreignObservations: number;
}

/** What the queries need to know about the seeded data. */
export interface SeededWorld {
  searcher: { id: string; email: string; name: string };
  workspaceId: string;
  siteIds: string[];
  counts: Record<string, number>;
}

const BATCH = 1000;

async function insertAll<T>(rows: T[], insert: (batch: T[]) => Promise<unknown>): Promise<void> {
  for (let start = 0; start < rows.length; start += BATCH) await insert(rows.slice(start, start + BATCH));
}

function day(random: Random): { start: string; end: string } {
  const date = new Date(Date.UTC(2022, 0, 1) + random.int(1400) * 86_400_000).toISOString().slice(0, 10);
  // Some observations span the rest of their month (a range), most are one day.
  const end = random.next() < 0.3 && date.slice(8) < "28" ? `${date.slice(0, 8)}28` : date;
  return { start: date, end };
}

/** Observations of `workspaceId`, each citing one or two of `sourceIds`. */
async function seedObservations(
  db: Database,
  random: Random,
  corpus: SearchCorpus,
  workspaceId: string,
  count: number,
  siteIds: string[],
  siteNames: string[],
  sourceIds: string[],
) {
  const rows = Array.from({ length: count }, () => {
    const siteIndex = random.int(siteIds.length);
    const { start, end } = day(random);
    return {
      id: randomUUID(),
      workspaceId,
      siteId: random.next() < 0.9 ? siteIds[siteIndex] : null,
      summary: observationSummary(random, corpus, siteNames[siteIndex] ?? "the site"),
      kind: random.pick(corpus.kinds),
      notes: observationNotes(random, corpus),
      observedPrecision: start === end ? ("day" as const) : ("range" as const),
      observedStart: start,
      observedEnd: end,
      credibility: 1 + random.int(6),
      retractedAt: random.next() < 0.02 ? new Date() : null,
    };
  });
  await insertAll(rows, (batch) => db.insert(observations).values(batch));
  const links = rows.flatMap((row) => {
    const first = random.pick(sourceIds);
    const second = random.pick(sourceIds);
    const cited = random.next() < 0.3 && second !== first ? [first, second] : [first];
    return cited.map((sourceId, position) => ({ observationId: row.id, sourceId, position }));
  });
  await insertAll(links, (batch) => db.insert(observationSources).values(batch));
  return rows.map((row) => row.id);
}

/** Assessments with their judgements, text copies and comment threads. */
async function seedAssessments(
  db: Database,
  random: Random,
  corpus: SearchCorpus,
  world: { workspaceId: string; userId: string; siteNames: string[]; observationIds: string[] },
  size: SeedSize,
) {
  const assessmentCount = Math.ceil(size.judgements / size.judgementsPerAssessment);
  const assessmentRows = Array.from({ length: assessmentCount }, (_, index) => ({
    id: randomUUID(),
    workspaceId: world.workspaceId,
    title: `${random.pick(world.siteNames)}: ${random.pick(corpus.kinds)} assessment ${index + 1}`,
    keyQuestion: random.pick(corpus.judgementSentences).replace(/\.$/, "?"),
    status: random.pick(ASSESSMENT_STATUSES),
    createdBy: world.userId,
  }));
  await insertAll(assessmentRows, (batch) => db.insert(assessments).values(batch));
  const judgementRows = Array.from({ length: size.judgements }, (_, index) => {
    const assessment = assessmentRows[index % assessmentCount] as (typeof assessmentRows)[number];
    return {
      assessmentId: assessment.id,
      id: `jdg_${index.toString(36).padStart(6, "0")}`,
      workspaceId: world.workspaceId,
      position: Math.floor(index / assessmentCount),
      statement: judgementStatement(random, corpus, random.pick(world.siteNames)),
      likelihood: "likely" as const,
      confidence: "moderate" as const,
      isKey: random.next() < 0.2,
      citedObservationIds: Array.from({ length: random.int(4) }, () => random.pick(world.observationIds)),
      contentHash: randomUUID(),
    };
  });
  await insertAll(judgementRows, (batch) => db.insert(judgements).values(batch));
  const texts = assessmentRows.map((assessment) => ({
    documentId: assessment.id,
    json: {},
    text: judgementRows
      .filter((row) => row.assessmentId === assessment.id)
      .map((row) => `${random.pick(corpus.observationSentences)}\n${row.statement}`)
      .join("\n"),
  }));
  await insertAll(texts, (batch) => db.insert(documentContent).values(batch));
  const threads = judgementRows
    .filter(() => random.next() < 0.2)
    .map((row) => ({
      id: randomUUID(),
      workspaceId: world.workspaceId,
      assessmentId: row.assessmentId,
      judgementId: row.id,
      createdBy: world.userId,
    }));
  await insertAll(threads, (batch) => db.insert(commentThreads).values(batch));
  const commentRows = threads.flatMap((thread) =>
    Array.from({ length: 1 + random.int(3) }, () => ({
      threadId: thread.id,
      authorId: world.userId,
      body: commentBody(random),
      deletedAt: random.next() < 0.05 ? new Date() : null,
    })),
  );
  await insertAll(commentRows, (batch) => db.insert(comments).values(batch));
  return { assessments: assessmentCount, comments: commentRows.length };
}

/** Seeds the searcher's workspace and another team's; deterministic for a given seed. */
export async function seedSearchData(db: Database, size: SeedSize, seed = 20261130): Promise<SeededWorld> {
  const random = createRandom(seed);
  const corpus = loadCorpus();
  const searcher = { id: randomUUID(), email: "searcher@bench.test", name: "Bench Searcher" };
  const stranger = { id: randomUUID(), email: "stranger@bench.test", name: "Bench Stranger" };
  await db.insert(users).values([searcher, stranger]);
  const [workspaceId, foreignId] = [randomUUID(), randomUUID()];
  await db.insert(workspaces).values([
    { id: workspaceId, name: "Beyond Parallel desk" },
    { id: foreignId, name: "Other desk" },
  ]);
  await db.insert(memberships).values([
    { workspaceId, userId: searcher.id, role: "analyst" },
    { workspaceId: foreignId, userId: stranger.id, role: "owner" },
  ]);
  // Made-up place names beside the example's eleven sites, built from syllables so that they add
  // distinct words rather than one word (say "railhead") shared by thousands of rows.
  const syllables = ["kam", "bel", "gor", "nov", "tur", "ash", "vol", "dal", "sen", "pri"];
  const siteNames = [
    ...corpus.sites,
    ...Array.from({ length: 39 }, () =>
      `${random.pick(syllables)}${random.pick(syllables)}sk station`.replace(/^./, (c) => c.toUpperCase()),
    ),
  ];
  const siteRows = (ws: string) => siteNames.map((name) => ({ id: randomUUID(), workspaceId: ws, name }));
  const [ownSites, foreignSites] = [siteRows(workspaceId), siteRows(foreignId)];
  await db.insert(sites).values([...ownSites, ...foreignSites]);
  const sourceRows = (ws: string, count: number) =>
    Array.from({ length: count }, (_, index) => {
      const example = random.pick(corpus.sources);
      return {
        id: randomUUID(),
        workspaceId: ws,
        publisher: example.publisher,
        title: `${example.title} (${index + 1})`,
        typeDetail: example.type,
        type: "media" as const,
        reliability: random.pick(SOURCE_RELIABILITY_GRADES),
      };
    });
  const [ownSources, foreignSources] = [sourceRows(workspaceId, size.sources), sourceRows(foreignId, 50)];
  await insertAll([...ownSources, ...foreignSources], (batch) => db.insert(sources).values(batch));
  const ownSiteIds = ownSites.map((site) => site.id);
  const observationIds = await seedObservations(
    db,
    random,
    corpus,
    workspaceId,
    size.observations,
    ownSiteIds,
    siteNames,
    ownSources.map((s) => s.id),
  );
  await seedObservations(
    db,
    random,
    corpus,
    foreignId,
    size.foreignObservations,
    foreignSites.map((s) => s.id),
    siteNames,
    foreignSources.map((s) => s.id),
  );
  const seeded = await seedAssessments(
    db,
    random,
    corpus,
    { workspaceId, userId: searcher.id, siteNames, observationIds },
    size,
  );
  return {
    searcher,
    workspaceId,
    siteIds: ownSiteIds,
    counts: {
      ...seeded,
      judgements: size.judgements,
      observations: size.observations,
      sources: size.sources,
      foreignObservations: size.foreignObservations,
    },
  };
}
