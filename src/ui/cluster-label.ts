// The names park clusters carry on the map.

import { countyName } from '../vocab';

/** Map labels stay short on a wall screen: three counties by name, more as “A等N县区”. */
export function shortClusterLabel(counties: string[], lang: 'zh' | 'en'): string {
  const names = counties.map((c) => c.replace(/(瑶族自治县|自治县)$/, '县'));
  if (lang === 'en') {
    const en = counties.map((c) => countyName(c, 'en'));
    return en.length <= 3 ? `${en.join('–')} cluster` : `${en[0]} + ${en.length - 1} counties`;
  }
  if (names.length <= 3) return `${names.map((n) => n.replace(/[县区市]$/, '')).join('、')}组团`;
  return `${names[0]}等${names.length}县区组团`;
}
