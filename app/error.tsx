"use client";

import { Button } from "@/components/ui/button";

/** Unexpected errors; details are in the server log (the digest ties the two together). */
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main id="main" className="mx-auto max-w-lg px-4 py-20 text-center">
      <h1 className="text-xl font-semibold text-slate-900">Something went wrong</h1>
      <p className="mt-2 text-sm text-slate-600">
        The page could not be shown. Try again; if it keeps happening, tell your administrator
        {error.digest ? (
          <>
            {" "}
            and quote the reference <code className="font-mono">{error.digest}</code>
          </>
        ) : null}
        .
      </p>
      <Button variant="primary" className="mt-6" onClick={reset}>
        Try again
      </Button>
    </main>
  );
}
