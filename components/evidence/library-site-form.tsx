"use client";

import Link from "next/link";
import { useState } from "react";
import { COORDINATE_PRECISION_LABELS, COORDINATE_PRECISIONS } from "@/lib/evidence";
import type { SiteDto } from "@/lib/schemas/evidence";
import { ActionForm } from "../forms/action-form";
import type { FormAction } from "../forms/action-state";
import { Field } from "../forms/field";
import { SelectField } from "../forms/select-field";
import { SubmitButton } from "../forms/submit-button";
import { TextField } from "../forms/text-field";
import { Alert } from "../ui/alert";
import { Button, buttonClasses } from "../ui/button";
import { type StaleEdit, StaleEditNotice } from "./stale-edit-notice";

const PRECISION_OPTIONS = [
  { value: "", label: "No coordinates" },
  ...COORDINATE_PRECISIONS.map((precision) => ({ value: precision, label: COORDINATE_PRECISION_LABELS[precision] })),
];

function describeSite(site: SiteDto) {
  return [
    { label: "Name", value: site.name },
    { label: "Coordinates", value: site.latitude !== null ? `${site.latitude}, ${site.longitude}` : "—" },
    {
      label: "Precision",
      value: site.coordinatePrecision ? COORDINATE_PRECISION_LABELS[site.coordinatePrecision] : "—",
    },
    { label: "Country", value: site.country ?? "—" },
    { label: "Type", value: site.type || "—" },
  ];
}

/**
 * Adds a site or edits one: its name, where it is and how precisely that is known, country and
 * type. Coordinates come as a pair with a precision; the server says so when one is missing.
 */
export function LibrarySiteForm({
  action,
  site,
  cancelHref,
}: {
  action: FormAction<StaleEdit<SiteDto>>;
  /** The site as the server has it now; absent for a new one. */
  site?: SiteDto;
  cancelHref: string;
}) {
  const [base, setBase] = useState(site);
  const [generation, setGeneration] = useState(0);
  const changedMeanwhile = site && base && site.revision > base.revision ? site : null;

  function handleLoadTheirs(current: SiteDto) {
    setBase(current);
    setGeneration((value) => value + 1);
  }

  return (
    <ActionForm key={generation} action={action} className="space-y-5" aria-label={base ? "Edit site" : "New site"}>
      {changedMeanwhile ? (
        <Alert
          tone="warning"
          title={`${changedMeanwhile.updatedBy?.name ?? "Someone"} changed this site since you opened it`}
        >
          <Button size="sm" className="mt-1" onClick={() => handleLoadTheirs(changedMeanwhile)}>
            Load their version
          </Button>
        </Alert>
      ) : null}
      <StaleEditNotice<SiteDto> noun="site" rowsOf={describeSite} onLoadTheirs={handleLoadTheirs} />
      {base ? <input type="hidden" name="revision" value={base.revision} /> : null}
      <div className="grid gap-4 sm:grid-cols-[1fr_12rem]">
        <TextField label="Name" name="name" defaultValue={base?.name} required maxLength={500} />
        <TextField
          label="Id (optional)"
          name="externalId"
          defaultValue={base?.externalId ?? ""}
          maxLength={100}
          description="e.g. tikhoretsk_depot"
        />
      </div>
      <fieldset className="grid gap-4 sm:grid-cols-3">
        <legend className="mb-1 text-sm font-medium text-slate-800">Location</legend>
        <Field label="Latitude" name="latitude" description="Decimal degrees, −90 to 90">
          {(props) => <input type="number" step="any" {...props} defaultValue={base?.latitude ?? ""} />}
        </Field>
        <Field label="Longitude" name="longitude" description="Decimal degrees, −180 to 180">
          {(props) => <input type="number" step="any" {...props} defaultValue={base?.longitude ?? ""} />}
        </Field>
        <SelectField
          label="Coordinate precision"
          name="coordinatePrecision"
          options={PRECISION_OPTIONS}
          defaultValue={base?.coordinatePrecision ?? ""}
        />
      </fieldset>
      <TextField
        label="Coordinate note"
        name="coordinateNote"
        rows={2}
        defaultValue={base?.coordinateNote}
        maxLength={2000}
        description="Where the coordinates come from, e.g. town centre per a gazetteer."
      />
      <div className="grid gap-4 sm:grid-cols-3">
        <TextField
          label="Country"
          name="country"
          defaultValue={base?.country ?? ""}
          maxLength={2}
          placeholder="RU"
          description="Two-letter ISO code"
        />
        <TextField label="Region" name="region" defaultValue={base?.region} maxLength={500} />
        <TextField
          label="Type"
          name="type"
          defaultValue={base?.type}
          maxLength={200}
          description="e.g. munitions storage, port"
        />
      </div>
      <div className="flex gap-2">
        <SubmitButton pendingLabel="Saving…">{base ? "Save changes" : "Add site"}</SubmitButton>
        <Link href={cancelHref} className={buttonClasses({ variant: "ghost" })}>
          Cancel
        </Link>
      </div>
    </ActionForm>
  );
}
