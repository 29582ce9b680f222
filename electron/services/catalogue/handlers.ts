import type { catalogueChannels } from '../../../shared/contracts/catalogue';
import type { HandlersFor } from '../handler';
import * as catalogue from './catalogue';

/** The catalogue channels' handlers; spread into the one handler map, which checks it is complete. */
export const catalogueHandlers: HandlersFor<typeof catalogueChannels> = {
  'procedures.list': catalogue.listProcedures,
  'procedures.save': catalogue.saveProcedure,
  'templates.current': catalogue.currentTemplate,
  'templates.get': catalogue.getTemplate,
  'templates.versions': catalogue.templateVersions,
  'templates.saveDraft': catalogue.saveTemplateDraft,
  'templates.publish': catalogue.publishTemplate,
};
