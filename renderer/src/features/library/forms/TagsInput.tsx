import { useState } from 'react';

/** Tags typed as a comma-separated list; the text is kept as typed while the tags update. */
export function TagsInput({
  tags,
  onChange,
  ...props
}: {
  tags: readonly string[];
  onChange: (tags: string[]) => void;
  id: string;
  'aria-invalid'?: boolean;
  'aria-describedby'?: string;
  className?: string;
}) {
  const [text, setText] = useState(tags.join(', '));
  return (
    <input
      {...props}
      type="text"
      data-testid="field-tags"
      value={text}
      onChange={(e) => {
        setText(e.target.value);
        onChange(
          e.target.value
            .split(',')
            .map((tag) => tag.trim())
            .filter(Boolean),
        );
      }}
    />
  );
}
