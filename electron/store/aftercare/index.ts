import type { Database } from 'better-sqlite3-multiple-ciphers';
import { ClinicCalendarRepository } from './calendar';
import { ComplaintRepository } from './complaints';
import { FollowUpRepository } from './follow-ups';
import { HomeQueries } from './home';
import { IncidentRepository } from './incidents';
import { TreatmentRepository } from './treatments';

/** The aftercare repositories (migration 0080), created together on first use. */
export class AftercareStore {
  readonly calendar: ClinicCalendarRepository;
  readonly treatments: TreatmentRepository;
  readonly followUps: FollowUpRepository;
  readonly complaints: ComplaintRepository;
  readonly incidents: IncidentRepository;
  readonly home: HomeQueries;

  constructor(db: Database) {
    this.calendar = new ClinicCalendarRepository(db);
    this.treatments = new TreatmentRepository(db);
    this.followUps = new FollowUpRepository(db);
    this.complaints = new ComplaintRepository(db);
    this.incidents = new IncidentRepository(db);
    this.home = new HomeQueries(db);
  }
}
