import ui from '../../../shared/locales/es/ui.json';
import errors from '../../../shared/locales/es/errors.json';
import common from '../../../shared/locales/es/common.json';
import pdf from '../../../shared/locales/es/pdf.json';

/** The interface's strings in this language (the CLI's own strings are left out of the renderer). */
export default { ui, errors, common, pdf };
