import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LogoDoc } from '../../../../shared/schemas/logoSchema';
import { LOGO_TYPES, checkLogo, isLogoProblem, type LogoType } from '../../../../shared/domain/logoImage';

/** Base64 of a file's bytes, in slices so a large file does not overflow the argument list. */
function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/**
 * The pack's logo: a PNG or JPEG the user picks from their disk, checked here (the same check
 * main makes when the pack is saved) and kept in the pack, so the library holds it from then on.
 */
export function LogoPicker({ logo, invalid, onChange }: { logo: LogoDoc | null; invalid: boolean; onChange: (logo: LogoDoc | null) => void }) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const id = useId();

  const pick = async (file: File) => {
    setProblem(null);
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(await file.arrayBuffer());
    } catch {
      setProblem(t('ui:builder.logoReadFailed', { file: file.name }));
      return;
    }
    const type: LogoType = (LOGO_TYPES as readonly string[]).includes(file.type) ? (file.type as LogoType) : 'image/png';
    const data = toBase64(bytes);
    const result = checkLogo(type, data);
    if (isLogoProblem(result)) {
      // A file named .png that is a JPEG (or the reverse) is taken for what its bytes say.
      if (result.key === 'logoWrongType') {
        const other = checkLogo(result.values.actual, data);
        if (!isLogoProblem(other)) {
          onChange({ type: other.type, data });
          return;
        }
      }
      setProblem(`${file.name}: ${t(`errors:validation.${result.key}`, result.values)}`);
      return;
    }
    onChange({ type: result.type, data });
  };

  return (
    <div className={`field logo-picker ${invalid || problem ? 'has-problem' : ''}`} data-testid="pack-logo">
      <span className="label" id={`${id}-label`}>{t('ui:fields.logo')}</span>
      <div className="logo-row">
        {logo ? (
          <img src={`data:${logo.type};base64,${logo.data}`} alt={t('ui:builder.logoAlt')} className="logo-preview" data-testid="pack-logo-preview" />
        ) : (
          <span className="hint">{t('ui:builder.logoNone')}</span>
        )}
        <input
          ref={input}
          id={`${id}-file`}
          type="file"
          accept="image/png,image/jpeg"
          hidden
          data-testid="pack-logo-file"
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) void pick(file);
          }}
        />
        <button type="button" aria-describedby={`${id}-label ${id}-hint`} onClick={() => input.current?.click()} data-testid="pack-logo-choose">
          {logo ? t('ui:builder.logoReplace') : t('ui:builder.logoChoose')}
        </button>
        {logo ? (
          <button type="button" onClick={() => onChange(null)} data-testid="pack-logo-remove">
            {t('ui:builder.logoRemove')}
          </button>
        ) : null}
      </div>
      <span className="hint" id={`${id}-hint`}>{t('ui:builder.logoHint')}</span>
      {problem ? (
        <p className="field-problem" role="alert" data-testid="pack-logo-problem">
          {problem}
        </p>
      ) : null}
    </div>
  );
}
