import clsx from "clsx";
import type { Metadata } from "next";
import Link from "next/link";
import { ActionForm } from "@/components/forms/action-form";
import { SubmitButton } from "@/components/forms/submit-button";
import { LiveNotificationsRefresh } from "@/components/notifications/live-notifications-refresh";
import { NotificationList } from "@/components/notifications/notification-list";
import { Alert } from "@/components/ui/alert";
import { buttonClasses, FOCUS_RING } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { isAppError } from "@/lib/errors";
import type { NotificationPage } from "@/lib/schemas/notifications";
import { requireSessionActor } from "@/server/auth/session";
import { listNotifications } from "@/server/notifications/list-notifications";
import { SignedInShell } from "../_components/signed-in-shell";
import { markAllNotificationsReadAction, markNotificationReadAction } from "./actions";

export const metadata: Metadata = { title: "Notifications" };

const PATH = "/notifications";

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value || undefined;
}

/** Every notification of the signed-in user, newest first: all or unread only, paged, live. */
export default async function NotificationsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requireSessionActor(PATH);
  const params = await searchParams;
  const unreadOnly = first(params.unread) === "true";
  const before = first(params.before);
  let page: NotificationPage | null = null;
  let problem: string | null = null;
  try {
    page = await listNotifications({ actor, query: { unread: unreadOnly ? "true" : undefined, before } });
  } catch (error) {
    if (!isAppError(error) || error.kind !== "bad_request") throw error;
    problem = "This page of notifications does not exist. Start again from the newest.";
  }
  const filterHref = (unread: boolean) => (unread ? `${PATH}?unread=true` : PATH);

  return (
    <SignedInShell actor={actor}>
      <LiveNotificationsRefresh />
      <PageHeader
        title="Notifications"
        description="Mentions, review requests, requested changes, stale approvals and publications in your workspaces."
        actions={
          page && page.unreadCount > 0 ? (
            <ActionForm action={markAllNotificationsReadAction}>
              <SubmitButton variant="secondary" pendingLabel="Marking…">
                Mark all read
              </SubmitButton>
            </ActionForm>
          ) : null
        }
      />
      <nav aria-label="Filter notifications" className="mb-4 flex gap-1">
        {[false, true].map((unread) => (
          <Link
            key={String(unread)}
            href={filterHref(unread)}
            aria-current={unread === unreadOnly ? "page" : undefined}
            className={clsx(
              "rounded-md px-3 py-1.5 text-sm font-medium",
              FOCUS_RING,
              unread === unreadOnly ? "bg-accent-50 text-accent-700" : "text-slate-600 hover:bg-slate-100",
            )}
          >
            {unread ? `Unread${page ? ` (${page.unreadCount})` : ""}` : "All"}
          </Link>
        ))}
      </nav>
      {problem || !page ? (
        <Alert tone="error" title={problem ?? "Notifications could not be loaded."}>
          <Link href={PATH} className="underline">
            Newest notifications
          </Link>
        </Alert>
      ) : (
        <>
          <Card aria-label="Notifications">
            <NotificationList
              notifications={page.notifications}
              emptyText={unreadOnly ? "No unread notifications." : "No notifications yet."}
              markRead={(notification) => (
                <ActionForm action={markNotificationReadAction}>
                  <input type="hidden" name="notificationId" value={notification.id} />
                  <SubmitButton variant="ghost" size="sm" pendingLabel="Marking…">
                    Mark read<span className="sr-only">: {notification.summary}</span>
                  </SubmitButton>
                </ActionForm>
              )}
            />
          </Card>
          <nav aria-label="Notification pages" className="mt-4 flex gap-2">
            {before ? (
              <Link href={filterHref(unreadOnly)} className={buttonClasses({ variant: "ghost" })}>
                Newest
              </Link>
            ) : null}
            {page.nextCursor ? (
              <Link
                href={`${PATH}?${new URLSearchParams({ ...(unreadOnly ? { unread: "true" } : {}), before: page.nextCursor })}`}
                className={buttonClasses({ variant: "secondary" })}
              >
                Older
              </Link>
            ) : null}
          </nav>
        </>
      )}
    </SignedInShell>
  );
}
