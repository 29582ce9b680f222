// Static JSON imports, so tsx/vitest read the files and esbuild inlines them into the bundle (no files to ship).
import botulinumToxin from './starter-catalogue/botulinum-toxin.json' with { type: 'json' };
import breastAugmentation from './starter-catalogue/breast-augmentation.json' with { type: 'json' };
import doubleEyelid from './starter-catalogue/double-eyelid.json' with { type: 'json' };
import haFiller from './starter-catalogue/ha-filler.json' with { type: 'json' };
import hifu from './starter-catalogue/hifu.json' with { type: 'json' };
import liposuction from './starter-catalogue/liposuction.json' with { type: 'json' };
import picosecondLaser from './starter-catalogue/picosecond-laser.json' with { type: 'json' };
import rhinoplastyImplant from './starter-catalogue/rhinoplasty-implant.json' with { type: 'json' };

/**
 * Only what migration 0040 reads from a starter procedure. The follow-up plan and the explanation
 * sheets are stored as their JSON text, so their shape stays unknown here: tests check the files
 * against shared/schemas, which a frozen migration must not import.
 */
export interface StarterProcedure {
  readonly code: string;
  readonly nameZh: string;
  readonly nameEn: string;
  readonly category: string;
  readonly anaesthesia: string;
  readonly witnessRequired: boolean;
  readonly coolingOffDays: number;
  readonly followUpPlan: readonly unknown[];
  readonly templates: Readonly<Record<'zh-TW' | 'en', unknown>>;
}

/** The catalogue every new vault starts with (frozen with migration 0040), in the order it is seeded. */
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
