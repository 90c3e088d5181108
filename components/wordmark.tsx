import clsx from "clsx";
import Link from "next/link";

/** The Parallax wordmark, linking home; `labelClassName` can hide the name visually on narrow screens. */
export function Wordmark({ href = "/", labelClassName }: { href?: string; labelClassName?: string }) {
  return (
    <Link href={href} className="flex items-center gap-2 rounded text-slate-900">
      <svg aria-hidden="true" viewBox="0 0 24 24" className="size-6 text-accent-600" fill="none">
        <path d="M4 18 10 6M10 18 16 6" stroke="currentColor" strokeWidth="2.5" strokeLinecap="round" />
        <circle cx="19" cy="12" r="2" fill="currentColor" />
      </svg>
      <span className={clsx("text-base font-semibold tracking-tight", labelClassName)}>Parallax</span>
    </Link>
  );
}
