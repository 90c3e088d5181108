import path from "node:path";
import { sql } from "drizzle-orm";
import { getDatabase } from "@/db/client";
import { users } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { createAssessment } from "../assessments/create-assessment";
import type { Actor } from "../auth/actor";
import { importEvidenceFile } from "../evidence/import-evidence-file";
import { createNamedVersion } from "../history/create-named-version";
import { addMember } from "../members/add-member";
import { createUser } from "../users/create-user";
import { createWorkspace } from "../workspaces/create-workspace";
import { writeDemoAssessmentDocument } from "./demo-assessment-document";
import { gradeDemoEvidence } from "./grade-demo-evidence";

/** Demo accounts. Public on purpose (they are printed and in the README): demo data only. */
export const DEMO_ACCOUNTS = {
  analyst: { email: "analyst@demo.parallax.local", name: "Dana Analyst", password: "parallax-demo-analyst" },
  reviewer: { email: "reviewer@demo.parallax.local", name: "Riley Reviewer", password: "parallax-demo-reviewer" },
} as const;

/** The example dataset, shipped inside the project (see server/evidence/fixtures). */
export const DEMO_EVIDENCE_FILE = path.resolve("server/evidence/fixtures/dprk-russia-observations.json");

export const DEMO_WORKSPACE_NAME = "Beyond Parallel (demo)";
export const DEMO_ASSESSMENT = {
  title: "Tikhoretsk munitions depot: role in DPRK→Russia transfers",
  keyQuestion:
    "What role does the Tikhoretsk munitions depot play in moving North Korean munitions to Russia's forces, and will it remain central to that flow?",
  tlp: "CLEAR",
} as const;

export interface DemoSeedResult {
  workspaceId: string;
  workspaceName: string;
  assessmentId: string;
  analyst: { email: string; password: string };
  reviewer: { email: string; password: string };
}

/**
 * Seeds the demo workspace on the first start of an empty database (no users yet); does
 * nothing otherwise. Returns what it created, so start-up can print the credentials.
 */
export async function seedDemoWorkspace(): Promise<DemoSeedResult | null> {
  const [row] = await getDatabase().select({ count: sql<number>`count(*)::int` }).from(users);
  if ((row?.count ?? 0) > 0) return null;
  try {
    const analyst = await createUser(DEMO_ACCOUNTS.analyst);
    const reviewer = await createUser(DEMO_ACCOUNTS.reviewer);
    const actor: Actor = { ...analyst, via: "session" };
    const workspace = await createWorkspace({ actor, name: DEMO_WORKSPACE_NAME });
    await addMember({ actor, workspaceId: workspace.id, email: reviewer.email, role: "reviewer" });
    const assessment = await createAssessment({ actor, workspaceId: workspace.id, ...DEMO_ASSESSMENT });
    // The worked example's sources, sites and observations (CSIS Beyond Parallel and others).
    await importEvidenceFile({ actor, workspaceId: workspace.id, path: DEMO_EVIDENCE_FILE });
    await gradeDemoEvidence({ actor, workspaceId: workspace.id });
    // Its text: the key question, scope and the Tikhoretsk judgements citing those observations.
    await writeDemoAssessmentDocument({
      assessmentId: assessment.id,
      workspaceId: workspace.id,
      authorId: analyst.id,
      keyQuestion: DEMO_ASSESSMENT.keyQuestion,
      path: DEMO_EVIDENCE_FILE,
    });
    // A named version, so History and exports have something to show on the first visit.
    await createNamedVersion({ actor, assessmentId: assessment.id, input: { name: "Demo baseline" } });
    return {
      workspaceId: workspace.id,
      workspaceName: workspace.name,
      assessmentId: assessment.id,
      analyst: { email: DEMO_ACCOUNTS.analyst.email, password: DEMO_ACCOUNTS.analyst.password },
      reviewer: { email: DEMO_ACCOUNTS.reviewer.email, password: DEMO_ACCOUNTS.reviewer.password },
    };
  } catch (error) {
    // Another process sharing the same PostgreSQL database seeded first.
    if (error instanceof AppError && error.code === "conflict:user") return null;
    throw error;
  }
}
