"use client";

import Link from "next/link";
import { useState } from "react";
import { SOURCE_TYPE_LABELS, SOURCE_TYPES } from "@/lib/evidence";
import type { SourceDto } from "@/lib/schemas/evidence";
import { SOURCE_RELIABILITY_GRADES } from "@/lib/standards/admiralty";
import { ActionForm } from "../forms/action-form";
import type { FormAction } from "../forms/action-state";
import { SelectField } from "../forms/select-field";
import { SubmitButton } from "../forms/submit-button";
import { TextField } from "../forms/text-field";
import { Alert } from "../ui/alert";
import { Button, buttonClasses } from "../ui/button";
import { reliabilityText } from "./grade-badge";
import { type StaleEdit, StaleEditNotice } from "./stale-edit-notice";

const RELIABILITY_OPTIONS = [
  { value: "", label: "Choose a grade" },
  ...SOURCE_RELIABILITY_GRADES.map((grade) => ({ value: grade, label: reliabilityText(grade) })),
];
const TYPE_OPTIONS = SOURCE_TYPES.map((type) => ({ value: type, label: SOURCE_TYPE_LABELS[type] }));

function describeSource(source: SourceDto) {
  return [
    { label: "Publisher", value: source.publisher },
    { label: "Title", value: source.title ?? "—" },
    { label: "Type", value: SOURCE_TYPE_LABELS[source.type] },
    { label: "Reliability", value: reliabilityText(source.reliability) },
    { label: "Rationale", value: source.reliabilityRationale || "—" },
    { label: "URL", value: source.url ?? "—" },
  ];
}

/**
 * Adds a source or edits one: who published it, what it is, and how reliable it is (A–F) with the
 * reasons. Like every library edit, it is saved against the revision it was opened at.
 */
export function SourceForm({
  action,
  source,
  cancelHref,
}: {
  action: FormAction<StaleEdit<SourceDto>>;
  /** The source as the server has it now; absent for a new one. */
  source?: SourceDto;
  cancelHref: string;
}) {
  const [base, setBase] = useState(source);
  const [generation, setGeneration] = useState(0);
  const changedMeanwhile = source && base && source.revision > base.revision ? source : null;

  function handleLoadTheirs(current: SourceDto) {
    setBase(current);
    setGeneration((value) => value + 1);
  }

  return (
    <ActionForm key={generation} action={action} className="space-y-5" aria-label={base ? "Edit source" : "New source"}>
      {changedMeanwhile ? (
        <Alert
          tone="warning"
          title={`${changedMeanwhile.updatedBy?.name ?? "Someone"} changed this source since you opened it`}
        >
          <Button size="sm" className="mt-1" onClick={() => handleLoadTheirs(changedMeanwhile)}>
            Load their version
          </Button>
        </Alert>
      ) : null}
      <StaleEditNotice<SourceDto> noun="source" rowsOf={describeSource} onLoadTheirs={handleLoadTheirs} />
      {base ? <input type="hidden" name="revision" value={base.revision} /> : null}
      <div className="grid gap-4 sm:grid-cols-[1fr_10rem]">
        <TextField
          label="Publisher or originator"
          name="publisher"
          defaultValue={base?.publisher}
          required
          maxLength={500}
        />
        <TextField
          label="Id (optional)"
          name="externalId"
          defaultValue={base?.externalId ?? ""}
          maxLength={100}
          description="e.g. S29"
        />
      </div>
      <TextField label="Title" name="title" defaultValue={base?.title ?? ""} maxLength={1000} />
      <TextField
        label="URL"
        name="url"
        defaultValue={base?.url ?? ""}
        maxLength={2000}
        placeholder="https://"
        description="The web address of the document, starting with http:// or https://. One source per address."
      />
      <div className="grid gap-4 sm:grid-cols-3">
        <SelectField label="Type" name="type" options={TYPE_OPTIONS} defaultValue={base?.type ?? "media"} />
        <TextField
          label="Type in words"
          name="typeDetail"
          defaultValue={base?.typeDetail ?? ""}
          maxLength={500}
          description="e.g. think-tank imagery analysis"
        />
        <TextField
          label="Published"
          name="publishedOn"
          defaultValue={base?.publishedOn ?? ""}
          placeholder="2024-04-18"
          description="YYYY, YYYY-MM or YYYY-MM-DD"
        />
      </div>
      <TextField
        label="Authors"
        name="authors"
        rows={2}
        defaultValue={base?.authors.join("\n")}
        description="One per line."
      />
      <SelectField
        label="Source reliability"
        name="reliability"
        options={RELIABILITY_OPTIONS}
        defaultValue={base?.reliability ?? ""}
        required
        className="max-w-md"
        description="F means reliability cannot be judged, not “middling”."
      />
      <TextField
        label="Reliability rationale"
        name="reliabilityRationale"
        rows={3}
        defaultValue={base?.reliabilityRationale}
        maxLength={4000}
        description="Why this grade: track record, access, proximity to the events."
      />
      <TextField
        label="Source descriptor"
        name="descriptor"
        rows={3}
        defaultValue={base?.descriptor}
        maxLength={4000}
        description="Notes on the source: who it is, its access, its stance."
      />
      <TextField
        label="Retrieved on"
        name="retrievedOn"
        defaultValue={base?.retrievedOn ?? ""}
        placeholder="YYYY-MM-DD"
      />
      <TextField
        label="Found in"
        name="foundIn"
        rows={2}
        defaultValue={base?.foundIn.join("\n")}
        description="Pages where you found the source (a report that relays it, an archive): one address per line."
      />
      <div className="flex gap-2">
        <SubmitButton pendingLabel="Saving…">{base ? "Save changes" : "Add source"}</SubmitButton>
        <Link href={cancelHref} className={buttonClasses({ variant: "ghost" })}>
          Cancel
        </Link>
      </div>
    </ActionForm>
  );
}
