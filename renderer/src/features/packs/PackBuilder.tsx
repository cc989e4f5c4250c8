import { useCallback, useEffect, useMemo, useRef, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../../shared/api/apiContract';
import type { PackDoc, PackItemDoc, SectionDoc } from '../../../../shared/schemas/libraryDocument';
import { pickText } from '../../../../shared/domain/pickText';
import { getApi } from '../../api/getApi';
import { toApiError, unwrap } from '../../api/ApiFailure';
import { useApiQuery } from '../../api/useApiQuery';
import { Dialog } from '../../components/Dialog';
import { ErrorAlert } from '../../components/ErrorAlert';
import { fieldHasProblem, problemPaths } from '../../components/describeApiError';
import { DescriptorForm } from '../library/forms/DescriptorForm';
import { useUiLocale } from '../../components/useUiLocale';
import { useNavigation, useUnsavedChanges } from '../../navigation/NavigationProvider';
import { SectionCard, type DragPayload, type SectionHandlers } from './SectionCard';
import { BuildPanel } from './BuildPanel';
import { move, moveItem, newSectionId, stepItem } from './reorder';
import { pieceLabels } from './pieceLabels';
import { LogoPicker } from './LogoPicker';

/** The builder's test ids from before its details came from the pack's descriptor (tests and docs name them). */
const PACK_TEST_IDS = { meetingId: 'pack-meeting', paper: 'pack-paper', reference: 'pack-reference', version: 'pack-version', issued: 'pack-issued' };

/** One pack: its cover texts and options, its sections and their pieces, and building it. */
export function PackBuilder({ packId }: { packId: string }) {
  const { t } = useTranslation();
  const locale = useUiLocale();
  const { navigate } = useNavigation();
  const loaded = useApiQuery(`pack:${packId}`, () => getApi()['packs.get']({ id: packId }));
  const choices = useApiQuery(`choices:${locale}`, () => getApi()['library.choices']({ locale }));
  const [draft, setDraft] = useState<PackDoc | null>(null);
  const [dirty, setDirty] = useState(false);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [savedAt, setSavedAt] = useState<number | null>(null);
  const [adding, setAdding] = useState<number | null>(null);
  const [removing, setRemoving] = useState<number | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const [dropTarget, setDropTarget] = useState<string | null>(null);
  const drag = useRef<DragPayload | null>(null);
  /** Where focus goes after the next render: the first of these selectors that finds an element. */
  const pendingFocus = useRef<string | string[] | null>(null);

  useUnsavedChanges(`pack:${packId}`, dirty);

  useEffect(() => {
    if (loaded.data) {
      setDraft(loaded.data);
      setDirty(false);
    }
  }, [loaded.data]);

  useEffect(() => {
    const target = pendingFocus.current;
    if (!target) return;
    pendingFocus.current = null;
    for (const selector of Array.isArray(target) ? target : [target]) {
      const element = document.querySelector<HTMLElement>(selector);
      if (element) {
        element.focus();
        return;
      }
    }
  });

  const labelOf = useMemo(() => pieceLabels(choices.data), [choices.data]);
  const problems = useMemo(() => problemPaths(error), [error]);
  const titleOf = (section: SectionDoc | undefined) => (section ? (pickText(section.title, locale)?.text ?? '') : '');

  const change = useCallback((next: PackDoc) => {
    setDraft(next);
    setDirty(true);
    setSavedAt(null);
  }, []);

  const savingNow = useRef(false);
  const save = useCallback(async (): Promise<boolean> => {
    if (!draft || savingNow.current) return false;
    savingNow.current = true;
    setSaving(true);
    try {
      const saved = unwrap(await getApi()['packs.save']({ record: draft }));
      setDraft(saved);
      setDirty(false);
      setError(null);
      setSavedAt(Date.now());
      return true;
    } catch (caught) {
      setError(toApiError(caught));
      // To the first field the message names, or to the message itself when it names none.
      pendingFocus.current = ['[data-testid="pack-builder"] [aria-invalid="true"]', '[data-testid="pack-builder"] [data-testid="error"]'];
      return false;
    } finally {
      savingNow.current = false;
      setSaving(false);
    }
  }, [draft]);

  if (!draft) {
    return (
      <section className="builder" aria-labelledby="builder-heading">
        <h2 id="builder-heading">{t('ui:builder.title')}</h2>
        <ErrorAlert error={loaded.error} />
        {loaded.loading ? <p className="loading">{t('ui:loading')}</p> : null}
        <button type="button" onClick={() => navigate({ screen: 'packs' })}>← {t('ui:builder.back')}</button>
      </section>
    );
  }

  const pack = draft;
  const setSections = (sections: SectionDoc[]) => change({ ...pack, sections });
  const itemName = (item: PackItemDoc | undefined) => (item ? (labelOf(item.kind, item.ref) ?? item.ref) : '');

  const stepItemAt = (section: number, index: number, delta: -1 | 1) => {
    const item = pack.sections[section]?.items[index];
    const result = stepItem(pack.sections, { section, index }, delta);
    if (!result || !item) return;
    setSections(result.sections);
    pendingFocus.current = `[data-testid="item-${result.to.section}-${result.to.index}"]`;
    setAnnouncement(
      t('ui:builder.movedItem', {
        title: itemName(item),
        position: result.to.index + 1,
        count: result.sections[result.to.section]!.items.length,
        section: titleOf(result.sections[result.to.section]),
      }),
    );
  };

  const stepSection = (index: number, delta: -1 | 1) => {
    const to = index + delta;
    if (to < 0 || to >= pack.sections.length) return;
    const section = pack.sections[index];
    setSections(move(pack.sections, index, to));
    setAdding(null);
    pendingFocus.current = `[data-testid="section-${to}"] [data-testid="section-handle"]`;
    setAnnouncement(t('ui:builder.movedSection', { title: titleOf(section), position: to + 1, count: pack.sections.length }));
  };

  const canDrop = (target: { section: number; item: number | null }) => {
    const payload = drag.current;
    if (!payload) return false;
    const key = payload.type === 'section' ? `s${target.section}` : target.item === null ? `s${target.section}` : `i${target.section}-${target.item}`;
    if (dropTarget !== key) setDropTarget(key);
    return true;
  };

  const onDrop = (target: { section: number; item: number | null }) => {
    const payload = drag.current;
    drag.current = null;
    setDropTarget(null);
    if (!payload) return;
    if (payload.type === 'section') {
      if (payload.index !== target.section) {
        setSections(move(pack.sections, payload.index, target.section));
        setAnnouncement(t('ui:builder.movedSection', { title: titleOf(pack.sections[payload.index]), position: target.section + 1, count: pack.sections.length }));
      }
      return;
    }
    const from = { section: payload.section, index: payload.index };
    let index = target.item ?? pack.sections[target.section]!.items.length;
    // Dropping below its own position in the same section: the list shrinks by one first.
    if (target.section === from.section && target.item !== null && target.item > from.index) index -= 1;
    if (target.section === from.section && index === from.index) return;
    const item = pack.sections[from.section]?.items[from.index];
    const sections = moveItem(pack.sections, from, { section: target.section, index });
    setSections(sections);
    setAnnouncement(
      t('ui:builder.movedItem', {
        title: itemName(item),
        position: index + 1,
        count: sections[target.section]!.items.length,
        section: titleOf(sections[target.section]),
      }),
    );
  };

  const handlersFor = (index: number): SectionHandlers => ({
    onChange: (section) => setSections(pack.sections.map((s, i) => (i === index ? section : s))),
    onRemove: () => setRemoving(index),
    onStep: (delta) => stepSection(index, delta),
    onItemStep: (item, delta) => stepItemAt(index, item, delta),
    onItemRemove: (item) => {
      const removed = pack.sections[index]?.items[item];
      setSections(pack.sections.map((s, i) => (i === index ? { ...s, items: s.items.filter((_, j) => j !== item) } : s)));
      setAnnouncement(t('ui:builder.removedItem', { title: itemName(removed) }));
      const left = (pack.sections[index]?.items.length ?? 1) - 1;
      pendingFocus.current = left > 0 ? `[data-testid="item-${index}-${Math.min(item, left - 1)}"]` : `[data-testid="add-item-${index}"]`;
    },
    onAddItem: (item) => {
      setSections(pack.sections.map((s, i) => (i === index ? { ...s, items: [...s.items, item] } : s)));
      setAnnouncement(t('ui:builder.addedItem', { title: itemName(item), section: titleOf(pack.sections[index]) }));
    },
    onToggleAdd: () => {
      pendingFocus.current = adding === index ? `[data-testid="add-item-${index}"]` : null;
      setAdding(adding === index ? null : index);
    },
    onDragStart: (payload, event: DragEvent) => {
      drag.current = payload;
      event.dataTransfer.effectAllowed = 'move';
      event.dataTransfer.setData('text/plain', payload.type === 'section' ? `section:${payload.index}` : `item:${payload.section}:${payload.index}`);
    },
    onDragEnd: () => {
      drag.current = null;
      setDropTarget(null);
    },
    onDrop,
    canDrop,
  });

  const addSection = () => {
    const n = pack.sections.length + 1;
    const section: SectionDoc = {
      id: newSectionId(pack),
      title: { [locale]: { text: t('ui:builder.newSectionTitle', { n }), status: 'draft' } },
      text: null,
      items: [],
    };
    setSections([...pack.sections, section]);
    pendingFocus.current = `[data-testid="field-section-${n - 1}-title-${locale}"]`;
  };

  const packTitle = pickText(pack.title, locale)?.text ?? pack.slug;

  return (
    <article
      className="builder"
      aria-labelledby="builder-heading"
      data-testid="pack-builder"
      onKeyDown={(e) => {
        if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 's') {
          e.preventDefault();
          void save();
        }
      }}
    >
      <div className="editor-bar">
        <button type="button" onClick={() => navigate({ screen: 'packs' })} data-testid="back-to-packs">
          ← {t('ui:builder.back')}
        </button>
        <h2 id="builder-heading">
          <span className="kind-label">{t('ui:pieceKind.pack')}</span> {packTitle}
        </h2>
        <div className="editor-actions">
          <span className="save-state" role="status" data-testid="save-state">
            {saving ? t('ui:editor.saving') : dirty ? t('ui:editor.unsaved') : savedAt ? t('ui:editor.saved') : ''}
          </span>
          {/* Not disabled while saving: a disabled button would drop the focus it has. */}
          <button type="button" className="button-primary" onClick={() => void save()} aria-disabled={saving} data-testid="save" aria-keyshortcuts="Control+S" title={t('ui:editor.saveShortcut')}>
            {t('ui:actions.save')}
          </button>
        </div>
      </div>
      <ErrorAlert error={error} />
      <p className="sr-only" role="status" aria-live="polite" data-testid="announcement">{announcement}</p>

      <div className="builder-layout">
        {/* First in the page, so that on a narrow window it sits at the top; beside the pack on a wide one. */}
        <div className="builder-side">
          <BuildPanel pack={pack} dirty={dirty} saving={saving} onSave={save} />
        </div>
        <div className="builder-main">
          <section className="card" aria-labelledby="pack-details">
            <h3 id="pack-details">{t('ui:builder.details')}</h3>
            <DescriptorForm kind="pack" record={pack as unknown as Record<string, unknown>} onChange={(next) => change(next as unknown as PackDoc)}
              problems={problems} choices={choices.data} testIds={PACK_TEST_IDS} />
            <LogoPicker logo={pack.logo} invalid={fieldHasProblem(problems, 'logo')} onChange={(logo) => change({ ...pack, logo })} />
            <fieldset className="options">
              <legend>{t('ui:builder.options')}</legend>
              {(['cover', 'toc', 'sources', 'numberedParagraphs'] as const).map((option) => (
                <label key={option}>
                  <input type="checkbox" checked={pack.options[option]} data-testid={`option-${option}`}
                    onChange={(e) => change({ ...pack, options: { ...pack.options, [option]: e.target.checked } })} />
                  {t(`ui:builder.option.${option}`)}
                </label>
              ))}
            </fieldset>
          </section>

          <section className="sections" aria-labelledby="pack-sections">
            <div className="browser-head">
              <h3 id="pack-sections">{t('ui:builder.sections', { count: pack.sections.length })}</h3>
              <button type="button" onClick={addSection} data-testid="add-section">+ {t('ui:builder.addSection')}</button>
            </div>
            {pack.sections.length === 0 ? (
              <div className="empty" data-testid="empty-sections">
                <p>{t('ui:builder.noSections')}</p>
                <div className="empty-actions">
                  <button type="button" className="button-primary" onClick={addSection} data-testid="empty-add-section">
                    + {t('ui:builder.addSection')}
                  </button>
                </div>
              </div>
            ) : null}
            {pack.sections.map((section, index) => (
              <SectionCard
                key={section.id}
                section={section}
                index={index}
                count={pack.sections.length}
                isFirstItemAnywhere={(item) => item === 0 && index === 0}
                isLastItemAnywhere={(item) => item === section.items.length - 1 && index === pack.sections.length - 1}
                labelOf={labelOf}
                choices={choices.data}
                problems={problems}
                adding={adding === index}
                dropTarget={dropTarget}
                handlers={handlersFor(index)}
              />
            ))}
          </section>
        </div>
      </div>

      {removing !== null ? (
        <Dialog
          title={t('ui:builder.removeSectionTitle')}
          confirmLabel={t('ui:builder.removeSection')}
          danger
          testId="remove-section-dialog"
          onCancel={() => setRemoving(null)}
          onConfirm={() => {
            const title = titleOf(pack.sections[removing]);
            const left = pack.sections.length - 1;
            setSections(pack.sections.filter((_, i) => i !== removing));
            setAdding(null);
            setRemoving(null);
            // The section's own buttons are gone: on to the one that took its place, or Add section.
            pendingFocus.current =
              left > 0 ? `[data-testid="section-${Math.min(removing, left - 1)}"] [data-testid="section-handle"]` : '[data-testid="add-section"]';
            setAnnouncement(t('ui:builder.removedSection', { title }));
          }}
        >
          <p>{t('ui:builder.removeSectionMessage', { title: titleOf(pack.sections[removing]), count: pack.sections[removing]?.items.length ?? 0 })}</p>
        </Dialog>
      ) : null}
    </article>
  );
}
