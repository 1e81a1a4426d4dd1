/**
 * Text helpers shared by both engines and the highlighter. Pure functions, no database.
 */

/** Han, Hiragana, Katakana, Hangul: scripts written without spaces between words. */
const CJK_CHAR = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\u1100-\u11ff\u3130-\u318f\uf900-\ufaff]/u;
const CJK_RUN = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\u1100-\u11ff\u3130-\u318f\uf900-\ufaff]+/gu;

export function hasCjk(text: string): boolean {
  return CJK_CHAR.test(text);
}

/**
 * Replaces every run of CJK characters by its overlapping character bigrams ("교통카드를" →
 * "교통 통카 카드 드를"), the classic way to make unsegmented text searchable by parts: a
 * query's bigrams are then an AND of tokens a GIN index answers, with no dictionary.
 */
export function cjkBigrams(text: string): string {
  return text.replace(CJK_RUN, (run) => {
    const chars = [...run];
    if (chars.length < 2) return ` ${run} `;
    const grams: string[] = [];
    for (let i = 0; i + 1 < chars.length; i++) grams.push(chars[i]! + chars[i + 1]!);
    return ` ${grams.join(" ")} `;
  });
}

/** Lower case without accents: "Déchets" → "dechets". Mirrors Postgres unaccent for Latin text. */
export function foldText(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .normalize("NFC") // recomposes Hangul, which NFD split into jamo
    .toLowerCase();
}

/** The words of a query, folded, without websearch operators. */
export function queryWords(q: string): string[] {
  return foldText(q)
    .replace(/["()]/g, " ")
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w && w !== "or" && w !== "-");
}

/** BCP 47 language → Postgres text search configuration (stemming and stop words). */
export const TEXT_SEARCH_CONFIGS: Record<string, string> = {
  en: "english",
  fr: "french",
  es: "spanish",
  pt: "portuguese",
  de: "german",
  it: "italian",
  nl: "dutch",
  ru: "russian",
  id: "indonesian",
  tr: "turkish",
};

export function textSearchConfig(language: string): string {
  return TEXT_SEARCH_CONFIGS[language.split("-")[0]!.toLowerCase()] ?? "simple";
}

export type HighlightSegment = { text: string; match: boolean };

/**
 * Splits text into matched and unmatched segments for the query's words. A word matches when a
 * folded word of the text starts with it or with its stem-like prefix (so "congestion" marks
 * "congested"); CJK query runs match as substrings. Rendering escapes each segment, so a title
 * containing markup shows as text.
 */
export function highlightSegments(text: string, q: string): HighlightSegment[] {
  const words = queryWords(q).filter((w) => w.length >= 2 || hasCjk(w));
  if (!text || words.length === 0) return text ? [{ text, match: false }] : [];
  // Folded one UTF-16 unit at a time so positions line up with the original (Hangul syllables
  // decompose under NFD and would shift them).
  const folded = [...text]
    .map((c) => {
      const f = foldText(c);
      return f.length === c.length ? f : c.toLowerCase().length === c.length ? c.toLowerCase() : c;
    })
    .join("");
  const marks = new Array<boolean>(text.length).fill(false);
  for (const word of words) {
    if (hasCjk(word)) {
      let at = folded.indexOf(word);
      while (at >= 0) {
        marks.fill(true, at, at + word.length);
        at = folded.indexOf(word, at + word.length);
      }
      continue;
    }
    const prefix = word.length > 5 ? word.slice(0, Math.max(5, word.length - 3)) : word;
    const re = /[\p{L}\p{N}]+/gu;
    for (let m = re.exec(folded); m; m = re.exec(folded)) {
      if (m[0].startsWith(prefix)) marks.fill(true, m.index, m.index + m[0].length);
    }
  }
  const segments: HighlightSegment[] = [];
  let start = 0;
  for (let i = 1; i <= text.length; i++) {
    if (i === text.length || marks[i] !== marks[start]) {
      segments.push({ text: text.slice(start, i), match: marks[start]! });
      start = i;
    }
  }
  return segments;
}

export function escapeHtml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}

/** Escaped HTML with <mark> around matches: what the API returns as `highlight`. */
export function highlightHtml(text: string, q: string): string {
  return highlightSegments(text, q)
    .map((s) => (s.match ? `<mark>${escapeHtml(s.text)}</mark>` : escapeHtml(s.text)))
    .join("");
}
