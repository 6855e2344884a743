// A tiny region for the site matching, laid out on the equator so distances are easy to check:
// 0.01° of longitude = 1.112 km (mean Earth radius 6371.0088 km).
//
//   chain C1 电子: 铜箔 CU → 印制电路板（PCB） PCB → 手机 PH;  chain C2 机械: 轴承 X → 手机 PH
//   parks  KA 甲县 provincial, leads C1, at x 0      KB 乙县 national, leads C2, at x 1.0 (111 km)
//          KC 丙县 county,     leads C1, at x 0.05
//   sites  U:KA:1 unsupplied 20 亩 ready at x 0       U:KB:1 unsupplied 20 亩 ready at x 1.0
//          R:P9   returning  40 亩 disputed at x 0.05 F:F1   factory 5000 m² vacant, ready, x 0.01
//   enterprises (placed at their parcels): E1 铜箔甲 CU at x 0, E2 手机乙 PH at x 0.09 (10.0 km),
//          E3 轴承丙 X at x 0.005, E4 手机丁 PH at x 1.0, E5 板厂戊 PCB at x 0.02 (2.2 km; no
//          tax, so not classed). 亩均 tax 100 > 80 > 60 (E4) > 10 (E3): classes E1 A, E2 B, E4 B, E3 C.

import type { Db } from '../../../src/data/db';

export const MU = 10000 / 15;

export async function loadSiteFixture(db: Db): Promise<void> {
  const statements = [
    `CREATE OR REPLACE TABLE chain_nodes AS SELECT * FROM (VALUES
      ('C1', '电子信息', 'CU', '铜箔', 'upstream'),
      ('C1', '电子信息', 'PCB', '印制电路板（PCB）', 'midstream'),
      ('C1', '电子信息', 'PH', '手机', 'downstream'),
      ('C2', '机械装备', 'X', '轴承', 'midstream')) t(chain_id, chain_name, node_id, node_name, stage)`,
    `CREATE OR REPLACE TABLE chain_links AS SELECT * FROM (VALUES ('CU', 'PCB'), ('PCB', 'PH'), ('X', 'PH')) t(from_node, to_node)`,
    `CREATE OR REPLACE TABLE parks AS SELECT * FROM (VALUES
      ('KA', '甲园', '甲县', 'provincial', 'C1', 100.0, 0.0, 0.0),
      ('KB', '乙园', '乙县', 'national', 'C2', 100.0, 1.0, 0.0),
      ('KC', '丙园', '丙县', 'county', 'C1', 100.0, 0.05, 0.0)) t(park_id, name, county, level, leading_chains, planned_area_ha, cx, cy)`,
    `CREATE OR REPLACE TABLE parcels AS SELECT * FROM (VALUES
      (0, 'PE1', 'KA', '甲县', 'industrial', 20000.0, 'E1', 0.0, 0.0),
      (1, 'PE2', NULL, '甲县', 'industrial', 20000.0, 'E2', 0.09, 0.0),
      (2, 'PE3', 'KA', '甲县', 'industrial', 20000.0, 'E3', 0.005, 0.0),
      (3, 'PE4', 'KB', '乙县', 'industrial', 20000.0, 'E4', 1.0, 0.0),
      (4, 'P9', 'KC', '丙县', 'industrial', ${40 * MU}, NULL, 0.05, 0.0),
      (5, 'PE5', 'KA', '甲县', 'industrial', 20000.0, 'E5', 0.02, 0.0)
    ) t(pidx, parcel_id, park_id, county, land_use, area_m2, enterprise_id, cx, cy)`,
    `CREATE OR REPLACE TABLE enterprises AS SELECT * FROM (VALUES
      ('E1', '铜箔甲', '甲县', 'KA', 'CU', true, 100, 10000.0, 3000.0, 100.0, 500.0, 300.0),
      ('E2', '手机乙', '甲县', NULL, 'PH', true, 100, 10000.0, 3000.0, 80.0, 500.0, 300.0),
      ('E3', '轴承丙', '甲县', 'KA', 'X', true, 100, 10000.0, 3000.0, 10.0, 500.0, 300.0),
      ('E4', '手机丁', '乙县', 'KB', 'PH', true, 100, 10000.0, 3000.0, 60.0, 500.0, 300.0),
      ('E5', '板厂戊', '甲县', 'KA', 'PCB', true, 100, 10000.0, 3000.0, NULL, 500.0, 300.0)
    ) t(enterprise_id, name, county, park_id, chain_node, above_scale, employees, revenue_wan, value_added_wan, tax_wan, energy_tce, rd_expense_wan)`,
    `CREATE OR REPLACE TABLE site_candidates AS SELECT * FROM (VALUES
      ('U:KA:1', 'unsupplied', 'KA', '甲县', ${20 * MU}, NULL, 'ready', NULL, NULL, 0.0, 0.0),
      ('U:KB:1', 'unsupplied', 'KB', '乙县', ${20 * MU}, NULL, 'ready', NULL, NULL, 1.0, 0.0),
      ('R:P9', 'returning', 'KC', '丙县', ${40 * MU}, NULL, 'disputed', 'P9', NULL, 0.05, 0.0),
      ('F:F1', 'factory', 'KA', '甲县', NULL, 5000.0, 'ready', NULL, 'F1', 0.01, 0.0)
    ) t(site_id, kind, park_id, county, area_m2, vacant_floor_m2, readiness, parcel_id, factory_id, cx, cy)`,
    `DROP TABLE IF EXISTS site_zone_checks`,
  ];
  for (const s of statements) await db.query(s);
}

/** Zone checks: only U:KA:1 passes for an M2 project. */
export async function loadZoneChecks(db: Db): Promise<void> {
  await db.query(`CREATE OR REPLACE TABLE site_zone_checks AS SELECT * FROM (VALUES
    ('U:KA:1', false, false, false, 'M3'),
    ('U:KB:1', true, false, false, 'M2'),
    ('R:P9', false, true, NULL, NULL),
    ('F:F1', false, false, false, 'M1')
  ) t(site_id, outside_urban, in_farmland, in_redline, land_class)`);
}
