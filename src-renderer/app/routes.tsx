/**
 * Hash routes, so the same build works from the web host and Electron's custom protocol.
 * The workshop screens (the first thing a facilitator sees) load with the app; the others
 * (the welcome desk, proposals and their map, the charter, the study, sync, personal data) load on first visit, so the
 * map and chart code never delay the first screen.
 */
import { createHashRouter, Navigate } from 'react-router';
import { WorkshopDetailScreen } from '../features/workshops/detail/WorkshopDetailScreen';
import { WorkshopFormScreen } from '../features/workshops/form/WorkshopFormScreen';
import { WorkshopListScreen } from '../features/workshops/list/WorkshopListScreen';
import { Shell } from './Shell';
import { WorkshopFeatureRoute } from './WorkshopFeatureRoute';

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
      // A feature's screens show only for a workshop whose kind has it (workshop-kinds.ts).
      {
        element: <WorkshopFeatureRoute feature="welcomeDesk" />,
        children: [
          { path: 'workshops/:id/attendance', lazy: async () => ({ Component: (await import('../features/attendance/check-in/CheckInScreen')).CheckInScreen }) },
          { path: 'workshops/:id/attendance/paper', lazy: async () => ({ Component: (await import('../features/attendance/paper/PaperEntryScreen')).PaperEntryScreen }) },
        ],
      },
      {
        element: <WorkshopFeatureRoute feature="proposals" />,
        children: [
          { path: 'workshops/:id/proposals', lazy: async () => ({ Component: (await import('../features/proposals/list/ProposalsScreen')).ProposalsScreen }) },
          { path: 'workshops/:id/proposals/new', lazy: async () => ({ Component: (await import('../features/proposals/form/ProposalFormScreen')).ProposalFormScreen }) },
          { path: 'workshops/:id/proposals/merge', lazy: async () => ({ Component: (await import('../features/proposals/merge/MergeScreen')).MergeScreen }) },
          { path: 'workshops/:id/proposals/:pid/edit', lazy: async () => ({ Component: (await import('../features/proposals/form/ProposalFormScreen')).ProposalFormScreen }) },
        ],
      },
      {
        element: <WorkshopFeatureRoute feature="supports" />,
        children: [{ path: 'workshops/:id/supports', lazy: async () => ({ Component: (await import('../features/proposals/supports/SupportsScreen')).SupportsScreen }) }],
      },
      {
        element: <WorkshopFeatureRoute feature="contributions" />,
        children: [{ path: 'workshops/:id/charter', lazy: async () => ({ Component: (await import('../features/charter/workshop/WorkshopContributionsScreen')).WorkshopContributionsScreen }) }],
      },
      { path: 'charter', lazy: async () => ({ Component: (await import('../features/charter/structure/CharterScreen')).CharterScreen }) },
      { path: 'charter/paper', lazy: async () => ({ Component: (await import('../features/charter/paper/PaperSheetsScreen')).PaperSheetsScreen }) },
      { path: 'charter/results', lazy: async () => ({ Component: (await import('../features/charter/results/ResultsScreen')).ResultsScreen }) },
      // Citizen Card ateliers: the catalogue, a session, its door, the card holders.
      { path: 'citizen-card', lazy: async () => ({ Component: (await import('../features/citizen-card/catalogue/CatalogueScreen')).CatalogueScreen }) },
      { path: 'citizen-card/holders', lazy: async () => ({ Component: (await import('../features/citizen-card/holders/HoldersScreen')).HoldersScreen }) },
      { path: 'citizen-card/occurrences/:workshopId', lazy: async () => ({ Component: (await import('../features/citizen-card/occurrence/OccurrenceScreen')).OccurrenceScreen }) },
      {
        path: 'citizen-card/occurrences/:workshopId/check-in',
        lazy: async () => ({ Component: (await import('../features/citizen-card/check-in/CardCheckInScreen')).CardCheckInScreen }),
      },
      // La Transfo: the calls for volunteers, a call's candidates and balance, a candidate, the comparison, the letters.
      { path: 'transfo', lazy: async () => ({ Component: (await import('../features/transfo/CampaignsScreen')).CampaignsScreen }) },
      { path: 'transfo/:id', lazy: async () => ({ Component: (await import('../features/transfo/CampaignScreen')).CampaignScreen }) },
      { path: 'transfo/:id/compare', lazy: async () => ({ Component: (await import('../features/transfo/CompareScreen')).CompareScreen }) },
      { path: 'transfo/:id/letters', lazy: async () => ({ Component: (await import('../features/transfo/LettersScreen')).LettersScreen }) },
      { path: 'transfo/:id/candidates/:cid', lazy: async () => ({ Component: (await import('../features/transfo/CandidateScreen')).CandidateScreen }) },
      // La Transfo's practical cases: a cohort's cases at a glance, one case part by part.
      { path: 'transfo/:id/cases', lazy: async () => ({ Component: (await import('../features/transfo-cases/CasesScreen')).CasesScreen }) },
      { path: 'transfo/:id/cases/:caseId', lazy: async () => ({ Component: (await import('../features/transfo-cases/CaseScreen')).CaseScreen }) },
      { path: 'transfo/:id/training', lazy: async () => ({ Component: (await import('../features/transfo-training/TrainingScreen')).TrainingScreen }) },
      { path: 'transfo/:id/training/matrix', lazy: async () => ({ Component: (await import('../features/transfo-training/MatrixScreen')).MatrixScreen }) },
      { path: 'transfo/:id/training/sessions/:sid', lazy: async () => ({ Component: (await import('../features/transfo-training/AttendanceScreen')).AttendanceScreen }) },
      // The Lab's publication: months and years, a publication's preview, texts, photos, exports and versions.
      { path: 'publications', lazy: async () => ({ Component: (await import('../features/publication/PublicationsScreen')).PublicationsScreen }) },
      { path: 'publications/:id', lazy: async () => ({ Component: (await import('../features/publication/PublicationScreen')).PublicationScreen }) },
      { path: 'proposals', lazy: async () => ({ Component: (await import('../features/proposals/list/ProposalsScreen')).ProposalsScreen }) },
      { path: 'sources', lazy: async () => ({ Component: (await import('../features/proposals/sources/SourcesScreen')).SourcesScreen }) },
      { path: 'sync', lazy: async () => ({ Component: (await import('../features/sync/SyncScreen')).SyncScreen }) },
      { path: 'security', lazy: async () => ({ Component: (await import('../features/vault/SecurityScreen')).SecurityScreen }) },
      { path: 'study', lazy: async () => ({ Component: (await import('../features/study/StudyScreen')).StudyScreen }) },
      { path: 'people', lazy: async () => ({ Component: (await import('../features/people/PeopleScreen')).PeopleScreen }) },
      { path: 'people/retention', lazy: async () => ({ Component: (await import('../features/people/RetentionScreen')).RetentionScreen }) },
      { path: 'people/access-log', lazy: async () => ({ Component: (await import('../features/people/AccessLogScreen')).AccessLogScreen }) },
      { path: 'people/:id', lazy: async () => ({ Component: (await import('../features/people/PersonScreen')).PersonScreen }) },
      { path: '*', element: <Navigate to="/workshops" replace /> },
    ],
  },
]);
