/**
 * Tables of figures: one model per table that the page renders and the CSV and Excel
 * downloads write, so that a download always holds exactly the numbers on the page; with
 * server-side sorting and pagination that work without JavaScript.
 */
package bryt.shared.tables;
