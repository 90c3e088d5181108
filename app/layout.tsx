import type { Metadata } from "next";
import type { ReactNode } from "react";
import { ZodWithoutEval } from "@/components/zod-without-eval";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Parallax", template: "%s · Parallax" },
  description: "Collaborative real-time assessment workspace",
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen bg-slate-50 text-slate-900 antialiased">
        <ZodWithoutEval />
        {/* Every page renders its content in <main id="main">; the link lets keyboard users skip the top bar. */}
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:fixed focus:left-4 focus:top-4 focus:z-50 focus:rounded-md focus:bg-white focus:px-4 focus:py-2 focus:text-sm focus:font-medium focus:text-accent-700 focus:shadow-lg focus:ring-2 focus:ring-accent-500"
        >
          Skip to content
        </a>
        {children}
      </body>
    </html>
  );
}
