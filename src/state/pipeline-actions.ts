// Changes to the project pipeline (招商项目库). The first edit copies the data's projects into the
// place's work (like promotion groups: `work.projects` null = the data's); every change is stored
// at once through setWork (work-actions.ts), and a refused change returns its problems (field,
// both languages) without storing anything.

import type { Db } from '../data/db';
import { regionById } from '../data/regions';
import { parcelCounties } from '../analysis/project-parcels';
import type { ProjectStage } from '../vocab';
import { type AppState, pipelineProjects, promotionGroups } from './app-state';
import type { Effects } from './effects';
import type { PlaceWork } from './place-work';
import { placeInfo } from './place-info';
import {
  type MatchedSite,
  type PipelineResult,
  type Project,
  type ProjectFields,
  type ProjectIssue,
  type ReferralInput,
  addProject,
  cancelReferral,
  deleteProject,
  editProject,
  linkParcel,
  linkSite,
  referProject,
  setStage,
} from './pipeline';
import type { Store } from './store';
import type { AppEvent } from './updaters';

export interface PipelineDeps {
  store: Store<AppState>;
  dispatch(e: AppEvent): void;
  enqueue<T>(job: (db: Db) => Promise<T>): Promise<T>;
  fx: Effects;
  setWork(next: PlaceWork): boolean;
  goToParcel(parcelId: string): void;
}

const refused: ProjectIssue = { project_id: '', field: 'name', zh: '修改未能保存', en: 'The change could not be stored' };

export function createPipelineActions({ store, dispatch, enqueue, fx, setWork, goToParcel }: PipelineDeps) {
  const keep = (projects: Project[]) => setWork({ ...store.get().work, projects });
  /** Applies `change` to the pipeline in force and stores it; returns the problems (none = stored). */
  const apply = (change: (list: readonly Project[]) => PipelineResult): ProjectIssue[] => {
    const r = change(pipelineProjects(store.get()));
    if (!r.ok) return r.issues;
    return keep(r.projects) ? [] : [refused];
  };
  const known = () => store.get().countyOptions;
  /** The workbook's tables from the state on screen, written and handed to the user. */
  const exportPipeline = async (): Promise<void> => {
    const s = store.get();
    const lang = s.lang;
    const info = placeInfo(s, lang);
    const region = regionById(s.region);
    const { pipelineTables } = await import('../analysis/pipeline-export');
    const { buildTablesWorkbook } = await import('../export/xlsx');
    const date = fx.today();
    const tables = pipelineTables(pipelineProjects(s), s.countyOptions, promotionGroups(s), {
      regionName: region ? (lang === 'zh' ? `${region.province}${region.city}` : region.nameEn) : info.title,
      date,
      lang,
      edited: s.work.projects !== null,
      dataNote: info.synthetic ? (lang === 'zh' ? '项目为示例数据（程序生成），不代表真实招商项目' : 'The projects are generated demo data, not real investment projects') : undefined,
    });
    const bytes = await buildTablesWorkbook(tables, lang === 'zh' ? `招商项目库 ${info.title}` : `Project pipeline ${info.title}`);
    const base = lang === 'zh' ? `招商项目库_${region?.nameZh ?? info.title}` : `Pipeline_${region?.nameEn ?? info.title}`;
    fx.download(bytes, `${base}_${date}.xlsx`, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  };
  return {
    /** Adds a project at 洽谈 dated `date` (today by default); returns its id or the problems. */
    addProject(fields: ProjectFields, date = fx.today()): { id: string | null; issues: ProjectIssue[] } {
      const r = addProject(pipelineProjects(store.get()), fields, date, known());
      if (!r.ok) return { id: null, issues: r.issues };
      return keep(r.projects) ? { id: r.id ?? null, issues: [] } : { id: null, issues: [refused] };
    },
    editProject: (id: string, fields: Partial<ProjectFields>) => apply((l) => editProject(l, id, fields, known())),
    setProjectStage: (id: string, stage: ProjectStage, date: string) => apply((l) => setStage(l, id, stage, date, known())),
    /** Seam 3: keeps the candidate site the project was matched to on the record (null unlinks). */
    linkProjectSite: (projectId: string, site: MatchedSite | null) => apply((l) => ({ ok: true, projects: linkSite(l, projectId, site) })),
    /** Links the parcel supplied to the project (checked against the data), so the idle rules watch it. */
    async linkProjectParcel(id: string, parcelId: string | null): Promise<ProjectIssue[]> {
      const trimmed = parcelId?.trim() || null;
      const counties = trimmed ? await enqueue((db) => parcelCounties(db, [trimmed])) : new Map<string, string>();
      return apply((l) => linkParcel(l, id, trimmed, (pid) => counties.get(pid)));
    },
    referProject: (id: string, r: ReferralInput) => apply((l) => referProject(l, id, r, promotionGroups(store.get()), known())),
    cancelReferral: (id: string) => apply((l) => ({ ok: true, projects: cancelReferral(l, id) })),
    deleteProject(id: string): ProjectIssue[] {
      const issues = apply((l) => ({ ok: true, projects: deleteProject(l, id) }));
      if (issues.length === 0 && store.get().project === id) dispatch({ type: 'projectSelected', id: null });
      return issues;
    },
    /** Back to the projects of the place's data (the demo's, an imported projects table). */
    resetProjects: () => setWork({ ...store.get().work, projects: null }),
    selectProject: (id: string | null) => dispatch({ type: 'projectSelected', id }),
    /** Flies to the project's parcel and selects it, so its findings show. */
    showProjectParcel(id: string): boolean {
      const p = pipelineProjects(store.get()).find((x) => x.project_id === id);
      if (!p?.site_parcel_id) return false;
      goToParcel(p.site_parcel_id);
      return true;
    },
    /** Downloads the pipeline as .xlsx: 说明, the projects with their referral columns, the funnels. */
    async exportPipeline(): Promise<void> {
      try {
        await exportPipeline();
      } catch (e) {
        const msg = (e as Error).message;
        dispatch({ type: 'noticesAdded', notices: [{ zh: `招商项目库导出失败：${msg}`, en: `The pipeline could not be exported: ${msg}` }] });
      }
    },
  };
}
