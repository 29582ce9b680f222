import { botulinumToxin } from './starter-catalogue/botulinum-toxin';
import { breastAugmentation } from './starter-catalogue/breast-augmentation';
import { doubleEyelid } from './starter-catalogue/double-eyelid';
import { haFiller } from './starter-catalogue/ha-filler';
import { hifu } from './starter-catalogue/hifu';
import { liposuction } from './starter-catalogue/liposuction';
import { picosecondLaser } from './starter-catalogue/picosecond-laser';
import { rhinoplastyImplant } from './starter-catalogue/rhinoplasty-implant';
import type { StarterProcedure } from './starter-catalogue/types';

/** The catalogue every new vault starts with (frozen with migration 0040). */
export const STARTER_CATALOGUE: readonly StarterProcedure[] = [
  doubleEyelid,
  rhinoplastyImplant,
  liposuction,
  breastAugmentation,
  haFiller,
  botulinumToxin,
  picosecondLaser,
  hifu,
];
export type { StarterProcedure };
