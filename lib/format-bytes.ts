/**
 * A file size as people read it: "5 MiB", "1.5 MiB", "512 KiB", "6 bytes". Sizes under 1 KiB are
 * given in bytes: rounding a 6-byte file up to "1 KiB" misstates it by a factor of 170.
 */
export function formatBytes(bytes: number): string {
  const mebibyte = 1024 * 1024;
  if (bytes >= mebibyte && bytes % mebibyte === 0) return `${bytes / mebibyte} MiB`;
  if (bytes >= mebibyte) return `${(bytes / mebibyte).toFixed(1)} MiB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KiB`;
  return `${bytes} ${bytes === 1 ? "byte" : "bytes"}`;
}
