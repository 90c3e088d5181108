"use client";

import Link from "next/link";
import { useState } from "react";
import type { ObservationDto } from "@/lib/schemas/evidence";
import { INFORMATION_CREDIBILITY_GRADES, type InformationCredibility } from "@/lib/standards/admiralty";
import { ActionForm } from "../forms/action-form";
import type { FormAction } from "../forms/action-state";
import { SelectField } from "../forms/select-field";
import { SubmitButton } from "../forms/submit-button";
import { TextField } from "../forms/text-field";
import { Alert } from "../ui/alert";
import { Button, buttonClasses } from "../ui/button";
import { formatObservedDate, formatQuantity, recordLabel } from "./evidence-format";
import { credibilityText } from "./grade-badge";
import { ObservedDateFields } from "./observed-date-fields";
import { QuantitiesEditor } from "./quantities-editor";
import { type PickableSource, SourcePicker } from "./source-picker";
import { type StaleEdit, StaleEditNotice } from "./stale-edit-notice";

const CREDIBILITY_OPTIONS = [
  { value: "", label: "Choose a grade" },
  ...INFORMATION_CREDIBILITY_GRADES.map((grade) => ({ value: String(grade), label: credibilityText(grade) })),
];

/** Their version of an observation, as rows of the stale-edit notice. */
function describeObservation(observation: ObservationDto) {
  return [
    { label: "Summary", value: observation.summary },
    { label: "Observed", value: formatObservedDate(observation.observed) },
    { label: "Site", value: observation.site?.name ?? "—" },
    { label: "Credibility", value: credibilityText(observation.credibility as InformationCredibility) },
    { label: "Quantities", value: observation.quantities.map(formatQuantity).join("; ") || "—" },
    { label: "Sources", value: observation.sources.map((source) => source.externalId ?? source.publisher).join(", ") },
    { label: "Notes", value: observation.notes || "—" },
  ];
}

/**
 * Records a new observation or edits one. An edit is made against the revision the form was
 * opened at, kept here even when the page refreshes live under it, so that a colleague's change in
 * the meantime always surfaces as a conflict instead of being overwritten.
 */
export function ObservationForm({
  action,
  observation,
  sites,
  sources,
  cancelHref,
}: {
  action: FormAction<StaleEdit<ObservationDto>>;
  /** The observation as the server has it now; absent for a new one. */
  observation?: ObservationDto;
  sites: { id: string; name: string }[];
  sources: PickableSource[];
  cancelHref: string;
}) {
  const [base, setBase] = useState(observation);
  // Remounts the inputs, with new default values, when the analyst loads someone else's version.
  const [generation, setGeneration] = useState(0);
  const changedMeanwhile = observation && base && observation.revision > base.revision ? observation : null;

  function handleLoadTheirs(current: ObservationDto) {
    setBase(current);
    setGeneration((value) => value + 1);
  }

  return (
    <ActionForm
      key={generation}
      action={action}
      className="space-y-6"
      aria-label={base ? `Edit observation ${recordLabel(base)}` : "New observation"}
    >
      {changedMeanwhile ? (
        <Alert
          tone="warning"
          title={`${changedMeanwhile.updatedBy?.name ?? "Someone"} changed this observation since you opened it`}
        >
          <p>
            It is now revision {changedMeanwhile.revision}; you are editing revision {base?.revision}. Saving will show
            you their version before anything is overwritten.
          </p>
          <Button size="sm" className="mt-2" onClick={() => handleLoadTheirs(changedMeanwhile)}>
            Load their version
          </Button>
        </Alert>
      ) : null}
      <StaleEditNotice<ObservationDto>
        noun="observation"
        rowsOf={describeObservation}
        onLoadTheirs={handleLoadTheirs}
      />
      {base ? <input type="hidden" name="revision" value={base.revision} /> : null}
      <TextField label="Summary" name="summary" rows={4} defaultValue={base?.summary} required maxLength={4000} />
      <div className="grid gap-4 sm:grid-cols-3">
        <TextField
          label="Id (optional)"
          name="externalId"
          defaultValue={base?.externalId ?? ""}
          maxLength={100}
          description="A label such as OBS-41."
        />
        <TextField
          label="Kind"
          name="kind"
          defaultValue={base?.kind}
          maxLength={200}
          description="e.g. imagery, official statement"
        />
        <SelectField
          label="Site"
          name="siteId"
          defaultValue={base?.site?.id ?? ""}
          options={[{ value: "", label: "No site" }, ...sites.map((site) => ({ value: site.id, label: site.name }))]}
        />
      </div>
      <ObservedDateFields observed={base?.observed} />
      <QuantitiesEditor quantities={base?.quantities ?? []} />
      <SelectField
        label="Information credibility"
        name="credibility"
        options={CREDIBILITY_OPTIONS}
        defaultValue={base ? String(base.credibility) : ""}
        required
        className="max-w-md"
        description="How credible the information itself is, independent of the source. 6 means it cannot be judged, not “middling”."
      />
      <SourcePicker sources={sources} selected={base?.sources ?? []} />
      <TextField label="Notes" name="notes" rows={3} defaultValue={base?.notes} maxLength={4000} />
      <div className="flex gap-2">
        <SubmitButton pendingLabel="Saving…">{base ? "Save changes" : "Record observation"}</SubmitButton>
        <Link href={cancelHref} className={buttonClasses({ variant: "ghost" })}>
          Cancel
        </Link>
      </div>
    </ActionForm>
  );
}
