import Link from "next/link";
import type { ReactNode } from "react";
import type { FieldErrors } from "@/lib/errors";
import type { AuditEventDto } from "@/lib/schemas/audit";
import { Alert } from "../ui/alert";
import { buttonClasses } from "../ui/button";
import { Card } from "../ui/card";
import { AuditEventsTable } from "./audit-events-table";
import { AUDIT_FILTER_FIELDS } from "./audit-filter-form";

/** The URL query of the current audit filters plus `extra`, for the CSV and paging links. */
export function auditFilterQuery(filters: Record<string, string>, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  for (const name of AUDIT_FILTER_FIELDS) if (filters[name]) params.set(name, filters[name]);
  for (const [name, value] of Object.entries(extra)) params.set(name, value);
  return params.size > 0 ? `?${params}` : "";
}

/**
 * An audit trail page's body under its header and filter form (workspace and assessment views):
 * what is wrong with the filters (the form shows its fields' messages beside them; the rest are
 * listed here), or one page of events with links to the newest and the older ones.
 */
export function AuditTrailView(
  props: {
    header: ReactNode;
    form: ReactNode;
    /** The page's own path, for the paging links. */
    path: string;
    /** The filters as read from the URL. */
    filters: Record<string, string>;
  } & (
    | { errors: FieldErrors }
    | { errors?: undefined; events: AuditEventDto[]; isFirstPage: boolean; nextCursor: number | null }
  ),
) {
  const { header, form, path, filters } = props;
  if (props.errors) {
    const fields: readonly string[] = AUDIT_FILTER_FIELDS;
    const others = Object.entries(props.errors).flatMap(([name, messages]) => (fields.includes(name) ? [] : messages));
    return (
      <>
        {header}
        {form}
        <Alert tone="error" title="Some filters are not valid.">
          {others.length > 0 ? (
            <ul>
              {others.map((message) => (
                <li key={message}>{message}</li>
              ))}
            </ul>
          ) : (
            "Correct the fields marked above and filter again."
          )}
        </Alert>
      </>
    );
  }
  return (
    <>
      {header}
      {form}
      <Card aria-label="Audit events">
        <AuditEventsTable events={props.events} />
      </Card>
      <nav aria-label="Audit pages" className="mt-4 flex gap-2">
        {props.isFirstPage ? null : (
          <Link href={`${path}${auditFilterQuery(filters)}`} className={buttonClasses({ variant: "ghost" })}>
            Newest
          </Link>
        )}
        {props.nextCursor ? (
          <Link
            href={`${path}${auditFilterQuery(filters, { before: String(props.nextCursor) })}`}
            className={buttonClasses({ variant: "secondary" })}
          >
            Older
          </Link>
        ) : null}
      </nav>
    </>
  );
}
