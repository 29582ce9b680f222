import type { Migration } from './types';

/**
 * Finding a patient's search rows by patient ID scanned the whole full-text index (its patient_id column is
 * UNINDEXED), which made bulk loads quadratic. This keeps each patient's full-text row ID in a keyed table
 * and indexes the name grams by patient, so re-indexing one patient touches only that patient's rows.
 */
export const migration0061: Migration = {
  version: 61,
  name: 'patient-search-keys',
  up(db) {
    db.exec(`
      CREATE TABLE patient_search_keys (
        patient_id TEXT PRIMARY KEY REFERENCES patients (id),
        search_rowid INTEGER NOT NULL UNIQUE
      ) STRICT, WITHOUT ROWID;
      INSERT OR REPLACE INTO patient_search_keys (patient_id, search_rowid) SELECT patient_id, rowid FROM patient_search;
      CREATE INDEX patient_name_grams_patient ON patient_name_grams (patient_id);
    `);
  },
};
