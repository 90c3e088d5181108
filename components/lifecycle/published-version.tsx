import "./published-version.css";

/**
 * The frozen HTML of a published version, styled for reading. The HTML was rendered on the
 * server when the version was published, from the editor schema only, with every piece of user
 * text escaped and links limited to http(s) and mailto; it is stored immutably and inserted as is.
 */
export function PublishedVersion({ html }: { html: string }) {
  return (
    <div
      className="published-version"
      // biome-ignore lint/security/noDangerouslySetInnerHtml: server-rendered and escaped at publication (render-version-html.ts); never user HTML.
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
}
