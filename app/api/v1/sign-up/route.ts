import { AppError } from "@/lib/errors";
import { signUpInput } from "@/lib/schemas/users";
import { env } from "@/server/env";
import { apiRoute, created } from "@/server/http/api-route";
import { parseInput } from "@/server/http/parse-input";
import { readJsonBody } from "@/server/http/read-json-body";
import { createUser } from "@/server/users/create-user";

/** Creates an account with email and password (public; 403 when ALLOW_SIGN_UP=false). */
export const POST = apiRoute(
  async ({ request }) => {
    if (!env().ALLOW_SIGN_UP) {
      throw new AppError(
        "forbidden:sign_up",
        "Sign-up is turned off on this server. Ask an administrator for an account.",
      );
    }
    const input = parseInput(signUpInput, await readJsonBody(request));
    return created(await createUser(input));
  },
  { public: true },
);
