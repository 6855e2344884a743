// The pipeline funnel (analysis/pipeline-funnel.ts) as horizontal bars, widest at 洽谈: each bar
// is the projects that reached the stage, labelled with their count and investment; 流入 and
// 流出 are listed under it with the referring county's share.

import { useMemo } from 'preact/hooks';
import type { Funnel } from '../../state/pipeline-view';
import { Chart } from '../charts/Chart';
import { useT } from '../i18n';
import { fill } from './fill';

/** Stage colours: early talks pale, production deep (one hue, so the order reads at a glance). */
const STAGE_COLORS = ['#b3d4ec', '#7fb3d9', '#4a90c4', '#2370a8', '#12507f'];

export function FunnelChart(props: { funnel: Funnel; scope: string; testid: string; onProject?: (id: string) => void }) {
  const { t, code, lang, place } = useT();
  const f = props.funnel;
  const option = useMemo(() => {
    // 万元 in Chinese; CNY million in English (1 万元 = 10,000 CNY), as elsewhere in the app.
    const wan = (v: number) => (lang === 'zh' ? `${Math.round(v).toLocaleString('zh-CN')} 万元` : `CNY ${(v / 100).toLocaleString('en', { maximumFractionDigits: 1 })}m`);
    return {
      animation: false,
      tooltip: { trigger: 'item' },
      grid: { left: 52, right: 118, top: 4, bottom: 4 },
      xAxis: { type: 'value', show: false, max: Math.max(1, f.stages[0].reached) },
      yAxis: { type: 'category', inverse: true, data: f.stages.map((s) => code(`project:${s.stage}`)), axisTick: { show: false }, axisLabel: { fontSize: 12 } },
      series: [
        {
          type: 'bar',
          name: t('plReached'),
          barWidth: 18,
          data: f.stages.map((s, i) => ({ value: s.reached, itemStyle: { color: STAGE_COLORS[i] } })),
          label: {
            show: true,
            position: 'right',
            fontSize: 11,
            // English drops the unit word: "24 projects · CNY 6,762.8m" does not fit beside the bars.
            formatter: (p: { dataIndex: number; value: number }) => `${p.value}${lang === 'zh' ? ` ${t('plProjectsUnit')}` : ''} · ${wan(f.stages[p.dataIndex].reachedWan)}`,
          },
        },
      ],
    };
  }, [f, lang]);
  return (
    <section class="pl-funnel" data-testid={props.testid} data-total={f.total}>
      <h4>{fill(t('plFunnelOf'), { scope: props.scope })}</h4>
      <Chart option={option} height={130} testid={`${props.testid}-chart`} />
      <p class="muted small">{t('plFunnelHint')}</p>
      {f.inflow.length > 0 && (
        <div class="pl-flows" data-testid={`${props.testid}-inflow`}>
          <b>{t('plInflow')}</b>
          <ul>
            {f.inflow.map((x) => (
              <li key={x.project_id} data-project={x.project_id}>
                <button type="button" class="link" onClick={() => props.onProject?.(x.project_id)}>
                  {x.name}
                </button>{' '}
                <span class="muted">{fill(t('plInflowFrom'), { from: place(x.from) })}{x.share_out_pct !== null ? ` · ${fill(t('plShareKept'), { from: place(x.from), pct: x.share_out_pct })}` : ''}</span>
              </li>
            ))}
          </ul>
        </div>
      )}
      {f.outflow.length > 0 && (
        <div class="pl-flows out" data-testid={`${props.testid}-outflow`}>
          <b>{t('plOutflow')}</b>
          <ul>
            {f.outflow.map((x) => (
              <li key={x.project_id} data-project={x.project_id}>
                <button type="button" class="link" onClick={() => props.onProject?.(x.project_id)}>
                  {x.name}
                </button>{' '}
                <span class="muted">{fill(t('plOutflowTo'), { to: place(x.to), pct: x.share_out_pct ?? '—' })}</span>
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
