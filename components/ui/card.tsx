import clsx from "clsx";
import type { ReactNode } from "react";

/** A white panel with a hairline border: the one container style of the app. */
export function Card({
  children,
  className,
  as: Element = "section",
  ...aria
}: {
  children: ReactNode;
  className?: string;
  as?: "section" | "div" | "article";
  "aria-labelledby"?: string;
  "aria-label"?: string;
}) {
  return (
    <Element className={clsx("rounded-lg border border-slate-200 bg-white shadow-sm", className)} {...aria}>
      {children}
    </Element>
  );
}

/** Heading row of a card. */
export function CardHeader({
  id,
  title,
  description,
  actions,
}: {
  id?: string;
  title: ReactNode;
  description?: ReactNode;
  actions?: ReactNode;
}) {
  return (
    <div className="flex flex-wrap items-start justify-between gap-3 border-b border-slate-200 px-5 py-4">
      <div className="min-w-0">
        <h2 id={id} className="text-base font-semibold text-slate-900">
          {title}
        </h2>
        {/* A div, not a p: a description may be a list or other blocks (the lifecycle steps are an <ol>). */}
        {description ? <div className="mt-1 text-sm text-slate-600">{description}</div> : null}
      </div>
      {actions ? <div className="flex shrink-0 items-center gap-2">{actions}</div> : null}
    </div>
  );
}
