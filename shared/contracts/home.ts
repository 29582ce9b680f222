import { z } from 'zod';
import { Empty } from '../schemas/common';
import { HomeToday, TeamMember } from '../schemas/home';
import { ALL_STAFF, type Channel } from './channel';

/** The home channels: what each takes, returns and who may call it. */
export const homeChannels = {
  'team.list': { input: Empty, output: z.array(TeamMember), access: ALL_STAFF },
  'home.today': { input: Empty, output: HomeToday, access: ALL_STAFF },
} as const satisfies Record<string, Channel>;
