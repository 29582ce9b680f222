import type { Database } from 'better-sqlite3-multiple-ciphers';
import { ClinicCalendarRepository } from '../calendar/repository';
import { ComplaintRepository } from '../complaints/repository';
import { FollowUpRepository } from '../follow-ups/repository';
import { HomeQueries } from '../home/queries';
import { IncidentRepository } from '../incidents/repository';
import { TreatmentRepository } from '../treatments/repository';

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
