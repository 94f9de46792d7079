/** Hash routes, so the same build works from the web host and Electron's custom protocol. */
import { createHashRouter, Navigate } from 'react-router';
import { WorkshopDetailScreen } from '../features/workshops/detail/WorkshopDetailScreen';
import { WorkshopFormScreen } from '../features/workshops/form/WorkshopFormScreen';
import { WorkshopListScreen } from '../features/workshops/list/WorkshopListScreen';
import { SyncScreen } from '../features/sync/SyncScreen';
import { Shell } from './Shell';

export const router = createHashRouter([
  {
    path: '/',
    element: <Shell />,
    children: [
      { index: true, element: <Navigate to="/workshops" replace /> },
      { path: 'workshops', element: <WorkshopListScreen /> },
      { path: 'workshops/new', element: <WorkshopFormScreen /> },
      { path: 'workshops/:id', element: <WorkshopDetailScreen /> },
      { path: 'workshops/:id/edit', element: <WorkshopFormScreen /> },
      { path: 'sync', element: <SyncScreen /> },
      { path: '*', element: <Navigate to="/workshops" replace /> },
    ],
  },
]);
