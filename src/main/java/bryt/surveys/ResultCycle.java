package bryt.surveys;

import java.time.LocalDate;

/**
 * A closed cycle whose results are computed.
 *
 * @param id the cycle
 * @param program {@code annual}, {@code pulse}, {@code exit_first} or {@code exit_second}
 * @param instrumentId its instrument
 * @param opensOn first day
 * @param closesOn last day
 */
record ResultCycle(long id, String program, long instrumentId, LocalDate opensOn, LocalDate closesOn) {

}
