import ui from '../../../shared/locales/en/ui.json';
import errors from '../../../shared/locales/en/errors.json';
import common from '../../../shared/locales/en/common.json';
import pdf from '../../../shared/locales/en/pdf.json';

/** The interface's strings in this language (the CLI's own strings are left out of the renderer). */
export default { ui, errors, common, pdf };
