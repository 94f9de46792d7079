/** The dashboard's query lives in the URL (#/study?scope=…), so a view can be bookmarked or shared. */
import type { StudyQuery, StudyScope } from '#shared/study/study.schema.js';

export interface QueryParams {
  scope: StudyScope;
  workshopId: string;
  from: string;
  to: string;
  arrondissement: string;
}

export function paramsToQuery(params: URLSearchParams): QueryParams {
  const scope = params.get('scope');
  return {
    scope: scope === 'workshop' || scope === 'period' ? scope : 'all',
    workshopId: params.get('workshop') ?? '',
    from: params.get('from') ?? '',
    to: params.get('to') ?? '',
    arrondissement: params.get('arr') ?? '',
  };
}

export function queryToParams(q: QueryParams): URLSearchParams {
  const params = new URLSearchParams({ scope: q.scope });
  if (q.scope === 'workshop' && q.workshopId) params.set('workshop', q.workshopId);
  if (q.scope === 'period') {
    if (q.from) params.set('from', q.from);
    if (q.to) params.set('to', q.to);
  }
  if (q.arrondissement) params.set('arr', q.arrondissement);
  return params;
}

/** The command's input; fields left empty are left out, and the core says what is missing. */
export function toStudyQuery(q: QueryParams): StudyQuery {
  return {
    scope: q.scope,
    ...(q.scope === 'workshop' && q.workshopId ? { workshopId: q.workshopId } : {}),
    ...(q.scope === 'period' && q.from ? { from: q.from } : {}),
    ...(q.scope === 'period' && q.to ? { to: q.to } : {}),
    ...(q.arrondissement ? { arrondissement: Number(q.arrondissement) } : {}),
  };
}
