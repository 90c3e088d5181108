import { describe, expect, it } from "vitest";
import { conflictsOf, type Details, editDraft, rebaseDraft, settleConflict, startDraft } from "./details-draft";

const OPENED: Details = { title: "Tikhoretsk", keyQuestion: "Will it stay crucial?", tlp: "AMBER" };

describe("the Details form's draft", () => {
  it("follows a colleague's save in the fields the user has not edited, and keeps what they typed", () => {
    const draft = editDraft(startDraft(OPENED), "tlp", "GREEN");
    const theirs: Details = { title: "Tikhoretsk depot", keyQuestion: "Will it stay crucial in 2027?", tlp: "AMBER" };
    const rebased = rebaseDraft(draft, theirs);
    expect(rebased.values).toEqual({ ...theirs, tlp: "GREEN" });
    // A save sends their title and key question as its starting point: nothing of theirs is reverted.
    expect(rebased.base).toEqual(theirs);
    expect(conflictsOf(rebased)).toEqual([]);
  });

  it("makes a field both changed a conflict until the user keeps theirs or their own", () => {
    const draft = editDraft(startDraft(OPENED), "title", "Mine");
    const rebased = rebaseDraft(draft, { ...OPENED, title: "Theirs" });
    expect(rebased.values.title).toBe("Mine");
    expect(rebased.base.title).toBe("Tikhoretsk");
    expect(conflictsOf(rebased)).toEqual(["title"]);

    const kept = settleConflict(rebased, "title", "mine");
    expect([kept.values.title, kept.base.title, conflictsOf(kept)]).toEqual(["Mine", "Theirs", []]);
    const taken = settleConflict(rebased, "title", "theirs");
    expect([taken.values.title, taken.base.title, conflictsOf(taken)]).toEqual(["Theirs", "Theirs", []]);
  });

  it("sees no conflict when both arrived at the same value, spaces around it aside", () => {
    const draft = editDraft(startDraft(OPENED), "title", "Same title ");
    const rebased = rebaseDraft(draft, { ...OPENED, title: "Same title" });
    expect(conflictsOf(rebased)).toEqual([]);
    expect(rebased.base.title).toBe("Same title");
  });
});
