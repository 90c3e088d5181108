import { FILTER_CONTROL, FilterActions, FilterField } from "../forms/filter-field";

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

const TARGET_TYPES = [
  "user",
  "workspace",
  "invitation",
  "assessment",
  "judgement",
  "comment_thread",
  "comment",
  "observation",
  "source",
  "site",
];

/**
 * Filters the audit trail with a plain GET form, so a filtered view can be bookmarked or sent to
 * a colleague. Blank fields are ignored by the page.
 */
export function AuditFilterForm({
  action,
  values,
  people,
}: {
  /** The audit page's path. */
  action: string;
  values: AuditFilterValues;
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
        <FilterField label="Action" htmlFor="audit-action">
          <input
            id="audit-action"
            name="action"
            list="audit-action-suggestions"
            defaultValue={values.action}
            placeholder="member. or member.removed"
            className={FILTER_CONTROL}
            maxLength={100}
          />
          <datalist id="audit-action-suggestions">
            {ACTION_SUGGESTIONS.map((suggestion) => (
              <option key={suggestion} value={suggestion} />
            ))}
          </datalist>
        </FilterField>
        <FilterField label="Who" htmlFor="audit-actor">
          <select id="audit-actor" name="actorId" defaultValue={values.actorId ?? ""} className={FILTER_CONTROL}>
            <option value="">Anyone</option>
            {people.map((person) => (
              <option key={person.id} value={person.id}>
                {person.name}
              </option>
            ))}
          </select>
        </FilterField>
        <FilterField label="Target" htmlFor="audit-target">
          <select id="audit-target" name="targetType" defaultValue={values.targetType ?? ""} className={FILTER_CONTROL}>
            <option value="">Any target</option>
            {TARGET_TYPES.map((type) => (
              <option key={type} value={type}>
                {type.replace("_", " ")}
              </option>
            ))}
          </select>
        </FilterField>
        <FilterField label="From" htmlFor="audit-from">
          <input id="audit-from" name="from" type="date" defaultValue={values.from} className={FILTER_CONTROL} />
        </FilterField>
        <FilterField label="To" htmlFor="audit-to">
          <input id="audit-to" name="to" type="date" defaultValue={values.to} className={FILTER_CONTROL} />
        </FilterField>
        <FilterActions submitLabel="Filter" clearHref={action} className="sm:col-span-2 lg:col-span-5" />
      </form>
    </search>
  );
}
