// The vocabulary: codes, units, labels and dates, at the bottom of the layers (it imports
// nothing from the app), so ui, state, analysis, data and scripts all take them from here.

export * from './codes';
export * from './dates';
export * from './families';
export * from './labels';
export * from './units';
export * from './places';
export * from './format';
export * from './sites';
