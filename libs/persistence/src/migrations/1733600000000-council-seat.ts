import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Which emulation council a council member sits on, apart from the unit they work in: the head of a department can
 * sit on the provincial council (and is recused from that department's dossiers), a teacher on the school's own.
 */
export class CouncilSeat1733600000000 implements MigrationInterface {
  name = 'CouncilSeat1733600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE app_user ADD COLUMN council_of text REFERENCES org_unit (code)`);
    await q.query(`UPDATE app_user SET council_of = unit_code WHERE role IN ('COUNCIL_MEMBER', 'COUNCIL_CHAIR')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE app_user DROP COLUMN council_of`);
  }
}
