/** The list's filters live in the URL (`#/workshops?kind=…`), so Back and a reload keep them. */
import type { WorkshopListInput } from '#shared/workshops/workshop.schema.js';
import { workshopKinds, workshopStatuses } from '#shared/workshops/workshop.schema.js';

export interface ListFilters {
  kind: string;
  status: string;
  arrondissement: string;
  from: string;
  to: string;
  query: string;
}

export const noFilters: ListFilters = { kind: '', status: '', arrondissement: '', from: '', to: '', query: '' };

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function filtersFromParams(params: URLSearchParams): ListFilters {
  return {
    kind: params.get('kind') ?? '',
    status: params.get('status') ?? '',
    arrondissement: params.get('arrondissement') ?? '',
    from: params.get('from') ?? '',
    to: params.get('to') ?? '',
    query: params.get('q') ?? '',
  };
}

export function filtersToParams(filters: ListFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.kind) params.set('kind', filters.kind);
  if (filters.status) params.set('status', filters.status);
  if (filters.arrondissement) params.set('arrondissement', filters.arrondissement);
  if (filters.from) params.set('from', filters.from);
  if (filters.to) params.set('to', filters.to);
  if (filters.query) params.set('q', filters.query);
  return params;
}

export function hasFilters(filters: ListFilters): boolean {
  return Object.values(filters).some(Boolean);
}

/** Only well-formed filters reach the command; a half-typed date is ignored, not an error. */
export function toListInput(filters: ListFilters): WorkshopListInput {
  const input: WorkshopListInput = { limit: 200 };
  if ((workshopKinds as readonly string[]).includes(filters.kind)) input.kind = filters.kind as WorkshopListInput['kind'];
  if ((workshopStatuses as readonly string[]).includes(filters.status)) input.status = filters.status as WorkshopListInput['status'];
  const arr = Number(filters.arrondissement);
  if (Number.isInteger(arr) && arr >= 1 && arr <= 20) input.arrondissement = arr;
  if (DAY.test(filters.from)) input.from = filters.from;
  if (DAY.test(filters.to)) input.to = filters.to;
  const query = filters.query.trim().slice(0, 200);
  if (query) input.query = query;
  return input;
}
