package bryt.surveys;

import java.time.LocalDate;

/** What HR chose when launching a cycle. */
record CycleCommand(CycleProgram program, long instrumentId, LocalDate opensOn, LocalDate closesOn) {
}
