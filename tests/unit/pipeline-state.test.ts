// The pipeline through the app's actions on the 德州 demo (fake effects, DuckDB in Node): the
// data's projects apply until the first edit, which copies them into the place's work; a parcel
// link is checked against the data; the detail closes when its project goes away.

import { afterEach, describe, expect, it } from 'vitest';
import { pipelineProjects } from '../../src/state/app-state';
import { loadPlaceWork } from '../../src/state/place-work';
import { createApp } from '../../src/state/runtime';
import { fakeEffects } from './helpers/fake-effects';

const apps: { dispose(): void }[] = [];
afterEach(() => apps.splice(0).forEach((a) => a.dispose()));

async function started() {
  const fx = fakeEffects({ search: '?asOf=2026-06-30&mode=siting' });
  const app = createApp(fx);
  apps.push(app);
  await app.start();
  await app.settled();
  return { app, fx };
}

describe('pipeline in the app', () => {
  it('edits the data projects as a copy kept in the place work, and restores them', async () => {
    const { app, fx } = await started();
    const data = pipelineProjects(app.store.get());
    expect(app.store.get().work.projects).toBeNull();
    const early = data.find((p) => p.stage === 'negotiating' && !p.referred_from)!;
    expect(app.actions.setProjectStage(early.project_id, 'signed', '2026-04-01')).toEqual([]);
    const s = app.store.get();
    expect(s.work.projects).toHaveLength(data.length);
    expect(s.work.projects!.find((p) => p.project_id === early.project_id)!.dates.signed).toBe('2026-04-01');
    // Stored in this browser at once.
    expect(loadPlaceWork(fx.storage, 'dezhou').work.projects!.find((p) => p.project_id === early.project_id)!.stage).toBe('signed');
    app.actions.resetProjects();
    expect(app.store.get().work.projects).toBeNull();
    expect(pipelineProjects(app.store.get())).toEqual(data);
  });

  it('links a supplied project only to a parcel of its county that the data holds', async () => {
    const { app } = await started();
    const landed = pipelineProjects(app.store.get()).find((p) => p.site_parcel_id && p.county === '宁津县')!;
    const other = pipelineProjects(app.store.get()).find((p) => p.site_parcel_id && p.county !== '宁津县')!;
    const elsewhere = await app.actions.linkProjectParcel(landed.project_id, other.site_parcel_id);
    expect(elsewhere.map((i) => i.zh)).toEqual([`宗地 ${other.site_parcel_id} 位于 ${other.county}，项目落在 宁津县`]);
    expect((await app.actions.linkProjectParcel(landed.project_id, 'DZ-999999')).map((i) => i.en)).toEqual(["Parcel DZ-999999 is not in this region's data"]);
    expect(await app.actions.linkProjectParcel(landed.project_id, landed.site_parcel_id)).toEqual([]);
    // Showing it selects the parcel, whose findings the detail panel then reads.
    expect(app.actions.showProjectParcel(landed.project_id)).toBe(true);
    await app.settled();
    expect(app.store.get().parcel).toBe(landed.site_parcel_id);
    expect(app.store.get().selected?.parcel_id).toBe(landed.site_parcel_id);
  });

  it('closes the detail when its project is deleted or the data is restored', async () => {
    const { app } = await started();
    const added = app.actions.addProject({ name: '测试项目', chain_node: '', investment_wan: null, land_need_mu_min: null, land_need_mu_max: null, land_use: 'industrial', county: '庆云县', team: '' }, '2026-05-01');
    app.actions.selectProject(added.id);
    expect(app.store.get().project).toBe(added.id);
    app.actions.resetProjects();
    expect(app.store.get().project).toBeNull();
  });
});
