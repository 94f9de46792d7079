/** The title of the cohort's call for volunteers (read from the calls' list: features do not import each other). */
import { invoke } from '#renderer/api/client.js';
import { useResult } from '#renderer/api/use-result.js';

export function useCampaignTitle(campaignId: string): string | undefined {
  const campaigns = useResult(() => invoke('transfo:campaigns', {}), 'training-campaigns', ['transfo:changed']);
  return campaigns.data?.items.find((c) => c.id === campaignId)?.title;
}
