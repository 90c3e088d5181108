import type { InformationCredibility, SourceReliability } from "@/lib/standards/admiralty";
import type { Actor } from "../auth/actor";
import { listObservations } from "../evidence/list-observations";
import { listSources } from "../evidence/list-sources";
import { updateObservation } from "../evidence/update-observation";
import { updateSource } from "../evidence/update-source";

// The worked example carries no Admiralty grades, and an import grades what it cannot judge as
// F/6. A newcomer should see graded evidence, so the demo analyst grades the library after the
// import, as an analyst would, with each rationale saying it is the demo's grading and not the
// dataset's. The changes are ordinary revisions: the history shows who graded what.
const DEMO_NOTE = "Demo grading by the Parallax example analyst, not part of the dataset.";

interface SourceGrade {
  reliability: SourceReliability;
  rationale: string;
}

const DIRECT_THINK_TANK: SourceGrade = {
  reliability: "B",
  rationale:
    "Established research institute publishing dated commercial imagery with its method; a good record on these sites, not infallible.",
};
const RELAYED: SourceGrade = {
  reliability: "C",
  rationale: "Read through a secondary report or translation, so figures and wording may have drifted.",
};
const GOVERNMENT: SourceGrade = {
  reliability: "B",
  rationale: "Official statement: a good record on what the government says it saw, but it serves policy aims.",
};
const SPECIALIST_MEDIA: SourceGrade = {
  reliability: "B",
  rationale: "Specialist imagery or trade-data analysis with named methods and a good record.",
};
const PARTY_TO_CONFLICT: SourceGrade = {
  reliability: "D",
  rationale: "A party to the conflict's claim combined with media imagery; not usually reliable on its own.",
};

/** Reliability of each source of the worked example, by its id in the file. */
const SOURCE_GRADES: Record<string, SourceGrade> = {
  S01: DIRECT_THINK_TANK,
  S02: DIRECT_THINK_TANK,
  S03: DIRECT_THINK_TANK,
  S04: DIRECT_THINK_TANK,
  S05: DIRECT_THINK_TANK,
  S06: RELAYED,
  S07: RELAYED,
  S08: GOVERNMENT,
  S09: GOVERNMENT,
  S10: GOVERNMENT,
  S11: GOVERNMENT,
  S12: RELAYED,
  S13: RELAYED,
  S14: GOVERNMENT,
  S15: GOVERNMENT,
  S16: DIRECT_THINK_TANK,
  S17: RELAYED,
  S18: SPECIALIST_MEDIA,
  S19: SPECIALIST_MEDIA,
  S20: SPECIALIST_MEDIA,
  S21: SPECIALIST_MEDIA,
  S22: PARTY_TO_CONFLICT,
  S23: RELAYED,
  S24: SPECIALIST_MEDIA,
  S25: RELAYED,
  S26: RELAYED,
  S27: { reliability: "C", rationale: "Reference work; fine for town coordinates, not for military facts." },
  S28: { reliability: "D", rationale: "Relayed through outlets of uneven reliability." },
};

/**
 * Credibility of an observation from what it rests on: imagery and trade data that can be
 * re-examined are "probably true" (2); official statements and assessments are "possibly true"
 * (3) until something independent confirms them.
 */
function credibilityOfKind(kind: string): InformationCredibility {
  return /imagery|trade data/i.test(kind) ? 2 : 3;
}

/** Grades the demo workspace's imported sources and observations (see the note above). */
export async function gradeDemoEvidence(options: { actor: Actor; workspaceId: string }): Promise<void> {
  const { actor, workspaceId } = options;
  for (const source of await listSources({ actor, workspaceId })) {
    const grade = source.externalId ? SOURCE_GRADES[source.externalId] : undefined;
    if (!grade) continue;
    await updateSource({
      actor,
      workspaceId,
      sourceId: source.id,
      input: {
        revision: source.revision,
        reliability: grade.reliability,
        reliabilityRationale: `${grade.rationale} ${DEMO_NOTE}`,
      },
    });
  }
  for (const observation of await listObservations({ actor, workspaceId })) {
    await updateObservation({
      actor,
      workspaceId,
      observationId: observation.id,
      input: { revision: observation.revision, credibility: credibilityOfKind(observation.kind) },
    });
  }
}
