/**
 * Complementary cell suppression over a unit tree: given a table of additive counts per
 * unit (each parent the sum of its children plus its own part) and column (a row's total
 * the sum of its parts), and the cells a minimum-group rule hides, the further cells to
 * hide so that no hidden cell's value follows from what is shown, by subtraction or by
 * the bounds the page states ({@link bryt.shared.disclosure.CellSuppression}).
 */
package bryt.shared.disclosure;
