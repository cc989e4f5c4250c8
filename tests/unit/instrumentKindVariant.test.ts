import { describe, expect, it } from 'vitest';
import { createTranslator } from '../../shared/locales/createTranslator';
import { instrumentFacts } from '../../shared/domain/documentLabels';

/*
 * Spanish names two conventions: "Convención" (feminine) and "Convenio" (masculine). The label
 * follows the noun the instrument's own title starts with, in the edition's language.
 */

const t = { en: createTranslator('en'), fr: createTranslator('fr'), es: createTranslator('es') };
const FINANCING = {
  en: 'International Convention for the Suppression of the Financing of Terrorism',
  fr: 'Convention internationale pour la répression du financement du terrorisme',
  es: 'Convenio Internacional para la Represión de la Financiación del Terrorismo',
};

describe('the kind label of a convention whose Spanish title is a "Convenio"', () => {
  it('is "Convenio · adoptado" in Spanish, dated or not', () => {
    expect(instrumentFacts(t.es, 'convention', 1999, null, FINANCING.es).join(' · ')).toBe('Convenio · adoptado en 1999');
    expect(instrumentFacts(t.es, 'convention', null, 'ONU', FINANCING.es).join(' · ')).toBe('Convenio · adoptado · ONU');
    expect(instrumentFacts(t.es, 'convention', null, null, FINANCING.es)).toEqual(['Convenio']);
  });

  it('stays "Convención · adoptada" for a Convención, and without a title', () => {
    expect(instrumentFacts(t.es, 'convention', 2003, null, 'Convención de las Naciones Unidas contra la Corrupción').join(' · ')).toBe('Convención · adoptada en 2003');
    expect(instrumentFacts(t.es, 'convention', 2003, null).join(' · ')).toBe('Convención · adoptada en 2003');
  });

  it('changes nothing in English and French', () => {
    expect(instrumentFacts(t.en, 'convention', 1999, null, FINANCING.en).join(' · ')).toBe('Convention · adopted in 1999');
    expect(instrumentFacts(t.fr, 'convention', 1999, null, FINANCING.fr).join(' · ')).toBe('Convention · adoptée en 1999');
    // A Spanish title shown in another edition (a fallback) is not passed: the caller leaves it out.
    expect(instrumentFacts(t.fr, 'convention', null, null, 'Convenio X')).toEqual(['Convention']);
  });

  it('only for the kind the variant belongs to: a protocol titled "Convenio…" keeps its own label', () => {
    expect(instrumentFacts(t.es, 'protocol', 2000, null, 'Convenio raro').join(' · ')).toBe('Protocolo · adoptado en 2000');
  });
});
