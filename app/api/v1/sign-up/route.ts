import { AppError } from "@/lib/errors";
import { signUpInput } from "@/lib/schemas/users";
import { clientIpFromHeaders } from "@/server/auth/client-ip";
import { env } from "@/server/env";
import { apiRoute, created } from "@/server/http/api-route";
import { parseInput } from "@/server/http/parse-input";
import { readJsonBody } from "@/server/http/read-json-body";
import { createUser } from "@/server/users/create-user";
import { limitSignUps } from "@/server/users/limit-sign-ups";

/** Creates an account with email and password (public; 403 when ALLOW_SIGN_UP=false; 429 past the per-address hourly limit). */
export const POST = apiRoute(
  async ({ request }) => {
    if (!env().ALLOW_SIGN_UP) {
      throw new AppError(
        "forbidden:sign_up",
        "Sign-up is turned off on this server. Ask an administrator for an account.",
      );
    }
    await limitSignUps(clientIpFromHeaders(request.headers));
    const input = parseInput(signUpInput, await readJsonBody(request));
    return created(await createUser(input));
  },
  { public: true },
);
