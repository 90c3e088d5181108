import type { ObservationDto } from "@/lib/schemas/evidence";
import { Alert } from "../ui/alert";
import { formatExact } from "../ui/relative-time";

/** Says that an observation no longer stands, why, who retracted it and when. */
export function RetractionBanner({ retraction }: { retraction: NonNullable<ObservationDto["retraction"]> }) {
  return (
    <Alert tone="warning" title="Retracted" className="mb-6">
      <p>
        <span className="font-medium">Reason:</span> {retraction.reason}
      </p>
      <p className="mt-1 text-amber-800">
        Retracted by {retraction.by?.name ?? "an operator"} on {formatExact(new Date(retraction.at))}. It stays in the
        library and in the judgements that cite it, marked as retracted.
      </p>
    </Alert>
  );
}
