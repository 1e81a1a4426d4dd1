/**
 * Phrases through the index. Postgres answers `'public' <-> 'transport'` from its GIN index only
 * up to "both words are in the document"; then it reads each candidate's word positions from its
 * full-text vector, which lives out of line — 10,000 reads for a common phrase, most of a 50 ms
 * budget several times over. So every vector also holds its word pairs as extra lexemes
 * (" public 1 transport": "transport" right after "public"; " collect 2 manual": one stop word
 * between), made by the SQL function `search_word_pairs` (migration 0008), and a phrase in a
 * query is rewritten to those pairs, which the index answers alone.
 *
 * The leading space keeps pairs out of the way of prefix searches ("transp:*") and can never come
 * from a query: the text parser never puts a space in a lexeme.
 */

type Node =
  | { kind: "word"; lexeme: string; suffix: string }
  | { kind: "not"; arg: Node }
  | { kind: "and" | "or"; left: Node; right: Node }
  | { kind: "phrase"; distance: number; left: Node; right: Node };

/** The pair lexeme for `a`, then `b` this many positions later. Must match `search_word_pairs`. */
export function wordPair(a: string, distance: number, b: string): string {
  return ` ${a} ${distance} ${b}`;
}

/** Distances the pairs are stored for: next word, or next word after one stop word. */
const PAIR_DISTANCES = new Set([1, 2]);

/**
 * Rewrites every phrase of a tsquery (in Postgres's text form) to its word pairs. A two-word
 * phrase becomes its pair, with the same matches but one: `'a' <2> 'b'` (a stop word between, as
 * in "collection is manual") no longer matches a text with some other word in that place. A
 * longer phrase becomes all its pairs: each two
 * neighbouring words side by side, which is what the phrase means in all but contrived texts.
 * Keeping the phrase itself as well would not help: one positional operator anywhere in a query
 * makes Postgres re-read the vector of every candidate on the page, exactly the cost avoided.
 * A phrase with a prefix or weight, or words further apart, is left as it is. Text this parser
 * does not understand is returned unchanged.
 */
export function rewritePhrases(tsquery: string): string {
  let tree: Node;
  try {
    tree = parse(tsquery);
  } catch {
    return tsquery;
  }
  return print(rewrite(tree));
}

function rewrite(node: Node): Node {
  switch (node.kind) {
    case "word":
      return node;
    case "not":
      return { kind: "not", arg: rewrite(node.arg) };
    case "and":
    case "or":
      return { kind: node.kind, left: rewrite(node.left), right: rewrite(node.right) };
    case "phrase": {
      const chain = chainOf(node);
      if (!chain || !chain.distances.every((d) => PAIR_DISTANCES.has(d))) return node;
      const pairs: Node[] = chain.distances.map((d, i) => ({
        kind: "word",
        lexeme: wordPair(chain.words[i]!, d, chain.words[i + 1]!),
        suffix: "",
      }));
      return pairs.reduce((left, right) => ({ kind: "and", left, right }));
    }
  }
}

/** `'a' <-> 'b' <2> 'c'` (left-nested, plain words only) → words [a, b, c], distances [1, 2]. */
function chainOf(node: Node): { words: string[]; distances: number[] } | null {
  if (node.kind === "word") return node.suffix === "" ? { words: [node.lexeme], distances: [] } : null;
  if (node.kind !== "phrase" || node.right.kind !== "word" || node.right.suffix !== "") return null;
  const left = chainOf(node.left);
  if (!left) return null;
  return { words: [...left.words, node.right.lexeme], distances: [...left.distances, node.distance] };
}

function print(node: Node): string {
  const inner = (n: Node) => (n.kind === "word" ? print(n) : `( ${print(n)} )`);
  switch (node.kind) {
    case "word":
      return `'${node.lexeme.replace(/\\/g, "\\\\").replace(/'/g, "''")}'${node.suffix}`;
    case "not":
      return `!${inner(node.arg)}`;
    case "and":
      return `${inner(node.left)} & ${inner(node.right)}`;
    case "or":
      return `${inner(node.left)} | ${inner(node.right)}`;
    case "phrase":
      return `${inner(node.left)} <${node.distance}> ${inner(node.right)}`;
  }
}

/**
 * Parses the text form Postgres prints for a tsquery. Priorities as Postgres's: `!` binds
 * tightest, then `<N>`, then `&`, then `|`; all binary operators group from the left.
 */
function parse(text: string): Node {
  const tokens = tokenize(text);
  let at = 0;
  const peek = () => tokens[at];
  const take = () => tokens[at++]!;

  function primary(): Node {
    const t = take();
    if (t === undefined) throw new Error("unexpected end");
    if (t.type === "word") return { kind: "word", lexeme: t.lexeme, suffix: t.suffix };
    if (t.type === "op" && t.op === "(") {
      const inside = or();
      const close = take();
      if (close?.type !== "op" || close.op !== ")") throw new Error("missing )");
      return inside;
    }
    if (t.type === "op" && t.op === "!") return { kind: "not", arg: primary() };
    throw new Error("unexpected token");
  }
  function phrase(): Node {
    let left = primary();
    for (let t = peek(); t?.type === "phrase"; t = peek()) {
      take();
      left = { kind: "phrase", distance: t.distance, left, right: primary() };
    }
    return left;
  }
  function and(): Node {
    let left = phrase();
    for (let t = peek(); t?.type === "op" && t.op === "&"; t = peek()) {
      take();
      left = { kind: "and", left, right: phrase() };
    }
    return left;
  }
  function or(): Node {
    let left = and();
    for (let t = peek(); t?.type === "op" && t.op === "|"; t = peek()) {
      take();
      left = { kind: "or", left, right: and() };
    }
    return left;
  }

  const tree = or();
  if (at !== tokens.length) throw new Error("trailing text");
  return tree;
}

type Token =
  | { type: "word"; lexeme: string; suffix: string }
  | { type: "op"; op: "&" | "|" | "!" | "(" | ")" }
  | { type: "phrase"; distance: number };

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === " ") {
      i++;
    } else if (c === "'") {
      let lexeme = "";
      i++;
      for (;;) {
        if (i >= text.length) throw new Error("unterminated lexeme");
        if (text[i] === "\\") {
          lexeme += text[i + 1] ?? "";
          i += 2;
        } else if (text[i] === "'" && text[i + 1] === "'") {
          lexeme += "'";
          i += 2;
        } else if (text[i] === "'") {
          i++;
          break;
        } else {
          lexeme += text[i++];
        }
      }
      const suffix = /^:[*A-D]+/.exec(text.slice(i))?.[0] ?? "";
      i += suffix.length;
      tokens.push({ type: "word", lexeme, suffix });
    } else if (c === "<") {
      const m = /^<(-|\d+)>/.exec(text.slice(i));
      if (!m) throw new Error("bad phrase operator");
      tokens.push({ type: "phrase", distance: m[1] === "-" ? 1 : Number(m[1]) });
      i += m[0].length;
    } else if ("&|!()".includes(c)) {
      tokens.push({ type: "op", op: c as "&" | "|" | "!" | "(" | ")" });
      i++;
    } else {
      throw new Error(`unexpected ${c}`);
    }
  }
  return tokens;
}
