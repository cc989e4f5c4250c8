/** A search excerpt with the matched words, which the server puts in [brackets], marked. */
export function Excerpt({ text }: { text: string }) {
  const parts = text.split(/(\[[^\]]*\])/);
  return (
    <>
      {parts.map((part, i) =>
        part.startsWith('[') && part.endsWith(']') && part.length > 2 ? <mark key={i}>{part.slice(1, -1)}</mark> : part,
      )}
    </>
  );
}
