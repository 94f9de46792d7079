/**
 * The rights of the people recorded, as the lab uses them: find a person, see and export
 * everything held about them, erase them (erasure.service.ts), see and set the retention
 * period and what the purge will remove (retention.ts), and read the access log.
 */
import { PEOPLE_LIMITS, type AccessReport } from '#shared/people/people.schema.js';
import type { CommandOutput, CommandParsedInput } from '#shared/contract.js';
import { fail, ok, type Result } from '#shared/result.js';
import { listAccessLog } from './access-log.js';
import { accessReportPdf } from './access-pdf.js';
import { buildAccessReport } from './access-report.js';
import { erasePerson, type ErasureDeps } from './erasure.service.js';
import { searchPeople } from './people.repository.js';
import { retentionOverview, setRetentionMonths, type RetentionState } from './retention.js';

export function createPeopleService(deps: ErasureDeps & { retention: RetentionState }) {
  const report = async (personId: string): Promise<Result<AccessReport>> => {
    const built = await buildAccessReport(deps.db, personId, deps.now());
    return built ? ok(built) : fail('not_found', `No person ${personId}`);
  };

  return {
    async search(input: CommandParsedInput<'people:search'>): Promise<Result<CommandOutput<'people:search'>>> {
      return ok(await searchPeople(deps.db, input.query, PEOPLE_LIMITS.searchResults));
    },

    access: (input: CommandParsedInput<'people:access'>) => report(input.personId),

    async export(input: CommandParsedInput<'people:export'>): Promise<Result<CommandOutput<'people:export'>>> {
      const built = await report(input.personId);
      if (!built.ok) return built;
      const stem = `${input.language === 'fr' ? 'donnees-personnelles' : 'personal-data'}-${input.personId.slice(0, 8)}`;
      if (input.format === 'json') {
        const text = JSON.stringify(built.value, null, 2);
        return ok({ fileName: `${stem}.json`, mediaType: 'application/json', base64: Buffer.from(text, 'utf8').toString('base64') });
      }
      const bytes = await accessReportPdf(built.value, input.language);
      return ok({ fileName: `${stem}.pdf`, mediaType: 'application/pdf', base64: Buffer.from(bytes).toString('base64') });
    },

    erase: (input: CommandParsedInput<'people:erase'>) => erasePerson(deps, input.personId, { reason: 'request', actor: input.actor }),

    retention: async (): Promise<Result<CommandOutput<'people:retention'>>> => ok(await retentionOverview(deps.db, deps.now(), deps.retention)),

    async setRetention(input: CommandParsedInput<'people:set-retention'>): Promise<Result<CommandOutput<'people:set-retention'>>> {
      const set = await setRetentionMonths(deps, input.months);
      if (!set.ok) return set;
      return ok(await retentionOverview(deps.db, deps.now(), deps.retention));
    },

    accessLog: async (input: CommandParsedInput<'people:access-log'>): Promise<Result<CommandOutput<'people:access-log'>>> =>
      ok(await listAccessLog(deps.db, input)),
  };
}
