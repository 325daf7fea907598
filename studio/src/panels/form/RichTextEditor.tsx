import { EditorContent, useEditor } from "@tiptap/react";
import StarterKit from "@tiptap/starter-kit";

/** Buttons of the toolbar: each runs one editor command. */
const TOOLS = [
  { label: "Bold", run: "toggleBold" },
  { label: "Italic", run: "toggleItalic" },
  { label: "Bulleted list", run: "toggleBulletList" },
  { label: "Numbered list", run: "toggleOrderedList" },
] as const;

/**
 * The visual editor of an email body (TipTap on ProseMirror), loaded only when a marketer opens it. Liquid tags
 * such as `{{ profile.firstName }}` are kept as text and rendered by the preview.
 */
export default function RichTextEditor({
  id,
  label,
  value,
  readOnly,
  onChange,
}: {
  id: string;
  label: string;
  value: string;
  readOnly: boolean;
  onChange(html: string): void;
}) {
  const editor = useEditor({
    extensions: [StarterKit.configure({ link: { openOnClick: false } })],
    content: value,
    editable: !readOnly,
    immediatelyRender: true,
    editorProps: {
      attributes: {
        id,
        class: "rich-text__content nodrag",
        role: "textbox",
        "aria-multiline": "true",
        "aria-label": `${label} (visual editor)`,
      },
    },
    onUpdate: ({ editor: e }) => onChange(e.getHTML()),
  });
  return (
    <div className="rich-text">
      {readOnly ? null : (
        <div className="rich-text__toolbar" role="toolbar" aria-label="Formatting">
          {TOOLS.map((tool) => (
            <button
              key={tool.run}
              type="button"
              className="btn btn--sm btn--ghost"
              onClick={() => editor.chain().focus()[tool.run]().run()}
            >
              {tool.label}
            </button>
          ))}
          <button
            type="button"
            className="btn btn--sm btn--ghost"
            onClick={() => {
              const url = window.prompt("Link address");
              if (url) editor.chain().focus().setLink({ href: url }).run();
            }}
          >
            Link
          </button>
        </div>
      )}
      <EditorContent editor={editor} />
    </div>
  );
}
