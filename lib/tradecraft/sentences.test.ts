import { describe, expect, it } from "vitest";
import { splitSentences } from "./sentences";

function sentencesOf(text: string): string[] {
  return splitSentences(text).map(({ from, to }) => text.slice(from, to));
}

describe("splitSentences", () => {
  it.each([
    ["One. Two! Three?", ["One.", "Two!", "Three?"]],
    [
      "The U.S. State Department said approx. 10,000 containers were sent. Rail cars fell to 50.",
      ["The U.S. State Department said approx. 10,000 containers were sent.", "Rail cars fell to 50."],
    ],
    ["Shells (e.g. 152 mm) moved by rail. It is likely.", ["Shells (e.g. 152 mm) moved by rail.", "It is likely."]],
    ["About 3.5 million shells. More followed.", ["About 3.5 million shells.", "More followed."]],
    ["Dr. Kim spoke on 13 Sep. 2023 at Vostochny.", ["Dr. Kim spoke on 13 Sep. 2023 at Vostochny."]],
    ["Satellite imagery by J. Bermudez et al. shows tarps.", ["Satellite imagery by J. Bermudez et al. shows tarps."]],
    ["“It is likely.” We agree.", ["“It is likely.”", "We agree."]],
    ["First line\nSecond line", ["First line", "Second line"]],
    ["  ", []],
  ])("%j", (text, expected) => {
    expect(sentencesOf(text)).toEqual(expected);
  });
});
