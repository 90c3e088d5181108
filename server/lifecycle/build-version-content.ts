import type { JSONContent } from "@tiptap/core";
import { asc, eq, inArray } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { type Assessment, assessmentAuthors, observations, sources, users } from "@/db/schema";
import type { AssessmentStatus } from "@/lib/assessment-status";
import { inlineCitationsOf } from "@/lib/editor/citation-node";
import { judgementOf } from "@/lib/editor/judgement-content";
import { JUDGEMENT_NODE } from "@/lib/editor/judgement-node";
import type { ObservationDto, SourceDto } from "@/lib/schemas/evidence";
import type { VersionCitationDto, VersionContentDto, VersionJudgementDto } from "@/lib/schemas/lifecycle";
import { CONFIDENCE_DEFINITIONS } from "@/lib/standards/confidence";
import { formatLikelihoodRange, likelihoodOf } from "@/lib/standards/icd203";
import { loadObservationDtos, loadPeople, loadSourceDtos } from "../evidence/evidence-dtos";
import { isUuid } from "../policies/require-membership";
import type { FrozenDocument } from "./read-frozen-document";
import type { JudgementTally } from "./tally-judgement-approvals";

type Person = { id: string; name: string };

/**
 * The structured JSON frozen with a version: the assessment's title, key question and TLP,
 * every judgement in document order with its likelihood (term and band), confidence, key flag,
 * citations (observation summary, date, credibility and revision; each source's title,
 * publisher, originator and reliability) and the approvals current at publication, the
 * endnote list the HTML numbers its citations by, and the text as ProseMirror JSON.
 */
export async function buildVersionContent(options: {
  db: Executor;
  assessment: Assessment;
  document: FrozenDocument;
  tallies: readonly JudgementTally[];
  number: number;
  /** The status of the text frozen (see `versionContentDto.status`). */
  status: AssessmentStatus;
  publishedAt: Date;
  publishedBy: Person | null;
}): Promise<VersionContentDto> {
  const { db, assessment, document } = options;
  const references = await loadReferences(db, assessment.workspaceId, citationOrder(document));
  const byId = new Map(references.map((reference) => [reference.observationId, reference]));
  const reviewers = await loadPeople(
    db,
    options.tallies.flatMap((tally) => tally.currentApprovals.map((review) => review.reviewerId)),
  );
  const judgements = options.tallies.map(({ judgement, position, currentApprovals }): VersionJudgementDto => {
    const cited = judgement.citations.map((id) => byId.get(id.toLowerCase()));
    return {
      id: judgement.id,
      position,
      statement: judgement.statement,
      isKey: judgement.isKey,
      likelihood: judgement.likelihood
        ? {
            band: judgement.likelihood,
            term: likelihoodOf(judgement.likelihood).term,
            range: formatLikelihoodRange(judgement.likelihood),
          }
        : null,
      confidence: judgement.confidence
        ? { level: judgement.confidence, label: CONFIDENCE_DEFINITIONS[judgement.confidence].label }
        : null,
      citations: cited.filter((reference): reference is VersionCitationDto => reference !== undefined),
      unresolvedCitations: judgement.citations.filter((_, index) => cited[index] === undefined),
      approvals: currentApprovals.map((review) => ({
        reviewer: (review.reviewerId && reviewers.get(review.reviewerId)) || null,
        approvedAt: review.createdAt.toISOString(),
      })),
    };
  });
  return {
    format: "parallax.assessment-version/1",
    assessment: {
      id: assessment.id,
      title: assessment.title,
      keyQuestion: assessment.keyQuestion,
      tlp: assessment.tlp,
    },
    number: options.number,
    status: options.status,
    publishedAt: options.publishedAt.toISOString(),
    publishedBy: options.publishedBy,
    authors: await loadAuthors(db, assessment.id),
    judgements,
    references,
    document: document.node.toJSON() as JSONContent as Record<string, unknown>,
  };
}

/** Cited ids (lower-cased, each once) in reading order: a judgement's chips and inline citations, then the next block's. */
function citationOrder(document: FrozenDocument): string[] {
  const order = new Set<string>();
  document.node.descendants((child) => {
    if (!child.isTextblock) return true;
    const ids = child.type.name === JUDGEMENT_NODE ? judgementOf(child).citations : inlineCitationsOf(child);
    for (const id of ids) order.add(id.toLowerCase());
    return false;
  });
  return [...order];
}

/** The cited observations of the workspace, numbered in citation order; other ids stay unresolved. */
async function loadReferences(
  db: Executor,
  workspaceId: string,
  ids: readonly string[],
): Promise<VersionCitationDto[]> {
  const wanted = ids.filter(isUuid);
  if (wanted.length === 0) return [];
  const found = new Map(
    (await loadObservationDtos(db, workspaceId, inArray(observations.id, wanted))).map((dto) => [dto.id, dto]),
  );
  const sourceIds = [...new Set([...found.values()].flatMap((observation) => observation.sources.map((s) => s.id)))];
  // The bibliographic fields (URL, dates, type) the exports' ICD 206 endnotes need.
  const sourcesById = new Map(
    sourceIds.length === 0
      ? []
      : (await loadSourceDtos(db, workspaceId, inArray(sources.id, sourceIds))).map((dto) => [dto.id, dto]),
  );
  return wanted
    .flatMap((id) => found.get(id) ?? [])
    .map((observation, index) => toCitation(observation, index + 1, sourcesById));
}

function toCitation(
  observation: ObservationDto,
  number: number,
  sourcesById: ReadonlyMap<string, SourceDto>,
): VersionCitationDto {
  return {
    number,
    observationId: observation.id,
    externalId: observation.externalId,
    summary: observation.summary,
    observed: {
      precision: observation.observed.precision,
      start: observation.observed.start,
      end: observation.observed.end,
    },
    site: observation.site?.name ?? null,
    credibility: observation.credibility,
    revision: observation.revision,
    retracted: observation.retraction !== null,
    kind: observation.kind,
    quantities: observation.quantities.map(({ metric, value, unit, approximate }) => ({
      metric,
      value,
      unit,
      approximate,
    })),
    sources: observation.sources.map((source) => {
      const full = sourcesById.get(source.id);
      return {
        id: source.id,
        externalId: source.externalId,
        publisher: source.publisher,
        title: source.title,
        reliability: source.reliability,
        attributedTo: source.attributedTo,
        url: full?.url ?? null,
        titleNote: full?.titleNote ?? null,
        publishedOn: full?.publishedOn ?? null,
        dateNote: full?.dateNote ?? null,
        retrievedOn: full?.retrievedOn ?? null,
        ...(full ? { type: full.type, authors: full.authors } : {}),
      };
    }),
  };
}

async function loadAuthors(db: Executor, assessmentId: string): Promise<Person[]> {
  return db
    .select({ id: users.id, name: users.name })
    .from(assessmentAuthors)
    .innerJoin(users, eq(users.id, assessmentAuthors.userId))
    .where(eq(assessmentAuthors.assessmentId, assessmentId))
    .orderBy(asc(assessmentAuthors.firstContributedAt), asc(users.name));
}
