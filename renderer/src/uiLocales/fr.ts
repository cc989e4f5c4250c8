import ui from '../../../shared/locales/fr/ui.json';
import errors from '../../../shared/locales/fr/errors.json';
import common from '../../../shared/locales/fr/common.json';
import pdf from '../../../shared/locales/fr/pdf.json';

/** The interface's strings in this language (the CLI's own strings are left out of the renderer). */
export default { ui, errors, common, pdf };
