/**
 * Who is acting on these screens: the name the access log keeps with each look. It is the name
 * the welcome desk already remembers on this computer (the same stored state as
 * `useFacilitator`), so a facilitator who typed it at the door is not asked again; a lab member
 * types it once.
 */
import { useStoredState } from '#renderer/app/use-stored-state.js';

export function useActor() {
  const [state, setState] = useStoredState('atelier.attendance.facilitator', { name: '' });
  return [typeof state.name === 'string' ? state.name : '', (name: string) => setState({ name })] as const;
}
