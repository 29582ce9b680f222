import type { sessionChannels } from '../../../shared/contracts/session';
import type { HandlersFor } from '../handler';
import { handBack } from './hand-back';
import * as session from './session';

/** The session channels' handlers; spread into the one handler map, which checks it is complete. */
export const sessionHandlers: HandlersFor<typeof sessionChannels> = {
  'session.signIn': session.signIn,
  'session.recover': session.recover,
  'session.signOut': (ctx) => session.signOut(ctx),
  'session.heartbeat': (ctx) => session.heartbeat(ctx),
  'session.lock': session.lock,
  'session.unlock': session.unlock,
  'account.changePassword': session.changePassword,
  'session.handBack': handBack,
};
