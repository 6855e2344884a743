// The 亩均 legend's counts per class, for the map legend (the sums live with the analysis).

export { type MujunClassTotal, type MujunLegendKey, mujunClassTotals } from '../analysis/mujun-totals';
