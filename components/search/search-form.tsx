import { ASSESSMENT_STATUS_LABELS, ASSESSMENT_STATUSES } from "@/lib/assessment-status";
import { SEARCH_QUERY_MAX, SEARCH_TYPE_LABELS, SEARCH_TYPES, type SearchType } from "@/lib/schemas/search";
import { INFORMATION_CREDIBILITY, SOURCE_RELIABILITY } from "@/lib/standards/admiralty";
import { FILTER_CONTROL, FilterActions, FilterField, FilterSelect } from "../forms/filter-field";

/** The search as it appears in the URL; absent fields are undefined. */
export interface SearchFormValues {
  q?: string;
  type?: SearchType[];
  site?: string;
  from?: string;
  to?: string;
  minReliability?: string;
  minCredibility?: string;
  status?: string;
}

const RELIABILITY_MINIMUMS = ["A", "B", "C", "D", "E"] as const;
const CREDIBILITY_MINIMUMS = [1, 2, 3, 4, 5] as const;

/**
 * A plain GET form: the search lives in the URL, so it can be bookmarked and shared, and it
 * works before (or without) any JavaScript.
 */
export function SearchForm({
  action,
  values,
  sites,
}: {
  /** The search page's path. */
  action: string;
  values: SearchFormValues;
  sites: { id: string; name: string }[];
}) {
  return (
    <search aria-label="Search this workspace" className="mb-6 block">
      <form
        method="get"
        action={action}
        className="grid gap-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:grid-cols-2 lg:grid-cols-4"
      >
        <div className="sm:col-span-2 lg:col-span-4">
          <FilterField label="Search for" htmlFor="search-everything-q">
            <input
              id="search-everything-q"
              name="q"
              type="search"
              required
              defaultValue={values.q}
              maxLength={SEARCH_QUERY_MAX}
              placeholder='e.g. tikhoretsk rail cars, "ammunition crates", munitions -rumour'
              className={FILTER_CONTROL}
            />
          </FilterField>
        </div>
        <fieldset className="sm:col-span-2 lg:col-span-4">
          <legend className="mb-1 block text-sm font-medium text-slate-800">Find</legend>
          <div className="flex flex-wrap gap-x-4 gap-y-1">
            {SEARCH_TYPES.map((type) => (
              <label key={type} className="flex items-center gap-1.5 text-sm text-slate-700">
                <input type="checkbox" name="type" value={type} defaultChecked={values.type?.includes(type)} />
                {SEARCH_TYPE_LABELS[type]}s
              </label>
            ))}
          </div>
        </fieldset>
        <FilterSelect
          label="Site (observations, citing judgements)"
          id="search-everything-site"
          name="site"
          value={values.site}
          anyLabel="Any site"
          options={sites.map((site) => ({ value: site.id, label: site.name }))}
        />
        <FilterSelect
          label="Assessment status"
          id="search-everything-status"
          name="status"
          value={values.status}
          anyLabel="Any status"
          options={ASSESSMENT_STATUSES.map((status) => ({ value: status, label: ASSESSMENT_STATUS_LABELS[status] }))}
        />
        <FilterField label="From (observed or changed)" htmlFor="search-everything-from">
          <input
            id="search-everything-from"
            name="from"
            type="date"
            defaultValue={values.from}
            className={FILTER_CONTROL}
          />
        </FilterField>
        <FilterField label="To" htmlFor="search-everything-to">
          <input id="search-everything-to" name="to" type="date" defaultValue={values.to} className={FILTER_CONTROL} />
        </FilterField>
        <FilterSelect
          label="Source reliability at least"
          id="search-everything-reliability"
          name="minReliability"
          value={values.minReliability}
          anyLabel="Any reliability"
          options={RELIABILITY_MINIMUMS.map((grade) => ({
            value: grade,
            label: `${grade} – ${SOURCE_RELIABILITY[grade]}`,
          }))}
        />
        <FilterSelect
          label="Information credibility at least"
          id="search-everything-credibility"
          name="minCredibility"
          value={values.minCredibility}
          anyLabel="Any credibility"
          options={CREDIBILITY_MINIMUMS.map((grade) => ({
            value: String(grade),
            label: `${grade} – ${INFORMATION_CREDIBILITY[grade]}`,
          }))}
        />
        <FilterActions submitLabel="Search" clearHref={action} className="sm:col-span-2 lg:col-span-2" />
      </form>
    </search>
  );
}
