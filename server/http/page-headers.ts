/** A page of a list: which page, how many per page, and how many in all. */
export interface PageInfo {
  page: number;
  limit: number;
  total: number;
}

/**
 * Headers of a paged list answered as a plain JSON array (so unpaged clients keep working):
 * `X-Total-Count`, and an RFC 8288 `Link` to the next and previous pages, as GitHub's API does.
 */
export function pageHeaders(url: URL, { page, limit, total }: PageInfo): Headers {
  const headers = new Headers({ "X-Total-Count": String(total) });
  const linkTo = (target: number) => {
    const next = new URL(url);
    next.searchParams.set("page", String(target));
    next.searchParams.set("limit", String(limit));
    return `<${next.pathname}${next.search}>`;
  };
  const links: string[] = [];
  if (page * limit < total) links.push(`${linkTo(page + 1)}; rel="next"`);
  if (page > 1) links.push(`${linkTo(Math.min(page - 1, Math.max(1, Math.ceil(total / limit))))}; rel="prev"`);
  if (links.length > 0) headers.set("Link", links.join(", "));
  return headers;
}
