// Workspaces through the app's actions, on fake effects (in-memory IndexedDB): an import is
// stored and shown, reloads, survives as a workspace file in a fresh browser, and is deleted.

import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { buildImport, guessTable, prepareTable, detectTableCrs } from '../../src/data/ingest/import-table';
import { readAnyFile } from '../../src/data/ingest/read-file';
import { createApp } from '../../src/state/runtime';
import { fakeEffects } from './helpers/fake-effects';

const apps: { dispose(): void }[] = [];
afterEach(() => apps.splice(0).forEach((a) => a.dispose()));

async function importedShapefile() {
  const reading = await readAnyFile('宗地.zip', new Uint8Array(readFileSync('tests/fixtures/formats/parcels-cgcs2000-gk39-gbk.zip')));
  const t = reading.table!;
  const { proposal } = guessTable(t);
  const crs = detectTableCrs(t, proposal.mapping)!.candidates[0];
  if (crs.status !== 'ready') throw new Error('crs');
  const p = prepareTable(t, proposal.mapping, crs.choice);
  if (!p.ok) throw new Error('prepare');
  return buildImport(p.table).table;
}

async function started(fx = fakeEffects({ search: '?asOf=2026-06-30' })) {
  const app = createApp(fx);
  apps.push(app);
  await app.start();
  await app.settled();
  return { app, fx };
}

describe('workspaces in the app', () => {
  it('an import is stored, listed and shown, with its own parcels', async () => {
    const { app } = await started();
    const id = await app.actions.saveImport({ name: '宁津县台账', adcode: '371400', tables: { parcels: await importedShapefile() }, sources: { parcels: { files: ['宗地.zip'], skipped: 0 } } });
    await app.settled();
    const s = app.store.get();
    expect(s.region).toBe(id);
    expect(s.phase).toBe('ready');
    expect(s.shapes?.parcelCount).toBe(3);
    expect(s.workspaces.map((w) => [w.id, w.name, w.city, w.parcels])).toEqual([[id, '宁津县台账', '德州市', 3]]);
    expect(s.countyOptions).toContain('宁津县');
  });

  it('a workspace file opened in a fresh browser gives the same figures', async () => {
    const { app, fx } = await started();
    const id = await app.actions.saveImport({ name: 'A', adcode: '371400', tables: { parcels: await importedShapefile() }, sources: {} });
    await app.settled();
    const totals = app.store.get().totals;
    await app.actions.exportWorkspace(id);
    const file = fx.downloads.at(-1)!;
    expect(file.name).toBe('A.parkatlas');

    const other = await started();
    expect(await other.app.actions.openWorkspaceFile(file.name, file.bytes)).toBe(true);
    await other.app.settled();
    expect(other.app.store.get().region).toBe(id);
    expect(other.app.store.get().totals).toEqual(totals);
  });

  it('a workspace file carries its scenes, promotion groups, brochure details and project pipeline to a fresh browser', async () => {
    const { app, fx } = await started();
    const id = await app.actions.saveImport({ name: 'B', adcode: '371400', tables: { parcels: await importedShapefile() }, sources: {} });
    await app.settled();
    app.actions.addScene('宁津全貌', '三宗示例宗地');
    expect(app.actions.setGroups([{ group_id: 'NL', name: '宁乐组团', counties: ['宁津县', '乐陵市'] }])).toEqual([]);
    app.actions.setBrochure({ contact: { unit: '宁津县投资促进局', person: '', phone: '', email: '', address: '' }, approvalNo: '' });
    const added = app.actions.addProject({ name: '健身器材整机', chain_node: '', investment_wan: 30000, land_need_mu_min: 50, land_need_mu_max: 80, land_use: 'industrial', county: '宁津县', team: '' }, '2025-03-01');
    expect(added.issues).toEqual([]);
    const pid = added.id!;
    expect(app.actions.referProject(pid, { to: '乐陵市', share_out_pct: 30, date: '2025-04-01', note: '宁津无连片用地' })).toEqual([]);
    expect(app.actions.linkProjectSite(pid, { site_id: 'U:P1:1', kind: 'unsupplied', park_id: 'P1', county: '乐陵市', label: '地块 1' })).toEqual([]);
    await app.actions.exportWorkspace(id);
    const file = fx.downloads.at(-1)!;

    const other = await started();
    expect(await other.app.actions.openWorkspaceFile(file.name, file.bytes)).toBe(true);
    await other.app.settled();
    const s = other.app.store.get();
    expect(s.region).toBe(id);
    expect(s.work.scenes.map((x) => [x.title, x.caption])).toEqual([['宁津全貌', '三宗示例宗地']]);
    expect(s.work.groups?.map((g) => g.name)).toEqual(['宁乐组团']);
    expect(s.work.brochure.contact.unit).toBe('宁津县投资促进局');
    expect(s.work.projects?.map((p) => [p.name, p.county, p.referred_from, p.share_out_pct, p.referral_note, p.matchedSite?.site_id])).toEqual([
      ['健身器材整机', '乐陵市', '宁津县', 30, '宁津无连片用地', 'U:P1:1'],
    ]);
    // The scene opens its view there.
    other.app.actions.present(0);
    expect(other.app.store.get().presenting).toBe(0);
  });

  it('deleting the workspace on screen goes back to the demo with a notice', async () => {
    const { app } = await started();
    const id = await app.actions.saveImport({ name: 'B', adcode: '371400', tables: { parcels: await importedShapefile() }, sources: {} });
    await app.settled();
    await app.actions.deleteWorkspace(id);
    await app.settled();
    expect(app.store.get().region).toBe('dezhou');
    expect(app.store.get().workspaces).toEqual([]);
    expect(app.store.get().notices.at(-1)?.zh).toContain(id);
  });

  it('a link to a workspace this browser does not hold opens the demo with a notice, not an error', async () => {
    const { app } = await started(fakeEffects({ search: '?region=ws-20250101-abcdef' }));
    expect(app.store.get().phase).toBe('ready');
    expect(app.store.get().region).toBe('dezhou');
    expect(app.store.get().notices.some((n) => n.zh.includes('ws-20250101-abcdef'))).toBe(true);
  });
});
