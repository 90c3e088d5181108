import { notFound } from "next/navigation";
import { isAppError } from "@/lib/errors";

/**
 * Awaits a domain read and shows the 404 page when it reports not-found. Domain functions
 * answer 404 for other workspaces' ids too, so a page never reveals that something exists.
 */
export async function loadOrNotFound<T>(promise: Promise<T>): Promise<T> {
  try {
    return await promise;
  } catch (error) {
    if (isAppError(error) && error.kind === "not_found") notFound();
    throw error;
  }
}
