import { api, type ChannelName } from '../../shared/api';

/** Channel names ending so only read (and audit the reading): no other seat's screen changes. */
const READ_SUFFIXES = [
  'get', 'list', 'search', 'current', 'versions', 'status', 'overview', 'worklist', 'today', 'sessions', 'devices', 'progress',
  'forConsultation', 'forPatient', 'forTreatment', 'history', 'info', 'preview', 'heartbeat', 'verify', 'hostInfo',
];

/** Reads whose names do not say so (and that no suffix can catch without also catching a write). */
const OTHER_READS = new Set<string>([
  'audit.recent', 'audit.event', 'audit.actions', 'audit.findTypedText', 'audit.exportCsv', 'communications.attachment', 'complaints.attachment',
  'consents.document', 'consents.checklist', 'consents.finalDocument', 'evidence.chooseDestination', 'evidence.choosePack', 'backups.chooseFolder',
  'followUps.escalations', 'followUps.qualityFigures', 'patients.nextChartNo', 'photos.comparison', 'retention.log', 'settings.printedDates',
  'staff.physicians', 'setup.chooseVaultFolder', 'tablet.assignment',
]);

const capitalised = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

function isRead(name: string): boolean {
  if (OTHER_READS.has(name)) return true;
  const last = name.slice(name.lastIndexOf('.') + 1);
  return READ_SUFFIXES.some((s) => last === s || last.endsWith(capitalised(s)));
}

/** Whether a successful call of this channel may change what another seat shows; derived once for every channel. */
export const CHANNEL_WRITES: ReadonlySet<ChannelName> = new Set((Object.keys(api) as ChannelName[]).filter((name) => !isRead(name)));

/** The capability a channel belongs to: the part of its name before the dot (what a screen listens for). */
export const channelTopic = (channel: string): string => channel.slice(0, channel.indexOf('.'));
