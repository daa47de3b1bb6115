/** What a page layout is: a name, a marker count read from the page's lines, and its parser. */
import type { Story } from '../../../model/types.js';

export interface PageLayoutSpec<Name extends string = string> {
  readonly name: Name;
  /** How many of the layout's markers the page's lines (furniture removed) hold; 0: not this layout. */
  score(lines: readonly string[]): number;
  /** The stories of a page in this layout ([] when it finds none). Never throws. */
  parse(text: string, page: string): Story[];
}

/** A layout with its name kept as a literal type (so the registry yields the union of names). */
export function defineLayout<Name extends string>(spec: PageLayoutSpec<Name>): PageLayoutSpec<Name> {
  return spec;
}
