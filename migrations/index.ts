import * as migration_20261123_113457_initial from './20261123_113457_initial';

export const migrations = [
  {
    up: migration_20261123_113457_initial.up,
    down: migration_20261123_113457_initial.down,
    name: '20261123_113457_initial'
  },
];
