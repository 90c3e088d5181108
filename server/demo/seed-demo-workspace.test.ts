import { describe, expect, it } from "vitest";
import { listAssessments } from "../assessments/list-assessments";
import { operatorActor } from "../auth/actor";
import { listObservations } from "../evidence/list-observations";
import { verifyCredentials } from "../users/verify-credentials";
import { DEMO_ACCOUNTS, DEMO_ASSESSMENT, seedDemoWorkspace } from "./seed-demo-workspace";

describe("demo workspace seed", () => {
  it("seeds an empty database once: accounts that sign in, the assessment and the example evidence", async () => {
    const seeded = await seedDemoWorkspace();
    if (!seeded) throw new Error("an empty database was not seeded");
    const analyst = await verifyCredentials(DEMO_ACCOUNTS.analyst);
    await verifyCredentials(DEMO_ACCOUNTS.reviewer);
    const actor = { ...analyst, via: "session" as const };
    const assessments = await listAssessments({ actor, workspaceId: seeded.workspaceId });
    expect(assessments.map((assessment) => assessment.title)).toEqual([DEMO_ASSESSMENT.title]);
    const observations = await listObservations({ actor: operatorActor(), workspaceId: seeded.workspaceId });
    expect(observations).toHaveLength(40);
    expect(await seedDemoWorkspace()).toBeNull();
  });
});
