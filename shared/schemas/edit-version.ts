import { z } from 'zod';

/**
 * The version of a record a screen loaded, sent back with its save: the save is refused as `conflict`
 * (errors.editedElsewhere, naming who saved and when) when another seat saved a newer one in between (issue 14).
 */
export const EditVersion = z.number().int().positive();
