"use client";

import { useState } from "react";
import {
  conflictsOf,
  type DetailField,
  type Details,
  type DetailsDraft,
  editDraft,
  rebaseDraft,
  settleConflict,
  startDraft,
} from "@/lib/assessments/details-draft";
import type { DetailChange, DetailChanges } from "@/lib/schemas/assessments";
import { TLP_DEFINITIONS, type TlpMarking } from "@/lib/tlp";
import { ActionForm } from "../forms/action-form";
import type { ActionState, FormAction } from "../forms/action-state";
import { useFormContext } from "../forms/form-context";
import { SelectField } from "../forms/select-field";
import { SubmitButton } from "../forms/submit-button";
import { TextField } from "../forms/text-field";
import { Button } from "../ui/button";
import { RelativeTime } from "../ui/relative-time";
import { TLP_OPTIONS } from "./tlp-options";

/** What the save action answers besides its message: our saved values, or theirs after a lost race. */
export interface DetailsResult {
  saved?: Details;
  current?: Details;
  /** With `current`: who last changed each field, and when. */
  lastChanges?: DetailChanges;
}

const NOUNS: Record<DetailField, string> = { title: "title", keyQuestion: "key question", tlp: "TLP" };

function describeValue(field: DetailField, value: string): string {
  if (field === "tlp") return TLP_DEFINITIONS[value as TlpMarking].label;
  return value.trim() === "" ? "nothing" : `“${value}”`;
}

/** Who made `change`, as this user reads it. */
function changerOf(change: DetailChange | undefined, userId: string): string {
  if (!change?.by) return "Someone else";
  return change.by.id === userId ? "You (in another tab or window)" : change.by.name;
}

/** Beside a field someone else changed while this user was editing it: who, their value, when, and the choice. */
function ConflictNotice({
  field,
  theirs,
  change,
  userId,
  onSettle,
}: {
  field: DetailField;
  theirs: string;
  /** Who made the change and when, when known. */
  change: DetailChange | undefined;
  userId: string;
  onSettle: (keep: "mine" | "theirs") => void;
}) {
  const noun = NOUNS[field];
  return (
    <div role="alert" className="mt-1 rounded-md border border-amber-300 bg-amber-50 p-2 text-sm text-amber-950">
      <p>
        {changerOf(change, userId)} changed the {noun} to {describeValue(field, theirs)}
        {change ? (
          <>
            {" "}
            <RelativeTime date={change.at} />
          </>
        ) : null}{" "}
        while you were editing it. Your version is still in the field and has not been saved.
      </p>
      <div className="mt-2 flex flex-wrap gap-2">
        <Button size="sm" onClick={() => onSettle("theirs")}>
          Use their {noun}
        </Button>
        <Button size="sm" variant="ghost" onClick={() => onSettle("mine")}>
          Keep my {noun}
        </Button>
      </div>
    </div>
  );
}

/**
 * The fields, inside the form so that they see each save's answer. The page re-renders with the
 * server's values whenever anyone saves (live); fields this user has not edited follow them, and
 * edited ones are kept, with a notice when someone else changed the same field meanwhile.
 */
function DetailsFields({
  server,
  serverChanges,
  userId,
}: {
  server: Details;
  serverChanges: DetailChanges;
  userId: string;
}) {
  const { state } = useFormContext() as { state: ActionState<DetailsResult> };
  const [draft, setDraft] = useState<DetailsDraft>(() => startDraft(server));
  // Who changed what the draft knows as the latest values: from the same answer as those values.
  const [changes, setChanges] = useState(serverChanges);
  // Adjusting state while rendering (React's pattern for "props changed"): no frame shows old values.
  const [seenServer, setSeenServer] = useState(server);
  const [seenChanges, setSeenChanges] = useState(() => JSON.stringify(serverChanges));
  const [seenState, setSeenState] = useState(state);
  let next = draft;
  let nextChanges = changes;
  if (seenState !== state) {
    setSeenState(state);
    if (state.data?.saved) next = startDraft(state.data.saved);
    else if (state.data?.current) {
      next = rebaseDraft(next, state.data.current);
      nextChanges = state.data.lastChanges ?? {};
    }
  }
  if (
    seenServer.title !== server.title ||
    seenServer.keyQuestion !== server.keyQuestion ||
    seenServer.tlp !== server.tlp
  ) {
    setSeenServer(server);
    next = rebaseDraft(next, server);
  }
  // A value can come back to what it was with someone else's name on it: compared apart from the values.
  const serverChangesKey = JSON.stringify(serverChanges);
  if (seenChanges !== serverChangesKey) {
    setSeenChanges(serverChangesKey);
    nextChanges = serverChanges;
  }
  if (next !== draft) setDraft(next);
  if (nextChanges !== changes) setChanges(nextChanges);

  const conflicts = new Set(conflictsOf(next));
  const notice = (field: DetailField) =>
    conflicts.has(field) ? (
      <ConflictNotice
        field={field}
        theirs={next.latest[field]}
        change={nextChanges[field]}
        userId={userId}
        onSettle={(keep) => setDraft((current) => settleConflict(current, field, keep))}
      />
    ) : null;

  return (
    <>
      {/* What the edits started from: the server writes only fields changed from these, and refuses
          to overwrite a field that no longer holds its value here. */}
      <input type="hidden" name="expectedTitle" value={next.base.title} />
      <input type="hidden" name="expectedKeyQuestion" value={next.base.keyQuestion} />
      <input type="hidden" name="expectedTlp" value={next.base.tlp} />
      <div>
        <TextField
          label="Title"
          name="title"
          value={next.values.title}
          onChange={(event) => setDraft((current) => editDraft(current, "title", event.target.value))}
          required
          maxLength={200}
        />
        {notice("title")}
      </div>
      <div>
        <TextField
          label="Key question"
          name="keyQuestion"
          value={next.values.keyQuestion}
          onChange={(event) => setDraft((current) => editDraft(current, "keyQuestion", event.target.value))}
          rows={3}
          maxLength={2000}
          description="The question decision-makers need answered."
        />
        {notice("keyQuestion")}
      </div>
      <div>
        <SelectField
          label="TLP"
          name="tlp"
          options={TLP_OPTIONS}
          value={next.values.tlp}
          onChange={(event) => setDraft((current) => editDraft(current, "tlp", event.target.value as TlpMarking))}
          description="Traffic Light Protocol marking: who may receive this assessment."
          className="max-w-xs"
        />
        {notice("tlp")}
      </div>
    </>
  );
}

/**
 * Edits an assessment's title, key question and TLP marking; shown only to those who may edit.
 * A save writes only what this user changed, and never overwrites a colleague's change unseen.
 */
export function AssessmentDetailsForm({
  action,
  title,
  keyQuestion,
  tlp,
  lastChanges,
  userId,
}: {
  action: FormAction<DetailsResult>;
  title: string;
  keyQuestion: string;
  tlp: TlpMarking;
  /** Who last changed each field and when, named in the notice when it conflicts with this user's edit. */
  lastChanges: DetailChanges;
  /** The signed-in user: their own change from another tab is "You", not their name. */
  userId: string;
}) {
  return (
    <ActionForm action={action} className="space-y-4 p-5" aria-label="Assessment details" showSuccess>
      <DetailsFields server={{ title, keyQuestion, tlp }} serverChanges={lastChanges} userId={userId} />
      <SubmitButton pendingLabel="Saving…">Save changes</SubmitButton>
    </ActionForm>
  );
}
