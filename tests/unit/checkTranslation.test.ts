import { describe, expect, it } from 'vitest';
import { checkTranslation } from '../../shared/translation/checkTranslation';
import { flattenResources, targetKeys, unflattenResources } from '../../shared/locales/flattenResources';

const keys = (source: string, target: string) => checkTranslation(source, target).map((c) => c.key);

describe('checkTranslation', () => {
  it('passes a faithful translation, whatever the number formatting', () => {
    expect(checkTranslation('Adopted in 2025 by **44 countries**; 1,500 delegates, 2.5 days.', 'Adoptée en 2025 par **44 pays** ; 1 500 délégués, 2,5 jours.')).toEqual([]);
    expect(checkTranslation('{{count}} pieces', '{{count}} pièces')).toEqual([]);
  });

  it('refuses an empty or blank target', () => {
    expect(keys('Text', '')).toEqual(['empty']);
    expect(keys('Text', ' \n\t')).toEqual(['empty']);
  });

  it('names missing and extra placeholders', () => {
    const [check] = checkTranslation('{{shown}} of {{count}} $t(ui:x)', '{{count}} sur {{total}}');
    expect(check).toEqual({ key: 'placeholders', values: { missing: '{{shown}}, $t(ui:x)', extra: '{{total}}' } });
  });

  it('names the Markdown constructs whose count changed, and changed link targets', () => {
    const [check] = checkTranslation('# Title\n\n- a\n- b\n\nSee [the plan](https://un.org/plan) and **this**.', '# Titre\n\n- a\n\nVoir [le plan](https://un.org/autre) et cela.');
    expect(check?.key).toBe('markdown');
    expect(check?.values.parts).toContain('list items 2→1');
    expect(check?.values.parts).toContain('strong 1→0');
    expect(check?.values.parts).toContain('link targets');
  });

  it('names numbers and years of the source missing from the target', () => {
    const [check] = checkTranslation('Signed on 15 November 2000 by 147 states.', 'Firmada el 15 de noviembre por 147 Estados.');
    expect(check).toEqual({ key: 'numbers', values: { numbers: '2000' } });
    // A number repeated in the source must be repeated in the target.
    expect(keys('In 2025 and again in 2025.', 'En 2025.')).toEqual(['numbers']);
  });
});

describe('interface string keys', () => {
  it('flattens and unflattens i18next JSON without losing order', () => {
    const tree = { b: { y: '1', x: '2' }, a: 'z' };
    const flat = flattenResources(tree);
    expect([...flat.keys()]).toEqual(['b.y', 'b.x', 'a']);
    expect(JSON.stringify(unflattenResources(flat))).toBe(JSON.stringify(tree));
  });

  it("gives each language its own plural forms, read from the source's closest form", () => {
    const english = ['items_one', 'items_other', 'title'];
    expect(Object.fromEntries(targetKeys(english, 'es'))).toEqual({
      items_one: 'items_one',
      items_many: 'items_other',
      items_other: 'items_other',
      title: 'title',
    });
    const french = ['items_one', 'items_many', 'items_other'];
    expect([...targetKeys(french, 'en').keys()].sort()).toEqual(['items_one', 'items_other']);
  });
});
