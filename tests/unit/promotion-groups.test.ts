// Promotion groups (组团) read from the contract's table and from saved data, and checked
// against the region's counties before they are stored.

import { describe, expect, it } from 'vitest';
import { checkGroups, groupsFromSaved, groupsFromTable, splitCounties } from '../../src/analysis/promotion-groups';

const DEZHOU = ['德城区', '陵城区', '宁津县', '庆云县', '乐陵市'];

describe('promotion groups', () => {
  it('splits members on ; and the separators of hand-typed sheets, once each', () => {
    expect(splitCounties('宁津县;乐陵市；庆云县、宁津县 , ')).toEqual(['宁津县', '乐陵市', '庆云县']);
    expect(splitCounties(null)).toEqual([]);
  });

  it('reads the table, naming a group by its id when the name is empty and skipping rows without an id', () => {
    const t = {
      count: 3,
      columns: {
        group_id: { type: 'string' as const, values: ['NLQ', '', 'X'] },
        name: { type: 'string' as const, values: ['宁乐庆组团', 'ignored', null] },
        counties: { type: 'string' as const, values: ['宁津县;乐陵市;庆云县', '德城区;陵城区', '德城区;陵城区'] },
      },
    };
    expect(groupsFromTable(t)).toEqual([
      { group_id: 'NLQ', name: '宁乐庆组团', counties: ['宁津县', '乐陵市', '庆云县'] },
      { group_id: 'X', name: 'X', counties: ['德城区', '陵城区'] },
    ]);
  });

  it('accepts two or more counties of the region and names what is wrong otherwise', () => {
    expect(checkGroups([{ group_id: 'NLQ', name: '宁乐庆', counties: ['宁津县', '乐陵市', '庆云县'] }], DEZHOU)).toEqual([]);
    const issues = checkGroups(
      [
        { group_id: 'A', name: '', counties: ['宁津县', '沧县'] },
        { group_id: 'A', name: 'B', counties: ['宁津县', '乐陵市'] },
      ],
      DEZHOU,
    );
    expect(issues.map((i) => [i.group_id, i.field])).toEqual([
      ['A', 'name'],
      ['A', 'counties'],
      ['A', 'counties'],
      ['A', 'group_id'],
    ]);
    expect(issues[1].zh).toContain('沧县');
    expect(issues[2].en).toContain('at least two');
  });

  it('keeps well-formed saved groups and leaves out the rest', () => {
    expect(groupsFromSaved([{ group_id: 'G', name: 'n', counties: ['a', 1, 'b'] }, { name: 'no id' }, 'x'])).toEqual([{ group_id: 'G', name: 'n', counties: ['a', 'b'] }]);
    expect(groupsFromSaved('nope')).toBeNull();
  });
});
