import { describe, expect, it } from 'vitest';
import { createTranslator } from '../../shared/locales/createTranslator';
import { INSTRUMENT_KINDS, type InstrumentKind } from '../../shared/domain/pieceKinds';
import { LOCALES, type Locale } from '../../shared/domain/locales';
import { instrumentFacts, memberOfLabel, relatedInstrumentsLabel, roadmapPrioritiesLabel } from '../../shared/domain/documentLabels';

const t = Object.fromEntries(LOCALES.map((l) => [l, createTranslator(l)])) as Record<Locale, ReturnType<typeof createTranslator>>;

/** Every kind's label line, dated and undated, as a reader of each language must see it. */
const FACTS: Record<Locale, Record<InstrumentKind, [dated: string, undated: string]>> = {
  en: {
    convention: ['Convention · adopted in 2003', 'Convention · adopted · UN'],
    protocol: ['Protocol · adopted in 2003', 'Protocol · adopted · UN'],
    'plan-of-action': ['Plan of action · adopted in 2003', 'Plan of action · adopted · UN'],
    compact: ['Compact · adopted in 2003', 'Compact · adopted · UN'],
    declaration: ['Declaration · adopted in 2003', 'Declaration · adopted · UN'],
  },
  fr: {
    convention: ['Convention · adoptée en 2003', 'Convention · adoptée · UN'],
    protocol: ['Protocole · adopté en 2003', 'Protocole · adopté · UN'],
    'plan-of-action': ['Plan d’action · adopté en 2003', 'Plan d’action · adopté · UN'],
    compact: ['Pacte · adopté en 2003', 'Pacte · adopté · UN'],
    declaration: ['Déclaration · adoptée en 2003', 'Déclaration · adoptée · UN'],
  },
  es: {
    convention: ['Convención · adoptada en 2003', 'Convención · adoptada · UN'],
    protocol: ['Protocolo · adoptado en 2003', 'Protocolo · adoptado · UN'],
    'plan-of-action': ['Plan de acción · adoptado en 2003', 'Plan de acción · adoptado · UN'],
    compact: ['Pacto · adoptado en 2003', 'Pacto · adoptado · UN'],
    declaration: ['Declaración · aprobada en 2003', 'Declaración · aprobada · UN'],
  },
};

describe('generated labels agree with what they describe', () => {
  it.each(LOCALES)('%s: every instrument kind, with and without a year', (locale) => {
    for (const kind of INSTRUMENT_KINDS) {
      expect(instrumentFacts(t[locale], kind, 2003, null).join(' · '), kind).toBe(FACTS[locale][kind][0]);
      expect(instrumentFacts(t[locale], kind, null, 'UN').join(' · '), kind).toBe(FACTS[locale][kind][1]);
      expect(instrumentFacts(t[locale], kind, null, null), kind).toEqual([FACTS[locale][kind][0].split(' · ')[0]]);
    }
  });

  it('counts lists: one priority or instrument, several', () => {
    expect([roadmapPrioritiesLabel(t.en, [3]), roadmapPrioritiesLabel(t.en, [3, 4])]).toEqual(['Roadmap priority 3', 'Roadmap priorities 3, 4']);
    expect([roadmapPrioritiesLabel(t.fr, [3]), roadmapPrioritiesLabel(t.fr, [3, 4])]).toEqual([
      'Priorité 3 de la feuille de route',
      'Priorités 3, 4 de la feuille de route',
    ]);
    expect([roadmapPrioritiesLabel(t.es, [3]), roadmapPrioritiesLabel(t.es, [3, 4])]).toEqual([
      'Prioridad 3 de la hoja de ruta',
      'Prioridades 3, 4 de la hoja de ruta',
    ]);
    expect(relatedInstrumentsLabel(t.en, ['A'])).toBe('Related instrument: A');
    expect(relatedInstrumentsLabel(t.fr, ['A', 'B'])).toBe('Instruments liés : A, B');
    expect(relatedInstrumentsLabel(t.es, ['A'])).toBe('Instrumento relacionado: A');
  });

  it('network names carry their own article and preposition, or stand after a colon', () => {
    expect(memberOfLabel(t.en, 'Network X', 'of the Network X')).toBe('Member of the Network X');
    expect(memberOfLabel(t.fr, 'Réseau X', 'du Réseau X')).toBe('Membre du Réseau X');
    expect(memberOfLabel(t.es, 'Red X', 'de la Red X')).toBe('Miembro de la Red X');
    expect(memberOfLabel(t.en, 'ParlAmericas', null)).toBe('Member: ParlAmericas');
    expect(memberOfLabel(t.fr, 'ParlAmericas', null)).toBe('Membre : ParlAmericas');
    expect(memberOfLabel(t.es, 'ParlAmericas', null)).toBe('Miembro: ParlAmericas');
  });
});
