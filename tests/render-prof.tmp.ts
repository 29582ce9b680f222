import { renderConsentDocument } from '../electron/pdf/consent-document';
import { sampleConsentData } from '../tests/support/consent-fixture';
const data = sampleConsentData('zh-TW');
const t0 = performance.now();
await renderConsentDocument(data);
const t1 = performance.now();
const times: number[] = [];
for (let i = 0; i < 8; i++) { const a = performance.now(); await renderConsentDocument({ ...data, issuedAt: new Date(Date.now() + i).toISOString() }); times.push(performance.now() - a); }
console.log('first', (t1 - t0).toFixed(0), 'then', times.map((t) => t.toFixed(0)).join(' '));
