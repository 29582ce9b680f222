import type { CommunicationChannel } from '../../../../shared/schemas/communication';
import type { IconName } from '../../components/Icon';

export const CHANNEL_ICON: Record<CommunicationChannel, IconName> = {
  phone: 'phone',
  line: 'chat',
  email: 'mail',
  sms: 'message',
  in_person: 'person',
};
