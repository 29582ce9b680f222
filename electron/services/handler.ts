import type { ChannelName, Out, Parsed } from '../../shared/api';
import type { ServiceContext } from './context';

/** What answers one channel: the parsed input in, the contract's output out. */
export type Handler<C extends ChannelName> = (ctx: ServiceContext, input: Parsed<C>) => Out<C> | Promise<Out<C>>;

/** The handlers of one capability's channels (its contract file's channel object), each typed by the contract. */
export type HandlersFor<Channels> = { [C in keyof Channels & ChannelName]: Handler<C> };
