import { messages } from '../../shared/i18n';
import { canonicalJson } from '../../shared/canonical-json';
import { dateInZone } from '../../shared/dates';
import { fill } from '../pdf/format';
import { evidencePdfWords } from '../pdf/wording';
import { MANIFEST, PUBLIC_KEY, TAG_MANIFEST, TAG_MANIFEST_SIGNATURE, type BagInfo } from './bagit';
import { scopeLabel } from './evidence-pdf';
import type { PackSnapshot } from './records';

export function packFolderName(s: PackSnapshot): string {
  return `evidence-${s.clinic.batesPrefix}-${String(s.packNo).padStart(4, '0')}`;
}

function humanSize(bytes: number): string {
  if (bytes >= 1024 ** 3) return `${(bytes / 1024 ** 3).toFixed(2)} GB`;
  if (bytes >= 1024 ** 2) return `${(bytes / 1024 ** 2).toFixed(1)} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/** bag-info.txt: the reserved BagIt elements, then ConsentVault's own (pack, scope, key, audit-chain head). */
export function bagInfo(s: PackSnapshot, oxum: string, payloadBytes: number, bates: { first: string; last: string }): BagInfo {
  const m = messages[s.locale];
  const p = s.records.patient;
  return [
    ['Source-Organization', s.clinic.name],
    ['Contact-Name', s.exporter.name],
    ['Bagging-Date', dateInZone(new Date(s.exportedAt), s.clinic.timeZone)],
    ['External-Identifier', s.packId],
    ['External-Description', fill(m.evidence.bagInfo.description, { kind: m.evidence.pdf.kinds[s.kind], patient: p.nameZh, chartNo: p.chartNo, scope: scopeLabel(s, evidencePdfWords(s.locale)) })],
    ['Bag-Size', humanSize(payloadBytes)],
    ['Payload-Oxum', oxum],
    ['Bag-Software-Agent', 'ConsentVault'],
    ['Pack-Number', String(s.packNo).padStart(4, '0')],
    ['Pack-Kind', s.kind],
    ['Pack-Scope', canonicalJson(s.scope)],
    ['Patient-Chart-No', p.chartNo],
    ['Patient-Name', p.nameZh],
    ['Exported-At', s.exportedAt],
    ['Bates-Range', `${bates.first} - ${bates.last}`],
    ['Signing-Key-Fingerprint', s.key.fingerprint],
    ['Audit-Chain-Head', s.chainHead ? `${s.chainHead.seq} ${s.chainHead.hash}` : 'none'],
    // One line per restore this vault went through: which backup, and the chain checkpoint it continued from.
    ...(s.restoredFrom ?? []).map((r): [string, string] => ['Restored-From', `${r.backupName} taken ${r.backupTakenAt} at checkpoint ${r.checkpointSeq} ${r.checkpointHash}, restored ${r.restoredAt}`]),
  ];
}

/**
 * `sha256sum -c` passes on a bag with an extra file: this lists every file that is in neither manifest (bash or
 * zsh; prints nothing and exits 0 when there is none). Our paths need no percent-decoding.
 */
export const UNLISTED_FILES_COMMAND = `diff <(cut -c67- ${MANIFEST} ${TAG_MANIFEST} | sort) <(find . -type f ! -name ${TAG_MANIFEST} ! -name ${TAG_MANIFEST_SIGNATURE} | sed 's|^\\./||' | sort) && echo "No unlisted files"`;

/** VERIFYING.md in zh-TW and en, with the exact commands for this pack. */
export function verifyingMd(s: PackSnapshot, zipName: string): string {
  const folder = packFolderName(s);
  const block = (lines: string[]) => ['```sh', ...lines, '```'].join('\n');
  const part = (locale: 'zh-TW' | 'en') => {
    const v = messages[locale].evidence.verifyingDoc;
    return [
      `## ${v.title}`,
      '',
      fill(v.intro, { clinic: s.clinic.name, at: s.exportedAt, packId: s.packId }),
      '',
      v.step1,
      '',
      block([`unzip ${zipName}`, `cd ${folder}`]),
      '',
      v.step2,
      '',
      block([`sha256sum -c ${TAG_MANIFEST}`, 'sha256sum -c manifest-sha256.txt']),
      '',
      v.step3,
      '',
      block([UNLISTED_FILES_COMMAND]),
      '',
      v.step4,
      '',
      block([`openssl pkeyutl -verify -pubin -inkey ${PUBLIC_KEY} -rawin -in ${TAG_MANIFEST} -sigfile ${TAG_MANIFEST_SIGNATURE}`]),
      '',
      v.step5,
      '',
      block([`openssl pkey -pubin -in ${PUBLIC_KEY} -outform DER | sha256sum`]),
      '',
      `${v.fingerprint} \`${s.key.fingerprint}\``,
      '',
      v.step6,
      '',
      block([`consentvault verify ${zipName} --fingerprint FINGERPRINT-FROM-THE-CLINIC`]),
      '',
      v.note,
      '',
    ].join('\n');
  };
  return `# ${messages['zh-TW'].evidence.verifyingDoc.title} / ${messages.en.evidence.verifyingDoc.title}\n\n${part('zh-TW')}\n${part('en')}`;
}
