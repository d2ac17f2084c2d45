/** The project's issue tags (common rejection reasons) as checkboxes; nothing when it has none. */
export function TagPicker({
  tags,
  picked,
  onChange,
  legend = 'Issue tags',
}: {
  tags: readonly string[];
  picked: readonly string[];
  onChange: (next: string[]) => void;
  legend?: string;
}) {
  if (tags.length === 0) return null;
  return (
    <fieldset className="rv-tags">
      <legend>{legend}</legend>
      {tags.map((tag) => (
        <label key={tag} className="rv-tag-choice">
          <input
            type="checkbox"
            checked={picked.includes(tag)}
            onChange={(e) => onChange(e.target.checked ? [...picked, tag] : picked.filter((t) => t !== tag))}
          />
          {tag}
        </label>
      ))}
    </fieldset>
  );
}
