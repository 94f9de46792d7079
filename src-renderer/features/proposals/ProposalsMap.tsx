/** The map of Paris as the proposal screens show it: its name, zoom buttons and data credits in the person's language. */
import { useTranslation } from 'react-i18next';
import { ParisMap, type ParisMapProps } from '#renderer/components/map/ParisMap.js';
import { attributionText, useLicences } from './use-reference';

export function ProposalsMap(props: Omit<ParisMapProps, 'label' | 'zoomInLabel' | 'zoomOutLabel' | 'attribution'>) {
  const { t } = useTranslation();
  const licences = useLicences();
  return (
    <ParisMap
      {...props}
      label={t('proposals.map.label')}
      zoomInLabel={t('proposals.map.zoomIn')}
      zoomOutLabel={t('proposals.map.zoomOut')}
      attribution={attributionText(licences)}
    />
  );
}
