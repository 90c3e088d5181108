import { AppError } from "@/lib/errors";

/**
 * The answer to PUT, PATCH, DELETE or POST on a frozen version: 405 with `Allow: GET`, for
 * everyone, owners included. Published versions are immutable; the database refuses any UPDATE
 * or DELETE of one too, and a new publication is the next version (`POST …/publish`).
 */
export async function refuseVersionChange(_request?: Request): Promise<Response> {
  const error = new AppError(
    "method_not_allowed:version",
    "Published versions cannot be changed or deleted. Start a new draft and publish it as the next version.",
  );
  return Response.json(error.toJSON(), { status: error.status, headers: { allow: "GET" } });
}
