import type { CoordinatePrecision } from "@/lib/evidence";

/**
 * Radius of the circle drawn around a site: how far the real place may be from its coordinates.
 * A town position stands for something in or near the town, so a few kilometres. Kept out of the
 * map's client module so server components can read it too.
 */
export const UNCERTAINTY_METERS: Record<CoordinatePrecision, number> = {
  exact: 50,
  approx_1km: 1_000,
  approx_10km: 10_000,
  town: 5_000,
};

/** The uncertainty radius in words: "5 km", "50 m". */
export function uncertaintyRadiusLabel(precision: CoordinatePrecision): string {
  const meters = UNCERTAINTY_METERS[precision];
  return meters >= 1000 ? `${meters / 1000} km` : `${meters} m`;
}
