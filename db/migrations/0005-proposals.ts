/**
 * Participatory-budget proposals (and the projects made by regroupement) and the supports
 * people give them. Frozen in time: a migration never imports application code.
 *
 * No foreign keys to other synced tables: records arrive from the portal in any order (a
 * support may be pulled before its proposal, a proposal before its workshop), and a
 * tombstone never removes a row, so the references stay resolvable.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('proposals')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workshop_id', 'text')
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('proposal','project')`))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('theme_code', 'text', (c) => c.notNull())
    .addColumn('location_type', 'text', (c) => c.notNull().check(sql`location_type in ('paris','arrondissement')`))
    .addColumn('arrondissement', 'integer', (c) => c.check(sql`arrondissement between 1 and 20`))
    .addColumn('address_label', 'text')
    .addColumn('address_id', 'text')
    .addColumn('lon', 'real')
    .addColumn('lat', 'real')
    .addColumn('neighbourhood_class', 'text', (c) =>
      c.notNull().check(sql`neighbourhood_class in ('qpv','veille_active','other')`),
    )
    .addColumn('qpv_code', 'text')
    .addColumn('estimated_cost_cents', 'integer', (c) => c.check(sql`estimated_cost_cents >= 0`))
    .addColumn('running_costs_cents', 'integer', (c) => c.check(sql`running_costs_cents >= 0`))
    .addColumn('proposer_type', 'text', (c) =>
      c.notNull().check(sql`proposer_type in ('people_present','collective','association','neighbourhood_council')`),
    )
    .addColumn('proposer_name', 'text')
    .addColumn('proposer_attendance_ids', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('proposed_before', 'text', (c) => c.notNull().check(sql`proposed_before in ('yes','no','unknown')`))
    .addColumn('accessible_to_disabled', 'text', (c) => c.notNull().check(sql`accessible_to_disabled in ('yes','no','unknown')`))
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .check(sql`status in ('draft','ready','submitted','in_co_construction','merged','under_study','retained','not_retained')`),
    )
    .addColumn('merged_into', 'text')
    .addColumn('photos', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('captured_at', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('deleted_at', 'text')
    .addColumn('synced_revision', 'integer', (c) => c.notNull().defaultTo(0))
    // A point is whole or absent; a QPV code only on a QPV proposal.
    .addCheckConstraint('proposals_point_whole', sql`(lon is null) = (lat is null)`)
    .addCheckConstraint('proposals_qpv_code', sql`qpv_code is null or neighbourhood_class = 'qpv'`)
    .modifyEnd(sql` strict`)
    .execute();
  // A workshop's proposals, in capture order; the originals of a project.
  await db.schema.createIndex('proposals_workshop').on('proposals').columns(['workshop_id', 'captured_at']).execute();
  await db.schema.createIndex('proposals_merged_into').on('proposals').column('merged_into').execute();

  await db.schema
    .createTable('supports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('proposal_id', 'text', (c) => c.notNull())
    .addColumn('workshop_id', 'text', (c) => c.notNull())
    .addColumn('profile_id', 'text')
    .addColumn('method', 'text', (c) => c.notNull().check(sql`method in ('dot','majority_judgement')`))
    .addColumn('dots', 'integer', (c) => c.check(sql`dots is null or dots >= 1`))
    .addColumn('grade', 'text', (c) => c.check(sql`grade is null or grade in ('adore','aime_bien','pourquoi_pas','pas_convaincu')`))
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('deleted_at', 'text')
    .addColumn('synced_revision', 'integer', (c) => c.notNull().defaultTo(0))
    .addCheckConstraint(
      'supports_method_value',
      sql`(method = 'dot' and dots is not null and grade is null) or (method = 'majority_judgement' and grade is not null and dots is null)`,
    )
    .modifyEnd(sql` strict`)
    .execute();
  // The tally of a workshop, per proposal.
  await db.schema.createIndex('supports_workshop').on('supports').columns(['workshop_id', 'proposal_id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('supports').execute();
  await db.schema.dropTable('proposals').execute();
}
