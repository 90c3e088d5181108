import type { AuditEventDto } from "@/lib/schemas/audit";
import { RelativeTime } from "../ui/relative-time";
import { TableHead } from "../ui/table-head";

/** `data` as short "key: value" lines; nested values stay JSON. React escapes all of it. */
function detailLines(data: Record<string, unknown>): string[] {
  return Object.entries(data).map(([key, value]) => {
    if (value && typeof value === "object" && "from" in value && "to" in value) {
      const change = value as { from: unknown; to: unknown };
      return `${key}: ${String(change.from)} → ${String(change.to)}`;
    }
    return `${key}: ${typeof value === "string" ? value : JSON.stringify(value)}`;
  });
}

/** Role changes and renames store `{ from, to }` at the top; `changes` nests one per field. */
function describeData(data: Record<string, unknown>): string[] {
  if ("from" in data && "to" in data) {
    const { from, to, ...rest } = data;
    return [`${String(from)} → ${String(to)}`, ...detailLines(rest)];
  }
  if (data.changes && typeof data.changes === "object") {
    const { changes, ...rest } = data;
    return [...detailLines(changes as Record<string, unknown>), ...detailLines(rest)];
  }
  return detailLines(data);
}

/** The audit trail as a table: when, who, action, target, details. Newest first, as given. */
export function AuditEventsTable({ events }: { events: AuditEventDto[] }) {
  if (events.length === 0) {
    return <p className="px-5 py-8 text-center text-sm text-slate-600">No events match these filters.</p>;
  }
  return (
    <div className="relative overflow-x-auto">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Audit events, newest first</caption>
        <TableHead columns={["When", "Who", "Action", "Target", "Details"]} />
        <tbody className="divide-y divide-slate-100">
          {events.map((event) => (
            <tr key={event.id} className="align-top">
              <td className="whitespace-nowrap px-5 py-3 text-slate-600">
                <RelativeTime date={event.createdAt} />
              </td>
              <td className="px-5 py-3 text-slate-900">{event.actor ? event.actor.name : "Operator (CLI)"}</td>
              <td className="px-5 py-3">
                <code className="rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-800">{event.action}</code>
              </td>
              <td className="px-5 py-3 text-slate-700">
                <span className="block">{event.targetLabel ?? event.targetId}</span>
                <span className="text-xs text-slate-500">{event.targetType.replace("_", " ")}</span>
              </td>
              <td className="px-5 py-3 text-slate-600">
                <ul className="space-y-0.5 break-words">
                  {describeData(event.data).map((line) => (
                    <li key={line}>{line}</li>
                  ))}
                </ul>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
