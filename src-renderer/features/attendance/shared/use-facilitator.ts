/** The facilitator's name, remembered on this computer from one workshop to the next. */
import { useStoredState } from '#renderer/app/use-stored-state.js';

export function useFacilitator(fallback: string) {
  const [state, setState] = useStoredState('atelier.attendance.facilitator', { name: '' });
  return [state.name || fallback, (name: string) => setState({ name })] as const;
}
