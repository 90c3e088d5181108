import NextAuth from "next-auth";
import { authOptions } from "@/server/auth/options";

// next-auth's own endpoints: sign-in, callback (OIDC), session, CSRF token and sign-out.
// Built per request so that it reads the validated environment at run time, not at build time.
async function handler(request: Request, context: { params: Promise<{ nextauth: string[] }> }): Promise<Response> {
  return NextAuth(authOptions())(request, context);
}

export { handler as GET, handler as POST };
