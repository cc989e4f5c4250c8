import { useId, type ReactNode } from 'react';

/** A labelled single control; `invalid` marks it when a saved problem points at it. */
export function Field({
  label,
  invalid = false,
  hint,
  children,
}: {
  label: string;
  invalid?: boolean;
  hint?: string;
  children: (props: { id: string; 'aria-invalid'?: boolean; 'aria-describedby'?: string; className?: string }) => ReactNode;
}) {
  const id = useId();
  const hintId = `${id}-hint`;
  return (
    <div className={`field ${invalid ? 'has-problem' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {children({
        id,
        'aria-invalid': invalid || undefined,
        'aria-describedby': hint ? hintId : undefined,
        className: invalid ? 'invalid' : undefined,
      })}
      {hint ? (
        <span id={hintId} className="hint">
          {hint}
        </span>
      ) : null}
    </div>
  );
}
