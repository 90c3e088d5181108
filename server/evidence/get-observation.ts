import { eq } from "drizzle-orm";
import { getDatabase } from "@/db/client";
import { observations } from "@/db/schema";
import { AppError } from "@/lib/errors";
import type { ObservationDto } from "@/lib/schemas/evidence";
import type { Actor } from "../auth/actor";
import { loadObservationDtos } from "./evidence-dtos";
import { requireEvidenceAccess } from "./require-evidence-access";

/** One observation of a workspace (any member), retracted or not; unknown ids and other workspaces' observations are 404. */
export async function getObservation(options: {
  actor: Actor;
  workspaceId: string;
  observationId: string;
}): Promise<ObservationDto> {
  const db = getDatabase();
  await requireEvidenceAccess({
    db,
    actor: options.actor,
    workspaceId: options.workspaceId,
    kind: "observation",
    recordId: options.observationId,
  });
  const [observation] = await loadObservationDtos(db, options.workspaceId, eq(observations.id, options.observationId));
  if (!observation) throw new AppError("not_found:observation");
  return observation;
}
