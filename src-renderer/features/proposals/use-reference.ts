/** Reference data every proposal screen needs, loaded once per session (it never changes). */
import { useEffect, useState } from 'react';
import type { Boundaries, LicenceNotice } from '#shared/reference/reference.schema.js';
import { invoke } from '../../api/client';

let boundaries: Promise<Boundaries | null> | null = null;
let licences: Promise<LicenceNotice[]> | null = null;

function loadBoundaries() {
  boundaries ??= invoke('reference:boundaries', {}).then((r) => {
    if (!r.ok) boundaries = null; // try again next time
    return r.ok ? r.value : null;
  });
  return boundaries;
}

function loadLicences() {
  licences ??= invoke('reference:licences', {}).then((r) => (r.ok ? r.value.items : []));
  return licences;
}

/** undefined while loading, null when it failed. */
export function useBoundaries(): Boundaries | null | undefined {
  const [value, setValue] = useState<Boundaries | null | undefined>(undefined);
  useEffect(() => {
    let live = true;
    void loadBoundaries().then((b) => live && setValue(b));
    return () => {
      live = false;
    };
  }, []);
  return value;
}

export function useLicences(): LicenceNotice[] {
  const [value, setValue] = useState<LicenceNotice[]>([]);
  useEffect(() => {
    let live = true;
    void loadLicences().then((l) => live && setValue(l));
    return () => {
      live = false;
    };
  }, []);
  return value;
}

/** « © Ville de Paris (ODbL 1.0), ANCT (Licence Ouverte 2.0)… » for the map's attribution. */
export function attributionText(items: readonly LicenceNotice[]): string {
  return [...new Set(items.map((l) => `${l.producer} (${l.licence})`))].join(', ');
}
