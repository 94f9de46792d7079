/**
 * The routes of one workshop feature (the desk, the proposals, the supports): shown only for a
 * workshop whose kind has it (src-shared/workshops/workshop-kinds.ts, the table the core reads
 * too). For any other kind, a plain page says so and leads back to the workshop, rather than a
 * screen whose every command the core refuses. While the workshop loads, or when it cannot be
 * loaded, the feature's screen shows its own loading and error states.
 */
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useParams } from 'react-router';
import { kindHas, type WorkshopFeature } from '#shared/workshops/workshop-kinds.js';
import type { WorkshopKind } from '#shared/workshops/workshop.schema.js';
import { invoke } from '#renderer/api/client.js';
import { useResult } from '#renderer/api/use-result.js';
import { useScreenTitle } from './use-screen-title';

export function WorkshopFeatureRoute({ feature }: { feature: WorkshopFeature }) {
  const { id = '' } = useParams();
  const workshop = useResult(() => invoke('workshops:get', { id }), id, ['workshops:changed']);
  const kind = workshop.data?.kind;
  if (!kind || kindHas(kind, feature)) return <Outlet />;
  return <FeatureNotOffered workshopId={id} feature={feature} kind={kind} />;
}

function FeatureNotOffered({ workshopId, feature, kind }: { workshopId: string; feature: WorkshopFeature; kind: WorkshopKind }) {
  const { t } = useTranslation();
  const heading = useScreenTitle(t(`workshops.featureNotOffered.${feature}.title`));
  return (
    <div className="screen screen--narrow" data-testid="feature-not-offered">
      <p className="back-link">
        <Link to={`/workshops/${workshopId}`}>
          <span aria-hidden="true">← </span>
          {t('workshops.featureNotOffered.back')}
        </Link>
      </p>
      <h1 ref={heading} tabIndex={-1}>
        {t(`workshops.featureNotOffered.${feature}.title`)}
      </h1>
      <p>{t(`workshops.featureNotOffered.${feature}.text`, { kind: t(`labels.workshopKinds.${kind}`) })}</p>
    </div>
  );
}
