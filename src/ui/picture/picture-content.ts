// What an exported map picture says, gathered from the state in the UI language: the title as
// on screen (place, view, as-of date, 示例数据 mark, past-date and settings notices), the legend
// of the view (legend-model.ts), and a footer with the data source — the demo's source line, or
// the workspace's name and import date — the basemap's attribution, and the export date.

import { type Lang, type MessageKey, codeLabel, translate } from '../../i18n/dict';
import type { PictureContent } from '../../map/picture-layout';
import { pictureFileName } from '../../map/picture-name';
import { type AppState, asOfDate } from '../../state/app-state';
import { placeInfo } from '../../state/place-info';
import { settingsNotice } from '../../state/settings-notice';
import { PUNCTUATION, countyName, formatDate, todayLocal } from '../../vocab';
import { attributionOf } from '../basemap-attribution';
import { legendModel } from '../legend-model';
import { mapHeading } from '../title-model';

/** `{name}`-style placeholders filled with plain text (never markup: the picture draws text). */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in values ? String(values[k]) : m));
}

/** The data source paragraph(s) of the footer. */
function sourceLines(s: AppState, lang: Lang, t: (k: MessageKey) => string, legendSource: string): string[] {
  const info = placeInfo(s, lang);
  if (info.synthetic) return [legendSource];
  const w = s.workspaces.find((x) => x.id === s.region);
  const name = info.title;
  // Import times are stored in UTC; the planner reads the date of their own clock.
  const imported = w?.importedAt ? new Date(w.importedAt) : null;
  const date = imported && !Number.isNaN(imported.getTime()) ? formatDate(todayLocal(imported), lang) : '';
  const own = date ? fill(t('pictureWorkspace'), { name, date }) : fill(t('pictureWorkspaceNoDate'), { name });
  return [`${own}${PUNCTUATION[lang].semicolon}${legendSource}`];
}

/**
 * The active filters in words (the chips of ActiveFilters.tsx), so a filtered picture never
 * passes for the whole region; null without a filter.
 */
export function filterLine(s: Pick<AppState, 'filter' | 'parkOptions'>, lang: Lang): string | null {
  const f = s.filter;
  const t = (k: MessageKey) => translate(lang, k);
  const labels = [
    ...f.counties.map((c) => countyName(c, lang)),
    ...f.parkIds.map((p) => s.parkOptions.find((x) => x.park_id === p)?.name ?? p),
    ...f.idleTypes.map((v) => codeLabel(lang, `idle:${v}`)),
    ...f.disposals.map((v) => codeLabel(lang, `disposal:${v}`)),
    ...f.statuses.map((v) => codeLabel(lang, v)),
    ...f.supplyYears.map((y) => `${t('supplyYear')} ${y}`),
    ...(f.quality.length ? [t('dataQuality')] : []),
  ];
  return labels.length ? `${t('filteredBy')}${lang === 'zh' ? '' : ' '}${labels.join(PUNCTUATION[lang].list)}` : null;
}

export function pictureContent(s: AppState, lang: Lang, camera: { bearing: number; zoom: number }, exportedOn: string): PictureContent {
  const t = (k: MessageKey) => translate(lang, k);
  const info = placeInfo(s, lang);
  const asOf = asOfDate(s);
  const subtitle: PictureContent['subtitle'] = [{ text: `${t('asOf')} ${formatDate(asOf, lang)}` }];
  if (info.synthetic) subtitle.push({ text: t('demoBadge'), badge: true });
  if (asOf < s.today) subtitle.push({ text: t('pastAsOfShort') });
  const filtered = filterLine(s, lang);
  if (filtered) subtitle.push({ text: filtered });
  const notice = settingsNotice(s, lang);
  const join = (xs: string[]) => xs.join(PUNCTUATION[lang].semicolon);
  const notices: PictureContent['notices'] = [];
  if (notice?.statutory.length) notices.push({ label: `⚠ ${t('nonStatutory')}`, text: join(notice.statutory), statutory: true });
  if (notice?.local.length) notices.push({ label: t('localSettings'), text: join(notice.local), statutory: false });
  const legend = legendModel(s, lang);
  const basemap = s.basemaps[s.region];
  const footer = [
    ...sourceLines(s, lang, t, legend.source),
    ...(basemap ? [`${t('bmSource')}${PUNCTUATION[lang].colon}${attributionOf(basemap, t('bmTiandituAttribution'))}`] : []),
    `${t('pictureSchematic')} · ${lang === 'zh' ? `ParkAtlas ${t('appTitle')}` : t('appTitle')} · ${fill(t('pictureExported'), { date: formatDate(exportedOn, lang) })}`,
  ];
  return {
    heading: mapHeading(s, lang),
    subtitle,
    notices,
    legend: {
      title: legend.title,
      rows: legend.rows.map(({ colour, label, count, swatch }) => ({ colour, label, count, swatch })),
      notes: [...legend.rows.flatMap((r) => (r.note ? [r.note] : [])), ...legend.notes],
    },
    footer,
    bearing: camera.bearing,
    zoom: camera.zoom,
  };
}

/** The picture's file name: place, view (the mode's tab name), as-of date and scale. */
export function pictureName(s: AppState, lang: Lang, scale: number): string {
  const mode: MessageKey = s.mode === 'layout' ? 'modeLayout' : s.mode === 'siting' ? 'modeSiting' : s.mode === 'workbench' ? 'modeWorkbench' : 'modeIdle';
  return pictureFileName({ place: placeInfo(s, lang).title, mode: translate(lang, mode), asOf: asOfDate(s), scale });
}
