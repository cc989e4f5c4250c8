import { memo, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TextLayer, type PDFDocumentProxy, type PageViewport } from 'pdfjs-dist';
import { CSS_PER_POINT } from './pageLayout';
import { outputScale } from './zoom';
import { highlightSegments, type PageMatch } from './textMatches';
import { isSafeLink, resolveDestination } from './resolveDestination';
import { mergeLinks, textInRect, type PlacedText, type Rect } from './pageLinks';

interface PageLink {
  key: string;
  rect: Rect;
  dest: unknown;
  url: string | null;
  /** 0-based page an internal link leads to, once resolved. */
  page: number | null;
  /** The words it covers, for its name. */
  text: string;
}

/**
 * One page: its canvas, the text layer over it (selectable text, and where search matches are
 * highlighted) and its links. Mounted only while near the viewport; unmounting frees it all.
 */
export const PdfPageView = memo(function PdfPageView({
  doc,
  index,
  zoom,
  top,
  width,
  height,
  matches,
  selected,
  scrolledTo,
  waiting,
  onPainted,
  onGoTo,
}: {
  doc: PDFDocumentProxy;
  index: number;
  zoom: number;
  top: number;
  width: number;
  height: number;
  matches: PageMatch[] | undefined;
  /** The selected match if it is on this page, and its sequence number (to scroll to it). */
  selected: { index: number; seq: number } | null;
  /** The last move the viewer brought into view: a page drawn again later does not scroll back to it. */
  scrolledTo: { current: number };
  /** A page just outside the viewport waits until the first page in view is painted: the worker draws that one first. */
  waiting: boolean;
  onPainted: (index: number) => void;
  onGoTo: (dest: unknown) => void;
}) {
  const { t } = useTranslation();
  const canvasHolder = useRef<HTMLDivElement>(null);
  const textHolder = useRef<HTMLDivElement>(null);
  const textLayer = useRef<TextLayer | null>(null);
  const [painted, setPainted] = useState(false);
  const [textVersion, setTextVersion] = useState(0);
  const [viewport, setViewport] = useState<PageViewport | null>(null);
  const [links, setLinks] = useState<PageLink[]>([]);
  const scale = zoom * CSS_PER_POINT;

  // The canvas: drawn into a new one, swapped in when done, so a zoom never shows a blank page.
  useEffect(() => {
    if (waiting) return;
    let cancelled = false;
    let task: { cancel: () => void } | null = null;
    void (async () => {
      try {
        const page = await doc.getPage(index + 1);
        if (cancelled) return;
        const vp = page.getViewport({ scale });
        const ratio = outputScale(vp.width, vp.height, window.devicePixelRatio);
        const canvas = document.createElement('canvas');
        canvas.width = Math.floor(vp.width * ratio);
        canvas.height = Math.floor(vp.height * ratio);
        canvas.setAttribute('aria-hidden', 'true');
        const render = page.render({ canvas, viewport: vp, transform: ratio === 1 ? undefined : [ratio, 0, 0, ratio, 0, 0] });
        task = render;
        await render.promise;
        if (cancelled) return;
        canvasHolder.current?.replaceChildren(canvas);
        setViewport(vp);
        setPainted(true);
        onPainted(index);
      } catch {
        // Cancelled (scrolled away, zoomed) or a page pdf.js cannot draw: the page stays blank.
      }
    })();
    return () => {
      cancelled = true;
      task?.cancel();
    };
  }, [doc, index, scale, waiting, onPainted]);

  // The text layer, once per page; a zoom only relays it out.
  useEffect(() => {
    if (!viewport || !textHolder.current) return;
    if (textLayer.current) {
      textLayer.current.update({ viewport });
      return;
    }
    let cancelled = false;
    const holder = textHolder.current;
    void (async () => {
      try {
        const page = await doc.getPage(index + 1);
        const content = await page.getTextContent();
        if (cancelled) return;
        const layer = new TextLayer({ textContentSource: content, container: holder, viewport });
        await layer.render();
        if (cancelled) return;
        textLayer.current = layer;
        setTextVersion((v) => v + 1);
      } catch {
        // No text layer: the page is still shown, only not searchable or selectable.
      }
    })();
    return () => {
      cancelled = true;
    };
    // The layer is made once (with the first viewport); later viewports go through update().
  }, [doc, index, viewport]);

  useEffect(
    () => () => {
      textLayer.current?.cancel();
      textLayer.current = null;
    },
    [],
  );

  // Links: internal ones go to their destination in the viewer, web and e-mail ones open outside.
  // Read once the page is drawn, so they do not hold up the drawing.
  useEffect(() => {
    if (!painted) return;
    let cancelled = false;
    void (async () => {
      try {
        const page = await doc.getPage(index + 1);
        const annotations = (await page.getAnnotations({ intent: 'display' })) as {
          subtype?: string;
          id?: string;
          rect?: number[];
          dest?: unknown;
          url?: string;
        }[];
        const areas: { key: string; rect: Rect; target: { dest: unknown; url: string | null } }[] = [];
        for (const a of annotations) {
          if (a.subtype !== 'Link' || !Array.isArray(a.rect) || a.rect.length !== 4) continue;
          const url = isSafeLink(a.url) ? a.url : null;
          if (!url && !a.dest) continue;
          areas.push({ key: url ?? JSON.stringify(a.dest), rect: a.rect as Rect, target: { dest: a.dest ?? null, url } });
        }
        if (areas.length === 0) {
          if (!cancelled) setLinks([]);
          return;
        }
        const words: PlacedText[] = [];
        for (const item of (await page.getTextContent()).items) if ('str' in item) words.push(item);
        const resolved = await Promise.all(
          mergeLinks(areas).map(async ({ key, rect, target }, i): Promise<PageLink> => ({
            key: `${i}:${key}`,
            rect,
            ...target,
            text: textInRect(words, rect),
            page: target.url ? null : ((await resolveDestination(doc, target.dest))?.index ?? null),
          })),
        );
        if (!cancelled) setLinks(resolved.filter((l) => l.url || l.page !== null));
      } catch {
        if (!cancelled) setLinks([]);
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [doc, index, painted]);

  // Search matches: the spans of the text layer cut into plain and highlighted pieces.
  useEffect(() => {
    const layer = textLayer.current;
    if (!layer) return;
    const divs = layer.textDivs;
    const strings = layer.textContentItemsStr;
    const segments = highlightSegments(strings, matches ?? []);
    let selectedSpan: HTMLElement | null = null;
    divs.forEach((div, item) => {
      const pieces = segments.get(item);
      if (!pieces) {
        if (div.dataset.highlighted) {
          div.textContent = strings[item] ?? '';
          delete div.dataset.highlighted;
        }
        return;
      }
      div.dataset.highlighted = 'true';
      div.replaceChildren(
        ...pieces.map((piece) => {
          if (piece.match === null) return document.createTextNode(piece.text);
          const span = document.createElement('span');
          span.className = piece.match === selected?.index ? 'highlight selected' : 'highlight';
          span.textContent = piece.text;
          if (piece.match === selected?.index && !selectedSpan) selectedSpan = span;
          return span;
        }),
      );
    });
    const span = selectedSpan as HTMLElement | null;
    if (span && selected && scrolledTo.current !== selected.seq) {
      scrolledTo.current = selected.seq;
      span.scrollIntoView({ block: 'center', inline: 'nearest' });
    }
  }, [matches, selected, scrolledTo, textVersion]);

  const box = (rect: PageLink['rect']) => {
    if (!viewport) return null;
    const [x1, y1, x2, y2] = viewport.convertToViewportRectangle(rect) as number[];
    return {
      left: Math.min(x1!, x2!),
      top: Math.min(y1!, y2!),
      width: Math.abs(x2! - x1!),
      height: Math.abs(y2! - y1!),
    };
  };

  return (
    <div
      className="viewer-page"
      data-testid={`viewer-page-${index + 1}`}
      data-rendered={painted ? 'true' : 'false'}
      role="group"
      aria-label={t('ui:viewer.pageLabel', { page: index + 1, total: doc.numPages })}
      style={{ top, width, height, marginLeft: -width / 2, ['--total-scale-factor' as string]: scale }}
    >
      <div ref={canvasHolder} className="viewer-canvas" />
      <div ref={textHolder} className="textLayer" />
      {painted && links.length > 0 ? (
        <div className="viewer-links">
          {links.map((link) => {
            const style = box(link.rect);
            if (!style) return null;
            return link.url ? (
              <a key={link.key} href={link.url} target="_blank" rel="noopener noreferrer" style={style} aria-label={link.text ? `${link.text} (${link.url})` : link.url} title={link.url} />
            ) : (
              <a
                key={link.key}
                href={`#page=${(link.page ?? 0) + 1}`}
                style={style}
                aria-label={link.text ? t('ui:viewer.linkToPage', { text: link.text, page: (link.page ?? 0) + 1 }) : t('ui:viewer.goToPage', { page: (link.page ?? 0) + 1 })}
                onClick={(e) => {
                  e.preventDefault();
                  onGoTo(link.dest);
                }}
              />
            );
          })}
        </div>
      ) : null}
    </div>
  );
});
