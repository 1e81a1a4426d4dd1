import { describe, expect, test } from "vitest";
import { rewritePhrases, wordPair } from "./word-pairs";

describe("phrase rewriting to word pairs", () => {
  test("a two-word phrase becomes its pair; one stop word between keeps its distance", () => {
    expect(rewritePhrases("'public' <-> 'transport'")).toBe("' public 1 transport'");
    expect(rewritePhrases("'gestion' <2> 'dechet'")).toBe("' gestion 2 dechet'");
  });

  test("a longer phrase becomes all its neighbouring pairs", () => {
    expect(rewritePhrases("'tax' <-> 'collect' <2> 'manual'")).toBe("' tax 1 collect' & ' collect 2 manual'");
  });

  test("phrases inside other operators are rewritten; words, prefixes and far phrases are left alone", () => {
    expect(rewritePhrases("'open' <-> 'data' & 'budget' | !( 'a' <-> 'b' )")).toBe(
      "( ' open 1 data' & 'budget' ) | ( !' a 1 b' )",
    );
    expect(rewritePhrases("'open' <-> 'da':*")).toBe("'open' <1> 'da':*");
    expect(rewritePhrases("'one' <3> 'best'")).toBe("'one' <3> 'best'");
    expect(rewritePhrases("'transport' & 'card':*")).toBe("'transport' & 'card':*");
  });

  test("quotes and backslashes survive the round trip; unreadable text is returned unchanged", () => {
    expect(rewritePhrases("'it''s' <-> 'a\\\\b'")).toBe(`'${wordPair("it''s", 1, "a\\\\b")}'`);
    expect(rewritePhrases("'unterminated")).toBe("'unterminated");
  });
});
