"use client";

import "leaflet/dist/leaflet.css";
import type { Map as LeafletMap } from "leaflet";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import type { Topology } from "topojson-specification";
import type { CoordinatePrecision } from "@/lib/evidence";
import { UNCERTAINTY_METERS } from "./site-precision";

/** A site with coordinates, as the map draws it. */
export interface MapSite {
  id: string;
  name: string;
  latitude: number;
  longitude: number;
  precision: CoordinatePrecision;
  /** The site's page. */
  href: string;
  /** Its quantity series as trend lines ("Rail cars: ≈60 (Feb 2024) → ≈50 (Apr 2024)"). */
  series?: string[];
  /** How many conflicts between sources involve it. */
  conflictCount?: number;
}

const CONFLICT = "#b45309";

/** "2 conflicts between sources" (null: none). */
function conflictText(site: MapSite): string | null {
  const count = site.conflictCount ?? 0;
  if (count === 0) return null;
  return `${count} conflict${count === 1 ? "" : "s"} between sources`;
}

const ACCENT = "#4f46e5";
const SEA = "#e0f2fe";

function popupContent(site: MapSite, onOpen: (href: string) => void): HTMLElement {
  // Built as DOM rather than an HTML string, so a site's name can never inject markup.
  const box = document.createElement("div");
  const name = document.createElement("strong");
  name.textContent = site.name;
  const link = document.createElement("a");
  link.href = site.href;
  link.textContent = "Open the site's page";
  link.style.display = "block";
  link.addEventListener("click", (event) => {
    event.preventDefault();
    onOpen(site.href);
  });
  box.append(name);
  for (const line of site.series ?? []) {
    const item = document.createElement("span");
    item.textContent = line;
    item.style.display = "block";
    box.append(item);
  }
  const conflicts = conflictText(site);
  if (conflicts) {
    const warning = document.createElement("span");
    warning.textContent = `⚠ ${conflicts}`;
    warning.style.display = "block";
    warning.style.color = CONFLICT;
    box.append(warning);
  }
  box.append(link);
  return box;
}

/**
 * Sites on a Leaflet map over a bundled world outline (Natural Earth 1:110m via world-atlas), so the
 * map works without a tile server; tiles are drawn on top when a URL is configured and reachable.
 * Each site has a marker and a circle as wide as its coordinates are uncertain; a site with
 * conflicts between sources has an amber marker, and its popup gives its quantity trends.
 */
export function SiteMap({
  sites,
  tileUrl,
  tileAttribution,
  label,
  height = 480,
  zoom,
}: {
  sites: MapSite[];
  /** `{z}/{x}/{y}` tile template; null draws the outline only. */
  tileUrl: string | null;
  /** Credit for the tiles (HTML, from the server's configuration). */
  tileAttribution: string;
  /** Accessible name of the map region. */
  label: string;
  /** Height in pixels. */
  height?: number;
  /** Zoom for a map of one site; several sites are fitted into view. */
  zoom?: number;
}) {
  const containerRef = useRef<HTMLDivElement>(null);
  const router = useRouter();
  const [tilesFailed, setTilesFailed] = useState(false);
  const sitesKey = JSON.stringify(sites);

  useEffect(() => {
    let cancelled = false;
    let map: LeafletMap | undefined;
    const drawn: MapSite[] = JSON.parse(sitesKey);
    (async () => {
      // Leaflet touches `window` when imported, so it loads in the browser only.
      const [{ default: L }, { feature }, world] = await Promise.all([
        import("leaflet"),
        import("topojson-client"),
        import("world-atlas/countries-110m.json"),
      ]);
      const container = containerRef.current;
      if (cancelled || !container) return;
      map = L.map(container, { worldCopyJump: true, minZoom: 1, zoomSnap: 0.5 });
      // The view comes first: Leaflet cannot clip vector layers added to a map without one.
      const points = drawn.map((site): [number, number] => [site.latitude, site.longitude]);
      if (points.length === 1 && points[0]) map.setView(points[0], zoom ?? 7);
      else if (points.length > 1) map.fitBounds(L.latLngBounds(points).pad(0.25), { maxZoom: zoom ?? 6 });
      else map.setView([20, 0], 1.5);
      map.attributionControl.addAttribution("Outline: Natural Earth");
      const topology = world.default as unknown as Topology;
      const outline = L.geoJSON(feature(topology, topology.objects.countries as never), {
        interactive: false,
        style: { color: "#64748b", weight: 0.7, fillColor: "#f8fafc", fillOpacity: 1, className: "world-outline" },
      }).addTo(map);
      if (tileUrl) {
        let loaded = false;
        const tiles = L.tileLayer(tileUrl, { attribution: tileAttribution, maxZoom: 19 });
        tiles.on("tileload", () => {
          loaded = true;
          setTilesFailed(false);
          // Tiles carry their own land and borders; the outline stays as thin lines only.
          outline.setStyle({ fillOpacity: 0, weight: 0.5 });
        });
        tiles.on("tileerror", () => {
          if (!loaded) setTilesFailed(true);
        });
        tiles.addTo(map);
      }
      for (const site of drawn) {
        const at: [number, number] = [site.latitude, site.longitude];
        L.circle(at, {
          radius: UNCERTAINTY_METERS[site.precision],
          color: ACCENT,
          weight: 1,
          fillOpacity: 0.12,
          interactive: false,
          className: "site-uncertainty",
        }).addTo(map);
        L.circleMarker(at, {
          radius: 6,
          color: "#ffffff",
          weight: 2,
          fillColor: conflictText(site) ? CONFLICT : ACCENT,
          fillOpacity: 1,
          className: conflictText(site) ? "site-marker site-marker--conflict" : "site-marker",
        })
          .bindTooltip(conflictText(site) ? `${site.name} (${conflictText(site)})` : site.name)
          .bindPopup(popupContent(site, (href) => router.push(href)))
          .addTo(map);
      }
    })();
    return () => {
      cancelled = true;
      map?.remove();
    };
  }, [sitesKey, tileUrl, tileAttribution, zoom, router]);

  return (
    <section aria-label={label} className="space-y-2">
      <div
        ref={containerRef}
        className="w-full overflow-hidden rounded-lg border border-slate-200"
        style={{ height, background: SEA }}
      />
      {tilesFailed ? (
        <p role="status" className="text-xs text-slate-600">
          Map tiles could not be loaded; the sites are shown over the built-in world outline.
        </p>
      ) : null}
    </section>
  );
}
