import clsx from "clsx";
import type { FieldErrors } from "@/lib/errors";
import { AUDIT_TARGET_TYPES } from "@/lib/schemas/audit";
import { FILTER_CONTROL, FilterActions, FilterField, filterErrorId } from "../forms/filter-field";

/** The filters as they appear in the URL; absent ones are undefined. */
export interface AuditFilterValues {
  action?: string;
  actorId?: string;
  targetType?: string;
  from?: string;
  to?: string;
}

/** Action prefixes offered as suggestions; any exact action can be typed too. */
const ACTION_SUGGESTIONS = [
  "member.",
  "invitation.",
  "workspace.",
  "assessment.",
  "judgement.",
  "forecast.",
  "comment_thread.",
  "comment.",
  "observation.",
  "source.",
  "site.",
  "evidence.",
];

// API token events belong to no workspace, so neither audit view holds any.
const OFFERED_TARGET_TYPES = AUDIT_TARGET_TYPES.filter((type) => type !== "api_token");

/** The filters the form has a field for; the page lists mistakes in any other parameter itself. */
export const AUDIT_FILTER_FIELDS = ["action", "actorId", "targetType", "from", "to"] as const;

/** The props that mark a control whose value was refused and point to the message under it. */
function invalidProps(id: string, errors: readonly string[] | undefined) {
  return errors && errors.length > 0
    ? { "aria-invalid": true, "aria-describedby": filterErrorId(id), className: clsx(FILTER_CONTROL, "border-red-400") }
    : { className: FILTER_CONTROL };
}

/**
 * Filters the audit trail with a plain GET form, so a filtered view can be bookmarked or sent to
 * a colleague. Blank fields are ignored by the page.
 */
export function AuditFilterForm({
  action,
  values,
  errors = {},
  people,
}: {
  /** The audit page's path. */
  action: string;
  values: AuditFilterValues;
  /** Why filters in the URL were refused, by parameter; each shows under its field. */
  errors?: FieldErrors;
  /** Whom the "Who" filter offers: the current members. */
  people: { id: string; name: string }[];
}) {
  return (
    <search aria-label="Filter audit events" className="mb-6 block">
      <form
        method="get"
        action={action}
        className="grid gap-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:grid-cols-2 lg:grid-cols-5"
      >
        <FilterField label="Action" htmlFor="audit-action" errors={errors.action}>
          <input
            id="audit-action"
            name="action"
            list="audit-action-suggestions"
            defaultValue={values.action}
            placeholder="member. or member.removed"
            maxLength={100}
            {...invalidProps("audit-action", errors.action)}
          />
          <datalist id="audit-action-suggestions">
            {ACTION_SUGGESTIONS.map((suggestion) => (
              <option key={suggestion} value={suggestion} />
            ))}
          </datalist>
        </FilterField>
        <FilterField label="Who" htmlFor="audit-actor" errors={errors.actorId}>
          <select
            id="audit-actor"
            name="actorId"
            defaultValue={values.actorId ?? ""}
            {...invalidProps("audit-actor", errors.actorId)}
          >
            <option value="">Anyone</option>
            {people.map((person) => (
              <option key={person.id} value={person.id}>
                {person.name}
              </option>
            ))}
          </select>
        </FilterField>
        <FilterField label="Target" htmlFor="audit-target" errors={errors.targetType}>
          <select
            id="audit-target"
            name="targetType"
            defaultValue={values.targetType ?? ""}
            {...invalidProps("audit-target", errors.targetType)}
          >
            <option value="">Any target</option>
            {OFFERED_TARGET_TYPES.map((type) => (
              <option key={type} value={type}>
                {type.replace("_", " ")}
              </option>
            ))}
          </select>
        </FilterField>
        <FilterField label="From" htmlFor="audit-from" errors={errors.from}>
          <input
            id="audit-from"
            name="from"
            type="date"
            defaultValue={values.from}
            {...invalidProps("audit-from", errors.from)}
          />
        </FilterField>
        <FilterField label="To" htmlFor="audit-to" errors={errors.to}>
          <input
            id="audit-to"
            name="to"
            type="date"
            defaultValue={values.to}
            {...invalidProps("audit-to", errors.to)}
          />
        </FilterField>
        <FilterActions submitLabel="Filter" clearHref={action} className="sm:col-span-2 lg:col-span-5" />
      </form>
    </search>
  );
}
