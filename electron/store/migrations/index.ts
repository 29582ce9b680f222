import { migration0010 } from './0010-clinic-and-staff';
import { migration0020 } from './0020-audit-events';
import { migration0030 } from './0030-patients';
import { migration0040 } from './0040-catalogue';
import { migration0050 } from './0050-consultations';
import { migration0060 } from './0060-communications';
import { migration0061 } from './0061-patient-search-keys';
import { migration0070 } from './0070-consents';
import { migration0080 } from './0080-aftercare';
import { migration0090 } from './0090-evidence';
import { migration0100 } from './0100-crash-recovery';
import { migration0110 } from './0110-backups';
import { migration0120 } from './0120-retention';
import { migration0130 } from './0130-clinic-safety';
import { migration0140 } from './0140-signature-placement';
import { migration0150 } from './0150-photo-labels-calendar-import';
import { migration0160 } from './0160-staff-logins-and-prices';
import { migration0170 } from './0170-destruction-reaches-printed-eras-and-recomputed-clocks';
import { migration0180 } from './0180-seats';
import { migration0190 } from './0190-edit-versions';
import { migration0200 } from './0200-more-edit-versions';
import type { Migration } from './types';

/** Every migration, in the order it runs. Append only. */
export const MIGRATIONS: readonly Migration[] = [migration0010, migration0020, migration0030, migration0040, migration0050, migration0060, migration0061, migration0070, migration0080, migration0090, migration0100, migration0110, migration0120, migration0130, migration0140, migration0150, migration0160, migration0170, migration0180, migration0190, migration0200];
export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;
export type { Migration };
