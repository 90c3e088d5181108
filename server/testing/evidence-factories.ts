import type { CreateObservationInput, CreateSourceInput, ObservationDto, SourceDto } from "@/lib/schemas/evidence";
import type { Actor } from "../auth/actor";
import { createObservation } from "../evidence/create-observation";
import { createSource } from "../evidence/create-source";

/** A library source through the domain function: CSIS Beyond Parallel graded B unless `input` says otherwise. */
export function createTestSource(
  actor: Actor,
  workspaceId: string,
  input: Partial<CreateSourceInput> = {},
): Promise<SourceDto> {
  return createSource({
    actor,
    workspaceId,
    input: { publisher: "CSIS Beyond Parallel", type: "think_tank_analysis", reliability: "B", ...input },
  });
}

/** An observation through the domain function: credibility 2, observed in April 2024 unless `input` says otherwise. */
export function createTestObservation(
  actor: Actor,
  workspaceId: string,
  input: Partial<CreateObservationInput> & Pick<CreateObservationInput, "summary" | "sourceIds">,
): Promise<ObservationDto> {
  return createObservation({
    actor,
    workspaceId,
    input: { observed: { precision: "month", month: "2024-04" }, credibility: 2, ...input },
  });
}
