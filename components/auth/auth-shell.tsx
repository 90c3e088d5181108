import type { ReactNode } from "react";
import { Wordmark } from "../wordmark";

/** The centred single-card layout of the sign-in, sign-up and invitation pages. */
export function AuthShell({
  title,
  description,
  children,
  footer,
}: {
  title: ReactNode;
  description?: ReactNode;
  children: ReactNode;
  footer?: ReactNode;
}) {
  return (
    <div className="flex min-h-screen flex-col items-center px-4 py-12 sm:py-20">
      <header className="mb-8">
        <Wordmark />
      </header>
      <main id="main" tabIndex={-1} className="w-full max-w-sm focus:outline-none">
        <div className="rounded-lg border border-slate-200 bg-white px-6 py-8 shadow-sm">
          <h1 className="text-xl font-semibold tracking-tight text-slate-900">{title}</h1>
          {description ? <p className="mt-1 text-sm text-slate-600">{description}</p> : null}
          <div className="mt-6">{children}</div>
        </div>
        {footer ? <div className="mt-6 text-center text-sm text-slate-600">{footer}</div> : null}
      </main>
    </div>
  );
}
