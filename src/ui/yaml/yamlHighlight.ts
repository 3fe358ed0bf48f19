import { HighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { tags } from '@lezer/highlight';

/** YAML colours from CSS variables, so the editor follows the app's light or dark theme. */
export const yamlHighlight = syntaxHighlighting(
  HighlightStyle.define([
    { tag: [tags.propertyName, tags.definition(tags.propertyName)], color: 'var(--yaml-key)' },
    { tag: [tags.string, tags.special(tags.string), tags.content], color: 'var(--yaml-string)' },
    { tag: [tags.number, tags.bool, tags.null, tags.atom], color: 'var(--yaml-literal)' },
    { tag: [tags.comment, tags.lineComment], color: 'var(--yaml-comment)', fontStyle: 'italic' },
    { tag: [tags.meta, tags.keyword, tags.typeName, tags.labelName], color: 'var(--yaml-meta)' },
    { tag: [tags.punctuation, tags.separator, tags.squareBracket, tags.brace], color: 'var(--muted)' },
  ]),
);
