import { describe, expect, it } from "vitest";
import { collectMentionIds, insertMention, mentionQueryAt, splitMentions, suggestMentions } from "./comment-mentions";

const blake = { id: "b", name: "Blake Analyst", email: "blake@example.test" };
const blakeToo = { id: "b2", name: "Blake Analyst", email: "other@example.test" };
const casey = { id: "c", name: "Casey Reviewer", email: "casey@example.test" };
const ann = { id: "a", name: "Ann", email: "ann@example.test" };
const annLee = { id: "al", name: "Ann Lee", email: "lee@example.test" };

describe("comment mentions", () => {
  it("finds the @name being typed, names with spaces included, but not e-mail addresses", () => {
    expect(mentionQueryAt("Ask @Bla", 8)).toEqual({ start: 4, query: "Bla" });
    expect(mentionQueryAt("@Blake An", 9)).toEqual({ start: 0, query: "Blake An" });
    expect(mentionQueryAt("(@c", 3)).toEqual({ start: 1, query: "c" });
    expect(mentionQueryAt("mail blake@example", 18)).toBeNull();
    expect(mentionQueryAt("@Blake\nnext", 11)).toBeNull();
    expect(mentionQueryAt("@ later", 7)).toBeNull();
    expect(mentionQueryAt("no mention", 10)).toBeNull();
  });

  it("suggests members by the start of their name, a word of it or their e-mail", () => {
    const members = [casey, blake, ann, annLee];
    expect(suggestMentions(members, "an").map((m) => m.id)).toEqual(["a", "al", "b"]);
    expect(suggestMentions(members, "rev").map((m) => m.id)).toEqual(["c"]);
    expect(suggestMentions(members, "lee@").map((m) => m.id)).toEqual(["al"]);
    expect(suggestMentions(members, "")).toHaveLength(4);
  });

  it("inserts the chosen name and puts the caret after it", () => {
    const text = "Ask @bla about it";
    const result = insertMention(text, { start: 4, query: "bla" }, 8, "Blake Analyst");
    expect(result.text).toBe("Ask @Blake Analyst about it");
    expect(result.caret).toBe("Ask @Blake Analyst ".length);
  });

  it("collects the mentioned ids in text order, dropping mentions whose text was deleted", () => {
    const members = [blake, casey, ann, annLee];
    expect(collectMentionIds("@Casey Reviewer and @Blake Analyst, see", [], members)).toEqual(["c", "b"]);
    expect(collectMentionIds("nobody here", [blake], members)).toEqual([]);
    // "@Ann Lee" mentions Ann Lee, and not also Ann.
    expect(collectMentionIds("@Ann Lee", [], members)).toEqual(["al"]);
    expect(collectMentionIds("@Ann, @Ann Lee", [], members)).toEqual(["a", "al"]);
    // Two members with one name: the one picked from the suggestions is the one mentioned.
    expect(collectMentionIds("@Blake Analyst", [blakeToo], [blake, blakeToo])).toEqual(["b2"]);
  });

  it("splits a comment into text and mentions for display, leaving markup as text", () => {
    expect(splitMentions("Hi @Ann Lee <b>and</b> @Ann", ["Ann", "Ann Lee"])).toEqual([
      { text: "Hi ", isMention: false },
      { text: "@Ann Lee", isMention: true },
      { text: " <b>and</b> ", isMention: false },
      { text: "@Ann", isMention: true },
    ]);
    expect(splitMentions("plain", [])).toEqual([{ text: "plain", isMention: false }]);
  });
});
