/** The study commands of the contract (see src-shared/contract.ts). */
import { command } from '../command.js';
import {
  studyDashboardSchema,
  studyExportFileSchema,
  studyExportInputSchema,
  studyQuerySchema,
} from './study.schema.js';

export const studyCommands = {
  /**
   * The sociology dashboard for one workshop, a period or all, already masked (no count of
   * people under five leaves the core). Tombstoned rows are left out.
   */
  'study:dashboard': command(studyQuerySchema, studyDashboardSchema),
  /**
   * The same figures as a file (CSV for French Excel, XLSX, the dashboard as PDF) or the
   * proposals as GeoJSON; built from the masked dashboard, never with names or contacts.
   */
  'study:export': command(studyExportInputSchema, studyExportFileSchema),
} as const;
