import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The initiative registry (rules 12–13): each initiative a dossier cites as a standard, with its recognition and its
 * normalised identity (name key, recognition-decision key), and whether it is used — from submission on, freed by a
 * withdrawal or a rejection, carrying the decision number once awarded. A projection of the dossier events.
 */
export class InitiativeUse1734110000000 implements MigrationInterface {
  name = 'InitiativeUse1734110000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE initiative_use (
        dossier_id           uuid    NOT NULL,
        name_key             text    NOT NULL,
        decision_key         text,
        initiative_id        text    NOT NULL,
        award_code           text    NOT NULL,
        recognition_decision text,
        recognition_level    text,
        recognition_date     date,
        used                 boolean NOT NULL DEFAULT false,
        decision_number      text,
        PRIMARY KEY (dossier_id, name_key)
      )`);
    await q.query(`CREATE INDEX initiative_use_name ON initiative_use (name_key) WHERE used`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE initiative_use`);
  }
}
