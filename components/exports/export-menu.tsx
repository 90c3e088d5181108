"use client";

import { useState } from "react";
import { EXPORT_FORMAT_INFO, EXPORT_FORMATS, type ExportFormat } from "@/lib/exports/export-formats";
import { Alert } from "../ui/alert";
import { Button } from "../ui/button";
import { type DownloadProgress, downloadWithProgress, saveBlob } from "./download-with-progress";

const SHORT_LABELS: Record<ExportFormat, string> = { md: "Markdown", docx: "DOCX", pdf: "PDF", json: "JSON" };

export interface ExportMenuProps {
  assessmentId: string;
  /** The version's number. */
  number: number;
}

/**
 * Export buttons for one version (Markdown, DOCX, PDF, JSON). The file is fetched and read as a
 * stream so a progress bar can follow it, then saved through a download link; a refusal (e.g. the
 * version is no longer visible) is shown in an alert with the API's message.
 */
export function ExportMenu({ assessmentId, number }: ExportMenuProps) {
  const [busy, setBusy] = useState<ExportFormat | null>(null);
  const [progress, setProgress] = useState<DownloadProgress | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function handleExport(format: ExportFormat) {
    setBusy(format);
    setError(null);
    setProgress(null);
    try {
      const file = await downloadWithProgress(
        `/api/v1/assessments/${assessmentId}/versions/${number}/export?format=${format}`,
        `assessment-v${number}.${EXPORT_FORMAT_INFO[format].extension}`,
        setProgress,
      );
      saveBlob(file);
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : "The export failed.");
    } finally {
      setBusy(null);
      setProgress(null);
    }
  }

  const percent = progress?.total ? Math.min(100, Math.round((progress.received / progress.total) * 100)) : null;
  return (
    <div className="flex flex-col items-end gap-2">
      <fieldset className="flex items-center gap-1" aria-label="Export this version">
        <span className="mr-1 text-sm text-slate-600">Export</span>
        {EXPORT_FORMATS.map((format) => (
          <Button
            key={format}
            size="sm"
            variant="ghost"
            disabled={busy !== null}
            title={`Download as ${EXPORT_FORMAT_INFO[format].label}`}
            onClick={() => handleExport(format)}
          >
            {SHORT_LABELS[format]}
          </Button>
        ))}
      </fieldset>
      {busy ? (
        <div className="w-48">
          <div
            role="progressbar"
            aria-label={`Exporting ${SHORT_LABELS[busy]}`}
            aria-valuemin={0}
            aria-valuemax={100}
            {...(percent !== null ? { "aria-valuenow": percent } : {})}
            className="h-1.5 overflow-hidden rounded bg-slate-200"
          >
            <div
              className={percent === null ? "h-full w-1/3 animate-pulse bg-slate-500" : "h-full bg-slate-700"}
              style={percent === null ? undefined : { width: `${percent}%` }}
            />
          </div>
        </div>
      ) : null}
      {error ? (
        <Alert tone="error" title="Export failed" className="max-w-sm">
          {error}
        </Alert>
      ) : null}
    </div>
  );
}
