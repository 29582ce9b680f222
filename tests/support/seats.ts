/**
 * Several seats in one core (issue 14): each seat is its own caller with its own signed-in person, so two people
 * can hold the same record on screen at once, as at two PCs of a clinic.
 */
import type { ChannelName, In, Out } from '../../shared/api';
import type { ApiError, ApiResult } from '../../shared/errors';
import type { Caller } from '../../electron/sessions/registry';
import type { TestApp } from './app';

export interface SeatAt {
  call<C extends ChannelName>(channel: C, input: In<C>): Promise<ApiResult<Out<C>>>;
  ok<C extends ChannelName>(channel: C, input: In<C>): Promise<Out<C>>;
}

/** A seat of its own named `name` in `t`'s core, with `who` signed in there. */
export async function seatIn(t: TestApp, name: string, who: { name: string; password: string }): Promise<SeatAt> {
  const caller: Caller = { seat: { deviceId: `device-${name}`, name, kind: 'desktop' }, sessionId: null };
  const call = async <C extends ChannelName>(channel: C, input: In<C>) => (await t.router.call(channel, input, caller)) as ApiResult<Out<C>>;
  const ok = async <C extends ChannelName>(channel: C, input: In<C>) => {
    const r = await call(channel, input);
    if (!r.ok) throw new Error(`${channel} failed at ${name}: ${JSON.stringify(r.error)}`);
    return r.value;
  };
  await ok('session.signIn', { loginId: who.name, password: who.password });
  return { call, ok };
}

/** The refusal of a save that was expected to be refused. */
export function conflictOf<T>(r: ApiResult<T>): ApiError {
  if (r.ok) throw new Error('expected a conflict, the save went through');
  return r.error;
}
